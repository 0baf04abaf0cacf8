// Peer: the rules as generated JavaScript — each field read once, then one
// `if` per rule in order. Split into functions of 256 rules, because V8 never
// optimises one function with thousands of `if`s (bytecode size limit).

import type { BenchRule, BenchTest } from "../generate";
import { FIELDS } from "../generate";

const RULES_PER_FUNCTION = 256;

export function ifChainPeer(rules: BenchRule[]): (record: Record<string, unknown>) => string | null {
  const reads = FIELDS.map((field) => `const ${field} = r.${field};`).join(" ");
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
  const source = `${parts.join("\n")}\nreturn function route(r) { ${reads} let found;\n${calls}\nreturn null; };`;
  return new Function("names", source)(rules.map((rule) => rule.name)) as (record: Record<string, unknown>) => string | null;
}

function expression(test: BenchTest): string {
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
