// Conditions: each test checked against its subject's type (brief §5), and
// lowered to a `ConditionModel` where every negative form is `not` of its
// positive form. Anything that does not resolve becomes `unknown`, and
// nothing that depends on it is reported again (no cascades).

import type { Fix, Span } from "../diagnostics/diagnostic";
import type { Condition, ListOperand, Literal, Predicate } from "../syntax/ast";
import type { Checker, Unit } from "./context";
import type { ConditionModel, FieldType, Scalar, Subject, TestOp, ValueType } from "./model";
import { makeDiagnostic } from "./report";
import { describeType, resolvePath } from "./types";
import { checkLiteral, describeLiteral } from "./values";

/** Where a condition is checked: the file whose names apply and the record its paths read. */
export interface ConditionScope {
  unit: Unit;
  /** The record the paths start from; null = unknown, so field tests resolve silently to `unknown`. */
  record: string | null;
  /** Scores being checked, innermost last, to stop at a cycle. */
  scores: readonly string[];
}

export function checkCondition(checker: Checker, scope: ConditionScope, condition: Condition): ConditionModel {
  switch (condition.kind) {
    case "or":
    case "and":
      return { kind: condition.kind, items: condition.items.map((item) => checkCondition(checker, scope, item)), span: condition.span };
    case "not":
      return { kind: "not", operand: checkCondition(checker, scope, condition.operand), span: condition.span };
    case "paren":
      return checkCondition(checker, scope, condition.inner);
    case "within": {
      const hours = checker.resolve(scope.unit, condition.hours, ["hours"]);
      if (hours === undefined) return { kind: "unknown", span: condition.span };
      const within: ConditionModel = { kind: "within", hours, span: condition.span };
      return condition.outside ? { kind: "not", operand: within, span: condition.span } : within;
    }
    case "test":
      return checkTest(checker, scope, condition);
  }
}

interface SubjectInfo {
  subject: Subject;
  /** A score reads as a number that is never missing. */
  type: FieldType;
  isScore: boolean;
  /** True when the value can be missing: an optional field or a path through an optional record. */
  optional: boolean;
  label: string;
}

type TestCondition = Extract<Condition, { kind: "test" }>;

function checkTest(checker: Checker, scope: ConditionScope, condition: TestCondition): ConditionModel {
  const unknown: ConditionModel = { kind: "unknown", span: condition.span };
  const subject = resolveSubject(checker, scope, condition);
  if (!subject) return unknown;
  const text = checker.slice(scope.unit, condition.span);
  const make = (test: TestOp, negated = false): ConditionModel => {
    const leaf: ConditionModel = { kind: "test", subject: subject.subject, test, text, span: condition.span };
    return negated ? { kind: "not", operand: leaf, span: condition.span } : leaf;
  };
  const predicate = condition.predicate;
  if (!predicate) {
    if (subject.type.type === "boolean") return make({ op: "truthy" });
    checker.report(
      makeDiagnostic("type-mismatch", condition.span, `${subject.label} is ${describeType(subject.type)}, so it cannot stand alone as a condition`, {
        help: "only a boolean field can stand alone; compare this one with a test such as `is`, `in` or `>=`",
      }),
    );
    return unknown;
  }
  const op = checkPredicate(checker, scope, subject, predicate);
  if (!op) return unknown;
  return make(op.test, op.negated);
}

function resolveSubject(checker: Checker, scope: ConditionScope, condition: TestCondition): SubjectInfo | undefined {
  const segments = condition.subject.segments;
  const first = segments[0];
  if (!first) return undefined;
  const label = `\`${segments.map((segment) => segment.text).join(".")}\``;
  const record = scope.record === null ? undefined : checker.records.get(scope.record);
  const isField = record?.fields.has(first.text) ?? false;
  if (!isField && segments.length === 1 && checker.lookupKind(scope.unit, first.text, ["score"])) {
    checker.scoreUse(first.text, scope.record, first.span, scope.scores);
    return { subject: { kind: "score", score: first.text }, type: { type: "number", optional: false }, isScore: true, optional: false, label: `score ${label}` };
  }
  // Score names only feed the did-you-mean of an unknown first segment: a field needs none.
  const scores = segments.length === 1 && !isField ? checker.namesOf(scope.unit, ["score"]) : [];
  const resolved = resolvePath(checker, scope.record, condition.subject, scores);
  if (resolved.kind === "unknown") return undefined;
  return { subject: { kind: "field", path: resolved.path }, type: resolved.type, isScore: false, optional: resolved.optional, label };
}

interface CheckedOp {
  test: TestOp;
  negated: boolean;
}

