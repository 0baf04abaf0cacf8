// The features of a router's decision index: what the runtime reads from a
// record and the regions it sorts each reading into, and, for every test of a
// condition, the regions where the test holds (a literal).
// NOTE: regions follow the runtime's reading of values exactly (runtime/values.ts):
// region 0 is "missing" and no positive test ever holds there.

import type { Condition, FieldType, IndexFeature, Table, Test } from "../../runtime/table-format";
import { fold } from "../../runtime/text";

/** A formula over literals: the shape conditions take before they are expanded into rows. */
export type Formula =
  | { kind: "literal"; feature: number; regions: number[] }
  | { kind: "and" | "or"; items: Formula[] }
  | { kind: "not"; item: Formula }
  | { kind: "constant"; value: boolean };

/** A test the index cannot express; its rule falls back to a verified row. */
export class Unindexable extends Error {}

/** Elements of a set per feature: 8 bits gives 2 + 256 regions. */
const SET_CHUNK = 8;

type Leaf = Test | { op: "within"; hours: string };

interface Draft {
  key: string;
  feature: Omit<IndexFeature, "constraints"> & Record<string, unknown>;
  /** Constants seen in pass one: text values, rep ids, number points, set elements. */
  constants: Set<string | number>;
}

/** Collects the features of one router (pass one), then turns tests into literals (pass two). */
export class FeatureSet {
  private readonly drafts = new Map<string, Draft>();
  private frozen: { draft: Draft; feature: IndexFeature; regions: number }[] = [];
  private readonly byKey = new Map<string, number>();

  constructor(
    private readonly table: Table,
    private readonly record: string,
  ) {}

  /** Pass one: note the feature a leaf reads and the constants it compares with. */
  collect(condition: Condition): void {
    switch (condition.op) {
      case "true":
        return;
      case "and":
        return condition.all.forEach((item) => this.collect(item));
      case "or":
        return condition.any.forEach((item) => this.collect(item));
      case "not":
        return this.collect(condition.cond);
      default:
        try {
          this.collectLeaf(condition);
        } catch (error) {
          if (!(error instanceof Unindexable)) throw error;
        }
    }
  }

  /** Ends pass one: every feature gets its position, sorted constants and region count. */
  freeze(): void {
    const list: { draft: Draft; feature: IndexFeature; regions: number }[] = [];
    for (const draft of this.drafts.values()) {
      const feature = { ...draft.feature, constraints: [] } as unknown as IndexFeature & Record<string, unknown>;
      let regions: number;
      switch (feature.kind) {
        case "enum":
          regions = 2 + this.table.enums[this.enumOf(feature.path)]!.members.length;
          break;
        case "text":
          feature.values = [...draft.constants].map(String).sort();
          regions = 2 + feature.values.length;
          break;
        case "rep":
          feature.reps = [...draft.constants].map(String).sort();
          regions = 2 + feature.reps.length;
          break;
        case "number":
          feature.points = [...draft.constants].map(Number).sort((a, b) => a - b);
          regions = 2 * feature.points.length + 2;
          break;
        case "set":
          regions = 2 + 2 ** (feature.elements as string[]).length;
          break;
        case "boolean":
        case "match":
          regions = 3;
          break;
        default:
          regions = 2;
      }
      list.push({ draft, feature, regions });
    }
    this.frozen = list;
    list.forEach((entry, i) => this.byKey.set(entry.draft.key, i));
  }

  features(): IndexFeature[] {
    return this.frozen.map((entry) => entry.feature);
  }

  regionCount(feature: number): number {
    return this.frozen[feature]!.regions;
  }

