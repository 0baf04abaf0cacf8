// Context-aware completion from the text before the cursor: which block the
// cursor is in (from the braces) and the words just before it decide whether
// fields, enum members, reps, teams, queues, hours, scores, lists, methods,
// clause keywords or declaration snippets are offered.

import { lex } from "../syntax/tokens";
import type { Program } from "../semantics/model";
import { describeFieldType } from "./hover";
import { enumOfType, fieldTypeOf, type SymbolIndex } from "./symbol-index";

export type CompletionKind = "keyword" | "field" | "member" | "rep" | "team" | "queue" | "hours" | "score" | "list" | "router" | "enum" | "record" | "snippet" | "method";

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Snippet text with `${1:placeholder}` tab stops, when `kind` is "snippet". */
  snippet?: string;
}

const declarationWords = ["import", "enum", "list", "record", "rep", "team", "queue", "hours", "score", "router", "test", "assert"];
const clauseWords = ["when", "assign to", "require", "also notify", "sla", "fallback to", "reason"];
const methods = ["round robin", "weighted round robin", "load balance", "broadcast", "first available"];
const predicateWords = ["is", "is not", "in", "not in", "has", "has any of", "has all of", "has none of", "between", "starts with", "ends with", "contains", "is set", "is not set", "is empty", "is not empty"];

const snippets: CompletionItem[] = [
  { label: "router", kind: "snippet", detail: "a router with one rule and otherwise", snippet: 'router ${1:inbound} for ${2:Lead} {\n  rule "${3:name}" {\n    when ${4:condition}\n    assign to ${5:target}\n  }\n\n  otherwise {\n    assign to ${6:queue manual_review}\n  }\n}' },
  { label: "rule", kind: "snippet", detail: "a rule", snippet: 'rule "${1:name}" {\n  when ${2:condition}\n  assign to ${3:target}\n  fallback to ${4:queue manual_review}\n}' },
  { label: "test", kind: "snippet", detail: "a test block", snippet: 'test "${1:name}" {\n  route ${2:router} {\n    ${3:field}: ${4:value}\n  }\n  expect ${5:rule "name"}\n}' },
  { label: "otherwise", kind: "snippet", detail: "where unmatched records go", snippet: "otherwise {\n  assign to ${1:queue manual_review}\n}" },
];