function checkPredicate(checker: Checker, scope: ConditionScope, subject: SubjectInfo, predicate: Predicate): CheckedOp | undefined {
  const { unit } = scope;
  const type = subject.type;
  const mismatch = (message: string, fixes: Fix[] = [], span: Span = predicate.span): undefined => {
    checker.report(makeDiagnostic("type-mismatch", span, message, fixes.length ? { fixes } : {}));
    return undefined;
  };
  const replace = (title: string, newText: string): Fix => ({ title, edits: [{ span: predicate.span, newText }] });
  const source = (span: Span) => checker.slice(unit, span);
  const scalar = scalarType(type);

  switch (predicate.kind) {
    case "is": {
      const value = predicate.value;
      if (type.type === "number") {
        const fixes = value.kind === "number" ? [replace(`Change to \`${predicate.negated ? "!=" : "="} ${value.raw}\``, `${predicate.negated ? "!=" : "="} ${source(value.span)}`)] : [];
        return mismatch(`${subject.label} is a number: compare it with \`=\`, \`<\` or \`between\`, not \`is\``, fixes);
      }
      if (type.type === "set") {
        const fixes = predicate.negated ? [] : [replace(`Change to \`has ${source(value.span)}\``, `has ${source(value.span)}`)];
        return mismatch(`${subject.label} is ${describeType(type)}: test a member with \`has\`, not \`is\``, fixes);
      }
      if (!scalar) return mismatch(`${subject.label} is ${describeType(type)}, which \`is\` cannot compare`);
      const checked = checkLiteral(checker, unit, value, scalar, subject.label);
      return checked === undefined ? undefined : { test: { op: "is", value: checked }, negated: predicate.negated };
    }
    case "is-set":
      if (!subject.optional) {
        const always = subject.isScore ? `${subject.label} is never missing` : `${subject.label} is always present (it is not optional)`;
        return mismatch(`${always}, so \`is ${predicate.negated ? "not " : ""}set\` always ${predicate.negated ? "fails" : "holds"}`);
      }
      return { test: { op: "set" }, negated: predicate.negated };
    case "is-empty":
      if (type.type !== "set") return mismatch(`${subject.label} is ${describeType(type)}: only a set can be empty`);
      return { test: { op: "empty" }, negated: predicate.negated };
    case "in": {
      if (type.type === "set") {
        const word = predicate.negated ? "has none of" : "has any of";
        return mismatch(`${subject.label} is ${describeType(type)}: test it with \`${word}\`, not \`${predicate.negated ? "not in" : "in"}\``, [
          replace(`Change to \`${word}\``, `${word} ${source(predicate.operand.span)}`),
        ]);
      }
      if (!scalar || scalar.type === "boolean") return mismatch(`${subject.label} is ${describeType(type)}, which \`in\` cannot test`);
      const values = checkListOperand(checker, unit, predicate.operand, scalar, subject.label);
      return values ? { test: { op: "in", ...values }, negated: predicate.negated } : undefined;
    }
    case "compare": {
      const value = predicate.value as Literal;
      if (type.type !== "number") {
        const fixes: Fix[] = [];
        const fits =
          (type.type === "text" && value.kind === "string") ||
          (type.type === "boolean" && value.kind === "boolean") ||
          ((type.type === "enum" || type.type === "rep") && value.kind === "name");
        if ((predicate.op === "=" || predicate.op === "!=") && fits) {
          const word = predicate.op === "=" ? "is" : "is not";
          fixes.push(replace(`Change to \`${word}\``, `${word} ${source(value.span)}`));
        }
        return mismatch(`${subject.label} is ${describeType(type)}: \`${predicate.op}\` compares numbers${fixes.length ? `; use \`is\`` : ""}`, fixes);
      }
      if (value.kind !== "number") return mismatch(`${subject.label} is a number, not ${describeLiteral(value)}`, [], value.span);
      if (predicate.op === "!=") return { test: { op: "cmp", cmp: "=", value: value.value }, negated: true };
      return { test: { op: "cmp", cmp: predicate.op, value: value.value }, negated: false };
    }
    case "between": {
      if (type.type !== "number") return mismatch(`${subject.label} is ${describeType(type)}: \`between\` compares numbers`);
      const { low, high } = predicate;
      if (low.value > high.value) {
        checker.report(
          makeDiagnostic("empty-between", predicate.span, `\`between ${low.raw} and ${high.raw}\` holds for no value: ${low.raw} is greater than ${high.raw}`, {
            fixes: [
              {
                title: `Swap to \`between ${high.raw} and ${low.raw}\``,
                edits: [
                  { span: low.span, newText: source(high.span) },
                  { span: high.span, newText: source(low.span) },
                ],
              },
            ],
          }),
        );
        return undefined;
      }
      return { test: { op: "between", low: low.value, high: high.value }, negated: false };
    }
    case "has": {
      if (type.type !== "set") {
        const fixes: Fix[] = [];
        if (type.type === "text" && predicate.value.kind === "string") fixes.push(replace("Change to `contains`", `contains ${source(predicate.value.span)}`));
        else if (scalar && type.type !== "number") fixes.push(replace("Change to `is`", `is ${source(predicate.value.span)}`));
        return mismatch(`${subject.label} is ${describeType(type)}, not a set: \`has\` tests a set`, fixes);
      }
      const checked = checkLiteral(checker, unit, predicate.value, type.element, subject.label);
      return checked === undefined ? undefined : { test: { op: "has", value: checked }, negated: false };
    }
    case "has-any":
    case "has-all":
    case "has-none": {
      if (type.type !== "set") {
        const fixes: Fix[] = [];
        if (scalar && predicate.kind !== "has-all" && type.type !== "boolean") {
          const word = predicate.kind === "has-any" ? "in" : "not in";
          fixes.push(replace(`Change to \`${word}\``, `${word} ${source(predicate.operand.span)}`));
        }
        return mismatch(`${subject.label} is ${describeType(type)}, not a set: \`${predicate.kind.replace("-", " ")} of\` tests a set`, fixes);
      }
      const values = checkListOperand(checker, unit, predicate.operand, type.element, subject.label);
      if (!values) return undefined;
      if (predicate.kind === "has-all") return { test: { op: "hasAll", ...values }, negated: false };
      return { test: { op: "hasAny", ...values }, negated: predicate.kind === "has-none" };
    }
    case "starts-with":
    case "ends-with":
    case "contains": {
      if (type.type !== "text") {
        const fixes: Fix[] = [];
        if (predicate.kind === "contains" && type.type === "set") fixes.push(replace("Change to `has`", `has ${source(predicate.value.span)}`));
        return mismatch(`${subject.label} is ${describeType(type)}: \`${predicate.kind.replace("-", " ")}\` tests text`, fixes);
      }
      const op = predicate.kind === "starts-with" ? "startsWith" : predicate.kind === "ends-with" ? "endsWith" : "contains";
      return { test: { op, value: predicate.value.value }, negated: false };
    }
  }
}

