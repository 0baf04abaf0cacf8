// The mask helpers of the region algebra build and read masks as whole
// numbers rather than one bit at a time (a number subject of a 1,000-rule
// router has 2,001 values). They must agree with the bit-by-bit definitions
// at every width, across the 31-bit and 32-bit word edges.

import { describe, expect, it } from "vitest";
import { bitsOf, lowestBit, type Mask, maskOf, maskWhere } from "../../compiler/regions";

const widths = [1, 2, 30, 31, 32, 33, 63, 64, 65, 96, 200, 2001];

function bitByBit(indexes: number[]): Mask {
  let mask = 0n;
  for (const index of indexes) mask |= 1n << BigInt(index);
  return mask;
}

function setBits(mask: Mask): number[] {
  const bits: number[] = [];
  for (let index = 0; mask >> BigInt(index) > 0n; index++) if ((mask >> BigInt(index)) & 1n) bits.push(index);
  return bits;
}

/** Deterministic index sets: none, the ends, and a scatter. */
function samples(width: number): number[][] {
  const scatter = Array.from({ length: 9 }, (_, step) => (step * 7919 + width) % width);
  return [[], [0], [width - 1], [0, width - 1], scatter, Array.from({ length: width }, (_, index) => index)];
}

describe("mask helpers", () => {
  for (const width of widths) {
    it(`agree with the bit-by-bit definitions at width ${width}`, () => {
      for (const indexes of samples(width)) {
        const expected = bitByBit(indexes);
        expect(maskOf(indexes)).toBe(expected);
        const chosen = new Set(indexes);
        const values = Array.from({ length: width }, (_, index) => index);
        expect(maskWhere(values, (value) => chosen.has(value))).toBe(expected);
        expect(bitsOf(expected)).toEqual([...chosen].sort((a, b) => a - b));
        expect(bitsOf(expected)).toEqual(setBits(expected));
        expect(lowestBit(expected)).toBe(indexes.length === 0 ? 0 : Math.min(...indexes));
      }
    });
  }

  it("find the lowest bit at every position of a wide mask, with higher bits set or not", () => {
    const high = 1n << 2000n;
    for (let index = 0; index <= 2000; index++) {
      const bit = 1n << BigInt(index);
      expect(lowestBit(bit)).toBe(index);
      expect(lowestBit(bit | high | (bit << 3n))).toBe(index);
    }
  });
});
