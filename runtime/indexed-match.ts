// The indexed matcher: a router's `index` turned at load into one bitset per
// feature region (bit = row), and the lookup that classifies each feature once,
// ANDs the bitsets word by word and takes the first set bit. No rule is walked.

import { classifier, type ClassifyEnv, type ClassifyState, type Classifier } from "./classify";
import type { TableIndex } from "./table-format";

export interface LoadedIndex {
  /** Features in lookup order: the most constraining first, so a word usually empties early. */
  classify: Classifier[];
  /** Per feature: `regions × words` words; region r's bitset starts at r × words. */
  bits: Uint32Array[];
  words: number;
  /** Bits of the rows that exist. */
  valid: Uint32Array;
  /** Row → position of its rule. */
  rows: Int32Array;
  /** 1 for a row whose rule's condition must confirm it; null when there is none. */
  verify: Uint8Array | null;
  usesScores: boolean;
}

/** INVARIANT: `index` passed validation against this router, so every region and row is in range. */
export function loadIndex(index: TableIndex, env: ClassifyEnv): LoadedIndex {
  const count = index.rows.length;
  const words = Math.max(1, Math.ceil(count / 32));
  const valid = new Uint32Array(words);
  for (let row = 0; row < count; row++) valid[row >>> 5]! |= 1 << (row & 31);
  const order = index.features.map((feature, i) => ({ feature, i })).sort((a, b) => b.feature.constraints.length - a.feature.constraints.length || a.i - b.i);
  const bits: Uint32Array[] = [];
  const classify: Classifier[] = [];
  let usesScores = false;
  for (const { feature } of order) {
    const regions = regionCount(feature, env);
    const array = new Uint32Array(regions * words);
    for (let region = 0; region < regions; region++) array.set(valid, region * words);
    for (const [row, ...allowed] of feature.constraints) {
      const word = row! >>> 5;
      const bit = 1 << (row! & 31);
      for (let region = 0; region < regions; region++) array[region * words + word]! &= ~bit;
      for (const region of allowed) array[region * words + word]! |= bit;
    }
    bits.push(array);
    classify.push(classifier(feature, env));
    if (feature.kind === "number" && "score" in feature) usesScores = true;
  }
  const verify = index.verify.length === 0 ? null : new Uint8Array(count);
  for (const row of index.verify) verify![row] = 1;
  return { classify, bits, words, valid, rows: Int32Array.from(index.rows), verify, usesScores };
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

let offsets = new Int32Array(16);

/**
 * The position of the rule that takes the record, or -1 when none does.
 * `holds(position)` evaluates a rule's condition, for verified rows only.
 */
export function lookup(index: LoadedIndex, record: Record<string, unknown> | null, state: ClassifyState, holds: (position: number) => boolean): number {
  const { classify, bits, words, valid, rows, verify } = index;
  const features = classify.length;
  if (offsets.length < features) offsets = new Int32Array(features * 2);
  // Classifying may evaluate scores, which never call back into lookup, so the shared buffer is safe.
  const local = offsets;
  for (let f = 0; f < features; f++) local[f] = classify[f]!(record, state) * words;
  for (let word = 0; word < words; word++) {
    let candidates = valid[word]!;
    for (let f = 0; f < features && candidates !== 0; f++) candidates &= bits[f]![local[f]! + word]!;
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
