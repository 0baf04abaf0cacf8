// The decision index never changes a routing outcome: on random routers and
// random records (missing, unknown, wrong-type and case-varied values, at random
// instants) the indexed runtime agrees with the plain rule walk on every record
// and with the reference evaluator on a large sample; the lazily computed trace
// equals the walk's.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile";
import { indexTable } from "../../compiler/table-index/build";
import { hasErrors } from "../../language/diagnostics/diagnostic";
import { checkProgram } from "../../language/semantics/check";
import { evaluate } from "../../language/semantics/evaluate";
import { loadTable, match } from "../../runtime/index";
import type { Table } from "../../runtime/table-format";
import { MemoryHost } from "../harness/memory-host";
import { instantArbitrary, recordArbitrary } from "../harness/records";
import { randomProgram } from "./random-program";

const PROGRAMS = 100;
const RECORDS = 10_000;
/** One record in REFERENCE_EVERY is also routed by the reference evaluator; one in TRACE_EVERY compares whole decisions. */
const REFERENCE_EVERY = 8;
const TRACE_EVERY = 50;

function compileProgram(seed: number) {
  const host = new MemoryHost({ "/random/main.route": randomProgram(seed) });
  const checked = checkProgram("/random/main.route", host);
  if (hasErrors(checked.diagnostics)) return null;
  const indexed = compile(checked.value).value!;
  const plain = compile(checked.value, { index: false }).value!;
  return { program: checked.value, indexed, plain };
}

describe("the decision index agrees with the rule walk and the reference evaluator", () => {
  const checks = PROGRAMS * RECORDS;
  it(`${PROGRAMS} random routers × ${RECORDS} random records = ${checks.toLocaleString("en")} indexed-vs-walk checks, ${(checks / REFERENCE_EVERY).toLocaleString("en")} vs the reference, ${(checks / TRACE_EVERY).toLocaleString("en")} whole decisions with traces`, () => {
    let compiled = 0;
    let mismatches = 0;
    let rowsVerified = 0;
    const firstMismatches: string[] = [];
    for (let seed = 1; compiled < PROGRAMS; seed++) {
      if (seed > PROGRAMS * 3) throw new Error(`only ${compiled} of ${seed} random programs check without errors`);
      const built = compileProgram(seed);
      if (built === null) continue;
      compiled++;
      const { program, indexed, plain } = built;
      expect(indexed.routers.main!.index, `seed ${seed}: no index`).toBeDefined();
      rowsVerified += indexed.routers.main!.index!.verify.length;
      // Every fourth program keeps one verified row per rule with an `or`, so that path is checked as much.
      const fast = loadTable(seed % 4 === 0 ? indexTable(plain, { maxRowsPerRule: 1 }) : indexed);
      if (seed % 4 === 0) rowsVerified += indexTable(plain, { maxRowsPerRule: 1 }).routers.main!.index!.verify.length;
      const slow = loadTable(plain);
      const records = fc.sample(fc.tuple(recordArbitrary(indexed as Table, "main"), instantArbitrary(indexed as Table)), { seed, numRuns: RECORDS });
      records.forEach(([record, instant], i) => {
        const at = instant ?? undefined;
        const got = match(fast, "main", record, { at });
        const walked = match(slow, "main", record, { at });
        let wrong = got.outcome !== walked.outcome || got.rule !== walked.rule;
        if (!wrong && i % REFERENCE_EVERY === 0) {
          const reference = evaluate(program, "main", record, { at: instant });
          wrong = reference.outcome !== got.outcome || reference.rule !== got.rule;
        }
        if (!wrong && i % TRACE_EVERY === 0) wrong = JSON.stringify(got) !== JSON.stringify(walked);
        if (wrong) {
          mismatches++;
          if (firstMismatches.length < 5) {
            firstMismatches.push(`seed ${seed}, record ${JSON.stringify(record)}, at ${instant?.toISOString()}: index ${got.outcome} ${got.rule}, walk ${walked.outcome} ${walked.rule}`);
          }
        }
      });
    }
    expect(firstMismatches).toEqual([]);
    expect(mismatches).toBe(0);
    // The generator must exercise the verified-row fallback too, or that path goes untested.
    expect(rowsVerified).toBeGreaterThan(0);
  });
});
