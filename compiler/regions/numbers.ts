// Number subjects: the elementary intervals the constants cut the line into,
// whether a test holds at a number, and which intervals a test holds on as a
// mask. A router with a threshold per rule has a number subject of thousands
// of intervals and one test per rule, so the mask is found by binary search
// over the intervals' examples, not by trying every interval.

import { numberHolds } from "../../language/semantics/evaluate";
import type { TestOp } from "../../language/semantics/model";
import { type Mask, maskOfWords } from "./cubes";
import type { RegionValue } from "./variables";

// A test holds on an interval exactly when the reference evaluator says it holds on its example.
export { numberHolds };

/** Elementary intervals between the sorted constants: (-∞, c1), [c1], (c1, c2), …, (ck, ∞). */
export function numberRegions(constants: number[]): RegionValue[] {
  const sorted = [...new Set(constants)].sort((a, b) => a - b);
  const regions: RegionValue[] = [];
  if (sorted.length === 0) return [{ kind: "number", low: -Infinity, high: Infinity, lowIncluded: false, highIncluded: false, example: 0 }];
  regions.push({ kind: "number", low: -Infinity, high: sorted[0]!, lowIncluded: false, highIncluded: false, example: sorted[0]! - 1 });
  sorted.forEach((value, index) => {
    regions.push({ kind: "number", low: value, high: value, lowIncluded: true, highIncluded: true, example: value });
    const next = sorted[index + 1];
    if (next === undefined) {
      regions.push({ kind: "number", low: value, high: Infinity, lowIncluded: false, highIncluded: false, example: value + 1 });
    } else {
      regions.push({ kind: "number", low: value, high: next, lowIncluded: false, highIncluded: false, example: value + (next - value) / 2 });
    }
  });
  return regions;
}

/** Bits `low` to `high - 1`. */
function range(low: number, high: number): Mask {
  return high <= low ? 0n : ((1n << BigInt(high - low)) - 1n) << BigInt(low);
}

/**
 * The values of one number variable, for asking which of them a test holds
 * on: exactly the values whose example `numberHolds` accepts.
 */
export class NumberIntervals {
  private readonly examples: number[] = [];
  /** Whether each value is a number interval at all ("missing" is not). */
  private readonly numbers: boolean[] = [];
  /**
   * Values 0 to count - 1 are the intervals, in order, with examples that
   * never decrease and are never NaN: then every test holds on one run of
   * them (or, for `!=` and `in`, a few), found by binary search. Float
   * rounding could break the order (a midpoint between two constants near
   * the largest numbers overflows); then each value is tried.
   */
  private readonly sorted: boolean;
  private readonly count: number;

  constructor(values: readonly RegionValue[]) {
    let count = 0;
    let sorted = true;
    values.forEach((value, index) => {
      const number = value.kind === "number";
      this.numbers.push(number);
      this.examples.push(number ? value.example : NaN);
      if (!number) return;
      if (count !== index || Number.isNaN(value.example) || (index > 0 && !(this.examples[index - 1]! <= value.example))) sorted = false;
      count++;
    });
    this.sorted = sorted;
    this.count = count;
  }

  /** The values the test holds on. */
  mask(test: TestOp): Mask {
    return (this.sorted ? this.searched(test) : null) ?? this.scanned(test);
  }

  /** Every value tried in turn: the definition, and the answer when the examples are out of order. */
  scanned(test: TestOp): Mask {
    const words = new Uint32Array(Math.ceil(this.examples.length / 32));
    for (let index = 0; index < this.examples.length; index++) {
      if (this.numbers[index] && numberHolds(this.examples[index]!, test)) words[index >>> 5] |= 1 << (index & 31);
    }
    return maskOfWords(words);
  }

  /** By binary search over the ordered examples; null for a constant that is not a number (compared as `numberHolds` would, by trying each). */
  private searched(test: TestOp): Mask | null {
    const examples = this.examples;
    const count = this.count;
    /** The first value where a test that turns from false to true along the ordered examples holds (count when none). */
    const first = (holds: (example: number) => boolean): number => {
      let low = 0;
      let high = count;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (holds(examples[middle]!)) high = middle;
        else low = middle + 1;
      }
      return low;
    };
    /** Examples at least `low` and at most `high`: a suffix meets a prefix. */
    const within = (low: number, high: number): Mask => range(first((example) => example >= low), first((example) => !(example <= high)));
    switch (test.op) {
      case "cmp": {
        const value = test.value;
        if (typeof value !== "number") return null;
        switch (test.cmp) {
          case "<":
            return range(0, first((example) => !(example < value)));
          case "<=":
            return range(0, first((example) => !(example <= value)));
          case ">":
            return range(first((example) => example > value), count);
          case ">=":
            return range(first((example) => example >= value), count);
          case "=":
            return within(value, value);
          case "!=":
            return range(0, count) & ~within(value, value);
        }
        return 0n;
      }
      case "between":
        if (typeof test.low !== "number" || typeof test.high !== "number") return null;
        return within(test.low, test.high);
      case "is":
        // Only a number can be === a number's example.
        return typeof test.value === "number" ? within(test.value, test.value) : 0n;
      case "in": {
        let mask = 0n;
        for (const candidate of test.values) if (typeof candidate === "number") mask |= within(candidate, candidate);
        return mask;
      }
      default:
        return 0n;
    }
  }
}
