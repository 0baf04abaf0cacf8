// Record declarations and types: resolving `text`, enums, `set of T`, `rep`,
// related records and `?`; walking a field path through related records (a
// path through an optional record is optional); describing types in messages.

import type { Span } from "../diagnostics/diagnostic";
import type { Path, RecordDecl, TypeRef } from "../syntax/ast";
import type { Checker, RecordInfo, Unit } from "./context";
import type { ElementType, FieldType, RecordModel } from "./model";
import { makeDiagnostic, unknownName } from "./report";

const builtins = ["text", "number", "boolean"] as const;

/** Checks a record declaration and registers it (the first declaration of a name wins). */
export function checkRecord(checker: Checker, unit: Unit, declaration: RecordDecl, register: boolean): void {
  const info: RecordInfo = { name: declaration.name.text, unit, fields: new Map() };
  const model: RecordModel = { name: declaration.name.text, fields: new Map(), span: declaration.span };
  const firstSpan = new Map<string, Span>();
  for (const field of declaration.fields) {
    const name = field.name.text;
    const previous = firstSpan.get(name);
    if (previous) {
      const message = `field \`${name}\` is declared more than once in record \`${declaration.name.text}\``;
      checker.report(makeDiagnostic("duplicate-name", previous, message, { labels: [{ span: field.name.span, message: "also declared here" }] }));
      checker.report(makeDiagnostic("duplicate-name", field.name.span, message, { labels: [{ span: previous, message: "first declared here" }] }));
      continue;
    }
    firstSpan.set(name, field.name.span);
    const type = resolveType(checker, unit, field.type);
    info.fields.set(name, { type, span: field.span });
    if (type) model.fields.set(name, { ...type, span: field.span });
  }
  if (register) {
    checker.records.set(info.name, info);
    checker.program.records.set(info.name, model);
  }
}

/** Resolves a written type, reporting unknown names; null when it does not resolve. */
export function resolveType(checker: Checker, unit: Unit, ref: TypeRef): FieldType | null {
  const optional = ref.optional;
  if (ref.base.kind === "rep") {
    return ref.set ? { type: "set", element: { type: "rep" }, optional } : { type: "rep", optional };
  }
  const name = ref.base.name;
  const builtin = (builtins as readonly string[]).includes(name.text) ? (name.text as (typeof builtins)[number]) : undefined;
  let base: FieldType | null = null;
  if (builtin) {
    base = { type: builtin, optional };
  } else {
    const entry = checker.lookupKind(unit, name.text, ["enum", "record"]);
    if (entry?.kind === "enum") base = { type: "enum", enum: name.text, optional };
    else if (entry?.kind === "record") base = { type: "record", record: name.text, optional };
    else {
      const candidates = [...builtins, ...checker.namesOf(unit, ["enum", "record"])];
      checker.report(unknownName(name.span, name.text, `unknown type \`${name.text}\``, candidates, "unknown-name", "a type is `text`, `number`, `boolean`, `rep`, an enum or a record"));
      return null;
    }
  }
  if (!ref.set) return base;
  if (base.type === "text") return { type: "set", element: { type: "text" }, optional };
  if (base.type === "enum") return { type: "set", element: { type: "enum", enum: base.enum }, optional };
  checker.report(
    makeDiagnostic("type-mismatch", ref.span, `a set holds text, enum members or reps, not ${describeType({ ...base, optional: false })}`),
  );
  return null;
}

export type ResolvedPath =
  | { kind: "field"; path: string[]; type: FieldType; optional: boolean; record: string }
  /** Could not resolve; a diagnostic was reported unless the record itself was unknown. */
  | { kind: "unknown" };

/**
 * Walks `path` from `record`. `optional` is true when the last field is
 * optional or any related record on the way is.
 */
export function resolvePath(checker: Checker, record: string | null, path: Path, firstCandidates: string[] = []): ResolvedPath {
  if (record === null) return { kind: "unknown" };
  let current: RecordInfo | undefined = checker.records.get(record);
  let optional = false;
  const names: string[] = [];
  for (let index = 0; index < path.segments.length; index++) {
    const segment = path.segments[index]!;
    if (!current) return { kind: "unknown" };
    const field = current.fields.get(segment.text);
    if (!field) {
      checker.report(
        unknownName(segment.span, segment.text, `unknown field \`${segment.text}\` in record \`${current.name}\``, [
          ...current.fields.keys(),
          ...(index === 0 ? firstCandidates : []),
        ]),
      );
      return { kind: "unknown" };
    }
    names.push(segment.text);
    if (!field.type) return { kind: "unknown" };
    optional = optional || field.type.optional;
    if (index === path.segments.length - 1) {
      return { kind: "field", path: names, type: field.type, optional, record: current.name };
    }
    if (field.type.type !== "record") {
      const next = path.segments[index + 1]!;
      checker.report(
        makeDiagnostic(
          "type-mismatch",
          next.span,
          `\`${names.join(".")}\` is ${describeType(field.type)}, not a record, so it has no field \`${next.text}\``,
        ),
      );
      return { kind: "unknown" };
    }
    current = checker.records.get(field.type.record);
  }
  return { kind: "unknown" };
}

/** "text", "a number", "a `Region`", "a set of `Product`", "an `Account` record" — for messages. */
export function describeType(type: FieldType): string {
  switch (type.type) {
    case "text":
      return "text";
    case "number":
      return "a number";
    case "boolean":
      return "a boolean";
    case "rep":
      return "a rep";
    case "enum":
      return `a \`${type.enum}\``;
    case "record":
      return `a related \`${type.record}\` record`;
    case "set":
      return `a set of ${describeElement(type.element)}`;
  }
}

export function describeElement(element: ElementType): string {
  if (element.type === "enum") return `\`${element.enum}\``;
  return element.type === "text" ? "text" : "reps";
}
