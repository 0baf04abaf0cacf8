// The indexed matcher: a router's `index` turned at load into one bitset per
// feature region (bit = row) with a summary bit per word, and the lookup that
// classifies the most constraining features, ANDs their summaries to find the
// words worth visiting, ANDs those words (classifying another feature only
// where a remaining row tests it) and takes the first set bit. No rule is walked.

import { buildClassification, classifyFeature, readRecord, typeAt, type Classification, type ClassifyEnv, type ClassifyState } from "./classify";
import type { TableIndex } from "./table-format";
import { LISTS, regionCount } from "./validate-index";

export interface LoadedIndex {
  classification: Classification;
  /** Every feature's bitsets in one array: feature f's region r is bitset `base[f] + r`, at `(base[f] + r) × words`. */
  bits: number[];
  /**
   * One bit per word of every bitset: set when that word has a row. ANDing
   * these first finds the few words where every feature still allows a row,
   * so a lookup visits those and skips the rest — a territory table leaves
   * most words empty for any one lead.
   */
  summary: number[];
  /** Words of `summary` per bitset: ⌈words / 32⌉. */
  spans: number;
  /** How many of the first features (the most constraining) are classified first and have their summaries ANDed; at most the feature count. */
  selective: number;
  base: number[];
  words: number;
  /** Bits of the rows that exist. */
  valid: number[];
  /**
   * Per feature and word, the rows that test the feature. A lookup classifies
   * a feature beyond the selective ones only when a candidate row tests it:
   * most leads never need the fields only a few exceptions look at.
   */
  tested: number[];
  /** Row → position of its rule. */
  rows: number[];
  /** 1 for a row whose rule's condition must confirm it; null when there is none. */
  verify: number[] | null;
  usesScores: boolean;
  /** Scratch: each feature's bitset number for the record being looked up; -1 while not classified. */
  regions: number[];
  /** Set during a lookup: a record whose getter routes again gets the rule walk, not this lookup's scratch. */
  busy: boolean;
}

/** INVARIANT: `index` passed validation against this router, so every region and row is in range. */
export function loadIndex(index: TableIndex, env: ClassifyEnv): LoadedIndex {
  const count = index.rows.length;
  const words = Math.max(1, Math.ceil(count / 32));
  const spans = Math.ceil(words / 32);
  const valid = new Array<number>(words).fill(0);
  for (let row = 0; row < count; row++) valid[row >>> 5]! |= 1 << (row & 31);
  // The features that constrain the most rows first; only those that constrain a quarter of the rows or more have their summaries ANDed — the others' are nearly all ones.
  const features = index.features.slice().sort((a, b) => b.constraints.length - a.constraints.length);
  const selective = Math.min(features.length, Math.max(1, features.filter((feature) => feature.constraints.length * 4 >= count).length));
  const base: number[] = [];
  let total = 0;
  for (const feature of features) {
    base.push(total);
    total += regionsOf(feature, env);
  }
  const bits = new Array<number>(total * words).fill(0);
  const tested = new Array<number>(features.length * words).fill(0);
  const summary = new Array<number>(total * spans).fill(0);
  features.forEach((feature, f) => {
    // Where each of the feature's bitsets starts; every row allows every region until its constraint says otherwise.
    const regions: number[] = [];
    for (let bitset = base[f]!; bitset < (base[f + 1] ?? total); bitset++) regions.push(bitset * words);
    for (const start of regions) for (let word = 0; word < words; word++) bits[start + word] = valid[word]!;
    for (const [row, ...allowed] of feature.constraints) {
      const word = row! >>> 5;
      const bit = 1 << (row! & 31);
      tested[f * words + word]! |= bit;
      for (const start of regions) bits[start + word]! &= ~bit;
      for (const region of allowed) bits[regions[region]! + word]! |= bit;
    }
  });
  for (let bitset = 0; bitset < total; bitset++) {
    for (let word = 0; word < words; word++) if (bits[bitset * words + word] !== 0) summary[bitset * spans + (word >>> 5)]! |= 1 << (word & 31);
  }
  const verify = index.verify.length === 0 ? null : new Array<number>(count).fill(0);
  for (const row of index.verify) verify![row] = 1;
  return {
    classification: buildClassification(features, env),
    bits,
    summary,
    spans,
    selective,
    base,
    words,
    valid,
    tested,
    rows: index.rows.slice(),
    verify,
    usesScores: features.some((feature) => feature.kind === "number" && "score" in feature),
    regions: new Array<number>(features.length).fill(0),
    busy: false,
  };
}

/** How many regions a feature has. */
function regionsOf(feature: TableIndex["features"][number], env: ClassifyEnv): number {
  const type = "path" in feature ? typeAt(env, feature.path) : null;
  const listed = (feature as unknown as Record<string, unknown[] | undefined>)[LISTS[feature.kind]!]?.length ?? 0;
  return regionCount(feature.kind, listed, feature.kind === "enum" && type?.type === "enum" ? env.table.enums[type.enum]!.members.length : 0);
}

/**
 * The position of the rule that takes the record, -1 when none does, or -2
 * when the rule walk must decide (a lookup already under way for this
 * router, entered again from a getter on the record).
 * `holds(position)` evaluates a rule's condition, for verified rows only.
 */
export function lookup(index: LoadedIndex, record: Record<string, unknown>, state: ClassifyState, holds: (position: number) => boolean): number {
  if (index.busy) return -2;
  index.busy = true;
  try {
    const { bits, summary, spans, selective, words, valid, tested, rows, verify, regions, base, classification } = index;
    readRecord(classification, record);
    const features = regions.length;
    // The selective features now: their summaries find the words worth visiting. The rest when a candidate row tests them.
    for (let f = 0; f < selective; f++) regions[f] = base[f]! + classifyFeature(classification, f, state);
    for (let f = selective; f < features; f++) regions[f] = -1;
    for (let span = 0; span < spans; span++) {
      // Fixed-length loops over the selective features: predicted, where a data-dependent exit mispredicts.
      let live = span < spans - 1 || (words & 31) === 0 ? -1 : (1 << (words & 31)) - 1;
      for (let f = 0; f < selective; f++) live &= summary[regions[f]! * spans + span]!;
      while (live !== 0) {
        const lowestWord = live & -live;
        const word = span * 32 + 31 - Math.clz32(lowestWord);
        live ^= lowestWord;
        let candidates = valid[word]!;
        for (let f = 0; f < selective; f++) candidates &= bits[regions[f]! * words + word]!;
        for (let f = selective; f < features && candidates !== 0; f++) {
          if ((candidates & tested[f * words + word]!) === 0) continue;
          let bitset = regions[f]!;
          if (bitset < 0) bitset = regions[f] = base[f]! + classifyFeature(classification, f, state);
          candidates &= bits[bitset * words + word]!;
        }
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
  } finally {
    index.busy = false;
  }
}
