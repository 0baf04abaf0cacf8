// The one decision step of the analysis: is every record of a region covered
// by a union of cubes, and if not, which record is left? A recursive cover
// check (the tautology check of two-level logic minimisers such as Espresso,
// over multi-valued variables): split the region on the variable most cubes
// test, into classes of values that no cube tells apart, and recurse. Each
// variable is split at most once on a path, so the depth is the number of
// variables the rules test.

import { type Cube, cubesMeet, fullMask, type Mask } from "../regions";

/** The budget ran out: the caller reports "undecided", never a guess. */
export class BudgetError extends Error {
  constructor() {
    super("the analysis budget ran out");
    this.name = "BudgetError";
  }
}

export interface Budget {
  /** Recursive steps left across the whole question. */
  left: number;
}

/**
 * A cube of records in `region` that no cube of `cover` holds (every record
 * in it is uncovered), or null when `cover` holds all of `region`.
 */
export function uncovered(region: Cube, cover: readonly Cube[], sizes: readonly number[], budget: Budget, used?: Set<number>): Cube | null {
  // NOTE: the same search over 32-bit masks when every domain fits one (the usual case), as BigInt
  // arithmetic costs several times more; both give the same answers.
  if (sizes.every((size) => size <= 30)) return smallSearch(region, cover, sizes, budget, used);
  const relevantIndexes: number[] = [];
  cover.forEach((cube, index) => {
    if (cubesMeet(cube, region)) relevantIndexes.push(index);
  });
  const relevant = relevantIndexes.map((index) => cover[index]!);
  const local = new Set<number>();
  const result = search(region, relevant, sizes, budget, local);
  if (result === null && used) for (const index of local) used.add(relevantIndexes[index]!);
  return result;
}

/** Whether some record of `formula` (a union of cubes) lies outside `cover`; returns one such cube. */
export function uncoveredIn(formula: readonly Cube[], cover: readonly Cube[], sizes: readonly number[], budget: Budget, used?: Set<number>): Cube | null {
  for (const region of formula) {
    const left = uncovered(region, cover, sizes, budget, used);
    if (left) return left;
  }
  return null;
}

function search(region: Cube, cubes: readonly Cube[], sizes: readonly number[], budget: Budget, used?: Set<number>, indexes?: number[]): Cube | null {
  if (--budget.left < 0) throw new BudgetError();
  if (cubes.length === 0) return region;
  const indexOf = (position: number) => (indexes ? indexes[position]! : position);
  const allowed = (variable: number) => region.get(variable) ?? fullMask(sizes[variable]!);
  // A cube that holds the whole region covers it.
  const counts = new Map<number, number>();
  for (let position = 0; position < cubes.length; position++) {
    const cube = cubes[position]!;
    let whole = true;
    for (const [variable, mask] of cube) {
      if ((allowed(variable) & ~mask) !== 0n) {
        whole = false;
        counts.set(variable, (counts.get(variable) ?? 0) + 1);
      }
    }
    if (whole) {
      used?.add(indexOf(position));
      return null;
    }
  }
  // Split on the variable that most cubes cut.
  let best = -1;
  let bestCount = -1;
  for (const [variable, count] of counts) {
    if (count > bestCount || (count === bestCount && variable < best)) {
      best = variable;
      bestCount = count;
    }
  }
  for (const part of classes(allowed(best), best, cubes)) {
    const narrowed = new Map(region).set(best, part);
    const keptPositions: number[] = [];
    cubes.forEach((cube, position) => {
      const mask = cube.get(best);
      if (mask === undefined || (mask & part) !== 0n) keptPositions.push(position);
    });
    const kept = keptPositions.map((position) => cubes[position]!);
    const left = search(narrowed, kept, sizes, budget, used, keptPositions.map(indexOf));
    if (left) return left;
  }
  return null;
}

/** The values of `allowed`, grouped so that each cube holds all of a group or none of it. */
function classes(allowed: Mask, variable: number, cubes: readonly Cube[]): Mask[] {
  const cuts: Mask[] = [];
  for (const cube of cubes) {
    const mask = cube.get(variable);
    if (mask !== undefined && (allowed & ~mask) !== 0n && (allowed & mask) !== 0n) cuts.push(allowed & mask);
  }
  // Refine the partition {allowed} by every cut.
  let parts: Mask[] = [allowed];
  const seen = new Set<Mask>();
  for (const cut of cuts) {
    if (seen.has(cut)) continue;
    seen.add(cut);
    const next: Mask[] = [];
    for (const part of parts) {
      const inside = part & cut;
      const outside = part & ~cut;
      if (inside !== 0n) next.push(inside);
      if (outside !== 0n) next.push(outside);
    }
    parts = next;
  }
  return parts;
}

