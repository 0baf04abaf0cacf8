// Classifying a record for the decision index: the record's fields read in
// one for-in pass, then each feature's region in one tight loop per kind (no
// per-feature closures on the hot path). Reads exactly as runtime/values.ts
// does — own enumerable members only, wrong types count as missing — without
// notes or allocation per record.

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

/** A router's features ready for classification, in lookup order. */
export interface Classification {
  /** Top-level field names the features read first, one slot each. */
  names: string[];
  slotOf: StringTable;
  kinds: Int32Array;
  /** Per feature: its field's slot; -1 for scores and hours. */
  slots: Int32Array;
  /** Per feature: the rest of a path through related records, or null. */
  rests: (string[] | null)[];
  /** Per feature: number points (Float64Array), a raw-string cache (StringTable), a score or hours id. */
  data: unknown[];
  /** Per TEXT or SET feature its raw-string cache, per NUMBER feature its points: typed copies of `data` so the hot loads are monomorphic. */
  tables: (StringTable | null)[];
  points: (Float64Array | null)[];
  /** Per TEXT or SET feature: the region (or element bit) of a raw string the cache has not seen. */
  miss: (((raw: string) => number) | null)[];
  /** Text, number and boolean features of a top-level field, by kind: each kind is classified in its own loop. */
  texts: Int32Array;
  numbers: Int32Array;
  booleans: Int32Array;
  /** Every other feature: sets, presence, scores, hours, paths through related records. */
  later: Int32Array;
  /** Scratch: the slots' values for the record being classified. */
  values: unknown[];
}

export function buildClassification(features: IndexFeature[], env: ClassifyEnv): Classification {
  const names: string[] = [];
  const slotOf = new StringTable();
  const count = features.length;
  const result: Classification = { names, slotOf, kinds: new Int32Array(count), slots: new Int32Array(count), rests: [], data: [], tables: [], points: [], miss: [], texts: new Int32Array(0), numbers: new Int32Array(0), booleans: new Int32Array(0), later: new Int32Array(0), values: [] };
  slotOf.tune(features.flatMap((feature) => ("path" in feature ? [internalised(feature.path[0]!)] : [])));
  features.forEach((feature, f) => {
    let slot = -1;
    let rest: string[] | null = null;
    if ("path" in feature) {
      const name = internalised(feature.path[0]!);
      slot = slotOf.get(name);
      if (slot < 0) {
        slot = names.push(name) - 1;
        slotOf.set(name, slot);
      }
      if (feature.path.length > 1) rest = feature.path.slice(1).map(internalised);
    }
    const [kind, data, miss] = describeFeature(feature, env);
    result.kinds[f] = kind;
    result.slots[f] = slot;
    result.rests.push(rest);
    result.data.push(data);
    result.tables.push(data instanceof StringTable ? data : null);
    result.points.push(kind === NUMBER ? (data as Float64Array) : null);
    result.miss.push(miss);
  });
  result.values = new Array<unknown>(names.length).fill(undefined);
  const groups = new Map<number, number[]>([[TEXT, []], [NUMBER, []], [BOOLEAN, []], [-1, []]]);
  features.forEach((_, f) => {
    const kind = result.kinds[f]!;
    const simple = result.slots[f]! >= 0 && result.rests[f] === null && groups.has(kind);
    groups.get(simple ? kind : -1)!.push(f);
  });
  result.texts = Int32Array.from(groups.get(TEXT)!);
  result.numbers = Int32Array.from(groups.get(NUMBER)!);
  result.booleans = Int32Array.from(groups.get(BOOLEAN)!);
  result.later = Int32Array.from(groups.get(-1)!);
  return result;
}

/**
 * The same text as a property key. Engines keep property keys in one string
 * table, so comparing the names for-in yields with these is a pointer check,
 * and reading by name skips a string-table lookup per read.
 */
function internalised(name: string): string {
  return Object.keys({ [name]: 0 })[0]!;
}

