// The index on routers large enough that a lookup walks several summary
// words: the benchmark's territory tables (every lead travels to its cell,
// past whole words of rows the summaries skip) and its overlap-heavy routers,
// against the rule walk on every record and the reference evaluator on some.

import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile";
import { checkProgram } from "../../language/semantics/check";
import { evaluate } from "../../language/semantics/evaluate";
import { loadTable, match } from "../../runtime/index";
import { generateOverlappingRules, generateRecords, generateRules, routeText, type BenchRule } from "../../scripts/bench/generate";
import { MemoryHost } from "../harness/memory-host";

const RECORDS = 4_000;

function tablesFor(rules: BenchRule[]) {
  const checked = checkProgram("/large/main.route", new MemoryHost({ "/large/main.route": routeText(rules) }));
  expect(checked.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  return { program: checked.value, indexed: loadTable(compile(checked.value).value!), plain: loadTable(compile(checked.value, { index: false }).value!) };
}

describe("the index on routers of thousands of rules", () => {
  const cases: [string, BenchRule[]][] = [
    ["a territory table of 2,500 rules (79 words, 3 summary words)", generateRules(2_500, 41)],
    ["an overlap-heavy router of 1,500 rules", generateOverlappingRules(1_500, 43)],
  ];
  for (const [name, rules] of cases) {
    it(`${name}: the same rule as the walk on ${RECORDS.toLocaleString("en")} records in few and many shapes, and as the reference on every tenth`, () => {
      const { program, indexed, plain } = tablesFor(rules);
      const records = [...generateRecords(RECORDS / 2, 7), ...generateRecords(RECORDS / 2, 11, true)];
      let mismatches = 0;
      const positions = new Set<string | null>();
      records.forEach((record, i) => {
        const got = match(indexed, "inbound", record).rule;
        positions.add(got);
        if (got !== match(plain, "inbound", record).rule) mismatches++;
        if (i % 10 === 0 && got !== evaluate(program, "inbound", record, { at: null }).rule) mismatches++;
      });
      expect(mismatches).toBe(0);
      // The records reach many different rules, far down the table too: the lookup really crossed summary words.
      expect(positions.size).toBeGreaterThan(200);
      expect([...positions].some((rule) => rule !== null && Number(rule.slice(1)) > 1_100)).toBe(true);
    });
  }
});
