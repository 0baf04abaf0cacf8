// The roster and the vocabulary: enums (members and wire values), lists (one
// item type), reps (attributes per brief §3), teams and queues. Each check
// returns its model; the caller registers the first declaration of a name.

import type { Span } from "../diagnostics/diagnostic";
import type { EnumDecl, ListDecl, Literal, NameOrString, NumberLiteral, QueueDecl, RepDecl, TeamDecl } from "../syntax/ast";
import type { Checker, Unit } from "./context";
import type { EnumModel, ListModel, QueueModel, RepModel, TeamModel, ValueType } from "./model";
import { makeDiagnostic, unknownName } from "./report";
import { isRealDate } from "./dates";

export function checkEnum(checker: Checker, declaration: EnumDecl): EnumModel {
  const members: EnumModel["members"] = [];
  const first = new Map<string, Span>();
  for (const member of declaration.members) {
    const previous = first.get(member.name.text);
    if (previous) {
      const message = `member \`${member.name.text}\` is declared more than once in enum \`${declaration.name.text}\``;
      checker.report(makeDiagnostic("duplicate-name", previous, message, { labels: [{ span: member.name.span, message: "also declared here" }] }));
      checker.report(makeDiagnostic("duplicate-name", member.name.span, message, { labels: [{ span: previous, message: "first declared here" }] }));
      continue;
    }
    first.set(member.name.text, member.name.span);
    members.push({ name: member.name.text, wire: member.wire?.value ?? member.name.text, span: member.span });
  }
  return { name: declaration.name.text, members, span: declaration.span };
}

/**
 * A list's items must share one type. Bare names name members of one enum
 * (the first enum in scope that has all of them), or else reps.
 */
export function checkList(checker: Checker, unit: Unit, declaration: ListDecl): ListModel {
  const name = declaration.name.text;
  const model: ListModel = { name, type: null, items: [], span: declaration.span };
  const items = declaration.items;
  if (items.length === 0) {
    model.type = { type: "text" };
    return model;
  }
  const kinds = new Set(items.map(literalClass));
  if (kinds.size > 1) {
    const firstClass = literalClass(items[0]!);
    const odd = items.find((item) => literalClass(item) !== firstClass)!;
    checker.report(
      makeDiagnostic("type-mismatch", odd.span, `list \`${name}\` mixes ${describeClass(firstClass)} and ${describeClass(literalClass(odd))}`, {
        help: "a list holds items of one type",
        labels: [{ span: items[0]!.span, message: `the first item is ${describeClass(firstClass)}` }],
      }),
    );
    return model;
  }
  const first = items[0]!;
  if (first.kind !== "name") {
    model.type = { type: first.kind === "string" ? "text" : first.kind };
    model.items = items.map((item) => (item as Exclude<Literal, { kind: "name" }>).value);
    return model;
  }
  const names = items as Extract<Literal, { kind: "name" }>[];
  const type = nameListType(checker, unit, names, name);
  if (!type) return model;
  model.type = type;
  model.items = names.map((item) => item.name.text);
  return model;
}

function nameListType(checker: Checker, unit: Unit, names: Extract<Literal, { kind: "name" }>[], listName: string): ValueType | undefined {
  const qualifiers = new Set(names.filter((item) => item.qualifier).map((item) => item.qualifier!.text));
  const enumNames = checker.namesOf(unit, ["enum"]);
  const membersOf = (enumName: string) => checker.program.enums.get(enumName)?.members.map((member) => member.name) ?? [];
  let candidates = qualifiers.size > 0 ? [...qualifiers] : enumNames;
  if (qualifiers.size > 1) {
    checker.report(makeDiagnostic("type-mismatch", names[0]!.span, `list \`${listName}\` mixes members of ${[...qualifiers].map((q) => `\`${q}\``).join(" and ")}`));
    return undefined;
  }
  if (qualifiers.size === 1) {
    const qualifier = names.find((item) => item.qualifier)!.qualifier!;
    if (checker.resolve(unit, qualifier, ["enum"]) === undefined) return undefined;
    candidates = [qualifier.text];
  }
  const fitting = candidates.find((enumName) => names.every((item) => membersOf(enumName).includes(item.name.text)));
  if (fitting) return { type: "enum", enum: fitting };
  if (qualifiers.size === 0 && names.every((item) => checker.lookupKind(unit, item.name.text, ["rep"]))) return { type: "rep" };
  // Report against the enum that has the most of the names: the likeliest intent.
  let best: string | undefined;
  let bestCount = 0;
  for (const enumName of candidates) {
    const count = names.filter((item) => membersOf(enumName).includes(item.name.text)).length;
    if (count > bestCount) {
      best = enumName;
      bestCount = count;
    }
  }
  if (best) {
    for (const item of names) {
      if (membersOf(best).includes(item.name.text)) continue;
      checker.report(
        unknownName(item.name.span, item.name.text, `\`${item.name.text}\` is not a member of \`${best}\``, membersOf(best), "not-an-enum-member"),
      );
    }
    return undefined;
  }
  for (const item of names) {
    if (checker.lookupKind(unit, item.name.text, ["rep"])) continue;
    const all = enumNames.flatMap(membersOf);
    checker.report(
      unknownName(item.name.span, item.name.text, `\`${item.name.text}\` is not a member of any enum in scope`, all, "unknown-name", "quote it to list text"),
    );
  }
  return undefined;
}

