// Snapshots of the checked `Program` for the brief's two files (maps as
// objects, spans and syntax trees left out), so a reviewer sees every change
// to what the compiler and the evaluator receive. Accept changes with `vitest -u`.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkProgram } from "../../language/semantics/check";
import type { Program } from "../../language/semantics/model";
import { MemoryHost } from "../harness/memory-host";

const here = dirname(fileURLToPath(import.meta.url));
const folder = join(here, "..", "fixtures", "check", "acme");
const files = {
  "acme/main.route": readFileSync(join(folder, "main.route"), "utf8"),
  "acme/people.route": readFileSync(join(folder, "people.route"), "utf8"),
};

/** Plain JSON of a program: maps become objects; spans, headers and syntax trees are dropped. */
export function programToJson(program: Program): string {
  const plain = {
    ...program,
    files: program.files.map((file) => file.path),
  };
  return (
    JSON.stringify(
      plain,
      (key, value: unknown) => {
        if (key === "span" || key === "header") return undefined;
        if (value instanceof Map) return Object.fromEntries(value);
        return value;
      },
      2,
    ) + "\n"
  );
}

describe("checked program snapshots", () => {
  it("acme.route with people.route", async () => {
    const result = checkProgram("acme/main.route", new MemoryHost(files));
    expect(result.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(["info require-on-optional-field", "info disabled-rule"]);
    await expect(programToJson(result.value)).toMatchFileSnapshot("__snapshots__/acme-program.json");
  });

  it("people.route alone", async () => {
    const result = checkProgram("acme/people.route", new MemoryHost(files));
    expect(result.diagnostics).toEqual([]);
    await expect(programToJson(result.value)).toMatchFileSnapshot("__snapshots__/people-program.json");
  });
});
