// `require <attribute> <test>`: member-attribute tests (skills and languages
// are sets of names, region is one name), bare names read as record fields
// when the record has one, and the findings about them: ambiguous values,
// optional fields and requirements no member of the target can meet.

import type { Fix } from "../diagnostics/diagnostic";
import type { ListOperand, Literal, Predicate, RequireClause } from "../syntax/ast";
import type { Checker, Unit } from "./context";
import type { RepModel, RequireModel, RequireValue } from "./model";
import { makeDiagnostic } from "./report";
import { describeType } from "./types";

export interface RequireScope {
  unit: Unit;
  record: string | null;
}

export function checkRequire(checker: Checker, scope: RequireScope, clause: RequireClause): RequireModel | null {
  const attribute = clause.attribute.value;
  const isSet = attribute !== "region";
  const predicate = clause.predicate;
  const source = (span: { start: number; end: number }) => scope.unit.text.slice(span.start, span.end);
  const mismatch = (message: string, fixes: Fix[] = []): null => {
    checker.report(makeDiagnostic("type-mismatch", predicate.span, message, fixes.length ? { fixes } : {}));
    return null;
  };
  const replace = (title: string, newText: string): Fix => ({ title, edits: [{ span: predicate.span, newText }] });
  const what = isSet ? `\`${attribute}\` is a set of names` : "`region` is one name";
  const make = (test: RequireModel["test"], negated = false): RequireModel => ({ attribute, negated, test, span: clause.span });

  switch (predicate.kind) {
    case "is-set":
      return make({ op: "set" }, predicate.negated);
    case "is-empty":
      if (!isSet) return mismatch(`${what}: only \`skills\` and \`languages\` can be empty`);
      return make({ op: "empty" }, predicate.negated);
    case "is": {
      if (isSet) {
        return mismatch(`${what}: test a member with \`has\`, not \`is\``, predicate.negated ? [] : [replace("Change to `has`", `has ${source(predicate.value.span)}`)]);
      }
      const value = requireValue(checker, scope, attribute, predicate.value, false);
      return value ? make({ op: "is", value }, predicate.negated) : null;
    }
    case "in": {
      if (isSet) {
        const word = predicate.negated ? "has none of" : "has any of";
        return mismatch(`${what}: test it with \`${word}\``, [replace(`Change to \`${word}\``, `${word} ${source(predicate.operand.span)}`)]);
      }
      const values = requireValues(checker, scope, attribute, predicate.operand);
      return values ? make({ op: "in", values }, predicate.negated) : null;
    }
    case "has": {
      if (!isSet) return mismatch(`${what}: compare it with \`is\`, not \`has\``, [replace("Change to `is`", `is ${source(predicate.value.span)}`)]);
      const value = requireValue(checker, scope, attribute, predicate.value, false);
      return value ? make({ op: "has", value }) : null;
    }
    case "has-any":
    case "has-all":
    case "has-none": {
      if (!isSet) {
        if (predicate.kind === "has-all") return mismatch(`${what}: \`has all of\` tests a set`);
        const word = predicate.kind === "has-any" ? "in" : "not in";
        return mismatch(`${what}: test it with \`${word}\``, [replace(`Change to \`${word}\``, `${word} ${source(predicate.operand.span)}`)]);
      }
      const values = requireValues(checker, scope, attribute, predicate.operand);
      if (!values) return null;
      return make({ op: predicate.kind === "has-all" ? "hasAll" : "hasAny", values }, predicate.kind === "has-none");
    }
    case "starts-with":
    case "ends-with":
    case "contains": {
      if (isSet) return mismatch(`${what}: \`${predicate.kind.replace("-", " ")}\` tests one name; use \`has\``);
      const op = predicate.kind === "starts-with" ? "startsWith" : predicate.kind === "ends-with" ? "endsWith" : "contains";
      return make({ op, value: predicate.value.value });
    }
    case "compare":
    case "between":
      return mismatch(`${what}: \`${predicate.kind === "between" ? "between" : (predicate as Extract<Predicate, { kind: "compare" }>).op}\` compares numbers`);
  }
}

function requireValues(checker: Checker, scope: RequireScope, attribute: string, operand: ListOperand): RequireValue[] | null {
  if (operand.kind === "list") {
    const name = checker.resolve(scope.unit, operand.name, ["list"]);
    if (name === undefined) return null;
    const list = checker.program.lists.get(name);
    if (!list || list.type === null) return null;
    if (list.type.type !== "text" && list.type.type !== "enum" && list.type.type !== "rep") {
      checker.report(makeDiagnostic("type-mismatch", operand.span, `list \`${name}\` holds ${list.type.type === "number" ? "numbers" : "booleans"}, but \`${attribute}\` holds names`));
      return null;
    }
    return list.items.map((item) => ({ literal: String(item) }));
  }
  const values: RequireValue[] = [];
  let ok = true;
  for (const item of operand.items) {
    const value = requireValue(checker, scope, attribute, item, true);
    if (value) values.push(value);
    else ok = false;
  }
  return ok ? values : null;
}