type LiteralClass = "string" | "number" | "boolean" | "name";

function literalClass(literal: Literal): LiteralClass {
  return literal.kind;
}

function describeClass(literalKind: LiteralClass): string {
  return literalKind === "string" ? "text" : literalKind === "number" ? "numbers" : literalKind === "boolean" ? "booleans" : "names";
}

export function checkRep(checker: Checker, unit: Unit, declaration: RepDecl): RepModel {
  const model: RepModel = {
    id: declaration.name.text,
    name: null,
    email: null,
    ids: [],
    skills: [],
    languages: [],
    region: null,
    hours: null,
    capacity: null,
    caps: [],
    weight: 1,
    manager: null,
    unavailable: [],
    span: declaration.span,
  };
  const nameOf = (value: NameOrString) => (value.kind === "string" ? value.value : value.name.text);
  for (const attribute of declaration.attributes) {
    switch (attribute.kind) {
      case "name":
        model.name = attribute.value.value;
        break;
      case "email":
        model.email = attribute.value.value;
        break;
      case "ids":
        model.ids.push(...attribute.values.map((value) => value.value));
        break;
      case "skills":
        model.skills.push(...attribute.values.map(nameOf));
        break;
      case "languages":
        model.languages.push(...attribute.values.map(nameOf));
        break;
      case "region":
        model.region = nameOf(attribute.value);
        break;
      case "hours":
        model.hours = checker.resolve(unit, attribute.hours, ["hours"]) ?? null;
        break;
      case "capacity":
        if (wholeNumber(checker, attribute.value, "capacity")) model.capacity = attribute.value.value;
        break;
      case "cap":
        if (wholeNumber(checker, attribute.value, "a cap")) model.caps.push({ count: attribute.value.value, period: attribute.period.value });
        break;
      case "weight":
        if (positive(checker, attribute.value, "weight")) model.weight = attribute.value.value;
        break;
      case "manager":
        model.manager = checker.resolve(unit, attribute.manager, ["rep"]) ?? null;
        break;
      case "unavailable": {
        const { from, to } = attribute;
        let ok = true;
        for (const date of [from, to]) {
          if (!isRealDate(date.value)) {
            checker.report(makeDiagnostic("invalid-value", date.span, `\`${date.value}\` is not a date in the calendar`));
            ok = false;
          }
        }
        if (ok && from.value > to.value) {
          checker.report(
            makeDiagnostic("invalid-value", attribute.span, `\`unavailable from ${from.value} to ${to.value}\` ends before it starts`, {
              fixes: [{ title: "Swap the dates", edits: [{ span: from.span, newText: to.value }, { span: to.span, newText: from.value }] }],
            }),
          );
          ok = false;
        }
        if (ok) model.unavailable.push({ from: from.value, to: to.value });
        break;
      }
    }
  }
  return model;
}

export function checkTeam(checker: Checker, unit: Unit, declaration: TeamDecl): TeamModel {
  const model: TeamModel = { id: declaration.name.text, members: [], span: declaration.span };
  const seen = new Map<string, Span>();
  for (const member of declaration.members) {
    const rep = checker.resolve(unit, member.rep, ["rep"]);
    const previous = seen.get(member.rep.text);
    if (previous) {
      checker.report(
        makeDiagnostic("duplicate-name", member.rep.span, `\`${member.rep.text}\` is already a member of team \`${declaration.name.text}\``, {
          labels: [{ span: previous, message: "first listed here" }],
        }),
      );
      continue;
    }
    seen.set(member.rep.text, member.rep.span);
    let weight: number | null = null;
    if (member.weight && positive(checker, member.weight, "weight")) weight = member.weight.value;
    if (rep !== undefined) model.members.push({ rep, weight, span: member.span });
  }
  if (declaration.members.length === 0) {
    checker.report(
      makeDiagnostic("empty-team", declaration.name.span, `team \`${declaration.name.text}\` has no members, so it never takes a record`),
    );
  }
  return model;
}

export function checkQueue(declaration: QueueDecl): QueueModel {
  return { id: declaration.name.text, span: declaration.span };
}

function wholeNumber(checker: Checker, value: NumberLiteral, what: string): boolean {
  if (Number.isInteger(value.value) && value.value >= 0) return true;
  checker.report(makeDiagnostic("invalid-value", value.span, `${what} must be a whole number of 0 or more, not ${value.raw}`));
  return false;
}

function positive(checker: Checker, value: NumberLiteral, what: string): boolean {
  if (value.value > 0) return true;
  checker.report(makeDiagnostic("invalid-value", value.span, `${what} must be greater than 0, not ${value.raw}`));
  return false;
}
