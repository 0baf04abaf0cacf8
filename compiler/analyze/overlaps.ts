// The overlap pass (`overlapping-rules`) over number masks: which earlier
// rules with another outcome are the first match of some record a rule
// matches. Asked once per rule, not once per pair over the whole cover: the
// earlier cubes that can meet the rule at all are picked out once, and each
// candidate's question only sees those before it.

import type { Cube, Formula } from "../regions";
import { type Budget, BudgetError, cubeOfDense, denseOf, fullMasks, type SmallCube, smallForm, smallUncovered } from "./cover";

/** The cover of the forward pass in number-mask form: the impossible combinations, then each earlier rule's cubes in file order. */
export class SmallCover {
  readonly cubes: SmallCube[] = [];
  /** Per cube: the rule it belongs to, or -1 for an impossible combination. */
  readonly tags: number[] = [];
  readonly full: Int32Array;
  /** Where each added rule's cubes start and end in `cubes`. */
  private readonly ranges = new Map<number, { start: number; end: number }>();

  constructor(invalid: Formula, sizes: readonly number[]) {
    this.full = fullMasks(sizes);
    for (const cube of invalid) this.push(cube, -1);
  }

  /** Whether every domain fits a number mask, the only case this pass handles. */
  static fits(sizes: readonly number[]): boolean {
    return sizes.every((size) => size <= 30);
  }

  /** Adds a rule that takes some records (a shadowed or never-matching rule takes none, so it is never added). */
  add(rule: number, formula: Formula): void {
    const start = this.cubes.length;
    for (const cube of formula) this.push(cube, rule);
    this.ranges.set(rule, { start, end: this.cubes.length });
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
    for (const cube of formula) {
      const region = denseOf(cube, this.full);
      const meeting: SmallCube[] = [];
      for (const earlier of this.cubes) {
        if (only && this.tags[earlier.index]! >= 0 && !only.has(this.tags[earlier.index]!)) continue;
        if (meets(earlier, region)) meeting.push(earlier);
      }
      const left = smallUncovered(region, meeting, budget);
      if (left) return cubeOfDense(left, this.full);
    }
    return null;
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

/** Most steps of the shared walk for one rule before the remaining candidates are asked one by one. */
const WALK_STEPS = 50;

/**
 * The earlier rules (among those added to `cover`, all before this rule)
 * whose outcome `differs` and that are the first match of some record of
 * `formula`, each with a region of such records, in rule order.
 *
 * First one walk over the rule's records that follows first-match order
 * (below), which finds most of them at once; what it leaves undecided, one
 * exact question per candidate: is some record of (this rule ∧ candidate)
 * outside the impossible combinations and every rule before the candidate?
 */
export function overlappingRules(cover: SmallCover, formula: Formula, differs: (earlier: number) => boolean, budget: () => Budget): { rule: number; cube: Cube }[] {
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
  const found = new Map<number, Int32Array>();
  const unfound = new Set(candidates);
  let walked = true;
  try {
    const steps: Budget = { left: WALK_STEPS };
    for (const own of mine) {
      if (unfound.size === 0) break;
      walk(own, relevant.filter((cube) => meets(cube, own)), cover.tags, unfound, found, steps);
    }
  } catch (error) {
    if (!(error instanceof BudgetError)) throw error;
    walked = false;
  }
  // A completed walk has seen every record of the rule: a candidate it did not find takes none of them.
  if (!walked) {
    for (const candidate of unfound) {
      const left = askCandidate(cover, mine, relevant, candidate, budget);
      if (left) found.set(candidate, left);
    }
  }
  return candidates.filter((candidate) => found.has(candidate)).map((candidate) => ({ rule: candidate, cube: cubeOfDense(found.get(candidate)!, cover.full) }));
}

/**
 * Follows first-match order through `region`: `list` holds every cube that
 * meets it, in order. The first cube takes all the records of the region it
 * holds (the earlier ones hold none of them), so its rule is a taker; the
 * rest of the region is cut into disjoint pieces outside that cube and
 * followed the same way. A piece stops as soon as no rule still unfound can
 * take any of its records: none left in its list, or all behind a cube that
 * holds the whole piece.
 */
function walk(region: Int32Array, list: SmallCube[], tags: readonly number[], unfound: Set<number>, found: Map<number, Int32Array>, steps: Budget): void {
  if (--steps.left < 0) throw new BudgetError();
  let limit = list.length;
  let open = false;
  for (let position = 0; position < list.length; position++) {
    const cube = list[position]!;
    if (unfound.has(tags[cube.index]!)) open = true;
    if (holds(cube, region)) {
      limit = position + 1;
      break;
    }
  }
  if (!open) return;
  const first = list[0]!;
  const tag = tags[first.index]!;
  if (unfound.has(tag)) {
    const inside = region.slice();
    for (let at = 0; at < first.variables.length; at++) inside[first.variables[at]!] = inside[first.variables[at]!]! & first.masks[at]!;
    unfound.delete(tag);
    found.set(tag, inside);
  }
  if (limit === 1) return;
  // The pieces of the region outside the first cube: outside it on its k-th cut variable, inside on the ones before.
  const rest = list.slice(1, limit);
  let current = region;
  for (let at = 0; at < first.variables.length; at++) {
    const variable = first.variables[at]!;
    const mask = first.masks[at]!;
    const kept = current[variable]! & mask;
    if (kept === current[variable]) continue;
    const piece = current.slice();
    piece[variable] = current[variable]! & ~mask;
    walk(piece, rest.filter((cube) => meets(cube, piece)), tags, unfound, found, steps);
    if (unfound.size === 0) return;
    current = current.slice();
    current[variable] = kept;
  }
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
      for (const cube of relevant) {
        if (cube.index >= start) break;
        if (meets(cube, region)) before.push(cube);
      }
      // The search never writes to the region it is given, but may return it: keep a copy then.
      const left = smallUncovered(region, before, budget());
      if (left === region) return region.slice();
      if (left) return left;
    }
  }
  return null;
}
