// Property: `checkProgram` never throws and never reports an internal error,
// whatever the text — mutated versions of the brief's files and the checker
// fixtures, and token soup. Every diagnostic points inside a loaded file.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkProgram } from "../../language/semantics/check";
import { MemoryHost } from "../harness/memory-host";

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, "..", "fixtures", "check");

function corpus(): string[] {
  const texts: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".route")) texts.push(readFileSync(path, "utf8"));
    }
  };
  walk(fixtures);
  return texts;
}

const texts = corpus();
const people = readFileSync(join(fixtures, "acme", "people.route"), "utf8");

const vocabulary = [
  "import", '"people.route"', '"main.route"', "enum", "list", "record", "rep", "team", "queue", "hours", "score", "router",
  "for", "rule", "otherwise", "test", "assert", "when", "assign", "to", "require", "also", "notify", "sla", "fallback",
  "reason", "priority", "disabled", "expect", "route", "with", "unavailable", "at", "only", "never", "always", "assigned",
  "action", "manager", "of", "and", "or", "not", "is", "in", "has", "between", "within", "outside", "set", "empty", "any",
  "all", "none", "true", "false", "unassigned", "{", "}", "[", "]", "(", ")", ",", ":", ".", "?", "=", "!=", "<", ">=",
  "-", "+", "0", "-5", "3.5", "10_000", "24:00", "08:00-18:00", "mon-fri", "fri-mon", "2026-02-30", "2026-12-25",
  "2026-12-01T09:00Z", '"Europe/Berlin"', '"x"', "Lead", "Region", "EMEA", "emea", "alice", "payroll_emea", "manual_review",
  "region", "language", "account", "owner", "payroll_fit", "emea_business", "skills", "languages", "by", "round", "robin",
  "weight", "capacity", "cap", "per", "day", "minutes", "business", "then", "reassign", "escalate", "\n", " ", "#", "text",
  "number", "boolean", "set of", "timezone", "closed", "members", "Region.EMEA", "EU",
];

type Mutation =
  | { kind: "delete"; at: number; length: number }
  | { kind: "insert"; at: number; token: string }
  | { kind: "duplicate"; at: number; length: number }
  | { kind: "swapLines"; a: number; b: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), token: fc.constantFrom(...vocabulary) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant("swapLines" as const), a: fc.nat(), b: fc.nat() }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let result = text;
  for (const change of mutations) {
    const at = result.length === 0 ? 0 : change.kind === "swapLines" ? 0 : change.at % (result.length + 1);
    switch (change.kind) {
      case "delete":
        result = result.slice(0, at) + result.slice(at + change.length);
        break;
      case "insert":
        result = `${result.slice(0, at)} ${change.token} ${result.slice(at)}`;
        break;
      case "duplicate":
        result = result.slice(0, at) + result.slice(at, at + change.length) + result.slice(at);
        break;
      case "swapLines": {
        const lines = result.split("\n");
        const a = change.a % lines.length;
        const b = change.b % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        result = lines.join("\n");
        break;
      }
    }
  }
  return result;
}

/** Model invariants: negative forms are `not` of positive ones, so no leaf compares with `!=`. */
function assertNormalised(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(assertNormalised);
    return;
  }
  if (value instanceof Map) {
    for (const item of value.values()) assertNormalised(item);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const record = value as Record<string, unknown>;
  if (record.op === "cmp") expect(record.cmp).not.toBe("!=");
  for (const [key, item] of Object.entries(record)) if (key !== "span" && key !== "files") assertNormalised(item);
}

function assertWellBehaved(files: Record<string, string>, entry: string): void {
  const result = checkProgram(entry, new MemoryHost(files));
  assertNormalised(result.value.routers);
  assertNormalised(result.value.scores);
  const internal = result.diagnostics.filter((d) => d.code === "internal-error");
  expect(internal.map((d) => d.message)).toEqual([]);
  for (const diagnostic of result.diagnostics) {
    const text = files[diagnostic.span.file];
    expect(text, `diagnostic in an unknown file: ${diagnostic.span.file}`).toBeDefined();
    expect(diagnostic.span.start).toBeGreaterThanOrEqual(0);
    expect(diagnostic.span.end).toBeLessThanOrEqual(text!.length);
    expect(diagnostic.span.start).toBeLessThanOrEqual(diagnostic.span.end);
    expect(diagnostic.message).not.toMatch(/\.$|\n/);
  }
}

describe("checkProgram never throws", () => {
  it("on mutated fixtures, with a mutated import", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: texts.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        fc.array(mutation, { maxLength: 2 }),
        (index, mutations, peopleMutations) => {
          const main = `import "people.route"\n${mutate(texts[index]!, mutations)}`;
          assertWellBehaved({ "w/main.route": main, "w/people.route": mutate(people, peopleMutations) }, "w/main.route");
        },
      ),
      { numRuns: 7500 },
    );
  });

  it("on token soup", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { maxLength: 120 }), (tokens) => {
        assertWellBehaved({ "soup.route": tokens.join(" ") }, "soup.route");
      }),
      { numRuns: 2500 },
    );
  });
});
