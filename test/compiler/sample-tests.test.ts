// Every sample's own `test` blocks pass when run through the compiled table,
// and every enabled rule of its routers is reached by some test.

import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile";
import { hasErrors } from "../../language/diagnostics/diagnostic";
import { checkProgram } from "../../language/semantics/check";
import { runTests } from "../../compiler/test-runner";
import { loadTable } from "../../runtime/index";
import { diskHost, repositoryRoot } from "./load-program";

/** The brief's acme.route is kept byte for byte, with only its two tests: these rules are reached by none. */
const unreached: Record<string, string[]> = {
  "samples/acme.route": [
    "inbound: Existing customer -> account owner",
    "inbound: EU compliance",
    "inbound: High payroll fit",
    "pounce: EMEA target accounts",
  ],
};

function routeFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return routeFiles(path);
      return name.endsWith(".route") ? [path] : [];
    });
}

describe("the samples' tests pass", () => {
  for (const file of routeFiles(join(repositoryRoot, "samples"))) {
    it(relative(repositoryRoot, file), () => {
      const checked = checkProgram(file, diskHost);
      expect(hasErrors(checked.diagnostics)).toBe(false);
      if (checked.value.tests.length === 0) return;
      const table = compile(checked.value, { root: repositoryRoot, readFile: diskHost.readFile }).value!;
      const report = runTests(checked.value, loadTable(table));
      const failed = report.tests.filter((test) => test.status === "failed").map((test) => ({ name: test.name, failures: test.failures }));
      expect(failed).toEqual([]);
      expect(report.unreached.map((item) => `${item.router}: ${item.rule}`)).toEqual(unreached[relative(repositoryRoot, file)] ?? []);
    });
  }
});