  /** Pass two: the condition as a formula over literals. Throws Unindexable for a test the index cannot express. */
  formula(condition: Condition): Formula {
    switch (condition.op) {
      case "true":
        return { kind: "constant", value: true };
      case "and":
        return { kind: "and", items: condition.all.map((item) => this.formula(item)) };
      case "or":
        return { kind: "or", items: condition.any.map((item) => this.formula(item)) };
      case "not":
        return { kind: "not", item: this.formula(condition.cond) };
      case "within":
        return this.literal(`within:${condition.hours}`, (region) => region === 1);
      default:
        return this.leafFormula(condition);
    }
  }

  // -------------------------------------------------------------------------

  private collectLeaf(leaf: Leaf): void {
    if (leaf.op === "within") {
      this.draft(`within:${leaf.hours}`, { kind: "within", hours: leaf.hours });
      return;
    }
    const test = leaf as Test;
    if ("score" in test) {
      const draft = this.draft(`score:${test.score}`, { kind: "number", score: test.score });
      for (const point of numberConstants(test)) draft.constants.add(point);
      return;
    }
    const type = this.typeAt(test.path);
    const path = test.path;
    const key = JSON.stringify(path);
    if (test.op === "set" && type.type === "record") {
      this.draft(`present:${key}`, { kind: "present", path });
      return;
    }
    switch (type.type) {
      case "enum":
        this.draft(`enum:${key}`, { kind: "enum", path });
        return;
      case "boolean":
        this.draft(`boolean:${key}`, { kind: "boolean", path });
        return;
      case "number": {
        const draft = this.draft(`number:${key}`, { kind: "number", path });
        for (const point of numberConstants(test)) draft.constants.add(point);
        return;
      }
      case "rep": {
        const draft = this.draft(`rep:${key}`, { kind: "rep", path });
        for (const value of scalarConstants(test)) draft.constants.add(String(value));
        return;
      }
      case "text": {
        if (test.op === "startsWith" || test.op === "endsWith" || test.op === "contains") {
          const value = fold(test.value);
          this.draft(`match:${key}:${test.op}:${value}`, { kind: "match", path, op: test.op, value });
          return;
        }
        const draft = this.draft(`text:${key}`, { kind: "text", path });
        for (const value of scalarConstants(test)) if (typeof value === "string") draft.constants.add(fold(value));
        return;
      }
      case "set": {
        // Elements are gathered under one draft per path, then split into chunks in `setChunks`.
        const draft = this.draft(`elements:${key}`, { kind: "elements", path });
        for (const value of scalarConstants(test)) draft.constants.add(this.elementKey(type, value));
        return;
      }
      default:
        throw new Unindexable(`a ${type.type} field`);
    }
  }

  private leafFormula(test: Test): Formula {
    if ("score" in test) return this.numberLiteral(`score:${test.score}`, test);
    const type = this.typeAt(test.path);
    const key = JSON.stringify(test.path);
    if (test.op === "set") {
      if (type.type === "record") return this.literal(`present:${key}`, (region) => region !== 0);
      if (type.type === "set") return this.literal(this.chunkKeys(key)[0]!, (region) => region !== 0);
    }
    switch (type.type) {
      case "enum": {
        const members = this.table.enums[type.enum]!.members.map((member) => member.name);
        const wanted = new Set(scalarConstants(test));
        if (test.op === "set") return this.literal(`enum:${key}`, (region) => region !== 0);
        if (test.op !== "is" && test.op !== "in") throw new Unindexable(`op ${test.op} on an enum`);
        return this.literal(`enum:${key}`, (region) => region >= 2 && wanted.has(members[region - 2]!));
      }
      case "boolean": {
        const holds = (value: boolean): boolean => {
          if (test.op === "truthy") return value;
          if (test.op === "set") return true;
          if (test.op === "is" || test.op === "in") return scalarConstants(test).includes(value);
          throw new Unindexable(`op ${test.op} on a boolean`);
        };
        return this.literal(`boolean:${key}`, (region) => region !== 0 && holds(region === 2));
      }
      case "number":
        return this.numberLiteral(`number:${key}`, test);
      case "rep": {
        const index = this.frozen[this.position(`rep:${key}`)]!.feature as { reps: string[] };
        if (test.op === "set") return this.literal(`rep:${key}`, (region) => region !== 0);
        if (test.op !== "is" && test.op !== "in") throw new Unindexable(`op ${test.op} on a rep`);
        const wanted = new Set(scalarConstants(test).map(String));
        return this.literal(`rep:${key}`, (region) => region >= 2 && wanted.has(index.reps[region - 2]!));
      }
      case "text": {
        if (test.op === "startsWith" || test.op === "endsWith" || test.op === "contains") {
          return this.literal(`match:${key}:${test.op}:${fold(test.value)}`, (region) => region === 2);
        }
        const feature = this.frozen[this.position(`text:${key}`)]!.feature as { values: string[] };
        if (test.op === "set") return this.literal(`text:${key}`, (region) => region !== 0);
        if (test.op !== "is" && test.op !== "in") throw new Unindexable(`op ${test.op} on text`);
        const wanted = new Set(scalarConstants(test).filter((value) => typeof value === "string").map((value) => fold(value as string)));
        return this.literal(`text:${key}`, (region) => region >= 2 && wanted.has(feature.values[region - 2]!));
      }
      case "set":
        return this.setFormula(type, key, test);
      default:
        throw new Unindexable(`a ${type.type} field`);
    }
  }

