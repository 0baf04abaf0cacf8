// Data-driven checker tests: every fixture under test/fixtures/check is run
// through `checkProgram` and its diagnostics compared with the inline
// expectations. A top-level file is a one-file workspace; a folder is a
// workspace whose entry is `main.route`.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkProgram } from "../../language/semantics/check";
import { compareExpectations, readExpectations } from "../harness/expectations";
import { MemoryHost } from "../harness/memory-host";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "fixtures", "check");
const repository = join(here, "..", "..");

interface Workspace {
  name: string;
  entry: string;
  files: Map<string, string>;
}

function workspaces(): Workspace[] {
  const result: Workspace[] = [];
  for (const name of readdirSync(root).sort()) {
    const path = join(root, name);
    if (statSync(path).isDirectory()) {
      const files = new Map<string, string>();
      const walk = (folder: string) => {
        for (const child of readdirSync(folder).sort()) {
          const childPath = join(folder, child);
          if (statSync(childPath).isDirectory()) walk(childPath);
          else if (child.endsWith(".route")) files.set(relative(repository, childPath), readFileSync(childPath, "utf8"));
        }
      };
      walk(path);
      result.push({ name, entry: relative(repository, join(path, "main.route")), files });
    } else if (name.endsWith(".route")) {
      const key = relative(repository, path);
      result.push({ name, entry: key, files: new Map([[key, readFileSync(path, "utf8")]]) });
    }
  }
  return result;
}

describe("checker fixtures", () => {
  for (const workspace of workspaces()) {
    it(workspace.name, () => {
      const host = new MemoryHost(Object.fromEntries(workspace.files));
      const result = checkProgram(workspace.entry, host);
      const expectations = [...workspace.files].flatMap(([file, text]) => readExpectations(file, text));
      const problems = compareExpectations(expectations, result.diagnostics, workspace.files);
      expect(problems).toEqual([]);
    });
  }
});
