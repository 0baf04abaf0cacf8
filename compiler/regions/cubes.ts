// Cubes and formulas over finite-domain region variables: the set algebra
// the analysis and the matching index share. A cube fixes, per variable, the
// set of its values still allowed (a bitmask); a formula is a union of cubes.

/** Values of one variable as a bitmask: bit i set = value i allowed. Absent from a cube = every value. */
export type Mask = bigint;

/** A conjunction: for each listed variable, the values allowed. Unlisted variables are unconstrained. */
export type Cube = Map<number, Mask>;

/** A union of cubes (disjunctive normal form). `[]` is false; `[new Map()]` is true. */
export type Formula = Cube[];

/** Thrown when a formula grows past its budget; callers turn it into "undecided", never a guess. */
export class RegionLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RegionLimitError";
  }
}

/** The most cubes one formula may hold before the work is called undecided. */
export const FORMULA_LIMIT = 20_000;

export function fullMask(size: number): Mask {
  return (1n << BigInt(size)) - 1n;
}

/** The mask with the given bits set. Built as one binary literal: OR-ing one shifted bit at a time costs quadratic time on a wide domain (a number subject with a thousand constants). */
export function maskOf(indexes: Iterable<number>): Mask {
  const bits: number[] = [];
  let top = -1;
  for (const index of indexes) {
    // A negative shift is a right shift of 1n: no bit, as before.
    if (index < 0) continue;
    bits.push(index);
    if (index > top) top = index;
  }
  if (top < 0) return 0n;
  if (top < 31) {
    let small = 0;
    for (const index of bits) small |= 1 << index;
    return BigInt(small);
  }
  const digits = new Array<string>(top + 1).fill("0");
  for (const index of bits) digits[top - index] = "1";
  return BigInt(`0b${digits.join("")}`);
}

/**
 * The mask of the values that hold. Called once per test on every value of its
 * subject (a number subject of a 1,000-rule router has 2,000 intervals), so it
 * sets bits in 32-bit words, with no array or string per value.
 */
export function maskWhere<Value>(values: readonly Value[], holds: (value: Value) => boolean): Mask {
  if (values.length <= 31) {
    let small = 0;
    for (let index = 0; index < values.length; index++) if (holds(values[index]!)) small |= 1 << index;
    return BigInt(small);
  }
  const words = new Uint32Array(Math.ceil(values.length / 32));
  for (let index = 0; index < values.length; index++) if (holds(values[index]!)) words[index >>> 5] |= 1 << (index & 31);
  return maskOfWords(words);
}

/** A mask given as 32-bit words, lowest first: one hexadecimal literal, a few dozen string pieces instead of one per bit. */
export function maskOfWords(words: Uint32Array): Mask {
  let hex = "0x";
  for (let word = words.length - 1; word >= 0; word--) hex += words[word]!.toString(16).padStart(8, "0");
  return BigInt(hex);
}

/** The indexes of the set bits, ascending (read from the binary digits: linear in the width). */
export function bitsOf(mask: Mask): number[] {
  const bits: number[] = [];
  if (mask <= 0n) return bits;
  const digits = mask.toString(2);
  for (let position = digits.length - 1; position >= 0; position--) if (digits.charCodeAt(position) === 49) bits.push(digits.length - 1 - position);
  return bits;
}

/** The index of the lowest set bit (0 for an empty mask): read from the isolated bit's hexadecimal digits, linear in the width. */
export function lowestBit(mask: Mask): number {
  if (mask <= 0n) return 0;
  const low = mask & -mask;
  if (low <= 0x40000000n) return 31 - Math.clz32(Number(low));
  const digits = low.toString(16);
  // A power of two: one leading digit 1, 2, 4 or 8, then zeros.
  return (digits.length - 1) * 4 + (31 - Math.clz32(digits.charCodeAt(0) - 48));
}

export const TRUE: Formula = [new Map()];
export const FALSE: Formula = [];

export function literal(variable: number, mask: Mask, sizes: readonly number[]): Formula {
  if (mask === 0n) return [];
  if (mask === fullMask(sizes[variable]!)) return [new Map()];
  return [new Map([[variable, mask]])];
}

/** The intersection of two cubes, or null when it is empty. */
export function intersectCubes(a: Cube, b: Cube): Cube | null {
  const result = new Map(a);
  for (const [variable, mask] of b) {
    const current = result.get(variable);
    const next = current === undefined ? mask : current & mask;
    if (next === 0n) return null;
    result.set(variable, next);
  }
  return result;
}

/** Whether two cubes share an assignment. */
export function cubesMeet(a: Cube, b: Cube): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [variable, mask] of small) {
    const other = large.get(variable);
    if (other !== undefined && (other & mask) === 0n) return false;
  }
  return true;
}

export function or(...formulas: Formula[]): Formula {
  const result = formulas.flat();
  if (result.length > FORMULA_LIMIT) throw new RegionLimitError(`a condition expands to more than ${FORMULA_LIMIT} cases`);
  return result;
}

export function and(a: Formula, b: Formula): Formula {
  const result: Formula = [];
  for (const left of a) {
    for (const right of b) {
      const cube = intersectCubes(left, right);
      if (cube) result.push(cube);
    }
    if (result.length > FORMULA_LIMIT) throw new RegionLimitError(`a condition expands to more than ${FORMULA_LIMIT} cases`);
  }
  return result;
}

/**
 * Splits `cube` by `cutter`: the part inside the cutter (or null) and
 * disjoint cubes covering the part outside it.
 */
export function splitCube(cube: Cube, cutter: Cube, sizes: readonly number[]): { inside: Cube | null; outside: Cube[] } {
  const outside: Cube[] = [];
  let rest: Cube = cube;
  for (const [variable, mask] of cutter) {
    const current = rest.get(variable) ?? fullMask(sizes[variable]!);
    const kept = current & mask;
    if (kept === 0n) return { inside: null, outside: [cube] };
    if (kept === current) continue;
    const piece = new Map(rest);
    piece.set(variable, current & ~mask);
    outside.push(piece);
    rest = new Map(rest);
    rest.set(variable, kept);
  }
  return { inside: rest, outside };
}

/** Disjoint cubes covering `formula` minus `removed`. */
export function subtract(formula: Formula, removed: Formula, sizes: readonly number[]): Formula {
  let current = formula;
  for (const cutter of removed) {
    const next: Formula = [];
    for (const cube of current) {
      if (!cubesMeet(cube, cutter)) {
        next.push(cube);
        continue;
      }
      next.push(...splitCube(cube, cutter, sizes).outside);
    }
    if (next.length > FORMULA_LIMIT) throw new RegionLimitError(`a negated condition expands to more than ${FORMULA_LIMIT} cases`);
    current = next;
  }
  return current;
}

export function not(formula: Formula, sizes: readonly number[]): Formula {
  return subtract(TRUE, formula, sizes);
}