function describeFeature(feature: IndexFeature, env: ClassifyEnv): [number, unknown, ((raw: string) => number) | null] {
  switch (feature.kind) {
    case "within":
      return [WITHIN, env.table.hours[feature.hours]!, null];
    case "number":
      return "score" in feature ? [SCORE, [feature.score, Float64Array.from(feature.points)], null] : [NUMBER, Float64Array.from(feature.points), null];
    case "boolean":
      return [BOOLEAN, null, null];
    case "present":
      return [PRESENT, null, null];
    case "enum": {
      const type = typeAt(env, feature.path) as { enum: string };
      const members = env.table.enums[type.enum]!.members;
      const wires = env.enumWires.get(type.enum)!;
      const folded = new Map<string, number>();
      for (const [wire, name] of wires) folded.set(wire, 2 + members.findIndex((member) => member.name === name));
      const miss = (raw: string) => folded.get(fold(raw)) ?? 1;
      return [TEXT, seeded(members.map((member) => member.wire), miss), miss];
    }
    case "text": {
      const folded = new Map(feature.values.map((value, i) => [value, 2 + i]));
      const miss = (raw: string) => folded.get(fold(raw)) ?? 1;
      return [TEXT, seeded(feature.values, miss), miss];
    }
    case "rep": {
      const reps = new Map(feature.reps.map((rep, i) => [rep, 2 + i]));
      return [TEXT, new StringTable(), (raw) => reps.get(env.repHandles.get(fold(raw)) ?? "\u0000") ?? 1];
    }
    case "match": {
      const needle = feature.value;
      const op = feature.op;
      return [TEXT, new StringTable(), (raw) => {
        const key = fold(raw);
        return (op === "startsWith" ? key.startsWith(needle) : op === "endsWith" ? key.endsWith(needle) : key.includes(needle)) ? 2 : 1;
      }];
    }
    case "set": {
      const element = (typeAt(env, feature.path) as FieldType & { type: "set" }).element;
      const bits = new Map(feature.elements.map((key, i) => [key, 1 << i]));
      // The element's key as runtime/values.ts computes it: folded text, a member name, a rep id.
      return [SET, new StringTable(), (raw) => {
        const key = fold(raw);
        const named = element.type === "text" ? key : element.type === "enum" ? env.enumWires.get(element.enum)!.get(key) : env.repHandles.get(key);
        return named === undefined ? 0 : (bits.get(named) ?? 0);
      }];
    }
  }
}

/** A raw-string cache tuned for, and holding, the spellings the table declares (internalised, as JSON keys and literals are). */
function seeded(spellings: string[], miss: (raw: string) => number): StringTable {
  const table = new StringTable();
  const keys = spellings.map(internalised);
  table.tune(keys);
  for (const key of keys) table.set(key, miss(key));
  return table;
}

/**
 * Writes each feature's region (times `scale`, plus `base[f]`) into `out`:
 * the record's fields read in one pass, then one tight loop per kind of
 * feature (no dispatch per field), then what needs more than one field's
 * value — scores, hours, paths through related records.
 * INVARIANT: `record` is an object; classifying never calls back into this
 * module, so the shared scratch `values` is safe.
 */
export function classifyRecord(c: Classification, record: Record<string, unknown>, state: ClassifyState, out: Int32Array, base: Int32Array, scale: number): void {
  readSlots(c, record);
  const { values, slots, tables, points, miss } = c;
  const texts = c.texts;
  for (let i = 0; i < texts.length; i++) {
    const f = texts[i]!;
    const raw = values[slots[f]!];
    out[f] = base[f]! + (typeof raw === "string" ? cached(tables[f]!, miss[f]!, raw) : 0) * scale;
  }
  const numbers = c.numbers;
  for (let i = 0; i < numbers.length; i++) {
    const f = numbers[i]!;
    const raw = values[slots[f]!];
    out[f] = base[f]! + (typeof raw === "number" && raw - raw === 0 ? numberRegion(points[f]!, raw) : 0) * scale;
  }
  const booleans = c.booleans;
  for (let i = 0; i < booleans.length; i++) {
    const f = booleans[i]!;
    const raw = values[slots[f]!];
    out[f] = base[f]! + (raw === true ? 2 : raw === false ? 1 : 0) * scale;
  }
  const { later, rests } = c;
  for (let i = 0; i < later.length; i++) {
    const f = later[i]!;
    const slot = slots[f]!;
    let raw = slot < 0 ? undefined : values[slot];
    const rest = rests[f];
    if (rest !== null && raw !== undefined) raw = follow(raw, rest!);
    out[f] = base[f]! + regionOf(c, f, raw, state) * scale;
  }
}

