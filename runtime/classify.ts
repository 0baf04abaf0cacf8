// Classifying a record for the decision index: the record's fields read in
// one for-in pass, then each feature's region when the lookup asks for it (a
// switch on the feature's kind, no per-feature closures on the hot path).
// Reads exactly as runtime/values.ts does — own enumerable members only,
// wrong types count as missing — without notes or allocation per record.

import { isOpen, localTime } from "./calendar";
import type { FieldType, IndexFeature, Table } from "./table-format";
import { StringTable } from "./string-table";
import { fold, isObject } from "./text";

/** What a classifier may need beyond the record: the instant and the router's scores. */
export interface ClassifyState {
  instant: Date | null;
  score(id: string): number;
}

/** What classifiers are built from, once per table. */
export interface ClassifyEnv {
  table: Table;
  record: string;
  enumWires: Map<string, Map<string, string>>;
  repHandles: Map<string, string>;
}

// Feature kinds as small integers, so one switch serves every feature.
const TEXT = 0; // enum, text, rep, match: a string → region through a cache of raw strings
const NUMBER = 1;
const BOOLEAN = 2;
const SET = 3;
const PRESENT = 4;
const SCORE = 5;
const WITHIN = 6;

/** Per-feature caches of raw strings stop growing here, so odd inputs cannot exhaust memory. */
const CACHE_LIMIT = 4096;
const hasOwn = Object.prototype.hasOwnProperty;
const isEnumerable = Object.prototype.propertyIsEnumerable;
const getPrototypeOf = Object.getPrototypeOf;
const objectPrototype = Object.prototype;
/** A plain object with no keys: for-in over it yields something only when Object.prototype has enumerable properties. */
const EMPTY = {};

/** A router's features ready for classification, in lookup order. */
export interface Classification {
  /** Top-level field names the features read first, one slot each. */
  names: string[];
  slotOf: StringTable;
  kinds: number[];
  /** Per feature: its field's slot; -1 for scores and hours. */
  slots: number[];
  /** Per feature: the rest of a path through related records, or null. */
  rests: (string[] | null)[];
  /**
   * Per feature what classifying it needs: a TEXT or SET feature's raw-string
   * cache, a NUMBER or SCORE feature's points, a WITHIN feature's hours.
   * Plain arrays, here and below, not typed arrays: once any ArrayBuffer in the process has been
   * detached (TLS, worker transfers do it), V8 checks every typed-array access, which made
   * classifying twice as slow in a service that had loaded node:tls.
   */
  data: unknown[];
  /** Per TEXT or SET feature: how many strings classifying has added to its cache. */
  cacheSizes: number[];
  /** Per TEXT or SET feature: the region (or element bit) of a raw string the cache has not seen. */
  miss: (((raw: string) => number) | null)[];
  /** Per SCORE feature its score id. */
  scores: unknown[];
  /** Scratch: the slots' values for the record being classified. */
  values: unknown[];
}

export function buildClassification(features: IndexFeature[], env: ClassifyEnv): Classification {
  const names = [...new Set(features.flatMap((feature) => ("path" in feature ? [internalised(feature.path[0]!)] : [])))];
  const slotOf = new StringTable(names);
  const described = features.map((feature) => describeFeature(feature, env));
  const kinds = described.map(([kind]) => kind);
  const slots = features.map((feature) => ("path" in feature ? slotOf.get(internalised(feature.path[0]!)) : -1));
  const rests = features.map((feature) => ("path" in feature && feature.path.length > 1 ? feature.path.slice(1).map(internalised) : null));
  return {
    names,
    slotOf,
    kinds,
    slots,
    rests,
    data: described.map(([, data]) => data),
    cacheSizes: features.map(() => 0),
    miss: described.map(([, , miss]) => miss),
    scores: described.map(([, , , score]) => score),
    values: names.map(() => undefined),
  };
}

/**
 * The same text as a property key. Engines keep property keys in one string
 * table, so comparing the names for-in yields with these is a pointer check,
 * and reading by name skips a string-table lookup per read.
 */
function internalised(name: string): string {
  return Object.keys({ [name]: 0 })[0]!;
}

/**
 * Raw string → region, as a prototype-free object: a keyed load by an
 * internalised string (what JSON.parse and literals give for short values)
 * costs about half a Map.get.
 */
type TextCache = Record<string, number>;