// ---------------------------------------------------------------------------
// The same search with number masks, plus a few probes: most rules that are
// not covered show it at one of a handful of sample records, found in
// microseconds, before the search proves anything.

export interface SmallCube {
  variables: Int32Array;
  masks: Int32Array;
  /** Position in the cover the search was given. */
  index: number;
}

/** Number-mask forms of cubes, made once per cube (the forward pass asks about the same cubes many times). */
const smallForms = new WeakMap<Cube, { variables: Int32Array; masks: Int32Array }>();

/** The number-mask form of a cube whose variables all have at most 30 values. */
export function smallForm(cube: Cube): { variables: Int32Array; masks: Int32Array } {
  let form = smallForms.get(cube);
  if (!form) {
    form = { variables: Int32Array.from(cube.keys()), masks: Int32Array.from([...cube.values()].map(Number)) };
    smallForms.set(cube, form);
  }
  return form;
}

/** Every value of each variable, as a number mask (only meaningful for domains of at most 30 values). */
export function fullMasks(sizes: readonly number[]): Int32Array {
  return Int32Array.from(sizes, (size) => (size >= 31 ? -1 : (1 << size) - 1));
}

/** A region as one number mask per variable. */
export function denseOf(cube: Cube, full: Int32Array): Int32Array {
  const dense = full.slice();
  for (const [variable, mask] of cube) dense[variable] = Number(mask);
  return dense;
}

/** A region given as one number mask per variable, back as a cube (unconstrained variables left out). */
export function cubeOfDense(masks: Int32Array, full: Int32Array): Cube {
  const cube: Cube = new Map();
  masks.forEach((mask, variable) => {
    if (mask !== full[variable]) cube.set(variable, BigInt(mask));
  });
  return cube;
}

function smallSearch(region: Cube, cover: readonly Cube[], sizes: readonly number[], budget: Budget, used?: Set<number>): Cube | null {
  const full = fullMasks(sizes);
  const start = denseOf(region, full);
  const cubes: SmallCube[] = [];
  cover.forEach((cube, index) => {
    const form = smallForm(cube);
    for (let at = 0; at < form.variables.length; at++) if ((start[form.variables[at]!]! & form.masks[at]!) === 0) return;
    cubes.push({ variables: form.variables, masks: form.masks, index });
  });
  const left = smallUncovered(start, cubes, budget, used);
  return left ? cubeOfDense(left, full) : null;
}

/**
 * The search itself over number masks: a region (one mask per variable) and
 * the cubes of the cover that meet it; returns a sub-region no cube holds, or
 * null when they hold all of it. `used` collects the `index` of cubes the proof used.
 */
export function smallUncovered(start: Int32Array, cubes: SmallCube[], budget: Budget, used?: Set<number>): Int32Array | null {
  // One cube that holds the whole region settles it at once: the usual way a pair turns out covered.
  for (const cube of cubes) {
    if (holdsAll(cube, start)) {
      used?.add(cube.index);
      return null;
    }
  }
  const probed = probe(start, cubes);
  if (probed) return probed;
  if (scratch.length !== start.length) scratch = new Int32Array(start.length);
  return walk(start, cubes, { budget, used, counts: scratch });
}

/** Reused by every search: the counts are read before the walk recurses, so one array serves them all. */
let scratch = new Int32Array(0);

/**
 * Every record of the region that no cube holds, as disjoint sub-regions
 * (one mask per variable each): the same walk, but it collects every part
 * left instead of stopping at the first. Past `steps` steps or `limit`
 * parts it stops: the parts found so far are real, but not all of them.
 */
export function uncoveredParts(start: Int32Array, cubes: SmallCube[], steps: number, limit: number): { parts: Int32Array[]; complete: boolean } {
  if (scratch.length !== start.length) scratch = new Int32Array(start.length);
  const parts: Int32Array[] = [];
  const context: WalkContext = { budget: { left: steps }, used: undefined, counts: scratch, parts, limit };
  try {
    walk(start, cubes, context);
  } catch (error) {
    if (error instanceof BudgetError) return { parts, complete: false };
    throw error;
  }
  return { parts, complete: true };
}

interface WalkContext {
  /** When given, the walk collects every uncovered part here (up to `limit`) instead of returning the first. */
  parts?: Int32Array[];
  limit?: number;
  budget: Budget;
  used: Set<number> | undefined;
  /** Scratch: per variable, how many cubes cut the region on it. */
  counts: Int32Array;
}

