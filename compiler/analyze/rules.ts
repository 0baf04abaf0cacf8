// The forward pass over one router's enabled rules: C, the union of earlier
// conditions, grows rule by rule; each rule is decided against it (never
// matches, shadowed and by which rules, overlapping which rules), and what C
// leaves at the end is the gap.

import type { Program } from "../../language/semantics/model";
import { and, buildRegions, type Cube, cubesMeet, type Formula, fullMask, lowestBit, RegionLimitError, type RegionBuilder, TRUE, type Witness, witnessOf } from "../regions";
import { type Budget, BudgetError, uncoveredIn } from "./cover";
import type { Finding, Undecided } from "./findings";
import { outcomeKey } from "./outcomes";
import { overlappingRules, SmallCover } from "./overlaps";

export interface RuleAnalysisOptions {
  /** Report `overlapping-rules` (the slower part: one question per pair of rules that share records). */
  overlaps: boolean;
  /** Most recursive steps per question. */
  budget: number;
}

/** The cover built so far: the impossible combinations, then each earlier rule's cubes in file order. */
export class Earlier {
  readonly cubes: Cube[];
  readonly tags: number[] = [];
  /** For each rule index, where its cubes start in `cubes` (so C before rule i is a prefix). */
  private readonly starts = new Map<number, number>();

  constructor(invalid: Formula) {
    this.cubes = [...invalid];
    for (let index = 0; index < invalid.length; index++) this.tags.push(-1);
  }

  /** Adds a rule's cubes; a rule that adds no record to C (never matches, or shadowed) adds none: the union is the same. */
  add(rule: number, formula: Formula): void {
    this.starts.set(rule, this.cubes.length);
    for (const cube of formula) {
      this.cubes.push(cube);
      this.tags.push(rule);
    }
  }

  /** The impossible combinations and every rule before `rule`. */
  before(rule: number): Cube[] {
    return this.cubes.slice(0, this.starts.get(rule) ?? this.cubes.length);
  }

  /** The impossible combinations and the given rules only. */
  cubesOf(rules: ReadonlySet<number>): Cube[] {
    return this.cubes.filter((_, index) => this.tags[index] === -1 || rules.has(this.tags[index]!));
  }
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
  const earlier = new Earlier(regions.invalid);
  // NOTE: number masks when every domain fits one (the usual case); the pairwise questions over BigInt cubes otherwise.
  const small = SmallCover.fits(sizes) ? new SmallCover(regions.invalid, sizes) : null;
  const formulas = new Map<number, Formula>();
  const keys = router.rules.map((rule) => outcomeKey(rule));
  const ask = (formula: Formula, cover: Cube[], used?: Set<number>): Cube | null => uncoveredIn(formula, cover, sizes, { left: options.budget } satisfies Budget, used);
  /** The first earlier rule holding a one-record cube. */
  const firstRule = (point: Cube): number => {
    if (small) return small.firstRuleHolding(point);
    const position = earlier.cubes.findIndex((cube, index) => earlier.tags[index]! >= 0 && cubesMeet(cube, point));
    return earlier.tags[position]!;
  };
  /** Records of the formula that the impossible combinations and the earlier rules (or only those in `only`) leave. */
  const askEarlier = (formula: Formula, only?: ReadonlySet<number>): Cube | null =>
    small ? small.uncovered(formula, { left: options.budget }, only) : ask(formula, only ? earlier.cubesOf(only) : earlier.cubes);

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
    let addsNothing = false;
    try {
      const left = askEarlier(formula);
      if (left === null) {
        addsNothing = true;
        if (ask(formula, regions.invalid) === null) {
          findings.push({ code: "never-matches", router: routerId, rule: index });
        } else {
          const { by, examples } = coveringRules(formula, sizes, askEarlier, firstRule);
          const cube = examples.get(by[0]!)!;
          findings.push({ code: "shadowed-rule", router: routerId, rule: index, by, witness: witnessOf(regions, cube) });
        }
      } else if (options.overlaps) {
        const overlapping: { rule: number; witness: Witness }[] = [];
        if (small) {
          const differs = (taker: number) => keys[taker] !== keys[index];
          for (const { rule: taker, region } of overlappingRules(small, formula, differs, () => ({ left: options.budget }))) {
            overlapping.push(lazyOverlap(regions, taker, () => small.cubeOf(region)));
          }
        } else for (const [taker, takerFormula] of formulas) {
          if (keys[taker] === keys[index]) continue;
          const shared = and(formula, takerFormula);
          if (shared.length === 0) continue;
          const cube = ask(shared, earlier.before(taker));
          if (cube) overlapping.push(lazyOverlap(regions, taker, () => cube));
        }
        if (overlapping.length > 0) findings.push({ code: "overlapping-rules", router: routerId, rule: index, earlier: overlapping });
      }
    } catch (error) {
      if (!(error instanceof BudgetError)) throw error;
      undecided.push({ router: routerId, rule: index, reason: error.message });
    }
    formulas.set(index, formula);
    earlier.add(index, addsNothing ? [] : formula);
    if (!addsNothing) small?.add(index, formula, options.overlaps);
  }

  if (!router.otherwise) {
    try {
      const left = askEarlier(TRUE);
      if (left) findings.push({ code: "unmatched-records", router: routerId, witness: witnessOf(regions, left) });
    } catch (error) {
      if (!(error instanceof BudgetError)) throw error;
      undecided.push({ router: routerId, rule: null, reason: `${error.message} looking for unmatched records` });
    }
  }
  return { findings, undecided };
}

/**
 * An earlier rule an overlap names, its example record built when first read:
 * the message shows one, but a rule can overlap hundreds.
 */
function lazyOverlap(regions: RegionBuilder, rule: number, cube: () => Cube): { rule: number; witness: Witness } {
  let witness: Witness | undefined;
  return {
    rule,
    get witness() {
      return (witness ??= witnessOf(regions, cube()));
    },
  };
}

/**
 * Earlier rules that together cover `formula`, each the first match of some
 * record of it: take a record the rules so far leave uncovered, add the rule
 * that routes it, repeat; then drop what is not needed, later rules first
 * (deletion-minimal). Returns one example record per rule kept.
 */
function coveringRules(
  formula: Formula,
  sizes: readonly number[],
  askEarlier: (formula: Formula, only: ReadonlySet<number>) => Cube | null,
  firstRule: (point: Cube) => number,
): { by: number[]; examples: Map<number, Cube> } {
  const examples = new Map<number, Cube>();
  for (;;) {
    const left = askEarlier(formula, new Set(examples.keys()));
    if (left === null) break;
    const point = pointOf(left, sizes);
    // INVARIANT: the rule is covered by C, so some earlier rule holds every valid record of it.
    examples.set(firstRule(point), point);
  }
  const kept = new Set(examples.keys());
  for (const candidate of [...kept].sort((a, b) => b - a)) {
    kept.delete(candidate);
    if (askEarlier(formula, kept) !== null) kept.add(candidate);
  }
  return { by: [...kept].sort((a, b) => a - b), examples };
}

/** One record of the cube: the lowest value of each variable. */
function pointOf(cube: Cube, sizes: readonly number[]): Cube {
  const point: Cube = new Map();
  sizes.forEach((size, variable) => point.set(variable, 1n << BigInt(lowestBit(cube.get(variable) ?? fullMask(size)))));
  return point;
}