function textCache(): TextCache {
  return Object.create(null) as TextCache;
}

type Described = [kind: number, data: object | null, miss: ((raw: string) => number) | null, score?: string];

function describeFeature(feature: IndexFeature, env: ClassifyEnv): Described {
  switch (feature.kind) {
    case "within":
      return [WITHIN, env.table.hours[feature.hours]!, null];
    case "number":
      return "score" in feature ? [SCORE, feature.points.slice(), null, feature.score] : [NUMBER, feature.points.slice(), null];
    case "boolean":
      return [BOOLEAN, null, null];
    case "present":
      return [PRESENT, null, null];
    case "enum": {
      const type = typeAt(env, feature.path) as { enum: string };
      const members = env.table.enums[type.enum]!.members;
      const wires = env.enumWires.get(type.enum)!;
      return byFolded(members.map((member) => member.wire), new Map([...wires].map(([wire, name]) => [wire, 2 + members.findIndex((member) => member.name === name)])));
    }
    case "text":
      return byFolded(feature.values, new Map(feature.values.map((value, i) => [value, 2 + i])));
    case "rep": {
      const reps = new Map(feature.reps.map((rep, i) => [rep, 2 + i]));
      return [TEXT, textCache(), (raw) => reps.get(env.repHandles.get(fold(raw)) ?? "\u0000") ?? 1];
    }
    case "match": {
      const needle = feature.value;
      const op = feature.op;
      return [TEXT, textCache(), (raw) => {
        const key = fold(raw);
        return (op === "startsWith" ? key.startsWith(needle) : op === "endsWith" ? key.endsWith(needle) : key.includes(needle)) ? 2 : 1;
      }];
    }
    case "set": {
      const element = (typeAt(env, feature.path) as FieldType & { type: "set" }).element;
      const bits = new Map(feature.elements.map((key, i) => [key, 1 << i]));
      // The element's key as runtime/values.ts computes it: folded text, a member name, a rep id.
      return [SET, textCache(), (raw) => {
        const key = fold(raw);
        const named = element.type === "text" ? key : element.type === "enum" ? env.enumWires.get(element.enum)!.get(key) : env.repHandles.get(key);
        return named === undefined ? 0 : (bits.get(named) ?? 0);
      }];
    }
  }
}

/**
 * A text feature whose region is its folded value's in `regions` (1 for any
 * other text), with a raw-string cache already holding the spellings the
 * table declares (internalised, as JSON keys and literals are).
 */
function byFolded(spellings: string[], regions: Map<string, number>): Described {
  const miss = (raw: string) => regions.get(fold(raw)) ?? 1;
  const table = textCache();
  for (const key of spellings.map(internalised)) table[key] = miss(key);
  return [TEXT, table, miss];
}

/**
 * Writes each feature's region into `out`: the record read once, then every
 * feature classified. The index's lookup classifies only the features its
 * candidate rows test (runtime/indexed-match.ts); this is the eager form.
 * INVARIANT: `record` is an object; classifying never calls back into this
 * module, so the shared scratch `values` is safe.
 */
export function classifyRecord(c: Classification, record: Record<string, unknown>, state: ClassifyState, out: number[]): void {
  readRecord(c, record);
  for (let f = 0; f < c.kinds.length; f++) out[f] = classifyFeature(c, f, state);
}

/** Feature f's region for the record last read by readRecord; 0 when its value is missing or of the wrong type. */
export function classifyFeature(c: Classification, f: number, state: ClassifyState): number {
  const raw = valueOf(c, f);
  switch (c.kinds[f]) {
    case TEXT:
      return typeof raw === "string" ? cached(c, f, raw) : 0;
    case NUMBER:
      return typeof raw === "number" && raw - raw === 0 ? numberRegion(c.data[f] as number[], raw) : 0;
    case BOOLEAN:
      return raw === true ? 2 : raw === false ? 1 : 0;
    default:
      return otherRegion(c, f, raw, state);
  }
}

/** The value feature f reads: its field's, followed through related records when its path goes on. */
function valueOf(c: Classification, f: number): unknown {
  const slot = c.slots[f]!;
  const raw = slot < 0 ? undefined : c.values[slot];
  const rest = c.rests[f];
  return rest === null || raw === undefined ? raw : follow(raw, rest!);
}

