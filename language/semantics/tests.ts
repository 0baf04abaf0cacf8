// Tests and asserts: the record literal typed by the router's record (members
// become wire values, rep names become rep ids, strings where a member or a
// rep is declared pass raw with a warning), `with unavailable`, `at`, expects,
// and an assert's router, condition and targets.

import type { Span } from "../diagnostics/diagnostic";
import type { AssertDecl, Expectation, LiteralValue, RecordLiteral, TestDecl } from "../syntax/ast";
import { checkCondition } from "./conditions";
import type { Checker, Unit } from "./context";
import { isRealInstant } from "./dates";
import type { AssertModel, ExpectModel, FieldType, JsonValue, RecordValue, TargetModel, TestModel } from "./model";
import { makeDiagnostic, unknownName } from "./report";
import { checkTarget } from "./targets";
import { describeType } from "./types";
import { checkLiteral, checkMember } from "./values";

export function checkTest(checker: Checker, unit: Unit, declaration: TestDecl): TestModel {
  const routerId = checker.resolve(unit, declaration.router, ["router"]);
  const router = routerId === undefined ? undefined : checker.program.routers.get(routerId);
  const recordName = router && checker.records.has(router.record) ? router.record : null;
  const record = recordName === null ? {} : checkRecordLiteral(checker, unit, declaration.record, recordName);

  const unavailable: string[] = [];
  let at: string | null = null;
  let atSpan: Span | undefined;
  const expects: ExpectModel[] = [];
  for (const item of declaration.items) {
    switch (item.kind) {
      case "unavailable":
        for (const rep of item.reps) {
          const id = checker.resolve(unit, rep, ["rep"]);
          if (id !== undefined && !unavailable.includes(id)) unavailable.push(id);
        }
        break;
      case "at":
        if (atSpan) {
          checker.report(makeDiagnostic("duplicate-clause", item.span, "a test takes one `at` instant; this is a second", { labels: [{ span: atSpan, message: "the first one" }] }));
          break;
        }
        atSpan = item.span;
        if (!isRealInstant(item.instant.value)) {
          checker.report(makeDiagnostic("invalid-value", item.instant.span, `\`${item.instant.value}\` is not an instant in the calendar`));
          break;
        }
        at = item.instant.value;
        break;
      case "expect": {
        const model = checkExpectation(checker, unit, item.expectation, routerId === undefined ? undefined : router);
        if (model) expects.push(model);
        break;
      }
    }
  }
  return { name: declaration.name.value, router: routerId ?? declaration.router.text, record, unavailable, at, expects, span: declaration.span };
}

function checkExpectation(
  checker: Checker,
  unit: Unit,
  expectation: Expectation,
  router: { rules: { name: string; enabled: boolean; header: Span }[]; id: string } | undefined,
): ExpectModel | null {
  switch (expectation.kind) {
    case "rule": {
      if (!router) return null;
      const name = expectation.name.value;
      const rule = router.rules.find((candidate) => candidate.name === name);
      if (!rule) {
        checker.report(
          unknownName(expectation.name.span, name, `router \`${router.id}\` has no rule "${name}"`, router.rules.map((r) => r.name)),
        );
        fixQuoted(checker);
        return null;
      }
      if (!rule.enabled) {
        checker.report({
          ...makeDiagnostic("disabled-rule", expectation.name.span, `rule "${name}" is disabled, so no record can match it`, {
            labels: [{ span: rule.header, message: "disabled here" }],
          }),
          severity: "error",
        });
        return null;
      }
      return { kind: "rule", rule: name, span: expectation.span };
    }
    case "team":
    case "rep":
    case "queue": {
      const id = checker.resolve(unit, expectation.name, [expectation.kind]);
      return id === undefined ? null : { kind: expectation.kind, id, span: expectation.span };
    }
    case "action":
      return { kind: "action", id: expectation.name.value, span: expectation.span };
    default:
      return { kind: expectation.kind, span: expectation.span };
  }
}

/** The suggestion fix for a rule name replaced it without quotes; put them back. */
function fixQuoted(checker: Checker): void {
  const diagnostic = checker.diagnostics[checker.diagnostics.length - 1];
  for (const fix of diagnostic?.fixes ?? []) {
    fix.title = fix.title.replace(/`(.*)`$/, '"$1"');
    for (const edit of fix.edits) edit.newText = JSON.stringify(edit.newText);
  }
  if (diagnostic?.help) diagnostic.help = diagnostic.help.replace(/`(.*)`\?$/, '"$1"?');
}