function holdsAll(cube: SmallCube, region: Int32Array): boolean {
  for (let index = 0; index < cube.variables.length; index++) if ((region[cube.variables[index]!]! & ~cube.masks[index]!) !== 0) return false;
  return true;
}

function meetsRegion(cube: SmallCube, region: Int32Array): boolean {
  for (let index = 0; index < cube.variables.length; index++) if ((region[cube.variables[index]!]! & cube.masks[index]!) === 0) return false;
  return true;
}

function walk(start: Int32Array, startList: SmallCube[], context: WalkContext): Int32Array | null {
  const { budget, used, counts } = context;
  if (--budget.left < 0) throw new BudgetError();
  let masks = start;
  let list = startList;
  // Unit propagation: a cube that cuts the region on one variable only just removes those values
  // from every record still to find; repeat until none is left, then split.
  for (;;) {
    if (list.length === 0) {
      if (!context.parts) return masks;
      if (context.parts.length >= context.limit!) throw new BudgetError();
      context.parts.push(masks === start ? masks.slice() : masks);
      return null;
    }
    counts.fill(0);
    const singles: SmallCube[] = [];
    const others: SmallCube[] = [];
    for (const cube of list) {
      let cutting = 0;
      for (let index = 0; index < cube.variables.length; index++) {
        if ((masks[cube.variables[index]!]! & ~cube.masks[index]!) !== 0) cutting++;
      }
      if (cutting === 0) {
        used?.add(cube.index);
        return null;
      }
      if (cutting === 1) singles.push(cube);
      else others.push(cube);
    }
    if (singles.length === 0) {
      for (const cube of others) {
        for (let index = 0; index < cube.variables.length; index++) {
          const variable = cube.variables[index]!;
          if ((masks[variable]! & ~cube.masks[index]!) !== 0) counts[variable]!++;
        }
      }
      list = others;
      break;
    }
    masks = masks.slice();
    for (const cube of singles) {
      used?.add(cube.index);
      let cut = false;
      for (let index = 0; index < cube.variables.length; index++) {
        const variable = cube.variables[index]!;
        if ((masks[variable]! & ~cube.masks[index]!) !== 0) {
          masks[variable] = masks[variable]! & ~cube.masks[index]!;
          cut = true;
          // Narrowed by earlier singles, this cube now holds the whole region (or the region is gone).
          if (masks[variable] === 0) return null;
        }
      }
      if (!cut) return null;
    }
    const kept: SmallCube[] = [];
    for (const cube of others) if (meetsRegion(cube, masks)) kept.push(cube);
    list = kept;
  }
  let best = 0;
  for (let variable = 1; variable < counts.length; variable++) if (counts[variable]! > counts[best]!) best = variable;
  const allowed = masks[best]!;
  let parts = [allowed];
  const seen: number[] = [];
  for (const cube of list) {
    const at = cube.variables.indexOf(best);
    if (at < 0) continue;
    const cut = allowed & cube.masks[at]!;
    if (cut === 0 || cut === allowed || seen.includes(cut)) continue;
    seen.push(cut);
    const next: number[] = [];
    for (const part of parts) {
      if ((part & cut) !== 0) next.push(part & cut);
      if ((part & ~cut) !== 0) next.push(part & ~cut);
    }
    parts = next;
  }
  for (const part of parts) {
    const narrowed = masks.slice();
    narrowed[best] = part;
    const kept: SmallCube[] = [];
    for (const cube of list) {
      const at = cube.variables.indexOf(best);
      if (at < 0 || (cube.masks[at]! & part) !== 0) kept.push(cube);
    }
    const left = walk(narrowed, kept, context);
    if (left) return left;
  }
  return null;
}

/** Up to 4 sample records of the region (deterministic); one that no cube holds, as a one-record region. */
function probe(region: Int32Array, cubes: readonly SmallCube[]): Int32Array | null {
  let state = 0x9e3779b9;
  if (probePoint.length !== region.length) probePoint = new Int32Array(region.length);
  const point = probePoint;
  for (let round = 0; round < 4; round++) {
    // A value of each mask: its lowest on the first round, then one at random.
    for (let variable = 0; variable < region.length; variable++) {
      const mask = region[variable]!;
      const lowest = mask & -mask;
      if (round === 0 || mask === lowest) {
        point[variable] = lowest;
        continue;
      }
      state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
      let skip = state % popcount(mask);
      let rest = mask;
      while (skip-- > 0) rest &= rest - 1;
      point[variable] = rest & -rest;
    }
    let held = false;
    for (const cube of cubes) {
      if (meetsRegion(cube, point)) {
        held = true;
        break;
      }
    }
    if (!held) return point.slice();
  }
  return null;
}

let probePoint = new Int32Array(0);

function popcount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}
