// Printing a whole file and every declaration but routers: imports, enums,
// lists, records, reps, teams, queues, hours, scores, tests and asserts.
// Object-like bodies (enum, record, rep, team, hours) keep the user's choice
// of one line or several; scores, tests and asserts are one entry per line.

import type {
  AssertDecl,
  Declaration,
  EnumDecl,
  Expectation,
  HoursDecl,
  ImportDecl,
  RecordDecl,
  RepAttribute,
  RepDecl,
  ScoreDecl,
  SourceFile,
  TeamDecl,
  TestDecl,
  TestItem,
  TypeRef,
} from "../syntax/ast";
import { sequence, type Context, type Element } from "./context";
import { builders, type Doc } from "./doc";
import { block, keepChoice, type GroupStyle } from "./layout";
import { bracketList, condition, element, literalList, recordLiteral, routed, target } from "./print-expressions";
import { router } from "./print-routers";

const { fill, hardline, indent, line } = builders;

/** The whole file: declarations as written, at most one blank line between them, one final newline. */
export function file(context: Context, value: SourceFile): Doc {
  const items: (ImportDecl | Declaration)[] = [...value.imports, ...value.declarations].sort((a, b) => a.span.start - b.span.start);
  const body = sequence(context, items.map((item) => element(item.span, () => declaration(context, item))), 0, context.source.text.length);
  if (body.slots.length === 0) return "";
  const parts: Doc[] = [];
  body.slots.forEach((slot, index) => {
    if (index > 0) parts.push(slot.blankBefore ? [hardline, hardline] : hardline);
    parts.push(slot.doc);
  });
  return [parts, hardline];
}

function declaration(context: Context, value: ImportDecl | Declaration): Doc {
  switch (value.kind) {
    case "import":
      return ["import ", context.source.slice(value.path.span)];
    case "enum":
      return enumDecl(context, value);
    case "list":
      return ["list ", value.name.text, " = ", literalList(context, value.items, context.source.next("[", value.name.span.end), value.span.end - 1)];
    case "record":
      return recordDecl(context, value);
    case "rep":
      return repDecl(context, value);
    case "team":
      return teamDecl(context, value);
    case "queue":
      return ["queue ", value.name.text];
    case "hours":
      return hoursDecl(context, value);
    case "score":
      return scoreDecl(context, value);
    case "router":
      return router(context, value);
    case "test":
      return testDecl(context, value);
    case "assert":
      return assertDecl(context, value);
  }
}

const bodyStyle = (separator: GroupStyle["separator"], trailingComma = false): GroupStyle => ({
  open: "{",
  close: "}",
  padded: true,
  separator,
  trailingComma,
  blankLines: true,
});

/** The `{ … }` after a declaration's name, laid out by `layout`. */
function braced(context: Context, value: { name: { span: { end: number } }; span: { end: number } }, elements: Element[]) {
  const open = context.source.next("{", value.name.span.end);
  return sequence(context, elements, open + 1, value.span.end - 1);
}

function enumDecl(context: Context, value: EnumDecl): Doc {
  const members = value.members.map((member) =>
    element(member.span, () => (member.wire ? [member.name.text, " = ", context.source.slice(member.wire.span)] : member.name.text)),
  );
  return ["enum ", value.name.text, " ", keepChoice(braced(context, value, members), bodyStyle("comma", true))];
}

function recordDecl(context: Context, value: RecordDecl): Doc {
  const fields = value.fields.map((field) => element(field.span, () => [field.name.text, ": ", typeRef(field.type)]));
  return ["record ", value.name.text, " ", keepChoice(braced(context, value, fields), bodyStyle("comma-when-flat"))];
}

function typeRef(value: TypeRef): string {
  const base = value.base.kind === "rep" ? "rep" : value.base.name.text;
  return `${value.set ? "set of " : ""}${base}${value.optional ? "?" : ""}`;
}

function repDecl(context: Context, value: RepDecl): Doc {
  const attributes = value.attributes.map((attribute) => element(attribute.span, () => repAttribute(context, attribute)));
  return ["rep ", value.name.text, " ", keepChoice(braced(context, value, attributes), bodyStyle("none"))];
}

function repAttribute(context: Context, value: RepAttribute): Doc {
  const list = (values: readonly { span: { start: number; end: number } }[]) =>
    bracketList(
      context,
      values.map((item) => element(item.span, () => context.source.slice(item.span))),
      context.source.next("[", value.span.start),
      value.span.end - 1,
    );
  switch (value.kind) {
    case "name":
    case "email":
      return [value.kind, " ", context.source.slice(value.value.span)];
    case "ids":
    case "skills":
    case "languages":
      return [value.kind, " ", list(value.values)];
    case "region":
      return ["region ", context.source.slice(value.value.span)];
    case "hours":
      return ["hours ", value.hours.text];
    case "capacity":
    case "weight":
      return [value.kind, " ", value.value.raw];
    case "cap":
      return ["cap ", value.value.raw, " per ", value.period.value];
    case "manager":
      return ["manager ", value.manager.text];
    case "unavailable":
      return ["unavailable from ", value.from.value, " to ", value.to.value];
  }
}

