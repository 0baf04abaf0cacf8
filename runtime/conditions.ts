// Conditions compiled at load into closures over precomputed keys, so a match
// only reads values and compares. Each evaluation also names the test that
// decided it and the value it saw, for the trace.

import { isOpen, showLocal, type LocalTime } from "./calendar";
import type { Condition, FieldType, Scalar, TableHours, Test } from "./table-format";
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
    case "and":
    case "or": {
      // `and` answers with the first item that fails (else the last), `or` with the first that holds (else the first).
      const any = condition.op === "or";
      const items = (any ? condition.any : condition.all).map((item) => compileCondition(item, env));
      return (context) => {
        let answer: Verdict | null = null;
        for (const item of items) {
          const verdict = item(context);
          if (verdict.holds === any) return verdict;
          answer = any ? (answer ?? verdict) : verdict;
        }
        return answer ?? { holds: !any, test: text, value: null };
      };
    }
    case "not": {
      const inner = compileCondition(condition.cond, env);
      return (context) => {
        const verdict = inner(context);
        return { holds: !verdict.holds, test: text, value: verdict.value };
      };
    }
    case "within": {
      const id = condition.hours;
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
    default: {
      const reader = "score" in condition ? null : env.reader(condition.path);
      const id = (condition as { score: string }).score;
      const holds = compilePredicate(condition, reader ? scalarType(reader) : "number");
      return (context) => {
        let value: Value;
        if (reader) value = readPath(context, reader);
        else {
          const score = context.score(id);
          value = { kind: "number", value: score, seen: score };
        }
        return { holds: value.kind !== "missing" && holds(value), test: text, value: value.seen };
      };
    }
  }
}

/** The positive test; never called on a missing value. */
function compilePredicate(test: Test, scalar: string): (value: Value) => boolean {
  const keyOfLiteral = (literal: Scalar): Key => (scalar === "text" && typeof literal === "string" ? fold(literal) : literal);
  // A test's literals as keys: text folded; `startsWith` and friends apply to text only.
  const wanted = ("values" in test ? test.values : [(test as { value: Scalar }).value]).map(keyOfLiteral);
  const first = wanted[0] as never;
  switch (test.op) {
    case "is":
      return (value) => keyOf(value) === first;
    case "in": {
      const set = new Set(wanted);
      return (value) => set.has(keyOf(value)!);
    }
    case "cmp": {
      const compare = COMPARISONS[test.cmp];
      return (value) => value.kind === "number" && compare(value.value, first);
    }
    case "between": {
      const { low, high } = test;
      return (value) => value.kind === "number" && low <= value.value && value.value <= high;
    }
    case "has":
    case "hasAll":
    case "hasAny": {
      const any = test.op === "hasAny";
      return (value) => value.kind === "set" && (any ? wanted.some((key) => value.keys.includes(key as string)) : wanted.every((key) => value.keys.includes(key as string)));
    }
    case "empty":
      // Unknown elements still count: a set holding only unknown members is not empty.
      return (value) => value.kind === "set" && value.keys.length === 0;
    case "set":
      return () => true;
    case "truthy":
      return (value) => value.kind === "boolean" && value.value;
    default: {
      const method = test.op === "contains" ? "includes" : test.op;
      return (value) => value.kind === "text" && value.key[method](first);
    }
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

/**
 * The comparable key of a present scalar value: folded text, the number or boolean, the member name, the rep id;
 * null or undefined when it matches nothing (unknown enum value, rep not in the roster, a set or record).
 */
function keyOf(value: Value): Key | null | undefined {
  const { key, member, rep, value: own } = value as { key?: string; member?: string | null; rep?: string | null; value?: Key };
  return key ?? member ?? rep ?? own;
}

/** The type a path's tests compare with: a set's element type, else the field's own. */
function scalarType(reader: PathReader): string {
  const type: FieldType = reader.types[reader.types.length - 1]!;
  return type.type === "set" ? type.element.type : type.type;
}

// ---------------------------------------------------------------------------
// Rendering, for traces of tables compiled without `text`.

/** The condition as a `.route` reader would write it; `text` from the table wins where given. */
function render(condition: Condition, env: CompileEnv): string {
  if (typeof (condition as { text?: unknown }).text === "string") return (condition as { text: string }).text;
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

/** What stands between the subject and the literals, by op. */
const WORDS: Record<string, string> = {
  is: "is",
  in: "in",
  has: "has",
  hasAny: "has any of",
  hasAll: "has all of",
  empty: "is empty",
  set: "is set",
  startsWith: "starts with",
  endsWith: "ends with",
  contains: "contains",
};

function renderTest(test: Test, env: CompileEnv): string {
  const subject = "score" in test ? test.score : test.path.join(".");
  if (test.op === "truthy") return subject;
  if (test.op === "between") return `${subject} between ${test.low} and ${test.high}`;
  // Enum members and rep ids read bare, as written; other text (and `starts with` literals) quoted.
  const bare = !("score" in test) && /^(enum|rep)$/.test(scalarType(env.reader(test.path)));
  const literal = (value: Scalar) => (bare && typeof value === "string" && isIdentifier(value) ? value : JSON.stringify(value));
  const literals = "values" in test ? ` ${test.list ?? `[${test.values.map(literal).join(", ")}]`}` : "value" in test ? ` ${literal(test.value)}` : "";
  return `${subject} ${test.op === "cmp" ? test.cmp : WORDS[test.op]}${literals}`;
}