  private numberLiteral(key: string, test: Test): Formula {
    const points = (this.frozen[this.position(key)]!.feature as { points: number[] }).points;
    const holds = numberPredicate(test);
    return this.literal(key, (region) => {
      if (region === 0) return false;
      const sample = representative(points, region);
      return sample !== null && holds(sample);
    });
  }

  private setFormula(type: FieldType & { type: "set" }, key: string, test: Test): Formula {
    const chunks = this.chunkKeys(key);
    if (test.op === "empty") return this.literal(chunks[0]!, (region) => region === 1);
    if (test.op !== "has" && test.op !== "hasAny" && test.op !== "hasAll") throw new Unindexable(`op ${test.op} on a set`);
    const wanted = scalarConstants(test).map((value) => this.elementKey(type, value));
    // Which bits of which chunk the test names.
    const masks = new Map<string, number>();
    for (const element of wanted) {
      for (const chunk of chunks) {
        const elements = (this.frozen[this.position(chunk)]!.feature as { elements: string[] }).elements;
        const bit = elements.indexOf(element);
        if (bit >= 0) masks.set(chunk, (masks.get(chunk) ?? 0) | (1 << bit));
      }
    }
    const present = this.literal(chunks[0]!, (region) => region !== 0);
    if (test.op === "hasAll") {
      const items = [...masks].map(([chunk, mask]) => this.literal(chunk, (region) => region >= 2 && ((region - 2) & mask) === mask));
      return { kind: "and", items: [present, ...items] };
    }
    const items = [...masks].map(([chunk, mask]) => this.literal(chunk, (region) => region >= 2 && ((region - 2) & mask) !== 0));
    return { kind: "or", items };
  }

  /** The chunk features of a set path, created at freeze time from its elements. */
  private chunkKeys(key: string): string[] {
    const keys: string[] = [];
    for (let chunk = 0; this.byKey.has(`set:${key}:${chunk}`); chunk++) keys.push(`set:${key}:${chunk}`);
    if (keys.length === 0) throw new Unindexable("a set path seen only in pass two");
    return keys;
  }

  private literal(key: string, holds: (region: number) => boolean): Formula {
    const feature = this.position(key);
    const regions: number[] = [];
    for (let region = 0; region < this.frozen[feature]!.regions; region++) if (holds(region)) regions.push(region);
    return { kind: "literal", feature, regions };
  }

  private position(key: string): number {
    const position = this.byKey.get(key);
    if (position === undefined) throw new Unindexable(`no feature ${key}`);
    return position;
  }

