// runTests on a fixture with passing and deliberately failing tests: the
// statuses, the exact failure messages and the rules no test reached.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile";
import { runTests } from "../../compiler/test-runner";
import { loadTable } from "../../runtime/index";
import { diskHost, loadProgram, repositoryRoot } from "./load-program";

const folder = join(repositoryRoot, "test/fixtures/compiler/runner");

describe("runTests", () => {
  it("reports each test's failures in rev-ops words", () => {
    const program = loadProgram(join(folder, "tests.route"));
    const table = compile(program, { root: repositoryRoot, readFile: diskHost.readFile }).value!;
    const report = runTests(program, loadTable(table));
    const expected = JSON.parse(readFileSync(join(folder, "expected.json"), "utf8"));
    expect({
      tests: report.tests.map((test) => ({ name: test.name, status: test.status, failures: test.failures })),
      unreached: report.unreached.map((item) => ({ router: item.router, rule: item.rule })),
    }).toEqual(expected);
    for (const test of report.tests) {
      expect(test.file).toBe(join(folder, "tests.route"));
      expect(test.decision).toBeDefined();
      expect(test.placement).toBeDefined();
    }
  });
});
