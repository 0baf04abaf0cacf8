// Peer: the rules as generated JavaScript, as a correct compiler of the
// language would emit them — each field read once at the top of `route` and
// normalised there (text folded: NFC, then lower case, since every text test
// ignores case; products a list of folded texts; a number kept only when
// finite, since the runtime treats NaN and ±Infinity as missing), then one `if`
// per rule in order, comparing with constants folded at generation time.
// Split into functions of 256 rules, because V8 never optimises one function
// with thousands of `if`s (bytecode size limit).
// `exactIfChainPeer` is the same chain comparing exact spellings: NOT the
// language's semantics (wrong on "emea" for EMEA), kept only to show what
// folding costs.

import type { BenchRule, BenchTest } from "../generate";
import { FIELDS } from "../generate";
import { fold, TEXT_FIELDS } from "./folded-record";

const RULES_PER_FUNCTION = 256;

type Router = (record: Record<string, unknown>) => string | null;

// Defined inside the generated source, as generated code would carry it: the peer does not import the runtime.
const HELPERS = `function fold(text) { return text.normalize("NFC").toLowerCase(); }
function foldAll(list) {
  const folded = [];
  for (let i = 0; i < list.length; i++) { const item = list[i]; if (typeof item === "string") folded.push(fold(item)); }
  return folded;
}`;

/** The language's semantics: case-insensitive text, non-finite numbers missing. */
export function ifChainPeer(rules: BenchRule[]): Router {
  const reads = FIELDS.map((field) => `const raw_${field} = r.${field}; const ${field} = ${normalised(field, `raw_${field}`)};`).join("\n");
  return assemble(rules, HELPERS, reads, foldedExpression);
}

/** Exact spellings, every value as sent: not "the same rules", only the cost of not folding. */
export function exactIfChainPeer(rules: BenchRule[]): Router {
  const reads = FIELDS.map((field) => `const ${field} = r.${field};`).join(" ");
  return assemble(rules, "", reads, exactExpression);
}

function normalised(field: (typeof FIELDS)[number], raw: string): string {
  if ((TEXT_FIELDS as readonly string[]).includes(field)) return `typeof ${raw} === "string" ? fold(${raw}) : undefined`;
  if (field === "products") return `Array.isArray(${raw}) ? foldAll(${raw}) : undefined`;
  if (field === "employees" || field === "revenue") return `typeof ${raw} === "number" && ${raw} - ${raw} === 0 ? ${raw} : undefined`;
  return raw;
}

function assemble(rules: BenchRule[], helpers: string, reads: string, expression: (test: BenchTest) => string): Router {
  const params = FIELDS.join(", ");
  const parts: string[] = [];
  for (let start = 0; start < rules.length; start += RULES_PER_FUNCTION) {
    const body = rules
      .slice(start, start + RULES_PER_FUNCTION)
      .map((rule, i) => `if (${rule.tests.map(expression).join(" && ") || "true"}) return ${start + i};`)
      .join("\n");
    parts.push(`function part${parts.length}(${params}) {\n${body}\nreturn -1;\n}`);
  }
  const calls = parts.map((_, i) => `found = part${i}(${params}); if (found >= 0) return names[found];`).join("\n");
  const source = `${helpers}\n${parts.join("\n")}\nreturn function route(r) {\n${reads}\nlet found;\n${calls}\nreturn null; };`;
  return new Function("names", source)(rules.map((rule) => rule.name)) as Router;
}

/** A test on a field already normalised by the read: a missing or ill-typed value is `undefined`, which every comparison rejects. */
function foldedExpression(test: BenchTest): string {
  const field = test.field;
  const text = (value: string) => JSON.stringify(fold(value));
  switch (test.op) {
    case "is":
      return `${field} === ${text(test.value)}`;
    case "in":
      return `(${test.values.map((value) => `${field} === ${text(value)}`).join(" || ")})`;
    case ">=":
    case "<":
      return `${field} ${test.op} ${test.value}`;
    case "between":
      return `${field} >= ${test.low} && ${field} <= ${test.high}`;
    case "has":
      return `${field} !== undefined && ${field}.includes(${text(test.value)})`;
    case "hasAny":
      return `${field} !== undefined && (${test.values.map((value) => `${field}.includes(${text(value)})`).join(" || ")})`;
    case "true":
      return `${field} === true`;
    case "false":
      return `${field} !== true`;
  }
}

/** A test on the value as sent: exact spellings, a type check where the value may be anything. */
function exactExpression(test: BenchTest): string {
  const field = test.field;
  switch (test.op) {
    case "is":
      return `${field} === ${JSON.stringify(test.value)}`;
    case "in":
      return `(${test.values.map((value) => `${field} === ${JSON.stringify(value)}`).join(" || ")})`;
    case ">=":
    case "<":
      return `typeof ${field} === "number" && ${field} ${test.op} ${test.value}`;
    case "between":
      return `typeof ${field} === "number" && ${field} >= ${test.low} && ${field} <= ${test.high}`;
    case "has":
      return `Array.isArray(${field}) && ${field}.includes(${JSON.stringify(test.value)})`;
    case "hasAny":
      return `Array.isArray(${field}) && (${test.values.map((value) => `${field}.includes(${JSON.stringify(value)})`).join(" || ")})`;
    case "true":
      return `${field} === true`;
    case "false":
      return `${field} !== true`;
  }
}
