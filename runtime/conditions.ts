// Conditions compiled at load into closures over precomputed keys, so a match
// only reads values and compares. Each evaluation also names the test that
// decided it and the value it saw, for the trace.

import { isOpen, localTime, showLocal, type LocalTime } from "./calendar";
import type { Condition, FieldType, Scalar, TableHours, Test, ValueType } from "./table-format";
import { fold, isIdentifier } from "./text";
import { readPath, type PathReader, type ReadContext, type Value } from "./values";

/** Which test decided a condition, and the value it saw ("missing" for a missing value). */
export interface Verdict {
  holds: boolean;
  test: string;
  value: unknown;
}

export interface EvalContext extends ReadContext {
  instant: Date | null;
  /** The instant was given but unusable (already noted). */
  instantInvalid: boolean;
  score(id: string): number;
  /** The wall clock in a zone, cached per match. */
  local(zone: string): LocalTime;
  /** `within` tests already noted as having no instant. */
  notedWithin: Set<string>;
}

export type Evaluator = (context: EvalContext) => Verdict;

/** What compiling needs: typed field paths of the router the condition runs in. */
export interface CompileEnv {
  reader(path: string[]): PathReader;
  hours: Record<string, TableHours>;
}

type Key = string | number | boolean;

export function compileCondition(condition: Condition, env: CompileEnv): Evaluator {
  const text = render(condition, env);
  switch (condition.op) {
    case "true":
      return () => ({ holds: true, test: "always", value: null });
    case "and": {
      const items = condition.all.map((item) => compileCondition(item, env));
      return (context) => {
        let last: Verdict = { holds: true, test: text, value: null };
        for (const item of items) {
          last = item(context);
          if (!last.holds) return last;
        }
        return last;
      };
    }
    case "or": {
      const items = condition.any.map((item) => compileCondition(item, env));
      return (context) => {
        let first: Verdict | null = null;
        for (const item of items) {
          const verdict = item(context);
          if (verdict.holds) return verdict;
          first ??= verdict;
        }
        return first ?? { holds: false, test: text, value: null };
      };
    }
    case "not": {
      const inner = compileCondition(condition.cond, env);
      return (context) => {
        const verdict = inner(context);
        return { holds: !verdict.holds, test: text, value: verdict.value };
      };
    }
    case "within":
      return compileWithin(condition.hours, text, env);
    default:
      return compileTest(condition, text, env);
  }
}

function compileWithin(id: string, text: string, env: CompileEnv): Evaluator {
  const hours = env.hours[id]!;
  return (context) => {
    if (context.instant === null) {
      if (!context.instantInvalid && !context.notedWithin.has(id)) {
        context.notedWithin.add(id);
        context.note(null, `no instant was given, so \`within ${id}\` is false; pass \`at\` to route by time`);
      }
      return { holds: false, test: text, value: context.instantInvalid ? "invalid instant" : "no instant" };
    }
    const local = context.local(hours.timezone);
    return { holds: isOpen(hours, local), test: text, value: showLocal(local, hours.timezone) };
  };
}

function compileTest(test: Test, text: string, env: CompileEnv): Evaluator {
  let read: (context: EvalContext) => Value;
  let scalar: ValueType;
  if ("score" in test) {
    const id = test.score;
    read = (context) => {
      const value = context.score(id);
      return { kind: "number", value, seen: value };
    };
    scalar = { type: "number" };
  } else {
    const reader = env.reader(test.path);
    read = (context) => readPath(context, reader);
    scalar = scalarOf(reader.types[reader.types.length - 1]!);
  }
  const holds = compilePredicate(test, scalar);
  return (context) => {
    const value = read(context);
    return { holds: value.kind !== "missing" && holds(value), test: text, value: value.seen };
  };
}

