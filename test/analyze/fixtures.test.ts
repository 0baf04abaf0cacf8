// Data-driven analysis tests: every fixture under test/fixtures/analyze is
// checked and analysed, its diagnostics compared with the inline
// expectations, the rendered text compared with a snapshot, and every
// finding's example record replayed through the reference evaluator.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeFindings, analyzeProgram } from "../../compiler/analyze";
import { renderDiagnosticsText } from "../../language/diagnostics/render-text";
import { checkProgram } from "../../language/semantics/check";
import { evaluate } from "../../language/semantics/evaluate";
import type { Program } from "../../language/semantics/model";
import { compareExpectations, readExpectations } from "../harness/expectations";
import { MemoryHost } from "../harness/memory-host";
import { ruleHolds } from "./harness";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "fixtures", "analyze");
const repository = join(here, "..", "..");

/** Whether `condition`-bearing assert `when` holds for the record: replayed as a one-rule router. */
function whenHolds(program: Program, routerId: string, when: NonNullable<Program["asserts"][number]["when"]>, record: Record<string, unknown>, at: string | null): boolean {
  const router = program.routers.get(routerId)!;
  const rule = { ...router.rules[0]!, enabled: true, condition: when };
  const copy: Program = { ...program, routers: new Map([["__when", { ...router, id: "__when", rules: [rule], otherwise: null }]]) };
  return evaluate(copy, "__when", record, { at: at ? new Date(at) : null }).outcome === "rule";
}

describe("analysis fixtures", () => {
  for (const name of readdirSync(root).filter((file) => file.endsWith(".route")).sort()) {
    const path = join(root, name);
    const key = relative(repository, path);
    const text = readFileSync(path, "utf8");
    const load = () => {
      const checked = checkProgram(key, new MemoryHost({ [key]: text }));
      return { checked, diagnostics: [...checked.diagnostics, ...analyzeProgram(checked.value)] };
    };

    it(`${name}: diagnostics as expected`, () => {
      const { diagnostics } = load();
      const problems = compareExpectations(readExpectations(key, text), diagnostics, new Map([[key, text]]));
      expect(problems).toEqual([]);
      const rendered = renderDiagnosticsText(diagnostics, { color: false, source: () => text });
      expect(rendered).toMatchSnapshot();
    });

    it(`${name}: every example record does what its finding says`, () => {
      const program = load().checked.value;
      const { findings, undecided } = analyzeFindings(program);
      expect(undecided).toEqual([]);
      for (const finding of findings) {
        const at = "witness" in finding ? finding.witness.at : null;
        const options = { at: at ? new Date(at) : null };
        switch (finding.code) {
          case "shadowed-rule":
            expect(ruleHolds(program, finding.router, finding.rule, finding.witness.record, at)).toBe(true);
            expect(finding.by).toContain(evaluate(program, finding.router, finding.witness.record, options).ruleIndex);
            break;
          case "overlapping-rules":
            for (const earlier of finding.earlier) {
              expect(ruleHolds(program, finding.router, finding.rule, earlier.witness.record, earlier.witness.at)).toBe(true);
              expect(evaluate(program, finding.router, earlier.witness.record, { at: earlier.witness.at ? new Date(earlier.witness.at) : null }).ruleIndex).toBe(earlier.rule);
            }
            break;
          case "unmatched-records":
            expect(evaluate(program, finding.router, finding.witness.record, options).outcome).toBe("unmatched");
            break;
          case "assert-failed": {
            const decision = evaluate(program, finding.assert.router, finding.witness.record, options);
            expect(decision.outcome).toBe(finding.outcome);
            expect(decision.ruleIndex).toBe(finding.rule);
            if (finding.assert.when) expect(whenHolds(program, finding.assert.router, finding.assert.when, finding.witness.record, at)).toBe(true);
            break;
          }
          default:
            break;
        }
      }
    });
  }
});