/** A bare name is the record's field of that name when there is one, else a literal; quoted is always literal. */
function requireValue(checker: Checker, scope: RequireScope, attribute: string, literal: Literal, inList: boolean): RequireValue | null {
  if (literal.kind === "string") return { literal: literal.value };
  if (literal.kind === "number" || literal.kind === "boolean") {
    checker.report(makeDiagnostic("type-mismatch", literal.span, `\`${attribute}\` holds names, not ${literal.kind === "number" ? "numbers" : "booleans"}`));
    return null;
  }
  if (literal.qualifier) {
    const enumName = checker.resolve(scope.unit, literal.qualifier, ["enum"]);
    if (enumName === undefined) return null;
    const members = checker.program.enums.get(enumName)?.members ?? [];
    if (!members.some((member) => member.name === literal.name.text)) {
      checker.report(makeDiagnostic("not-an-enum-member", literal.name.span, `\`${literal.name.text}\` is not a member of \`${enumName}\``));
      return null;
    }
    return { literal: literal.name.text };
  }
  const name = literal.name.text;
  const record = scope.record === null ? undefined : checker.records.get(scope.record);
  const field = record?.fields.get(name);
  if (!record || !field) return { literal: name };
  const type = field.type;
  if (!type) return null;
  const fits = type.type === "text" || type.type === "enum" || (inList && type.type === "set" && type.element.type !== "rep");
  if (!fits) {
    checker.report(
      makeDiagnostic("type-mismatch", literal.span, `\`${name}\` reads the field \`${name}\`, which is ${describeType(type)}; \`${attribute}\` holds names`, {
        fixes: [{ title: `Quote \`${name}\` to mean the name itself`, edits: [{ span: literal.span, newText: JSON.stringify(name) }] }],
      }),
    );
    return null;
  }
  const holder = [...checker.program.reps.values()].find((rep) => repValues(rep, attribute).some((value) => fold(value) === fold(name)));
  if (holder) {
    checker.report(
      makeDiagnostic("ambiguous-require-value", literal.span, `\`${name}\` reads the field \`${name}\` of \`${record.name}\`, but it is also a \`${attribute}\` value of rep \`${holder.id}\``, {
        help: `quote it ("${name}") to mean the value; leave it bare to read the field`,
        fixes: [{ title: `Quote \`${name}\` to mean the value`, edits: [{ span: literal.span, newText: JSON.stringify(name) }] }],
      }),
    );
  }
  if (type.optional) {
    checker.report(
      makeDiagnostic(
        "require-on-optional-field",
        literal.span,
        `\`${name}\` is optional: a record without it leaves no candidate for the \`assign to\` target, so the fallbacks run`,
      ),
    );
  }
  return { field: [name] };
}

function repValues(rep: RepModel, attribute: string): string[] {
  if (attribute === "skills") return rep.skills;
  if (attribute === "languages") return rep.languages;
  return rep.region === null ? [] : [rep.region];
}

function fold(text: string): string {
  return text.normalize("NFC").toLowerCase();
}

/**
 * Whether `rep` meets `requirement`; undefined when the answer depends on the
 * record (the requirement reads a field). A rep lacking the attribute meets no
 * requirement but `is empty` / `is not set`-style ones.
 */
export function repMeets(rep: RepModel, requirement: RequireModel): boolean | undefined {
  const test = requirement.test;
  const literalOf = (value: RequireValue) => ("literal" in value ? fold(value.literal) : undefined);
  const values = repValues(rep, requirement.attribute).map(fold);
  const lacks = values.length === 0;
  let positive: boolean;
  switch (test.op) {
    case "set":
      positive = !lacks;
      break;
    case "empty":
      positive = lacks;
      break;
    default: {
      if (lacks) return false;
      if (test.op === "is" || test.op === "has") {
        const value = literalOf(test.value);
        if (value === undefined) return undefined;
        positive = values.includes(value);
      } else if (test.op === "in" || test.op === "hasAny" || test.op === "hasAll") {
        const wanted = test.values.map(literalOf);
        if (wanted.some((value) => value === undefined)) return undefined;
        positive = test.op === "hasAll" ? wanted.every((value) => values.includes(value!)) : wanted.some((value) => values.includes(value!));
      } else if (test.op === "startsWith" || test.op === "endsWith" || test.op === "contains") {
        const needle = fold(test.value);
        positive = values.some((value) =>
          test.op === "startsWith" ? value.startsWith(needle) : test.op === "endsWith" ? value.endsWith(needle) : value.includes(needle),
        );
      } else {
        return undefined;
      }
    }
  }
  return requirement.negated ? !positive : positive;
}
