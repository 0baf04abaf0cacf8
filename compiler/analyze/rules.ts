// The forward pass over one router's enabled rules: C, the union of earlier
// conditions, grows rule by rule; each rule's records are pushed through it to
// find never-matching, shadowed and overlapping rules, and what is left at the
// end is the gap.

import type { Program } from "../../language/semantics/model";
import { buildRegions, type Cube, type Formula, RegionLimitError, type RegionBuilder, witnessOf, TRUE } from "../regions";
import type { Finding, Undecided } from "./findings";
import { outcomeKey } from "./outcomes";
import { type Cutter, INVALID, partition } from "./partition";

export interface RuleAnalysisOptions {
  /** Report `overlapping-rules` (the slower part: every rule's records are followed to the end). */
  overlaps: boolean;
  /** Most cube splits per question. */
  budget: number;
}

export function analyzeRouter(program: Program, routerId: string, options: RuleAnalysisOptions): { findings: Finding[]; undecided: Undecided[] } {
  const findings: Finding[] = [];
  const undecided: Undecided[] = [];
  let regions: RegionBuilder | null;
  try {
    regions = buildRegions(program, routerId);
  } catch (error) {
    if (error instanceof RegionLimitError) return { findings, undecided: [{ router: routerId, rule: null, reason: error.message }] };
    throw error;
  }
  if (!regions) return { findings, undecided };
  const router = regions.router;
  const sizes = regions.sizes;
  const cutters: Cutter[] = regions.invalid.map((cube) => ({ cube, tag: INVALID }));
  const keys = router.rules.map((rule) => outcomeKey(rule));
  const witness = (cube: Cube) => witnessOf(regions, cube);

  for (let index = 0; index < router.rules.length; index++) {
    const rule = router.rules[index]!;
    if (!rule.enabled) continue;
    let formula: Formula;
    try {
      formula = regions.formula(rule.condition);
    } catch (error) {
      if (!(error instanceof RegionLimitError)) throw error;
      // Without this rule's records, C is unknown from here on: later rules cannot be judged either.
      undecided.push({ router: routerId, rule: index, reason: error.message });
      return { findings, undecided };
    }
    const result = partition(formula, cutters, sizes, { stopAtSurvivor: !options.overlaps, budget: options.budget });
    if (result.exhausted) {
      undecided.push({ router: routerId, rule: index, reason: "the analysis budget ran out" });
    } else {
      const takers = [...result.buckets.keys()].filter((tag) => tag !== INVALID).sort((a, b) => a - b);
      if (result.survivor === null && takers.length === 0) {
        findings.push({ code: "never-matches", router: routerId, rule: index });
      } else if (result.survivor === null) {
        const by = minimalCover(formula, takers, cutters, sizes, options.budget);
        if (by) findings.push({ code: "shadowed-rule", router: routerId, rule: index, by, witness: witness(result.buckets.get(takers[0]!)!) });
        else undecided.push({ router: routerId, rule: index, reason: "the analysis budget ran out naming the covering rules" });
      }
      if (options.overlaps && result.survivor !== null) {
        const earlier = takers.filter((tag) => keys[tag] !== keys[index]).map((tag) => ({ rule: tag, witness: witness(result.buckets.get(tag)!) }));
        if (earlier.length > 0) findings.push({ code: "overlapping-rules", router: routerId, rule: index, earlier });
      }
    }
    for (const cube of formula) cutters.push({ cube, tag: index });
  }

  if (!router.otherwise) {
    const result = partition(TRUE, cutters, sizes, { stopAtSurvivor: true, budget: options.budget });
    if (result.exhausted) undecided.push({ router: routerId, rule: null, reason: "the analysis budget ran out looking for unmatched records" });
    else if (result.survivor) findings.push({ code: "unmatched-records", router: routerId, witness: witness(result.survivor) });
  }
  return { findings, undecided };
}

/** A deletion-minimal subset of `takers` whose rules still cover every record of `formula`; null past the budget. */
function minimalCover(formula: Formula, takers: number[], cutters: readonly Cutter[], sizes: readonly number[], budget: number): number[] | null {
  const kept = new Set(takers);
  for (const candidate of takers) {
    kept.delete(candidate);
    const remaining = cutters.filter((cutter) => cutter.tag === INVALID || kept.has(cutter.tag));
    const result = partition(formula, remaining, sizes, { stopAtSurvivor: true, budget });
    if (result.exhausted) return null;
    if (result.survivor !== null) kept.add(candidate);
  }
  return [...kept].sort((a, b) => a - b);
}
