// The one decision step of the analysis: push the records of a formula
// through an ordered list of cutters (the impossible combinations first, then
// earlier rules in file order) and see where they land — first match, exactly.

import { type Cube, cubesMeet, type Formula, splitCube } from "../regions";

/** A cube of an earlier rule (tag = its index in the router) or of the impossible combinations (tag = INVALID). */
export interface Cutter {
  cube: Cube;
  tag: number;
}

export const INVALID = -1;

export interface Partition {
  /** A cube of records no cutter takes, or null when every record is taken. */
  survivor: Cube | null;
  /** Per tag, one cube of records that this cutter takes first. */
  buckets: Map<number, Cube>;
  /** The work budget ran out before the answer was known. */
  exhausted: boolean;
}

export interface PartitionOptions {
  /** Stop at the first survivor (enough for "is anything left?"). */
  stopAtSurvivor: boolean;
  /** Most cube splits before giving up (the answer is then undecided). */
  budget: number;
}

/** Where the records of `start` land among `cutters` (first cutter that holds each record). */
export function partition(start: Formula, cutters: readonly Cutter[], sizes: readonly number[], options: PartitionOptions): Partition {
  const buckets = new Map<number, Cube>();
  let survivor: Cube | null = null;
  const stack: [Cube, number][] = start.map((cube) => [cube, 0]);
  let work = 0;
  while (stack.length > 0) {
    const [cube, from] = stack.pop()!;
    let index = from;
    while (index < cutters.length && !cubesMeet(cube, cutters[index]!.cube)) index++;
    if (index === cutters.length) {
      survivor ??= cube;
      if (options.stopAtSurvivor) break;
      continue;
    }
    const cutter = cutters[index]!;
    const { inside, outside } = splitCube(cube, cutter.cube, sizes);
    if (inside && !buckets.has(cutter.tag)) buckets.set(cutter.tag, inside);
    for (const piece of outside) stack.push([piece, index + 1]);
    if (++work > options.budget) return { survivor, buckets, exhausted: true };
  }
  return { survivor, buckets, exhausted: false };
}
