// The schema of conditions and of field paths: which ops exist, which subject
// types each applies to, what values it carries — and every path resolved
// through the router's record (a score is checked against each router using it).

import type { FieldType } from "./table-format";
import { add, check, reference, union, type Check, type Context, type Node } from "./validate-kit";

/**
 * The type at the end of a field path, walking related records; null when unknown (with a problem when it
 * does not resolve). `want`: the types the path may end in, separated by spaces.
 */
export function fieldAt(path: string, value: any, context: Context, want = ""): FieldType | null {
  let current = context.record;
  if (!check(path, value, "F", context) || current === null) return null;
  path += context.suffix;
  for (let i = 0; ; i++) {
    const fields: Map<string, FieldType> = context.names.record.get(current) ?? new Map();
    if (!reference(context, path, value[i], fields.keys(), "field", `record ${current}`)) return null;
    const type: FieldType = fields.get(value[i])!;
    const last = i === value.length - 1;
    if (!(last ? !want || want.split(" ").includes(type.type) : type.type === "record")) {
      add(context, path, `\`${value.slice(0, i + 1).join(".")}\` is ${type.type}, not ${last ? want.split(" ").join(" or ") : "a related record"}`);
      return null;
    }
    if (last) return type;
    current = (type as { record: string }).record;
  }
}

/** The scalar node values of a type are checked with: enum values are member names, rep values rep ids. */
export function scalarOf(type: { type: string; enum?: string }): Node {
  if (type.type === "enum") return (path, value, context) => check(path, value, "s", context) && reference(context, path, value, context.names.enum.get(type.enum!) ?? [], "member", `enum ${type.enum}`);
  return ({ text: "s", number: "n", score: "n", boolean: "b" } as Record<string, string>)[type.type] ?? "@rep";
}

/** A test's value: checked against the subject's type when known, else only as a scalar. */
const VALUE: Check = (path, value, context) => {
  if (context.scalar && value !== undefined) check(path + context.suffix, value, context.scalar, context);
  else check(path, value, "v", context);
};
const ONE = { value: VALUE };
const MANY = { values: [VALUE], list: "@list~" };
const SCALARS = "text enum boolean rep number score";

/** Test op → [the subject types it applies to ("" for any), the members it carries]. */
const TESTS: Record<string, [string, Node]> = {
  is: [SCALARS, ONE],
  in: [SCALARS, MANY],
  cmp: ["number score", { cmp: "comparison|=|!=|<|<=|>|>=", value: "n" }],
  between: ["number score", { low: "n", high: "n" }],
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

/** A test of a field (`path`) or a score (`score`, a subject of its own type "score" that compares as a number). */
const test =
  ([applies, members]: [string, Node]): Check =>
  (path, value, context) => {
    const score = value.score;
    const subject = score === undefined ? fieldAt(`${path}.path`, value.path, context) : check(`${path}.score`, score, "@score", context) ? (context.scores.add(score), { type: "score" as const }) : null;
    if (subject && applies && !applies.split(" ").includes(subject.type)) {
      add(context, path + context.suffix, `op "${value.op}" does not apply to ${subject.type === "set" ? `a set of ${subject.element.type}` : subject.type}`);
    }
    const type = subject?.type === "set" ? subject.element : subject;
    check(path, value, members, { ...context, scalar: type && type.type !== "record" ? scalarOf(type) : null });
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
