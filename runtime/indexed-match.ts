// The indexed matcher: a router's `index` turned at load into one bitset per
// feature region (bit = row), and the lookup that classifies each feature once,
// ANDs the bitsets word by word and takes the first set bit. No rule is walked.

import { buildClassification, classifyRecord, type Classification, type ClassifyEnv, type ClassifyState } from "./classify";
import type { TableIndex } from "./table-format";

export interface LoadedIndex {
  classification: Classification;
  /**
   * Features merged in pairs, so each 32-row word takes half the ANDs: group
   * g's bitset for regions (a, b) of its two features starts at
   * `groupBase[g] + (a × width[g] + b) × words`. A lone feature pairs with
   * the spare always-zero region slot.
   */
  bits: Uint32Array;
  /**
   * One bit per word of every bitset: set when that word has a row. ANDing
   * these first finds the few words where every group still has a row, so a
   * lookup visits those and skips the rest — tables grouped by territory
   * leave most words empty for any one lead.
   */
  summary: Uint32Array;
  /** Words of `summary` per bitset: ⌈words / 32⌉. */
  spans: number;
  groupBase: Int32Array;
  first: Int32Array;
  second: Int32Array;
  width: Int32Array;
  words: number;
  /** Bits of the rows that exist. */
  valid: Uint32Array;
  /** Row → position of its rule. */
  rows: Int32Array;
  /** 1 for a row whose rule's condition must confirm it; null when there is none. */
  verify: Uint8Array | null;
  usesScores: boolean;
  /** Scratch: each feature's region (plus the spare zero slot), then each group's bitset number, for the record being looked up. */
  regions: Int32Array;
  offsets: Int32Array;
  /** All zeros: classifying writes plain region numbers. */
  zeros: Int32Array;
}

/** Two features merge when their region counts multiply to at most this: the merged bitsets stay small. */
const PAIR_LIMIT = 256;

/** INVARIANT: `index` passed validation against this router, so every region and row is in range. */
export function loadIndex(index: TableIndex, env: ClassifyEnv): LoadedIndex {
  const count = index.rows.length;
  const words = Math.max(1, Math.ceil(count / 32));
  const valid = new Uint32Array(words);
  for (let row = 0; row < count; row++) valid[row >>> 5]! |= 1 << (row & 31);
  const features = index.features;
  const counts = features.map((feature) => regionCount(feature, env));
  const single = features.map((feature, f) => featureBits(feature, counts[f]!, words, valid));
  const groups = pairs(counts);
  const groupBase = new Int32Array(groups.length);
  let total = 0;
  groups.forEach(([a, b], g) => {
    groupBase[g] = total;
    total += counts[a]! * (b < 0 ? 1 : counts[b]!);
  });
  const spans = Math.ceil(words / 32);
  const bits = new Uint32Array(total * words);
  const summary = new Uint32Array(total * spans);
  groups.forEach(([a, b], g) => {
    const width = b < 0 ? 1 : counts[b]!;
    for (let ra = 0; ra < counts[a]!; ra++) {
      for (let rb = 0; rb < width; rb++) {
        const bitset = groupBase[g]! + ra * width + rb;
        for (let word = 0; word < words; word++) {
          const value = single[a]![ra * words + word]! & (b < 0 ? 0xffffffff : single[b]![rb * words + word]!);
          bits[bitset * words + word] = value;
          if (value !== 0) summary[bitset * spans + (word >>> 5)]! |= 1 << (word & 31);
        }
      }
    }
  });
  const verify = index.verify.length === 0 ? null : new Uint8Array(count);
  for (const row of index.verify) verify![row] = 1;
  const spare = features.length;
  return {
    classification: buildClassification(features, env),
    bits,
    summary,
    spans,
    groupBase,
    first: Int32Array.from(groups.map(([a]) => a)),
    second: Int32Array.from(groups.map(([, b]) => (b < 0 ? spare : b))),
    width: Int32Array.from(groups.map(([, b]) => (b < 0 ? 1 : counts[b]!))),
    words,
    valid,
    rows: Int32Array.from(index.rows),
    verify,
    usesScores: features.some((feature) => feature.kind === "number" && "score" in feature),
    regions: new Int32Array(features.length + 1),
    offsets: new Int32Array(groups.length),
    zeros: new Int32Array(features.length),
  };
}

/** One feature's bitsets, region after region: bit r of a region's words is set when row r allows that region. */
function featureBits(feature: TableIndex["features"][number], regions: number, words: number, valid: Uint32Array): Uint32Array {
  const bits = new Uint32Array(regions * words);
  for (let region = 0; region < regions; region++) bits.set(valid, region * words);
  for (const [row, ...allowed] of feature.constraints) {
    const word = row! >>> 5;
    const bit = 1 << (row! & 31);
    for (let region = 0; region < regions; region++) bits[region * words + word]! &= ~bit;
    for (const region of allowed) bits[region * words + word]! |= bit;
  }
  return bits;
}

/** Features in pairs [a, b] (b = -1 alone): the fewest-region feature with the largest partner that keeps the product within PAIR_LIMIT. */
function pairs(counts: number[]): [number, number][] {
  const open = counts.map((_, f) => f).sort((x, y) => counts[x]! - counts[y]! || x - y);
  const result: [number, number][] = [];
  while (open.length > 0) {
    const a = open.shift()!;
    let partner = -1;
    for (let i = open.length - 1; i >= 0; i--) {
      if (counts[a]! * counts[open[i]!]! <= PAIR_LIMIT) {
        partner = open.splice(i, 1)[0]!;
        break;
      }
    }
    result.push([a, partner]);
  }
  return result;
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
  const { bits, summary, spans, words, valid, rows, verify, regions, offsets, groupBase, first, second, width } = index;
  classifyRecord(index.classification, record, state, regions, index.zeros, 1);
  const groups = offsets.length;
  for (let g = 0; g < groups; g++) offsets[g] = groupBase[g]! + regions[first[g]!]! * width[g]! + regions[second[g]!]!;
  for (let span = 0; span < spans; span++) {
    // Fixed-length loops over the groups: predicted, where a data-dependent exit mispredicts.
    let live = span < spans - 1 || (words & 31) === 0 ? -1 : (1 << (words & 31)) - 1;
    for (let g = 0; g < groups; g++) live &= summary[offsets[g]! * spans + span]!;
    while (live !== 0) {
      const lowestWord = live & -live;
      const word = span * 32 + 31 - Math.clz32(lowestWord);
      live ^= lowestWord;
      let candidates = valid[word]!;
      for (let g = 0; g < groups; g++) candidates &= bits[offsets[g]! * words + word]!;
      while (candidates !== 0) {
        const lowest = candidates & -candidates;
        const row = word * 32 + 31 - Math.clz32(lowest);
        const position = rows[row]!;
        if (verify === null || verify[row] === 0 || holds(position)) return position;
        candidates ^= lowest;
      }
    }
  }
  return -1;
}