/**
 * Fills `values` with the record's own enumerable members the features read,
 * null and undefined left out. One for-in pass: V8 reads each property
 * through the object's enumeration cache, where `record[name]` per field
 * would miss its inline caches on records of thousands of shapes. A very
 * wide record is read by name.
 */
export function readRecord(c: Classification, record: Record<string, unknown>): void {
  const { slotOf, values } = c;
  const slots = values.length;
  for (let s = 0; s < slots; s++) values[s] = undefined;
  let found = 0;
  let budget = slots * 4 + 16;
  const own = onlyOwnKeys(record);
  for (const key in record) {
    if (--budget < 0) return readByName(c, record);
    const slot = slotOf.get(key);
    if (slot >= 0 && (own || hasOwn.call(record, key))) {
      const value = record[key];
      if (value !== null) values[slot] = value;
      if (++found === slots) return;
    }
  }
}

/**
 * Whether for-in yields only the record's own keys: true for a plain object
 * or one without a prototype, unless something has made a property of
 * Object.prototype enumerable. Checking this once per record spares a
 * hasOwnProperty call per key (~6 ns each), which V8 does not fold away here.
 */
function onlyOwnKeys(record: object): boolean {
  const prototype = getPrototypeOf(record);
  if (prototype === null) return true;
  if (prototype !== objectPrototype) return false;
  for (const key in EMPTY) return key === undefined;
  return true;
}

function readByName(c: Classification, record: Record<string, unknown>): void {
  const { names, values } = c;
  for (let s = 0; s < names.length; s++) {
    const name = names[s]!;
    const value = isEnumerable.call(record, name) ? record[name] : undefined;
    values[s] = value === null ? undefined : value;
  }
}

/** The region of a set, presence, score or hours feature; 0 when the value is missing or of the wrong type. */
function otherRegion(c: Classification, f: number, raw: unknown, state: ClassifyState): number {
  switch (c.kinds[f]) {
    case SET: {
      if (!Array.isArray(raw)) return 0;
      let mask = 0;
      for (let i = 0; i < raw.length; i++) {
        const item: unknown = raw[i];
        if (typeof item === "string") mask |= cached(c, f, item);
      }
      return raw.length === 0 ? 1 : 2 + mask;
    }
    case PRESENT:
      return isObject(raw) ? 1 : 0;
    case SCORE:
      return numberRegion(c.data[f] as number[], state.score(c.scores[f] as string));
    default: {
      const hours = c.data[f] as Table["hours"][string];
      return state.instant !== null && isOpen(hours, localTime(state.instant, hours.timezone)) ? 1 : 0;
    }
  }
}

/** The value at the end of a path through related records; undefined when one on the way is absent or not a record. */
function follow(start: unknown, rest: string[]): unknown {
  let current = start;
  for (let i = 0; i < rest.length; i++) {
    if (!isObject(current)) return undefined;
    const key = rest[i]!;
    const value = current[key];
    if (value === undefined || value === null || !isEnumerable.call(current, key)) return undefined;
    current = value;
  }
  return current;
}

/** A raw string's region through the feature's cache of strings already seen (case variants included). */
function cached(c: Classification, f: number, raw: string): number {
  const table = c.data[f] as TextCache;
  let region = table[raw];
  if (region === undefined) {
    region = c.miss[f]!(raw);
    if (c.cacheSizes[f]! < CACHE_LIMIT) {
      table[raw] = region;
      c.cacheSizes[f]!++;
    }
  }
  return region;
}

/** Region of a finite number around sorted points: 1 + 2i below points[i], 2 + 2i on it. */
function numberRegion(points: number[], value: number): number {
  const count = points.length;
  let low = 0;
  // Counting every point below, without a branch, beats a binary search's mispredicted steps on short lists.
  if (count <= 16) for (let i = 0; i < count; i++) low += points[i]! < value ? 1 : 0;
  else {
    let high = count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (points[middle]! < value) low = middle + 1;
      else high = middle;
    }
  }
  return low < count && points[low] === value ? 2 + 2 * low : 1 + 2 * low;
}

/** The declared type at the end of a field path. */
export function typeAt(env: ClassifyEnv, path: string[]): FieldType {
  let record = env.record;
  let type: FieldType | undefined;
  for (const segment of path) {
    type = env.table.records[record]!.fields[segment]!;
    if (type.type === "record") record = type.record;
  }
  return type!;
}
