// The schema of conditions and of field paths: which ops exist, which subject
// types each applies to, what values it carries — and every path resolved
// through the router's record (a score is checked against each router using it).

import type { FieldType } from "./table-format";
import { add, check, reference, union, type Check, type Context, type Node } from "./validate-kit";

/** A field path's segments, or null (with a problem) when it is not a list of at least one text. */
function segmentsOf(path: string, value: unknown, context: Context): string[] | null {
  if (!check(path, value, ["s"], context)) return null;
  if ((value as string[]).length > 0) return value as string[];
  add(context, path, "a field path needs at least one field");
  return null;
}

/**
 * The type at the end of a field path, walking related records; null when unknown (with a problem when it
 * does not resolve). `want`: the types the path may end in, separated by spaces.
 */
export function fieldAt(path: string, value: unknown, context: Context, want = ""): FieldType | null {
  const segments = segmentsOf(path, value, context);
  let current: string | null = context.record;
  if (segments === null || current === null) return null;
  path += context.suffix;
  for (let i = 0; ; i++) {
    const fields: Map<string, FieldType> = context.names.record.get(current) ?? new Map();
    if (!reference(context, path, segments[i]!, fields.keys(), "field", `record ${current}`)) return null;
    const type: FieldType = fields.get(segments[i]!)!;
    if (i === segments.length - 1) {
      if (want && !want.split(" ").includes(type.type)) add(context, path, `\`${segments.join(".")}\` is ${type.type}, not ${want.split(" ").join(" or ")}`);
      return type;
    }
    if (type.type !== "record") {
      add(context, path, `\`${segments.slice(0, i + 1).join(".")}\` is ${type.type}, not a related record, so \`${segments.join(".")}\` does not exist`);
      return null;
    }
    current = type.record;
  }
}

/** The scalar node values of a type are checked with: enum values are member names, rep values rep ids. */
export function scalarOf(type: { type: string; enum?: string }): Node {
  if (type.type === "enum") return (path, value, context) => check(path, value, "s", context) && reference(context, path, value, context.names.enum.get(type.enum!) ?? [], "member", `enum ${type.enum}`);
  return ({ text: "s", number: "n", boolean: "b" } as Record<string, string>)[type.type] ?? "@rep";
}

/** A test's value: checked against the subject's type when known, else only as a scalar. */
const VALUE: Check = (path, value, context) => {
  if (value === undefined) add(context, path, "missing; expected a value");
  else if (context.scalar) check(path + context.suffix, value, context.scalar, context);
  else if (!["string", "number", "boolean"].includes(typeof value)) add(context, path, "expected text, a number or true/false");
};
const ONE = { value: VALUE };
const MANY = { values: [VALUE], list: "@list~" };
const SCALARS = "text enum boolean rep number";

/** Test op → [the subject types it applies to ("" for any), the members it carries]. */
const TESTS: Record<string, [string, Node]> = {
  is: [SCALARS, ONE],
  in: [SCALARS, MANY],
  cmp: ["number", { cmp: "comparison|=|!=|<|<=|>|>=", value: "n" }],
  between: ["number", { low: "n", high: "n" }],
  has: ["set", ONE],
  hasAny: ["set", MANY],
  hasAll: ["set", MANY],
  empty: ["set", {}],
  set: ["", {}],
  startsWith: ["text", { value: "s" }],
  endsWith: ["text", { value: "s" }],
  contains: ["text", { value: "s" }],
  truthy: ["boolean", {}],
};

/** A test of a field (`path`) or a score (`score`). */
const test =
  ([applies, members]: [string, Node]): Check =>
  (path, value, context) => {
    let subject: FieldType | { type: "score" } | null = null;
    if (value.score !== undefined) {
      if (check(`${path}.score`, value.score, "@score", context)) subject = { type: "score" };
      if (subject) context.scores.add(value.score);
    } else subject = fieldAt(`${path}.path`, value.path, context);
    const kind = subject?.type === "score" ? "number" : subject?.type;
    if (subject && applies && !applies.split(" ").includes(kind!)) {
      add(context, path + context.suffix, `op "${value.op}" does not apply to a ${subject.type === "set" ? `set of ${subject.element.type}` : subject.type}`);
    }
    const scalar = !subject || subject.type === "record" ? null : scalarOf(subject.type === "set" ? subject.element : { type: kind!, enum: (subject as { enum?: string }).enum });
    check(path, value, members, { ...context, scalar });
  };

const TEST_CASES: Record<string, Node> = {};
for (const op in TESTS) TEST_CASES[op] = test(TESTS[op]!);

const condition: Check = (path, value, context) => CONDITION(path, value, context);

export const CONDITION: Check = union(
  "op",
  "op",
  {
    true: {},
    and: { all: [condition] },
    or: { any: [condition] },
    not: { cond: condition },
    within: { hours: "@hours" },
    ...TEST_CASES,
  },
  { text: "s~" },
);
