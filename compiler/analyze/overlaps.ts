// The overlap pass (`overlapping-rules`) over number masks: which earlier
// rules with another outcome are the first match of some record a rule
// matches. Asked once per rule, not once per pair over the whole cover: the
// earlier cubes that can meet the rule at all are picked out once, and each
// candidate's question only sees those before it.

import type { Cube, Formula } from "../regions";
import { type Budget, cubeOfDense, denseOf, fullMasks, type SmallCube, smallForm, smallUncovered, uncoveredParts } from "./cover";

/** The cover of the forward pass in number-mask form: the impossible combinations, then each earlier rule's cubes in file order. */
export class SmallCover {
  readonly cubes: SmallCube[] = [];
  /** Per cube: the rule it belongs to, or -1 for an impossible combination. */
  readonly tags: number[] = [];
  readonly full: Int32Array;
  /** How many impossible combinations open `cubes`. */
  private readonly invalidCount: number;
  /** Where each added rule's cubes start and end in `cubes`. */
  private readonly ranges = new Map<number, { start: number; end: number }>();
  /** Per added rule, the records it takes (first match), as disjoint regions. */
  private readonly taken = new Map<number, { parts: Int32Array[]; complete: boolean }>();

  constructor(invalid: Formula, sizes: readonly number[]) {
    this.full = fullMasks(sizes);
    for (const cube of invalid) this.push(cube, -1);
    this.invalidCount = invalid.length;
  }

  /** Whether every domain fits a number mask, the only case this pass handles. */
  static fits(sizes: readonly number[]): boolean {
    return overlapTuning.numberMasks && sizes.every((size) => size <= 30);
  }

  /**
   * Adds a rule that takes some records (a shadowed or never-matching rule
   * takes none, so it is never added). With `takes`, first works out the
   * records it takes — its condition minus the cover so far — as disjoint
   * regions, so later rules can see whether they share records with it by
   * cube meets alone; when those are too many, the ones found still show
   * overlaps, and the rest is asked one question at a time.
   */
  add(rule: number, formula: Formula, takes: boolean): void {
    if (takes) {
      const parts: Int32Array[] = [];
      let complete = true;
      for (const cube of formula) {
        const region = denseOf(cube, this.full);
        const meeting: SmallCube[] = [];
        for (const earlier of this.cubes) if (meets(earlier, region)) meeting.push(earlier);
        const own = uncoveredParts(region, meeting, overlapTuning.partSteps, overlapTuning.partLimit - parts.length);
        parts.push(...own.parts);
        if (!own.complete) {
          complete = false;
          break;
        }
      }
      this.taken.set(rule, { parts, complete });
    }
    const start = this.cubes.length;
    for (const cube of formula) this.push(cube, rule);
    this.ranges.set(rule, { start, end: this.cubes.length });
  }

  /** Records an added rule takes, as disjoint regions: all of them when `complete`, else some. */
  takenBy(rule: number): { parts: Int32Array[]; complete: boolean } | undefined {
    return this.taken.get(rule);
  }

  private push(cube: Cube, tag: number): void {
    const form = smallForm(cube);
    this.cubes.push({ variables: form.variables, masks: form.masks, index: this.cubes.length });
    this.tags.push(tag);
  }

  /**
   * A region of records of `formula` that no cube of the cover holds (only
   * the impossible combinations and the rules in `only`, when given), or null.
   */
  uncovered(formula: Formula, budget: Budget, only?: ReadonlySet<number>): Cube | null {
    // With `only`, just the impossible combinations and those rules' cubes, in order: a covering set is a few rules of thousands.
    const pool = only ? this.onlyCubes(only) : this.cubes;
    for (const cube of formula) {
      const region = denseOf(cube, this.full);
      const meeting: SmallCube[] = [];
      for (const earlier of pool) if (meets(earlier, region)) meeting.push(earlier);
      const left = smallUncovered(region, meeting, budget);
      if (left) return cubeOfDense(left, this.full);
    }
    return null;
  }

  private onlyCubes(only: ReadonlySet<number>): SmallCube[] {
    const pool = this.cubes.slice(0, this.invalidCount);
    for (const rule of [...only].sort((a, b) => a - b)) {
      const range = this.ranges.get(rule);
      if (range) for (let position = range.start; position < range.end; position++) pool.push(this.cubes[position]!);
    }
    return pool;
  }

  /** A region given as one mask per variable, as a cube. */
  cubeOf(region: Int32Array): Cube {
    return cubeOfDense(region, this.full);
  }

  /** The first added rule with a cube that holds the one-record region `point` (a cube), or -1. */
  firstRuleHolding(point: Cube): number {
    const region = denseOf(point, this.full);
    for (const cube of this.cubes) if (this.tags[cube.index]! >= 0 && meets(cube, region)) return this.tags[cube.index]!;
    return -1;
  }