function teamDecl(context: Context, value: TeamDecl): Doc {
  const source = context.source;
  const open = source.next("{", value.name.span.end);
  const listOpen = source.next("[", open);
  const listClose = source.previous("]", value.span.end);
  const members = value.members.map((member) =>
    element(member.span, () => (member.weight ? [member.rep.text, " weight ", member.weight.raw] : member.rep.text)),
  );
  const entry = element({ start: source.skipTrivia(open + 1), end: listClose + 1 }, () => ["members ", bracketList(context, members, listOpen, listClose)]);
  return ["team ", value.name.text, " ", keepChoice(sequence(context, [entry], open + 1, value.span.end - 1), bodyStyle("none"))];
}

function hoursDecl(context: Context, value: HoursDecl): Doc {
  const open = context.source.next("{", value.name.span.end);
  const entries: Element[] = [];
  const timezone = value.timezone;
  if (timezone) entries.push(element({ start: context.source.skipTrivia(open + 1), end: timezone.span.end }, () => ["timezone ", context.source.slice(timezone.span)]));
  for (const entry of value.entries) {
    entries.push(
      element(entry.span, () =>
        entry.kind === "closed"
          ? ["closed ", entry.dates.map((date) => date.value).join(", ")]
          : [
              entry.days.map((day) => (day.to ? `${day.from.value}-${day.to.value}` : day.from.value)).join(", "),
              " ",
              entry.windows.map((window) => `${window.start.value}-${window.end.value}`).join(", "),
            ],
      ),
    );
  }
  return ["hours ", value.name.text, " ", keepChoice(sequence(context, entries, open + 1, value.span.end - 1), bodyStyle("none"))];
}

function scoreDecl(context: Context, value: ScoreDecl): Doc {
  const lines = value.lines.map((scoreLine) =>
    element(scoreLine.span, () => [scoreLine.sign, scoreLine.weight.raw, " when ", condition(context, scoreLine.condition)]),
  );
  const after = value.record ? value.record.span.end : value.name.span.end;
  const open = context.source.next("{", after);
  const header = value.record ? ["score ", value.name.text, " for ", value.record.text, " "] : ["score ", value.name.text, " "];
  return [header, block(sequence(context, lines, open + 1, value.span.end - 1))];
}

function testDecl(context: Context, value: TestDecl): Doc {
  const source = context.source;
  const open = source.next("{", value.name.span.end);
  const entries: Element[] = [
    element({ start: source.skipTrivia(open + 1), end: value.record.span.end }, () => ["route ", value.router.text, " ", recordLiteral(context, value.record)]),
    ...value.items.map((item) => element(item.span, () => testItem(context, item))),
  ];
  return ["test ", source.slice(value.name.span), " ", block(sequence(context, entries, open + 1, value.span.end - 1))];
}

function testItem(context: Context, value: TestItem): Doc {
  switch (value.kind) {
    case "unavailable": {
      const reps = value.reps.map((rep) => element(rep.span, () => rep.text));
      return ["with unavailable ", bracketList(context, reps, context.source.next("[", value.span.start), value.span.end - 1)];
    }
    case "at":
      return ["at ", value.instant.value];
    case "expect":
      return ["expect ", expectation(context, value.expectation)];
  }
}

function expectation(context: Context, value: Expectation): Doc {
  switch (value.kind) {
    case "rule":
    case "action":
      return [value.kind, " ", context.source.slice(value.name.span)];
    case "team":
    case "rep":
    case "queue":
      return [value.kind, " ", value.name.text];
    case "otherwise":
    case "unmatched":
    case "unassigned":
      return value.kind;
  }
}

function assertDecl(context: Context, value: AssertDecl): Doc {
  const source = context.source;
  const open = source.next("{", value.name.span.end);
  const when = value.when;
  const scope = element({ start: source.skipTrivia(open + 1), end: when ? when.span.end : value.router.span.end }, () =>
    when ? ["in ", value.router.text, " when ", condition(context, when)] : ["in ", value.router.text],
  );
  const claim = value.claim;
  const claimElement = element(claim.span, (): Doc => {
    if (claim.kind === "always-assigned") return "always assigned";
    const parts: Doc[] = [];
    claim.targets.forEach((item, index) => {
      if (index > 0) parts.push(line);
      parts.push(index < claim.targets.length - 1 ? [routed(context, item, undefined), ","] : target(context, item));
    });
    return [claim.kind, " to ", indent(fill(parts))];
  });
  return ["assert ", source.slice(value.name.span), " ", block(sequence(context, [scope, claimElement], open + 1, value.span.end - 1))];
}
