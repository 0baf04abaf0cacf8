// Classifying a record for the decision index: every feature's region in one
// data-driven pass (a switch on a small-int kind, no per-feature closures on
// the hot path). Reads exactly as runtime/values.ts does — own members only,
// wrong types count as missing — without notes or allocation per record.

import { isOpen, localTime } from "./calendar";
import type { FieldType, IndexFeature, Table } from "./table-format";
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

/**
 * String → small integer, open addressing hashed on the length and three
 * characters: about 3× faster than Map.get here, because a JavaScript Map
 * must hash the whole string while field names and enum values differ early.
 */
export class StringTable {
  keys: (string | undefined)[] = new Array<string | undefined>(16).fill(undefined);
  values = new Int32Array(16);
  mask = 15;
  size = 0;

  /** The value stored for `key`, or -1. */
  get(key: string): number {
    const keys = this.keys;
    const mask = this.mask;
    let slot = hash(key) & mask;
    for (;;) {
      const found = keys[slot];
      if (found === key) return this.values[slot]!;
      if (found === undefined) return -1;
      slot = (slot + 1) & mask;
    }
  }

  set(key: string, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    let slot = hash(key) & this.mask;
    while (this.keys[slot] !== undefined && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    if (this.keys[slot] === undefined) this.size++;
    this.keys[slot] = key;
    this.values[slot] = value;
  }

  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    this.keys = new Array<string | undefined>(keys.length * 2).fill(undefined);
    this.values = new Int32Array(keys.length * 2);
    this.mask = keys.length * 2 - 1;
    this.size = 0;
    keys.forEach((key, i) => key !== undefined && this.set(key, values[i]!));
  }
}

function hash(key: string): number {
  const length = key.length;
  return length === 0 ? 0 : length * 31 + key.charCodeAt(0) * 7 + key.charCodeAt(length >> 1) * 3 + key.charCodeAt(length - 1);
}

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
  /** Per TEXT or SET feature: the region (or element bit) of a raw string the cache has not seen. */
  miss: (((raw: string) => number) | null)[];
  /** Scratch: the slots' values for the record being classified. */
  values: unknown[];
}

export function buildClassification(features: IndexFeature[], env: ClassifyEnv): Classification {
  const names: string[] = [];
  const slotOf = new StringTable();
  const count = features.length;
  const result: Classification = { names, slotOf, kinds: new Int32Array(count), slots: new Int32Array(count), rests: [], data: [], miss: [], values: [] };
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
    result.miss.push(miss);
  });
  result.values = new Array<unknown>(names.length).fill(undefined);
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
      return [TEXT, new StringTable(), (raw) => folded.get(fold(raw)) ?? 1];
    }
    case "text": {
      const folded = new Map(feature.values.map((value, i) => [value, 2 + i]));
      return [TEXT, new StringTable(), (raw) => folded.get(fold(raw)) ?? 1];
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

/**
 * Writes each feature's region (times `scale`, plus `base[f]`) into `out`.
 * INVARIANT: `record` is an object; classifying never calls back into this
 * module, so the shared scratch `values` is safe.
 */
export function classifyRecord(c: Classification, record: Record<string, unknown>, state: ClassifyState, out: Int32Array, base: Int32Array, scale: number): void {
  readSlots(c, record);
  const { kinds, slots, rests, data, miss, values } = c;
  const count = kinds.length;
  for (let f = 0; f < count; f++) {
    const slot = slots[f]!;
    let raw = slot < 0 ? undefined : values[slot];
    const rest = rests[f];
    if (rest !== null && raw !== undefined) raw = follow(raw, rest!);
    let region = 0;
    switch (kinds[f]) {
      case TEXT:
        if (typeof raw === "string") region = cached(data[f] as StringTable, miss[f]!, raw);
        break;
      case NUMBER:
        if (typeof raw === "number" && raw - raw === 0) region = numberRegion(data[f] as Float64Array, raw);
        break;
      case BOOLEAN:
        region = raw === true ? 2 : raw === false ? 1 : 0;
        break;
      case SET:
        if (Array.isArray(raw)) {
          let mask = 0;
          const table = data[f] as StringTable;
          for (let i = 0; i < raw.length; i++) {
            const item: unknown = raw[i];
            if (typeof item === "string") mask |= cached(table, miss[f]!, item);
          }
          region = raw.length === 0 ? 1 : 2 + mask;
        }
        break;
      case PRESENT:
        region = isObject(raw) ? 1 : 0;
        break;
      case SCORE: {
        const [id, points] = data[f] as [string, Float64Array];
        region = numberRegion(points, state.score(id));
        break;
      }
      case WITHIN: {
        const hours = data[f] as Table["hours"][string];
        region = state.instant !== null && isOpen(hours, localTime(state.instant, hours.timezone)) ? 1 : 0;
        break;
      }
    }
    out[f] = base[f]! + region * scale;
  }
}

/**
 * Fills `values` with the record's own members the features read, null and
 * undefined left out. One for-in pass: V8 reads each property through the
 * object's enumeration cache, where `record[name]` per field would miss its
 * inline caches on records of thousands of shapes. Slots for-in did not fill
 * (absent fields, non-enumerable members, very wide records) are read by name.
 */
function readSlots(c: Classification, record: Record<string, unknown>): void {
  const { names, slotOf, values } = c;
  const slots = names.length;
  for (let s = 0; s < slots; s++) values[s] = undefined;
  let found = 0;
  let budget = slots * 4 + 16;
  for (const key in record) {
    if (--budget < 0) break;
    const slot = slotOf.get(key);
    if (slot >= 0 && hasOwn.call(record, key)) {
      const value = record[key];
      if (value !== null) values[slot] = value;
      if (++found === slots) break;
    }
  }
  if (found < slots) {
    for (let s = 0; s < slots; s++) {
      if (values[s] !== undefined) continue;
      // hasOwn first: a megamorphic read of an absent name is many times slower than asking.
      const name = names[s]!;
      if (hasOwn.call(record, name)) {
        const value = record[name];
        if (value !== undefined && value !== null) values[s] = value;
      }
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
    if (value === undefined || value === null || !hasOwn.call(current, key)) return undefined;
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
  let low = 0;
  let high = points.length;
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