  range(rule: number): { start: number; end: number } {
    return this.ranges.get(rule)!;
  }
}

/** Whether a cube meets a region given as one mask per variable. */
function meets(cube: SmallCube, region: Int32Array): boolean {
  for (let at = 0; at < cube.variables.length; at++) if ((region[cube.variables[at]!]! & cube.masks[at]!) === 0) return false;
  return true;
}

/**
 * Most steps and regions spent on the records one rule takes, before the rest
 * of its overlaps are asked pair by pair; and whether number masks are used at
 * all. Tests turn these down to drive every rule through the slower exact paths.
 */
export const overlapTuning = { partSteps: 500, partLimit: 64, numberMasks: true };

/**
 * The earlier rules (among those added to `cover`, all before this rule)
 * whose outcome `differs` and that are the first match of some record of
 * `formula`, each with a region of such records (one mask per variable;
 * `cover.cubeOf` turns it into a cube), in rule order.
 *
 * A candidate overlaps when one of the regions of records it takes (worked
 * out when it was added) meets this rule; when those regions are all of
 * them, it overlaps exactly then. For the others, one exact question each: is
 * some record of (this rule ∧ candidate) outside the impossible combinations
 * and every rule before the candidate? A record there is matched by the
 * candidate first.
 */
export function overlappingRules(cover: SmallCover, formula: Formula, differs: (earlier: number) => boolean, budget: () => Budget): { rule: number; region: Int32Array }[] {
  const mine = formula.map((cube) => denseOf(cube, cover.full));
  // The earlier cubes that meet this rule anywhere: no question about this rule needs any other.
  const relevant: SmallCube[] = [];
  const candidates: number[] = [];
  for (const cube of cover.cubes) {
    if (!mine.some((region) => meets(cube, region))) continue;
    relevant.push(cube);
    const tag = cover.tags[cube.index]!;
    if (tag >= 0 && differs(tag) && candidates[candidates.length - 1] !== tag) candidates.push(tag);
  }
  const found: { rule: number; region: Int32Array }[] = [];
  const forms = formula.map(smallForm);
  for (const candidate of candidates) {
    const taken = cover.takenBy(candidate);
    let left = taken ? meeting(taken.parts, forms) : null;
    if (!left && !taken?.complete) left = askCandidate(cover, mine, relevant, candidate, budget);
    if (left) found.push({ rule: candidate, region: left });
  }
  return found;
}

/** A region shared by one of the taken regions and one of the rule's cubes (number-mask forms), or null. */
function meeting(taken: readonly Int32Array[], forms: readonly { variables: Int32Array; masks: Int32Array }[]): Int32Array | null {
  for (const part of taken) {
    for (const form of forms) {
      let meet = true;
      for (let at = 0; at < form.variables.length && meet; at++) if ((part[form.variables[at]!]! & form.masks[at]!) === 0) meet = false;
      if (!meet) continue;
      const shared = part.slice();
      for (let at = 0; at < form.variables.length; at++) shared[form.variables[at]!] = shared[form.variables[at]!]! & form.masks[at]!;
      return shared;
    }
  }
  return null;
}

/** Whether a cube holds every record of a region. */
function holds(cube: SmallCube, region: Int32Array): boolean {
  for (let at = 0; at < cube.variables.length; at++) if ((region[cube.variables[at]!]! & ~cube.masks[at]!) !== 0) return false;
  return true;
}

/** One candidate on its own: a region of records of the rule and the candidate that no cube before the candidate holds, or null. */
function askCandidate(cover: SmallCover, mine: Int32Array[], relevant: SmallCube[], candidate: number, budget: () => Budget): Int32Array | null {
  const { start, end } = cover.range(candidate);
  const region = new Int32Array(cover.full.length);
  for (const own of mine) {
    for (let position = start; position < end; position++) {
      const theirs = cover.cubes[position]!;
      if (!meets(theirs, own)) continue;
      region.set(own);
      for (let at = 0; at < theirs.variables.length; at++) region[theirs.variables[at]!] = region[theirs.variables[at]!]! & theirs.masks[at]!;
      const before: SmallCube[] = [];
      let held = false;
      for (const cube of relevant) {
        if (cube.index >= start) break;
        if (!meets(cube, region)) continue;
        // One earlier cube holds all of it: covered, no search needed (the usual way a pair turns out covered).
        if (holds(cube, region)) {
          held = true;
          break;
        }
        before.push(cube);
      }
      if (held) continue;
      // The search never writes to the region it is given, but may return it: keep a copy then.
      const left = smallUncovered(region, before, budget());
      if (left === region) return region.slice();
      if (left) return left;
    }
  }
  return null;
}
