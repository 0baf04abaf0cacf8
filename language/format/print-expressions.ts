// Printing the small pieces: literals, paths, conditions and their
// predicates, targets and methods, `[…]` lists and record literals. Long
// conditions break before `and` / `or`, one operand per line, indented.

import type { Condition, ListOperand, Literal, LiteralValue, Method, Path, Predicate, RecordLiteral, Target } from "../syntax/ast";
import { sequence, type Context, type Element } from "./context";
import { builders, type Doc } from "./doc";
import { keepChoice } from "./layout";

const { breakParent, group, indent, line } = builders;

export function literal(context: Context, value: Literal): Doc {
  switch (value.kind) {
    case "string":
      return context.source.slice(value.span);
    case "number":
      return value.raw;
    case "boolean":
      return value.value ? "true" : "false";
    case "name":
      return value.qualifier ? `${value.qualifier.text}.${value.name.text}` : value.name.text;
  }
}

export function path(value: Path): string {
  return value.segments.map((segment) => segment.text).join(".");
}

/**
 * `[a, b, c]` between the brackets at `open` and `close` (offsets of `[` and
 * `]`): one line if written so and it fits, else one item per line.
 */
export function bracketList(context: Context, items: readonly Element[], open: number, close: number): Doc {
  const body = sequence(context, items, open + 1, close);
  return keepChoice(body, { open: "[", close: "]", padded: false, separator: "comma", trailingComma: true, blankLines: false });
}

export function literalList(context: Context, items: readonly Literal[], open: number, close: number): Doc {
  return bracketList(context, items.map((item) => element(item.span, () => literal(context, item))), open, close);
}

export function listOperand(context: Context, operand: ListOperand): Doc {
  if (operand.kind === "list") return operand.name.text;
  return literalList(context, operand.items, operand.span.start, operand.span.end - 1);
}

export function element(span: { start: number; end: number }, print: () => Doc): Element {
  return { start: span.start, end: span.end, print };
}

// ---------------------------------------------------------------------------
// Conditions

export function condition(context: Context, value: Condition): Doc {
  switch (value.kind) {
    case "or":
    case "and":
      return chain(context, value.kind, value.items, value.span.start, value.span.end);
    case "not":
      return ["not ", condition(context, value.operand)];
    case "paren":
      // Broken, the operands continue under the parenthesis' line: `and (a` / `or b)`.
      return ["(", condition(context, value.inner), ")"];
    case "within":
      return `${value.outside ? "outside" : "within"} ${value.hours.text}`;
    case "test":
      return value.predicate ? [path(value.subject), " ", predicate(context, value.predicate)] : path(value.subject);
  }
}

/** `a and b and c`, or broken before each `and`, one operand per line. */
function chain(context: Context, operator: "and" | "or", items: readonly Condition[], start: number, end: number): Doc {
  const body = sequence(context, items.map((item) => element(item.span, () => condition(context, item))), start, end, false);
  const [first, ...rest] = body.slots;
  if (!first) return "";
  const continued: Doc[] = [];
  for (const slot of rest) {
    if (slot.kind === "comment") continued.push(line, slot.doc, breakParent);
    else continued.push(line, operator, " ", slot.doc);
  }
  return group([first.doc, indent(continued)]);
}

export function predicate(context: Context, value: Predicate): Doc {
  switch (value.kind) {
    case "is":
      return [value.negated ? "is not " : "is ", literal(context, value.value)];
    case "is-set":
      return value.negated ? "is not set" : "is set";
    case "is-empty":
      return value.negated ? "is not empty" : "is empty";
    case "in":
      return [value.negated ? "not in " : "in ", listOperand(context, value.operand)];
    case "compare":
      return `${value.op} ${value.value.raw}`;
    case "between":
      return `between ${value.low.raw} and ${value.high.raw}`;
    case "has":
      return ["has ", literal(context, value.value)];
    case "has-any":
      return ["has any of ", listOperand(context, value.operand)];
    case "has-all":
      return ["has all of ", listOperand(context, value.operand)];
    case "has-none":
      return ["has none of ", listOperand(context, value.operand)];
    case "starts-with":
      return ["starts with ", context.source.slice(value.value.span)];
    case "ends-with":
      return ["ends with ", context.source.slice(value.value.span)];
    case "contains":
      return ["contains ", context.source.slice(value.value.span)];
  }
}

// ---------------------------------------------------------------------------
// Targets and methods

export function target(context: Context, value: Target): string {
  switch (value.kind) {
    case "team":
    case "rep":
    case "queue":
      return `${value.kind} ${value.name.text}`;
    case "action":
      return `action ${context.source.slice(value.name.span)}`;
    case "unassigned":
      return "unassigned";
    case "manager":
      return `manager of ${path(value.path)}`;
    case "field":
      return path(value.path);
  }
}

const methodWords: Record<Method["kind"], string> = {
  "round-robin": "round robin",
  "weighted-round-robin": "weighted round robin",
  "load-balance": "load balance",
  broadcast: "broadcast",
  "first-available": "first available",
};

/** `team x by load balance`: a target and its optional method. */
export function routed(context: Context, value: Target, method: Method | undefined): string {
  return method ? `${target(context, value)} by ${methodWords[method.kind]}` : target(context, value);
}

// ---------------------------------------------------------------------------
// Record literals (tests)

export function recordLiteral(context: Context, value: RecordLiteral): Doc {
  const entries = value.entries.map((entry) =>
    element(entry.span, () => [entry.field.text, ": ", literalValue(context, entry.value)]),
  );
  const body = sequence(context, entries, value.span.start + 1, value.span.end - 1);
  return keepChoice(body, { open: "{", close: "}", padded: true, separator: "comma-when-flat", trailingComma: false, blankLines: true });
}

function literalValue(context: Context, value: LiteralValue): Doc {
  if (value.kind === "record") return recordLiteral(context, value);
  if (value.kind === "array") {
    const items = value.items.map((item) => element(item.span, () => literalValue(context, item)));
    return bracketList(context, items, value.span.start, value.span.end - 1);
  }
  return literal(context, value);
}
