// Literal values checked against the type they must have: enum members
// (bare or `Enum.Member`), rep ids, strings, numbers and booleans. Used by
// conditions, lists and test records. Enum values come back as member names.

import type { Fix } from "../diagnostics/diagnostic";
import type { Literal } from "../syntax/ast";
import type { Checker, Unit } from "./context";
import type { Scalar, ValueType } from "./model";
import { makeDiagnostic, unknownName } from "./report";

/** How the thing being compared is named in messages, e.g. "`region`". */
export type SubjectLabel = string;

/** Checks `literal` against `expected`; returns the model value or undefined (after a diagnostic). */
export function checkLiteral(checker: Checker, unit: Unit, literal: Literal, expected: ValueType, subject: SubjectLabel): Scalar | undefined {
  switch (expected.type) {
    case "enum":
      return checkMember(checker, unit, literal, expected.enum, subject);
    case "rep":
      return checkRep(checker, unit, literal, subject);
    case "text":
      if (literal.kind === "string") return literal.value;
      if (literal.kind === "name" && !literal.qualifier) {
        checker.report(
          makeDiagnostic("type-mismatch", literal.span, `${subject} is text: quote the value`, {
            fixes: [{ title: `Quote \`${literal.name.text}\``, edits: [{ span: literal.span, newText: JSON.stringify(literal.name.text) }] }],
          }),
        );
        return undefined;
      }
      checker.report(makeDiagnostic("type-mismatch", literal.span, `${subject} is text, not ${describeLiteral(literal)}`));
      return undefined;
    case "number":
      if (literal.kind === "number") return literal.value;
      {
        const fixes: Fix[] = [];
        if (literal.kind === "string" && /^-?\d+(\.\d+)?$/.test(literal.value.trim())) {
          fixes.push({ title: `Write the number ${literal.value.trim()}`, edits: [{ span: literal.span, newText: literal.value.trim() }] });
        }
        checker.report(makeDiagnostic("type-mismatch", literal.span, `${subject} is a number, not ${describeLiteral(literal)}`, fixes.length ? { fixes } : {}));
      }
      return undefined;
    case "boolean":
      if (literal.kind === "boolean") return literal.value;
      checker.report(makeDiagnostic("type-mismatch", literal.span, `${subject} is a boolean: write \`true\` or \`false\``));
      return undefined;
  }
}

/** An enum member by name (bare or qualified); returns the member name. */
export function checkMember(checker: Checker, unit: Unit, literal: Literal, enumName: string, subject: SubjectLabel): string | undefined {
  const model = checker.program.enums.get(enumName);
  if (literal.kind !== "name") {
    const fixes: Fix[] = [];
    if (literal.kind === "string" && model) {
      const folded = literal.value.toLowerCase();
      const member = model.members.find((m) => m.name.toLowerCase() === folded || m.wire.toLowerCase() === folded);
      if (member) fixes.push({ title: `Change to \`${member.name}\``, edits: [{ span: literal.span, newText: member.name }] });
    }
    const message =
      literal.kind === "string"
        ? `${subject} is a \`${enumName}\`: write the member without quotes`
        : `${subject} is a \`${enumName}\`, not ${describeLiteral(literal)}`;
    checker.report(makeDiagnostic("type-mismatch", literal.span, message, fixes.length ? { fixes } : {}));
    return undefined;
  }
  if (literal.qualifier) {
    const qualifier = literal.qualifier.text;
    if (qualifier !== enumName) {
      if (!checker.lookupKind(unit, qualifier, ["enum"])) {
        checker.resolve(unit, literal.qualifier, ["enum"]);
        return undefined;
      }
      checker.report(
        makeDiagnostic("type-mismatch", literal.span, `\`${qualifier}.${literal.name.text}\` is a \`${qualifier}\`, but ${subject} is a \`${enumName}\``),
      );
      return undefined;
    }
  }
  if (!model) return undefined;
  const member = model.members.find((m) => m.name === literal.name.text);
  if (member) return member.name;
  checker.report(
    unknownName(
      literal.name.span,
      literal.name.text,
      `\`${literal.name.text}\` is not a member of \`${enumName}\``,
      model.members.map((m) => m.name),
      "not-an-enum-member",
      `members: ${model.members.map((m) => m.name).join(", ")}`,
    ),
  );
  return undefined;
}

/** A rep id written as a bare name; returns the id. */
export function checkRep(checker: Checker, unit: Unit, literal: Literal, subject: SubjectLabel): string | undefined {
  if (literal.kind === "name" && !literal.qualifier) {
    return checker.resolve(unit, literal.name, ["rep"]);
  }
  const fixes: Fix[] = [];
  if (literal.kind === "string") {
    const folded = literal.value.toLowerCase();
    for (const rep of checker.program.reps.values()) {
      if (rep.id.toLowerCase() === folded || rep.email?.toLowerCase() === folded || rep.ids.some((id) => id.toLowerCase() === folded)) {
        fixes.push({ title: `Change to \`${rep.id}\``, edits: [{ span: literal.span, newText: rep.id }] });
        break;
      }
    }
  }
  checker.report(
    makeDiagnostic("type-mismatch", literal.span, `${subject} is a rep: write a rep id without quotes, such as \`alice\``, fixes.length ? { fixes } : {}),
  );
  return undefined;
}

export function describeLiteral(literal: Literal): string {
  switch (literal.kind) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return "a boolean";
    case "name":
      return literal.qualifier ? `\`${literal.qualifier.text}.${literal.name.text}\`` : `the name \`${literal.name.text}\``;
  }
}