/** A record literal as the host would send it; fields that do not check are left out (missing). */
function checkRecordLiteral(checker: Checker, unit: Unit, literal: RecordLiteral, recordName: string): RecordValue {
  const info = checker.records.get(recordName)!;
  const value: RecordValue = {};
  const seen = new Map<string, Span>();
  for (const entry of literal.entries) {
    const name = entry.field.text;
    const field = info.fields.get(name);
    if (!field) {
      checker.report(unknownName(entry.field.span, name, `unknown field \`${name}\` in record \`${recordName}\``, info.fields.keys()));
      continue;
    }
    const previous = seen.get(name);
    if (previous) {
      checker.report(
        makeDiagnostic("duplicate-name", entry.field.span, `field \`${name}\` is given twice`, { labels: [{ span: previous, message: "first given here" }] }),
      );
      continue;
    }
    seen.set(name, entry.field.span);
    if (!field.type) continue;
    const checked = checkFieldValue(checker, unit, entry.value, field.type, `\`${name}\``);
    if (checked !== undefined) value[name] = checked;
  }
  return value;
}

function checkFieldValue(checker: Checker, unit: Unit, value: LiteralValue, type: FieldType, label: string): JsonValue | undefined {
  if (type.type === "record") {
    if (value.kind !== "record") {
      checker.report(makeDiagnostic("type-mismatch", value.span, `${label} is ${describeType(type)}: write its fields in braces`));
      return undefined;
    }
    return checker.records.has(type.record) ? checkRecordLiteral(checker, unit, value, type.record) : undefined;
  }
  if (type.type === "set") {
    if (value.kind !== "array") {
      checker.report(makeDiagnostic("type-mismatch", value.span, `${label} is ${describeType(type)}: write its items in brackets`));
      return undefined;
    }
    const items: JsonValue[] = [];
    for (const item of value.items) {
      const checked = checkFieldValue(checker, unit, item, { ...type.element, optional: false } as FieldType, label);
      if (checked !== undefined) items.push(checked);
    }
    return items;
  }
  if (value.kind === "array" || value.kind === "record") {
    checker.report(makeDiagnostic("type-mismatch", value.span, `${label} is ${describeType(type)}, not ${value.kind === "array" ? "a list" : "a record"}`));
    return undefined;
  }
  if ((type.type === "enum" || type.type === "rep") && value.kind === "string") {
    checker.report(
      makeDiagnostic("raw-test-value", value.span, `${label} is ${describeType(type)}: the string is passed as the raw incoming value`, {
        help: type.type === "enum" ? "write a member without quotes to test a declared value" : "write a rep id without quotes to test a declared rep",
      }),
    );
    return value.value;
  }
  if (type.type === "enum") {
    const member = checkMember(checker, unit, value, type.enum, label);
    if (member === undefined) return undefined;
    return checker.program.enums.get(type.enum)?.members.find((m) => m.name === member)?.wire ?? member;
  }
  return checkLiteral(checker, unit, value, { type: type.type }, label);
}

export function checkAssert(checker: Checker, unit: Unit, declaration: AssertDecl): AssertModel {
  const routerId = checker.resolve(unit, declaration.router, ["router"]);
  const router = routerId === undefined ? undefined : checker.program.routers.get(routerId);
  const record = router && checker.records.has(router.record) ? router.record : null;
  const scope = { unit, record };
  const when = declaration.when ? checkCondition(checker, { ...scope, scores: [] }, declaration.when) : null;
  let claim: AssertModel["claim"];
  if (declaration.claim.kind === "always-assigned") {
    claim = { kind: "always-assigned" };
  } else {
    const targets: TargetModel[] = [];
    for (const target of declaration.claim.targets) {
      const model = checkTarget(checker, scope, target);
      if (model) targets.push(model);
    }
    claim = { kind: declaration.claim.kind, targets };
  }
  return { name: declaration.name.value, router: routerId ?? declaration.router.text, when, claim, span: declaration.span };
}
