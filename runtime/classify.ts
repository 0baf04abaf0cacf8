// Classifying a record for the decision index: each feature reads one value
// and returns its region (runtime/table-format `IndexFeature`). Reads exactly
// as runtime/values.ts does — own members only, wrong types count as missing —
// but without notes or allocation: traces come from the rule walk, on demand.

import { isOpen, localTime } from "./calendar";
import type { FieldType, IndexFeature, Table } from "./table-format";
import { fold, isObject } from "./text";

/** What a classifier may need beyond the record: the instant and the router's scores. */
export interface ClassifyState {
  instant: Date | null;
  score(id: string): number;
}

export type Classifier = (record: Record<string, unknown> | null, state: ClassifyState) => number;

/** What classifiers are built from, once per table. */
export interface ClassifyEnv {
  table: Table;
  record: string;
  enumWires: Map<string, Map<string, string>>;
  repHandles: Map<string, string>;
}

/** Per-feature caches of raw strings stop growing here, so odd inputs cannot exhaust memory. */
const CACHE_LIMIT = 4096;
const hasOwn = Object.prototype.hasOwnProperty;

export function classifier(feature: IndexFeature, env: ClassifyEnv): Classifier {
  if (feature.kind === "within") {
    const hours = env.table.hours[feature.hours]!;
    return (_record, state) => (state.instant !== null && isOpen(hours, localTime(state.instant, hours.timezone)) ? 1 : 0);
  }
  if (feature.kind === "number") {
    const points = Float64Array.from(feature.points);
    const region = (value: number) => numberRegion(points, value);
    if ("score" in feature) {
      const id = feature.score;
      return (_record, state) => region(state.score(id));
    }
    const read = reader(feature.path);
    return (record) => {
      const raw = read(record);
      return typeof raw === "number" && Number.isFinite(raw) ? region(raw) : 0;
    };
  }
  const read = reader(feature.path);
  switch (feature.kind) {
    case "boolean":
      return (record) => {
        const raw = read(record);
        return raw === true ? 2 : raw === false ? 1 : 0;
      };
    case "present":
      return (record) => (isObject(read(record)) ? 1 : 0);
    case "enum": {
      const type = typeAt(env, feature.path) as { enum: string };
      const members = env.table.enums[type.enum]!.members;
      const wires = env.enumWires.get(type.enum)!;
      const folded = new Map<string, number>();
      for (const [wire, name] of wires) folded.set(wire, 2 + members.findIndex((member) => member.name === name));
      return textClassifier(read, (key) => folded.get(key) ?? 1);
    }
    case "text": {
      const folded = new Map(feature.values.map((value, i) => [value, 2 + i]));
      return textClassifier(read, (key) => folded.get(key) ?? 1);
    }
    case "rep": {
      const reps = new Map(feature.reps.map((rep, i) => [rep, 2 + i]));
      return textClassifier(read, (key) => {
        const rep = env.repHandles.get(key);
        return rep === undefined ? 1 : (reps.get(rep) ?? 1);
      });
    }
    case "match": {
      const needle = feature.value;
      const test =
        feature.op === "startsWith" ? (key: string) => key.startsWith(needle) : feature.op === "endsWith" ? (key: string) => key.endsWith(needle) : (key: string) => key.includes(needle);
      return textClassifier(read, (key) => (test(key) ? 2 : 1));
    }
    case "set":
      return setClassifier(feature, env, read);
  }
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

/** A string value classified by its folded form, remembering raw strings already seen (case variants included). */
function textClassifier(read: (record: Record<string, unknown> | null) => unknown, region: (key: string) => number): Classifier {
  const cache = new Map<string, number>();
  return (record) => {
    const raw = read(record);
    if (typeof raw !== "string") return 0;
    let found = cache.get(raw);
    if (found === undefined) {
      found = region(fold(raw));
      if (cache.size < CACHE_LIMIT) cache.set(raw, found);
    }
    return found;
  };
}

function setClassifier(feature: IndexFeature & { kind: "set" }, env: ClassifyEnv, read: (record: Record<string, unknown> | null) => unknown): Classifier {
  const element = (typeAt(env, feature.path) as FieldType & { type: "set" }).element;
  const bits = new Map(feature.elements.map((key, i) => [key, 1 << i]));
  // The element's key as runtime/values.ts computes it: folded text, a member name, a rep id.
  const keyOf = (raw: string): string | undefined => {
    const key = fold(raw);
    if (element.type === "text") return key;
    if (element.type === "enum") return env.enumWires.get(element.enum)!.get(key);
    return env.repHandles.get(key);
  };
  const cache = new Map<string, number>();
  const bitOf = (raw: string): number => {
    let bit = cache.get(raw);
    if (bit === undefined) {
      const key = keyOf(raw);
      bit = key === undefined ? 0 : (bits.get(key) ?? 0);
      if (cache.size < CACHE_LIMIT) cache.set(raw, bit);
    }
    return bit;
  };
  return (record) => {
    const raw = read(record);
    if (!Array.isArray(raw)) return 0;
    if (raw.length === 0) return 1;
    let mask = 0;
    for (const item of raw) if (typeof item === "string") mask |= bitOf(item);
    return 2 + mask;
  };
}

/** Reads the raw value at the end of a path: undefined when it or a related record on the way is absent, null or not an object. */
function reader(path: string[]): (record: Record<string, unknown> | null) => unknown {
  if (path.length === 1) {
    const key = path[0]!;
    return (record) => (record === null ? undefined : own(record, key));
  }
  return (record) => {
    let current: unknown = record;
    for (let i = 0; i < path.length; i++) {
      if (i > 0 && !isObject(current)) return undefined;
      if (current === null) return undefined;
      current = own(current as Record<string, unknown>, path[i]!);
      if (current === undefined) return undefined;
    }
    return current;
  };
}

/** An own member that is neither undefined nor null, as runtime/values.ts counts presence. */
function own(object: Record<string, unknown>, key: string): unknown {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  return hasOwn.call(object, key) ? value : undefined;
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
