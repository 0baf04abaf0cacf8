// Malformed tables (test/fixtures/runtime/malformed/*.json, each `{ expect: [substrings], table }`)
// give one TableError listing every problem with its JSON path — never another exception.
// What a reader sees is kept beside each fixture (`<name>.problems.txt`, accepted with `npx vitest run -u`).

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTable, TableError } from "../../runtime/index";
import { FIXTURES, fixtureFiles } from "./harness";
import { readFileSync } from "node:fs";

const folder = join(FIXTURES, "malformed");

describe("malformed tables", () => {
  for (const file of fixtureFiles(folder)) {
    const { expect: wanted, table } = JSON.parse(readFileSync(join(folder, file), "utf8")) as { expect: string[]; table: unknown };
    it(file, async () => {
      let thrown: unknown = null;
      try {
        loadTable(table);
      } catch (error) {
        thrown = error;
      }
      if (wanted.length === 0) {
        expect(thrown, "a valid table loads").toBeNull();
        return;
      }
      expect(thrown).toBeInstanceOf(TableError);
      const error = thrown as TableError;
      expect(error.problems.length).toBeGreaterThanOrEqual(wanted.length);
      for (const part of wanted) {
        expect(error.problems.some((problem) => problem.includes(part)), `a problem containing ${JSON.stringify(part)} in\n${error.problems.join("\n")}`).toBe(true);
        expect(error.message).toContain(part);
      }
      // Every problem names where it is: a JSON path from `table`, or the format version itself.
      for (const problem of error.problems) expect(problem).toMatch(/^(table[.[:]|this table is format )/);
      await expect(error.problems.join("\n") + "\n").toMatchFileSnapshot(join(folder, file.replace(/\.json$/, ".problems.txt")));
    });
  }
});