/**
 * Fills `values` with the record's own enumerable members the features read,
 * null and undefined left out. One for-in pass: V8 reads each property
 * through the object's enumeration cache, where `record[name]` per field
 * would miss its inline caches on records of thousands of shapes, and hasOwn
 * inside for-in compiles to a map check. A very wide record is read by name.
 */
export function readSlots(c: Classification, record: Record<string, unknown>): void {
  const { slotOf, values } = c;
  const slots = values.length;
  for (let s = 0; s < slots; s++) values[s] = undefined;
  let found = 0;
  let budget = slots * 4 + 16;
  for (const key in record) {
    if (--budget < 0) return readByName(c, record);
    const slot = slotOf.get(key);
    if (slot >= 0 && hasOwn.call(record, key)) {
      const value = record[key];
      if (value !== null) values[slot] = value;
      if (++found === slots) return;
    }
  }
}

function readByName(c: Classification, record: Record<string, unknown>): void {
  const { names, values } = c;
  for (let s = 0; s < names.length; s++) {
    const name = names[s]!;
    const value = isEnumerable.call(record, name) ? record[name] : undefined;
    values[s] = value === null ? undefined : value;
  }
}

/** Feature f's region for a raw value; 0 when the value is missing or of the wrong type. Small, so it inlines into the read loop. */
export function regionOf(c: Classification, f: number, raw: unknown, state: ClassifyState): number {
  const kind = c.kinds[f];
  if (kind === TEXT) return typeof raw === "string" ? cached(c.tables[f]!, c.miss[f]!, raw) : 0;
  if (kind === NUMBER) return typeof raw === "number" && raw - raw === 0 ? numberRegion(c.points[f]!, raw) : 0;
  if (kind === BOOLEAN) return raw === true ? 2 : raw === false ? 1 : 0;
  return rareRegion(c, f, raw, state);
}

function rareRegion(c: Classification, f: number, raw: unknown, state: ClassifyState): number {
  switch (c.kinds[f]) {
    case SET: {
      if (!Array.isArray(raw)) return 0;
      let mask = 0;
      const table = c.tables[f]!;
      for (let i = 0; i < raw.length; i++) {
        const item: unknown = raw[i];
        if (typeof item === "string") mask |= cached(table, c.miss[f]!, item);
      }
      return raw.length === 0 ? 1 : 2 + mask;
    }
    case PRESENT:
      return isObject(raw) ? 1 : 0;
    case SCORE: {
      const score = c.data[f] as [string, Float64Array];
      return numberRegion(score[1], state.score(score[0]));
    }
    case WITHIN: {
      const hours = c.data[f] as Table["hours"][string];
      return state.instant !== null && isOpen(hours, localTime(state.instant, hours.timezone)) ? 1 : 0;
    }
    default:
      return 0;
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
function cached(table: StringTable, miss: (raw: string) => number, raw: string): number {
  let region = table.get(raw);
  if (region < 0) {
    region = miss(raw);
    if (table.size < CACHE_LIMIT) table.set(raw, region);
  }
  return region;
}

/** Region of a finite number around sorted points: 1 + 2i below points[i], 2 + 2i on it. */
function numberRegion(points: Float64Array, value: number): number {
  const count = points.length;
  let low = 0;
  if (count <= 16) {
    // Counting every point below, without a branch, beats a binary search's mispredicted steps on short lists.
    for (let i = 0; i < count; i++) low += points[i]! < value ? 1 : 0;
    return low < count && points[low] === value ? 2 + 2 * low : 1 + 2 * low;
  }
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (points[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low < points.length && points[low] === value ? 2 + 2 * low : 1 + 2 * low;
}

function typeAt(env: ClassifyEnv, path: string[]): FieldType {
  let record = env.record;
  let type: FieldType | undefined;
  for (const segment of path) {
    type = env.table.records[record]!.fields[segment]!;
    if (type.type === "record") record = type.record;
  }
  return type!;
}
