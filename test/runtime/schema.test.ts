// runtime/table.schema.json agrees with the runtime: every fixture table the
// runtime loads satisfies the schema. Checked with a small validator for the
// JSON Schema keywords the schema uses (no validator package is a dependency).

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fixtureFiles, readFixture } from "./harness";

type Schema = Record<string, any>;
const schema = JSON.parse(readFileSync(fileURLToPath(new URL("../../runtime/table.schema.json", import.meta.url)), "utf8")) as Schema;

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Problems found, each as "path: keyword". Supports the keywords table.schema.json uses. */
function validate(value: unknown, node: Schema, path = "table"): string[] {
  if (node.$ref) return validate(value, schema.$defs[node.$ref.replace("#/$defs/", "")], path);
  const problems: string[] = [];
  if (node.type) {
    const types: string[] = Array.isArray(node.type) ? node.type : [node.type];
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === "integer" && types.includes("number"))) return [`${path}: type ${actual} not ${types.join("|")}`];
  }
  if ("const" in node && value !== node.const) problems.push(`${path}: const`);
  if (node.enum && !node.enum.includes(value)) problems.push(`${path}: enum`);
  if (typeof value === "number") {
    if (node.minimum !== undefined && value < node.minimum) problems.push(`${path}: minimum`);
    if (node.maximum !== undefined && value > node.maximum) problems.push(`${path}: maximum`);
    if (node.exclusiveMinimum !== undefined && value <= node.exclusiveMinimum) problems.push(`${path}: exclusiveMinimum`);
  }
  if (typeof value === "string" && node.pattern && !new RegExp(node.pattern).test(value)) problems.push(`${path}: pattern`);
  if (Array.isArray(value)) {
    if (node.minItems !== undefined && value.length < node.minItems) problems.push(`${path}: minItems`);
    if (node.items) value.forEach((item, i) => problems.push(...validate(item, node.items, `${path}[${i}]`)));
  }
  if (typeOf(value) === "object") {
    const object = value as Record<string, unknown>;
    for (const key of node.required ?? []) if (!(key in object)) problems.push(`${path}: required ${key}`);
    for (const [key, item] of Object.entries(object)) {
      if (node.properties?.[key]) problems.push(...validate(item, node.properties[key], `${path}.${key}`));
      else if (node.additionalProperties) problems.push(...validate(item, node.additionalProperties, `${path}.${key}`));
    }
  }
  for (const part of node.allOf ?? []) problems.push(...validate(value, part, path));
  if (node.oneOf) {
    const passing = node.oneOf.filter((part: Schema) => validate(value, part, path).length === 0).length;
    if (passing !== 1) problems.push(`${path}: oneOf matched ${passing}`);
  }
  return problems;
}

describe("table.schema.json", () => {
  it("is draft 2020-12 and every $ref resolves", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const refs = JSON.stringify(schema).match(/"\$ref":"#\/\$defs\/(\w+)"/g) ?? [];
    for (const ref of refs) expect(schema.$defs).toHaveProperty(ref.slice(ref.lastIndexOf("/") + 1, -1));
  });

  for (const file of fixtureFiles()) {
    it(`accepts the table of ${file}`, () => {
      expect(validate(readFixture(file).table, schema)).toEqual([]);
    });
  }

  it("rejects an unknown op and a wrong format", () => {
    const table = structuredClone(readFixture("ops.json").table) as Record<string, any>;
    table.routers.is_text.rules[0].condition.op = "iz";
    table.format = "route-table/2";
    const problems = validate(table, schema);
    expect(problems).toContain("table.format: const");
    expect(problems.some((problem) => problem.startsWith("table.routers.is_text.rules[0]"))).toBe(true);
  });
});