/** The scalar type `is`/`in` compare against, or undefined for sets and records. */
function scalarType(type: FieldType): ValueType | undefined {
  switch (type.type) {
    case "text":
    case "number":
    case "boolean":
    case "rep":
      return { type: type.type };
    case "enum":
      return { type: "enum", enum: type.enum };
    default:
      return undefined;
  }
}

/** `[a, b]` or a list name, each item checked against `expected`. */
export function checkListOperand(
  checker: Checker,
  unit: Unit,
  operand: ListOperand,
  expected: ValueType,
  subject: string,
): { values: Scalar[]; list?: string } | undefined {
  if (operand.kind === "items") {
    const values: Scalar[] = [];
    let ok = true;
    for (const item of operand.items) {
      const value = checkLiteral(checker, unit, item, expected, subject);
      if (value === undefined) ok = false;
      else values.push(value);
    }
    return ok ? { values } : undefined;
  }
  const name = checker.resolve(unit, operand.name, ["list"]);
  if (name === undefined) return undefined;
  const list = checker.program.lists.get(name);
  if (!list || list.type === null) return undefined;
  if (listFits(checker, list.type, list.items, expected)) return { values: [...list.items], list: name };
  checker.report(
    makeDiagnostic("type-mismatch", operand.span, `list \`${name}\` holds ${describeItems(list.type)}, but ${subject} is ${describeValueType(expected)}`),
  );
  return undefined;
}

function listFits(checker: Checker, type: ValueType, items: Scalar[], expected: ValueType): boolean {
  if (items.length === 0) return true;
  if (expected.type === "enum") {
    if (type.type === "enum" && type.enum === expected.enum) return true;
    // A list of bare names may fit more than one enum: accept it when every item is a member.
    const model = checker.program.enums.get(expected.enum);
    return type.type === "enum" && !!model && items.every((item) => model.members.some((member) => member.name === item));
  }
  return type.type === expected.type;
}

export function describeValueType(type: ValueType): string {
  return describeType({ ...type, optional: false } as FieldType);
}

/** What a list holds, for messages: "text", "numbers", "`Region` members". */
export function describeItems(type: ValueType): string {
  switch (type.type) {
    case "enum":
      return `\`${type.enum}\` members`;
    case "text":
      return "text";
    default:
      return `${type.type}s`;
  }
}
