// The brute force the analysis is compared with: on a random router over
// small finite domains, enumerate every record that matters and check that
// the never-matching, shadowed, overlapping and unmatched findings equal what
// enumeration says, and that every example record does what its finding claims.

import { expect } from "vitest";
import { analyzeFindings } from "../../compiler/analyze";
import { outcomeKey } from "../../compiler/analyze/outcomes";
import { evaluate } from "../../language/semantics/evaluate";
import type { Program, RecordValue } from "../../language/semantics/model";
import { programOf } from "./harness";
import { randomRouter, records } from "./random-routers";

interface Expected {
  never: number[];
  shadowed: number[];
  overlaps: Map<number, number[]>;
  unmatched: boolean;
}

function singleRulePrograms(program: Program): (Program | null)[] {
  const router = program.routers.get("main")!;
  return router.rules.map((rule) => {
    if (!rule.enabled) return null;
    const single = { ...router, rules: [rule], otherwise: null };
    return { ...program, routers: new Map([["main", single]]) };
  });
}

function bruteForce(program: Program, fields: Parameters<typeof records>[0]): Expected & { holds: (record: RecordValue, rule: number) => boolean } {
  const router = program.routers.get("main")!;
  const singles = singleRulePrograms(program);
  const holds = (record: RecordValue, rule: number) => evaluate(singles[rule]!, "main", record, { at: null }).outcome === "rule";
  const keys = router.rules.map((rule) => outcomeKey(rule));
  const matchedAtAll = new Set<number>();
  const firstOf = new Set<number>();
  const overlaps = new Map<number, Set<number>>();
  let unmatched = false;
  for (const record of records(fields)) {
    let first: number | null = null;
    router.rules.forEach((rule, index) => {
      if (!rule.enabled || !holds(record, index)) return;
      matchedAtAll.add(index);
      if (first === null) {
        first = index;
        firstOf.add(index);
      } else if (keys[first] !== keys[index]) {
        if (!overlaps.has(index)) overlaps.set(index, new Set());
        overlaps.get(index)!.add(first);
      }
    });
    if (first === null) unmatched = true;
  }
  const enabled = router.rules.flatMap((rule, index) => (rule.enabled ? [index] : []));
  const never = enabled.filter((index) => !matchedAtAll.has(index));
  const shadowed = enabled.filter((index) => matchedAtAll.has(index) && !firstOf.has(index));
  const overlapping = new Map<number, number[]>();
  // A shadowed rule is reported as shadowed only, not also as overlapping.
  for (const [rule, earlier] of overlaps) if (firstOf.has(rule)) overlapping.set(rule, [...earlier].sort((a, b) => a - b));
  return { never, shadowed, overlaps: overlapping, unmatched: unmatched && router.otherwise === null, holds };
}

/** How many findings of each code the comparisons have seen (to show the random routers exercise them all). */
export const seen = new Map<string, number>();

export function compare(seed: number): void {
  const generated = randomRouter(seed);
  const program = programOf(generated.text, `/seed${seed}`);
  const expected = bruteForce(program, generated.fields);
  const { findings, undecided } = analyzeFindings(program);
  const context = `seed ${seed}\n${generated.text}`;
  expect(undecided, context).toEqual([]);
  const got = {
    never: findings.flatMap((f) => (f.code === "never-matches" ? [f.rule] : [])),
    shadowed: findings.flatMap((f) => (f.code === "shadowed-rule" ? [f.rule] : [])),
    overlaps: new Map(findings.flatMap((f) => (f.code === "overlapping-rules" ? [[f.rule, f.earlier.map((e) => e.rule)] as const] : []))),
    unmatched: findings.some((f) => f.code === "unmatched-records"),
  };
  expect(got.never, context).toEqual(expected.never);
  expect(got.shadowed, context).toEqual(expected.shadowed);
  expect(got.overlaps, context).toEqual(expected.overlaps);
  expect(got.unmatched, context).toEqual(expected.unmatched);
  for (const finding of findings) seen.set(finding.code, (seen.get(finding.code) ?? 0) + 1);

  // Every example record does what its finding says.
  for (const finding of findings) {
    if (finding.code === "shadowed-rule") {
      const record = finding.witness.record;
      expect(expected.holds(record, finding.rule), context).toBe(true);
      expect(finding.by, context).toContain(evaluate(program, "main", record, { at: null }).ruleIndex);
      // The covering rules cover, and none of them can be dropped.
      const covers = (by: number[]) => [...records(generated.fields)].every((r) => !expected.holds(r, finding.rule) || by.some((i) => expected.holds(r, i)));
      expect(covers(finding.by), context).toBe(true);
      for (const dropped of finding.by) expect(covers(finding.by.filter((i) => i !== dropped)), context).toBe(false);
    }
    if (finding.code === "overlapping-rules") {
      for (const earlier of finding.earlier) {
        expect(expected.holds(earlier.witness.record, finding.rule), context).toBe(true);
        expect(evaluate(program, "main", earlier.witness.record, { at: null }).ruleIndex, context).toBe(earlier.rule);
      }
    }
    if (finding.code === "unmatched-records") {
      expect(evaluate(program, "main", finding.witness.record, { at: null }).outcome, context).toBe("unmatched");
    }
  }
}

