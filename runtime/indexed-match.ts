// The indexed matcher: a router's `index` turned at load into one bitset per
// feature region (bit = row), and the lookup that classifies each feature once,
// ANDs the bitsets word by word and takes the first set bit. No rule is walked.

import { buildClassification, classifyRecord, type Classification, type ClassifyEnv, type ClassifyState } from "./classify";
import type { TableIndex } from "./table-format";

export interface LoadedIndex {
  /** Features in lookup order: the most constraining first, so a word usually empties early. */
  classification: Classification;
  /** Every feature's bitsets in one array: feature f's region r starts at `base[f] + r × words`. */
  bits: Uint32Array;
  base: Int32Array;
  words: number;
  /** Bits of the rows that exist. */
  valid: Uint32Array;
  /** Row → position of its rule. */
  rows: Int32Array;
  /** 1 for a row whose rule's condition must confirm it; null when there is none. */
  verify: Uint8Array | null;
  usesScores: boolean;
  /** Scratch: each feature's bitset offset for the record being looked up. */
  offsets: Int32Array;
}

/** INVARIANT: `index` passed validation against this router, so every region and row is in range. */
export function loadIndex(index: TableIndex, env: ClassifyEnv): LoadedIndex {
  const count = index.rows.length;
  const words = Math.max(1, Math.ceil(count / 32));
  const valid = new Uint32Array(words);
  for (let row = 0; row < count; row++) valid[row >>> 5]! |= 1 << (row & 31);
  const order = index.features.map((feature, i) => ({ feature, i })).sort((a, b) => b.feature.constraints.length - a.feature.constraints.length || a.i - b.i);
  const base = new Int32Array(order.length);
  let total = 0;
  order.forEach(({ feature }, f) => {
    base[f] = total;
    total += regionCount(feature, env) * words;
  });
  const bits = new Uint32Array(total);
  let usesScores = false;
  order.forEach(({ feature }, f) => {
    const regions = regionCount(feature, env);
    const start = base[f]!;
    for (let region = 0; region < regions; region++) bits.set(valid, start + region * words);
    for (const [row, ...allowed] of feature.constraints) {
      const word = start + (row! >>> 5);
      const bit = 1 << (row! & 31);
      for (let region = 0; region < regions; region++) bits[region * words + word]! &= ~bit;
      for (const region of allowed) bits[region * words + word]! |= bit;
    }
    if (feature.kind === "number" && "score" in feature) usesScores = true;
  });
  const verify = index.verify.length === 0 ? null : new Uint8Array(count);
  for (const row of index.verify) verify![row] = 1;
  const classification = buildClassification(
    order.map(({ feature }) => feature),
    env,
  );
  return { classification, bits, base, words, valid, rows: Int32Array.from(index.rows), verify, usesScores, offsets: new Int32Array(order.length) };
}

/** How many regions a feature has (runtime/table-format `IndexFeature`). */
export function regionCount(feature: TableIndex["features"][number], env: ClassifyEnv): number {
  switch (feature.kind) {
    case "enum": {
      let record = env.record;
      let type = env.table.records[record]!.fields[feature.path[0]!]!;
      for (const segment of feature.path) {
        type = env.table.records[record]!.fields[segment]!;
        if (type.type === "record") record = type.record;
      }
      return type.type === "enum" ? 2 + env.table.enums[type.enum]!.members.length : 2;
    }
    case "text":
      return 2 + feature.values.length;
    case "rep":
      return 2 + feature.reps.length;
    case "number":
      return 2 * feature.points.length + 2;
    case "set":
      return 2 + 2 ** feature.elements.length;
    case "boolean":
    case "match":
      return 3;
    default:
      return 2;
  }
}

/**
 * The position of the rule that takes the record, or -1 when none does.
 * `holds(position)` evaluates a rule's condition, for verified rows only.
 * Classifying may evaluate scores, which never call back into lookup, so the scratch offsets are safe.
 */
export function lookup(index: LoadedIndex, record: Record<string, unknown>, state: ClassifyState, holds: (position: number) => boolean): number {
  const { bits, words, valid, rows, verify, offsets } = index;
  const features = offsets.length;
  classifyRecord(index.classification, record, state, offsets, index.base, words);
  for (let word = 0; word < words; word++) {
    // Every feature, without stopping at zero: a loop of fixed length is predicted, a data-dependent exit mispredicts per word.
    let candidates = valid[word]!;
    for (let f = 0; f < features; f++) candidates &= bits[offsets[f]! + word]!;
    while (candidates !== 0) {
      const lowest = candidates & -candidates;
      const row = word * 32 + 31 - Math.clz32(lowest);
      const position = rows[row]!;
      if (verify === null || verify[row] === 0 || holds(position)) return position;
      candidates ^= lowest;
    }
  }
  return -1;
}
