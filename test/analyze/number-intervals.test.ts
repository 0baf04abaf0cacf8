// A number test's intervals are found by binary search over the intervals'
// examples (a router with a threshold per rule has thousands of them). The
// answer must be exactly the intervals whose example `numberHolds` accepts —
// for every operator, constants on and between the cuts, out-of-range and
// NaN constants, and constant sets whose examples float rounding disorders.

import { describe, expect, it } from "vitest";
import type { TestOp } from "../../language/semantics/model";
import { type Mask, numberHolds, numberRegions } from "../../compiler/regions";
import { NumberIntervals } from "../../compiler/regions/numbers";
import type { RegionValue } from "../../compiler/regions";

/** The definition: each value tried, one bit at a time. */
function definition(values: RegionValue[], test: TestOp): Mask {
  let mask = 0n;
  values.forEach((value, index) => {
    if (value.kind === "number" && numberHolds(value.example, test)) mask |= 1n << BigInt(index);
  });
  return mask;
}

function testsAround(constants: number[]): TestOp[] {
  const probes = new Set<number>([NaN, -Infinity, Infinity, 0, -0]);
  for (const constant of constants) for (const probe of [constant, constant - 1, constant + 1, constant - 0.5, constant + 0.5]) probes.add(probe);
  const tests: TestOp[] = [];
  const list = [...probes];
  for (const value of list) {
    for (const cmp of ["=", "!=", "<", "<=", ">", ">="] as const) tests.push({ op: "cmp", cmp, value });
    tests.push({ op: "is", value });
  }
  for (let index = 0; index + 1 < list.length; index++) {
    tests.push({ op: "between", low: list[index]!, high: list[index + 1]! });
    tests.push({ op: "between", low: list[index + 1]!, high: list[index]! });
    tests.push({ op: "in", values: [list[index]!, list[index + 1]!, "text"] });
  }
  tests.push({ op: "is", value: "5" }, { op: "in", values: [] }, { op: "truthy" });
  return tests;
}

const constantSets: [string, number[]][] = [
  ["none", []],
  ["one", [10]],
  ["a threshold per rule", Array.from({ length: 300 }, (_, index) => 10 + ((index * 37) % 5000))],
  ["negatives, decimals and zero", [-3.5, -1, -0, 0, 0.25, 2, 1e-9, 7.125]],
  ["adjacent doubles", [1, 1 + Number.EPSILON, 1 + 2 * Number.EPSILON, 2]],
  ["near the largest numbers (a midpoint overflows: out of order)", [-1.7e308, 1.7e308]],
  ["huge constants (examples at the ends round)", [-9007199254740993, 9007199254740993, 1e300]],
];

describe("number intervals", () => {
  for (const [name, constants] of constantSets) {
    it(`match every interval's example for ${name}`, () => {
      for (const missing of [false, true]) {
        const values: RegionValue[] = [...numberRegions(constants), ...(missing ? [{ kind: "missing" } as const] : [])];
        const intervals = new NumberIntervals(values);
        for (const test of testsAround(constants)) {
          const expected = definition(values, test);
          expect(intervals.mask(test), JSON.stringify(test)).toBe(expected);
          expect(intervals.scanned(test)).toBe(expected);
        }
      }
    });
  }
});
