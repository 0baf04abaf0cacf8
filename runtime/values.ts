// Reading a record's fields at match time: walking related records, checking
// each value against its declared type (a wrong type counts as missing),
// optional coercion, enum wire values and rep handles — each surprise noted.

import type { ElementType, FieldType } from "./table-format";
import { describe, fold, isObject, own, shown } from "./text";

/** A field's value as the tests see it; `seen` is what the trace shows. */
export type Value = { seen: unknown } & (
  | { kind: "missing" }
  | { kind: "text"; raw: string; key: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  /** `member` null: a value that matches no member's wire value. */
  | { kind: "enum"; raw: string; member: string | null }
  /** `rep` null: set, but naming no rep in the roster. */
  | { kind: "rep"; raw: string; rep: string | null }
  | { kind: "record" }
  /** Element keys: folded text, member names, rep ids; null for an unknown or wrong-typed element. */
  | { kind: "set"; keys: (string | null)[] }
);

/** A field path resolved at load: the declared type of every segment. */
export interface PathReader {
  key: string;
  segments: string[];
  types: FieldType[];
  /** `account.owner`, for notes. */
  text: string;
}

/** What reading needs from the match in progress. */
export interface ReadContext {
  /** Null when the record was not an object: every field is missing (noted once by the caller). */
  record: Record<string, unknown> | null;
  values: Map<string, Value>;
  coerce: boolean;
  /** enum → folded wire → member name. */
  enumWires: Map<string, Map<string, string>>;
  /** Folded rep id, email or CRM id → rep id. */
  repHandles: Map<string, string>;
  /** Add a trace note once; `field` is the field path it concerns, or null. */
  note(field: string | null, message: string): void;
}

export const MISSING: Value = { kind: "missing", seen: "missing" };

/** The value at the end of the path; a missing or wrong-typed value anywhere on the way is missing. */
export function readPath(context: ReadContext, reader: PathReader): Value {
  let value = context.values.get(reader.key);
  if (!value) context.values.set(reader.key, (value = walk(context, reader)));
  return value;
}

function walk(context: ReadContext, reader: PathReader): Value {
  let current: Record<string, unknown> | null = context.record;
  const last = reader.segments.length - 1;
  for (let i = 0; current; i++) {
    const raw = own(current, reader.segments[i]!);
    if (raw == null) break;
    const type = reader.types[i]!;
    const field = reader.segments.slice(0, i + 1).join(".");
    if (i === last) return convert(context, raw, type, field);
    if (!isObject(raw)) {
      wrongType(context, field, raw, type);
      break;
    }
    current = raw;
  }
  return MISSING;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

function convert(context: ReadContext, raw: unknown, type: FieldType, field: string): Value {
  switch (type.type) {
    case "text":
      if (typeof raw === "string") return { kind: "text", raw, key: fold(raw), seen: raw };
      break;
    case "number":
      if (typeof raw === "number" && Number.isFinite(raw)) return { kind: "number", value: raw, seen: raw };
      if (context.coerce && typeof raw === "string" && DECIMAL.test(raw)) {
        const value = Number(raw);
        context.note(field, `coerced text ${JSON.stringify(raw)} to the number ${value}`);
        return { kind: "number", value, seen: value };
      }
      break;
    case "boolean":
      if (typeof raw === "boolean") return { kind: "boolean", value: raw, seen: raw };
      if (context.coerce && typeof raw === "string" && (fold(raw) === "true" || fold(raw) === "false")) {
        const value = fold(raw) === "true";
        context.note(field, `coerced text ${JSON.stringify(raw)} to ${value}`);
        return { kind: "boolean", value, seen: value };
      }
      break;
    case "enum":
      if (typeof raw === "string") return { kind: "enum", raw, member: enumMember(context, type.enum, raw, field), seen: raw };
      break;
    case "rep":
      if (typeof raw === "string") return { kind: "rep", raw, rep: repOf(context, raw, field), seen: raw };
      break;
    case "record":
      if (isObject(raw)) return { kind: "record", seen: raw };
      break;
    case "set": {
      let items: unknown[] | null = Array.isArray(raw) ? raw : null;
      if (items === null && context.coerce && typeof raw === "string") {
        items = raw.split(";").map((item) => item.trim()).filter((item) => item.length > 0);
        context.note(field, `coerced text ${JSON.stringify(raw)} to the set ${JSON.stringify(items)}`);
      }
      if (items === null) break;
      return { kind: "set", keys: items.map((item) => elementKey(context, item, type.element, field)), seen: items.map(shown) };
    }
  }
  wrongType(context, field, raw, type);
  return { kind: "missing", seen: shown(raw) };
}

function elementKey(context: ReadContext, item: unknown, element: ElementType, field: string): string | null {
  if (typeof item !== "string") {
    context.note(field, `an element of \`${field}\` is ${describe(item)} where ${typeName(element)} is declared; it matches nothing`);
    return null;
  }
  if (element.type === "text") return fold(item);
  if (element.type === "enum") return enumMember(context, element.enum, item, field);
  return repOf(context, item, field);
}

function enumMember(context: ReadContext, enumName: string, raw: string, field: string): string | null {
  const member = context.enumWires.get(enumName)?.get(fold(raw));
  if (member !== undefined) return member;
  context.note(field, `unknown value ${JSON.stringify(raw)} for ${enumName}`);
  return null;
}

/** The rep an incoming string names, by id, email or CRM id, ignoring case. */
export function lookupRep(repHandles: Map<string, string>, raw: string): string | null {
  return repHandles.get(fold(raw)) ?? null;
}

function repOf(context: ReadContext, raw: string, field: string): string | null {
  const rep = lookupRep(context.repHandles, raw);
  if (rep === null) context.note(field, `${JSON.stringify(raw)} names no rep in the roster; it counts as set but matches no rep`);
  return rep;
}

function wrongType(context: ReadContext, field: string, raw: unknown, type: FieldType): void {
  context.note(field, `\`${field}\` is ${describe(raw)} where ${typeName(type)} is declared; counted as missing`);
}

function typeName(type: FieldType | ElementType): string {
  if (type.type === "enum") return `a ${type.enum} value`;
  if (type.type === "record") return `a record ${type.record}`;
  if (type.type === "set") return `a set of ${type.element.type === "enum" ? type.element.enum : type.element.type}`;
  return { rep: "a rep", number: "a number", boolean: "true or false", text: "text" }[type.type];
}