  private draft(key: string, feature: Record<string, unknown>): Draft {
    let draft = this.drafts.get(key);
    if (!draft) {
      draft = { key, feature: feature as Draft["feature"], constants: new Set() };
      this.drafts.set(key, draft);
    }
    return draft;
  }

  private elementKey(type: FieldType & { type: "set" }, value: unknown): string {
    if (typeof value !== "string") throw new Unindexable("a set element that is not text");
    return type.element.type === "text" ? fold(value) : value;
  }

  private enumOf(path: string[]): string {
    const type = this.typeAt(path);
    if (type.type !== "enum") throw new Unindexable("not an enum");
    return type.enum;
  }

  /** The declared type at the end of a path. */
  typeAt(path: string[]): FieldType {
    let record = this.record;
    let type: FieldType | undefined;
    for (const segment of path) {
      type = this.table.records[record]?.fields[segment];
      if (type === undefined) throw new Unindexable(`no field ${path.join(".")}`);
      if (type.type === "record") record = type.record;
    }
    if (type === undefined) throw new Unindexable("an empty path");
    return type;
  }

  /** Splits each set path's elements into chunk features; called between the passes, before `freeze`. */
  splitSets(): void {
    for (const [key, draft] of [...this.drafts]) {
      if (draft.feature.kind !== ("elements" as string)) continue;
      this.drafts.delete(key);
      const path = draft.feature.path as string[];
      const elements = [...draft.constants].map(String).sort();
      const pathKey = JSON.stringify(path);
      for (let chunk = 0; chunk === 0 || chunk * SET_CHUNK < elements.length; chunk++) {
        const slice = elements.slice(chunk * SET_CHUNK, (chunk + 1) * SET_CHUNK);
        this.draft(`set:${pathKey}:${chunk}`, { kind: "set", path, elements: slice });
      }
    }
  }
}

function scalarConstants(test: Test): (string | number | boolean)[] {
  switch (test.op) {
    case "is":
    case "has":
      return [test.value];
    case "in":
    case "hasAny":
    case "hasAll":
      return [...test.values];
    default:
      return [];
  }
}

function numberConstants(test: Test): number[] {
  switch (test.op) {
    case "cmp":
      return [test.value];
    case "between":
      return [test.low, test.high];
    case "is":
    case "in":
      return scalarConstants(test).filter((value): value is number => typeof value === "number");
    default:
      return [];
  }
}

/** The positive numeric test (never on a missing value), as runtime/conditions.ts applies it. */
function numberPredicate(test: Test): (value: number) => boolean {
  switch (test.op) {
    case "cmp": {
      const bound = test.value;
      switch (test.cmp) {
        case "=":
          return (value) => value === bound;
        case "!=":
          return (value) => value !== bound;
        case "<":
          return (value) => value < bound;
        case "<=":
          return (value) => value <= bound;
        case ">":
          return (value) => value > bound;
        case ">=":
          return (value) => value >= bound;
      }
      break;
    }
    case "between":
      return (value) => test.low <= value && value <= test.high;
    case "is":
      return (value) => value === test.value;
    case "in":
      return (value) => test.values.includes(value);
    case "set":
      return () => true;
  }
  throw new Unindexable(`op ${test.op} on a number`);
}

/**
 * A number inside a region (see IndexFeature "number"): the point itself, or a
 * number strictly between two neighbouring points; null when the open
 * interval holds no double (then no record can fall in it).
 */
export function representative(points: number[], region: number): number | null {
  if (points.length === 0) return 0;
  if (region % 2 === 0) return points[(region - 2) / 2]!;
  const above = (region - 1) / 2;
  if (above === 0) return points[0]! - 1 - Math.abs(points[0]!);
  if (above === points.length) return points[points.length - 1]! + 1 + Math.abs(points[points.length - 1]!);
  const low = points[above - 1]!;
  const high = points[above]!;
  const middle = low / 2 + high / 2;
  return middle > low && middle < high ? middle : null;
}