/** The positive test; never called on a missing value. */
function compilePredicate(test: Test, scalar: ValueType): (value: Value) => boolean {
  const keyOfLiteral = (literal: Scalar): Key => (scalar.type === "text" && typeof literal === "string" ? fold(literal) : literal);
  switch (test.op) {
    case "is": {
      const wanted = keyOfLiteral(test.value);
      return (value) => keyOf(value) === wanted;
    }
    case "in": {
      const wanted = new Set(test.values.map(keyOfLiteral));
      return (value) => {
        const key = keyOf(value);
        return key !== null && wanted.has(key);
      };
    }
    case "cmp": {
      const bound = test.value;
      const compare = COMPARISONS[test.cmp];
      return (value) => value.kind === "number" && compare(value.value, bound);
    }
    case "between": {
      const { low, high } = test;
      return (value) => value.kind === "number" && low <= value.value && value.value <= high;
    }
    case "has": {
      const wanted = keyOfLiteral(test.value);
      return (value) => value.kind === "set" && value.keys.includes(wanted as string);
    }
    case "hasAny": {
      const wanted = test.values.map(keyOfLiteral);
      return (value) => value.kind === "set" && wanted.some((key) => value.keys.includes(key as string));
    }
    case "hasAll": {
      const wanted = test.values.map(keyOfLiteral);
      return (value) => value.kind === "set" && wanted.every((key) => value.keys.includes(key as string));
    }
    case "empty":
      // Unknown elements still count: a set holding only unknown members is not empty.
      return (value) => value.kind === "set" && value.keys.length === 0;
    case "set":
      return () => true;
    case "startsWith":
    case "endsWith":
    case "contains": {
      const needle = fold(test.value);
      const op = test.op;
      return (value) =>
        value.kind === "text" && (op === "startsWith" ? value.key.startsWith(needle) : op === "endsWith" ? value.key.endsWith(needle) : value.key.includes(needle));
    }
    case "truthy":
      return (value) => value.kind === "boolean" && value.value;
  }
}

const COMPARISONS: Record<string, (left: number, right: number) => boolean> = {
  "=": (a, b) => a === b,
  "!=": (a, b) => a !== b,
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
};

/** The comparable key of a present scalar value; null when it matches nothing (unknown enum value, rep not in the roster). */
function keyOf(value: Value): Key | null {
  switch (value.kind) {
    case "text":
      return value.key;
    case "number":
    case "boolean":
      return value.value;
    case "enum":
      return value.member;
    case "rep":
      return value.rep;
    default:
      return null;
  }
}

function scalarOf(type: FieldType): ValueType {
  if (type.type === "set") return type.element;
  if (type.type === "record") return { type: "text" };
  return type.type === "enum" ? { type: "enum", enum: type.enum } : { type: type.type };
}

// ---------------------------------------------------------------------------
// Rendering, for traces of tables compiled without `text`.

/** The condition as a `.route` reader would write it; `text` from the table wins where given. */
export function render(condition: Condition, env?: CompileEnv): string {
  if ("text" in condition && typeof condition.text === "string") return condition.text;
  switch (condition.op) {
    case "true":
      return "always";
    case "and":
      return condition.all.map((item) => (item.op === "or" ? `(${render(item, env)})` : render(item, env))).join(" and ");
    case "or":
      return condition.any.map((item) => render(item, env)).join(" or ");
    case "not": {
      const inner = condition.cond;
      if (inner.op === "within") return `outside ${inner.hours}`;
      // A checker may keep the source text of `is not V` on the positive test inside; shown as is, not doubled.
      if ("text" in inner && typeof inner.text === "string" && writtenNegative(inner.text)) return inner.text;
      return `not (${render(inner, env)})`;
    }
    case "within":
      return `within ${condition.hours}`;
    default:
      return renderTest(condition, env);
  }
}

/** Whether source text already says the negative form (`is not`, `not in`, `has none of`, `!=`, `not f`), ignoring string literals. */
function writtenNegative(text: string): boolean {
  const bare = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return /^\s*not\b|\bis\s+not\b|\bnot\s+in\b|\bhas\s+none\s+of\b|!=/.test(bare);
}

function renderTest(test: Test, env?: CompileEnv): string {
  const subject = "score" in test ? test.score : test.path.join(".");
  let bare = false;
  if (!("score" in test) && env) {
    const types = env.reader(test.path).types;
    const scalar = scalarOf(types[types.length - 1]!);
    bare = scalar.type === "enum" || scalar.type === "rep";
  }
  const literal = (value: Scalar) => (bare && typeof value === "string" && isIdentifier(value) ? value : JSON.stringify(value));
  const list = (values: Scalar[], name?: string) => name ?? `[${values.map(literal).join(", ")}]`;
  switch (test.op) {
    case "is":
      return `${subject} is ${literal(test.value)}`;
    case "in":
      return `${subject} in ${list(test.values, test.list)}`;
    case "cmp":
      return `${subject} ${test.cmp} ${test.value}`;
    case "between":
      return `${subject} between ${test.low} and ${test.high}`;
    case "has":
      return `${subject} has ${literal(test.value)}`;
    case "hasAny":
      return `${subject} has any of ${list(test.values, test.list)}`;
    case "hasAll":
      return `${subject} has all of ${list(test.values, test.list)}`;
    case "empty":
      return `${subject} is empty`;
    case "set":
      return `${subject} is set`;
    case "startsWith":
      return `${subject} starts with ${JSON.stringify(test.value)}`;
    case "endsWith":
      return `${subject} ends with ${JSON.stringify(test.value)}`;
    case "contains":
      return `${subject} contains ${JSON.stringify(test.value)}`;
    case "truthy":
      return subject;
  }
}