export function complete(index: SymbolIndex | undefined, text: string, offset: number, file: string): CompletionItem[] {
  const program = index?.program;
  const before = text.slice(0, offset);
  const context = blockContext(before);
  if (program && !context.record && context.router) context.record = program.routers.get(context.router)?.record;
  if (program && !context.record && context.block === "rule") context.record = [...program.routers.values()][0]?.record;
  const words = lastWords(before);
  const [w1, w2, w3] = [words[words.length - 1] ?? "", words[words.length - 2] ?? "", words[words.length - 3] ?? ""];
  const names = (kind: string, completionKind: CompletionKind) =>
    program ? [...namesOf(program, kind)].map((name): CompletionItem => ({ label: name, kind: completionKind, detail: kind })) : [];

  // After a dot: the fields of the related record.
  const dotted = /([A-Za-z_][A-Za-z0-9_.]*)\.[A-Za-z_0-9]*$/.exec(before);
  if (dotted && program && context.record) {
    const path = dotted[1]!.split(".");
    const type = fieldTypeOf(program, context.record, path);
    if (type?.type === "record") return fieldsOf(program, type.record);
    const enumModel = program.enums.get(path[0]!);
    if (enumModel && path.length === 1) return enumModel.members.map((member) => ({ label: member.name, kind: "member", detail: path[0] }));
  }

  // Targets and what follows a target word.
  if (w1 === "team") return names("team", "team");
  if (w1 === "queue" && context.block !== "top") return names("queue", "queue");
  if ((w1 === "rep" && context.block !== "top") || w1 === "manager" || (w1 === "unavailable" && context.block === "test")) return names("rep", "rep");
  if (w1 === "within" || w1 === "outside" || (w1 === "hours" && context.block === "rep")) return names("hours", "hours");
  if (w1 === "by") return methods.map((label) => ({ label, kind: "method" }));
  if ((w1 === "route" && context.block === "test") || (w1 === "in" && context.block === "assert")) return names("router", "router");
  if (w1 === "for" && context.block === "top") return names("record", "record");
  if (w1 === "to" && (w2 === "assign" || w2 === "fallback" || w2 === "escalate" || w2 === "only" || w2 === "never") || w1 === "notify" || w1 === ",") {
    if (w1 !== "," || context.block === "assert") return targetItems(program, context.record);
  }
  if (w1 === "of" && w2 === "manager") return program && context.record ? fieldsOf(program, context.record, "rep") : [];
  if (w1 === "[" && w2 === "members") return names("rep", "rep");
  if (w1 === "expect") {
    return ["rule", "otherwise", "unmatched", "team", "rep", "queue", "action", "unassigned"].map((label) => ({ label, kind: "keyword" }));
  }
  if (w1 === "rule" && w2 === "expect" && program && context.router) {
    return (program.routers.get(context.router)?.rules ?? []).map((rule) => ({ label: JSON.stringify(rule.name), kind: "keyword", detail: "rule" }));
  }

  // Values after a predicate: members of the field's enum, lists, reps.
  const valueContext = /([A-Za-z_][A-Za-z0-9_.]*)\s+(?:is(?:\s+not)?|(?:not\s+)?in|has(?:\s+(?:any|all|none)\s+of)?)\s*\[?[^\]\n]*?$/.exec(before);
  if (valueContext && program && context.record && /\b(is|in|has|of)\s*(\[\s*|\[[^\]]*,\s*)?$/.test(before)) {
    const path = valueContext[1]!.split(".");
    const type = fieldTypeOf(program, context.record, path);
    const enumName = enumOfType(type);
    const items: CompletionItem[] = [];
    if (enumName) items.push(...(program.enums.get(enumName)?.members ?? []).map((member): CompletionItem => ({ label: member.name, kind: "member", detail: `${enumName} = ${JSON.stringify(member.wire)}` })));
    if (type && (type.type === "rep" || (type.type === "set" && type.element.type === "rep"))) items.push(...names("rep", "rep"));
    if (/\b(in|of)\s*$/.test(before)) items.push(...names("list", "list"));
    if (type?.type === "boolean") items.push({ label: "true", kind: "keyword" }, { label: "false", kind: "keyword" });
    if (/\bis\s*$/.test(before)) items.push({ label: "set", kind: "keyword" }, { label: "empty", kind: "keyword" }, { label: "not", kind: "keyword" });
    return items;
  }

  // The start of a condition: fields, scores, `within`, `not`.
  const conditionStart = ["when", "and", "or", "not", "("].includes(w1);
  if (conditionStart && program && context.record) {
    return [
      ...fieldsOf(program, context.record),
      ...names("score", "score"),
      ...["within", "outside", "not"].map((label): CompletionItem => ({ label, kind: "keyword" })),
    ];
  }
  // After a field path in a condition: the predicates.
  if (program && context.record && (context.block === "rule" || context.block === "assert") && w1 && fieldTypeOf(program, context.record, w1.split(".")) && ["when", "and", "or", "not", "("].includes(w2)) {
    return predicateWords.map((label) => ({ label, kind: "keyword" }));
  }
  void w3;

  switch (context.block) {
    case "top":
      return [...declarationWords.map((label): CompletionItem => ({ label, kind: "keyword" })), ...snippets.filter((item) => item.label === "router" || item.label === "test")];
    case "router":
      return [...snippets.filter((item) => item.label === "rule" || item.label === "otherwise"), { label: "rule", kind: "keyword" }, { label: "otherwise", kind: "keyword" }];
    case "rule":
      return clauseWords.filter((word) => !(context.otherwise && word === "when")).map((label) => ({ label, kind: "keyword" }));
    case "rep":
      return ["name", "email", "ids", "skills", "languages", "region", "hours", "capacity", "cap", "weight", "manager", "unavailable from"].map((label) => ({ label, kind: "keyword" }));
    case "test":
      return ["route", "with unavailable", "at", "expect"].map((label): CompletionItem => ({ label, kind: "keyword" }));
    case "record-literal":
      return program && context.record ? fieldsOf(program, context.record) : [];
    case "assert":
      return ["when", "only to", "never to", "always assigned"].map((label) => ({ label, kind: "keyword" }));
    default:
      return [];
  }
  void file;
}

// ---------------------------------------------------------------------------

function namesOf(program: Program, kind: string): Iterable<string> {
  switch (kind) {
    case "team":
      return program.teams.keys();
    case "rep":
      return program.reps.keys();
    case "queue":
      return program.queues.keys();
    case "hours":
      return program.hours.keys();
    case "score":
      return program.scores.keys();
    case "list":
      return program.lists.keys();
    case "router":
      return program.routers.keys();
    case "record":
      return program.records.keys();
    default:
      return [];
  }
}

function fieldsOf(program: Program, record: string, only?: "rep"): CompletionItem[] {
  const model = program.records.get(record);
  if (!model) return [];
  return [...model.fields]
    .filter(([, type]) => !only || type.type === only || type.type === "record")
    .map(([name, type]) => ({ label: name, kind: "field", detail: describeFieldType(type) }));
}

function targetItems(program: Program | undefined, record: string | undefined): CompletionItem[] {
  const items: CompletionItem[] = ["team", "rep", "queue", "action", "unassigned", "manager of"].map((label) => ({ label, kind: "keyword" }));
  if (program && record) items.push(...fieldsOf(program, record, "rep"));
  return items;
}

interface BlockContext {
  block: "top" | "router" | "rule" | "rep" | "test" | "record-literal" | "assert" | "other";
  /** The record type in force: the router's, the test's router's, the assert's router's. */
  record?: string;
  router?: string;
  otherwise?: boolean;
}

/** Walks the tokens before the cursor, keeping a stack of open braces and what opened each. */
function blockContext(before: string): BlockContext {
  const tokens = lex(before).tokens;
  const stack: { opener: string; words: string[] }[] = [];
  let statement: string[] = [];
  for (const token of tokens) {
    const image = token.image;
    if (image === "{") {
      stack.push({ opener: statement[0] ?? "", words: statement });
      statement = [];
    } else if (image === "}") {
      stack.pop();
      statement = [];
    } else {
      if (stack.length === 0 && declarationWords.includes(image)) statement = [];
      if (stack.length === 1 && (image === "rule" || image === "otherwise") && stack[0]!.opener === "router") statement = [];
      statement.push(image);
    }
  }
  const outer = stack[0];
  const context: BlockContext = { block: "top" };
  if (!outer) return context;
  const declaration = outer.opener;
  // Find the record type for this block from the source words: `router X for Rec`, `test … route X`, `assert … in X`.
  const routerMatch = declaration === "router" ? outer.words : undefined;
  if (routerMatch) {
    context.router = routerMatch[1];
    context.record = routerMatch[3];
  }
  if (declaration === "test" || declaration === "assert") {
    const inner = stack.length > 1 ? stack[1]!.words : statement;
    const all = [...inner, ...statement];
    const routeAt = all.indexOf(declaration === "test" ? "route" : "in");
    context.router = routeAt >= 0 ? all[routeAt + 1] : undefined;
  }
  const depth = stack.length;
  if (declaration === "router") context.block = depth === 1 ? "router" : "rule";
  else if (declaration === "rep") context.block = "rep";
  else if (declaration === "test") context.block = depth === 1 ? "test" : "record-literal";
  else if (declaration === "assert") context.block = "assert";
  else if (declaration === "score") context.block = "rule";
  else context.block = "other";
  if (declaration === "score") context.record = outer.words[outer.words.indexOf("for") + 1];
  if (declaration === "router" && depth > 1) context.otherwise = stack[1]!.opener === "otherwise";
  return context;
}

/** The words (and single punctuation) just before the cursor, ignoring the partial word being typed. */
function lastWords(before: string): string[] {
  const trimmed = before.replace(/[A-Za-z_0-9.]*$/, "");
  return lex(trimmed.slice(-200)).tokens.map((token) => token.image).slice(-3);
}
