// `route test` with people: `expect rep` through a fresh MemoryStore per test.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../../compiler/compile";
import { runTests } from "../../../compiler/test-runner";
import { checkProgram } from "../../../language/semantics/check";
import { loadTable } from "../../../runtime/index";
import { MemoryHost } from "../../harness/memory-host";
import { DISTRIBUTE_FIXTURES } from "./harness";

describe("expect rep", () => {
  it("passes with the brief's §7 defaults and explains a wrong rep", () => {
    const text = readFileSync(`${DISTRIBUTE_FIXTURES}/expect-rep.route`, "utf8");
    const program = checkProgram("/f/main.route", new MemoryHost({ "/f/main.route": text })).value;
    const report = runTests(program, loadTable(compile(program, { root: "/f" }).value!));
    expect(report.tests.map((test) => [test.name, test.status, ...test.failures])).toEqual([
      ["fresh state: the first member takes it", "passed"],
      ["state is fresh again: alice still first", "passed"],
      ["with unavailable: the next member", "passed"],
      ["at night alice is outside her hours", "passed"],
      ["a broadcast offers it to every eligible member", "passed"],
      ["a wrong expectation says who got it", "failed", "expected rep carol, but the record was placed by team sales (its `assign to`), which chose alice"],
    ]);
  });
});
