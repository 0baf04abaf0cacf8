// compile on hand-built models: refusal of unresolved parts, determinism and
// the hash, independent of the parser and checker.

import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile";
import { canonicalJson, hashTable } from "../../compiler/hash";
import * as build from "./build-program";
import { field, not, within } from "./build-program";

function sample() {
  const program = build.emptyProgram();
  build.enumeration(program, "Region", [["NA", "North America"], "EMEA"]);
  build.record(program, "Lead", {
    region: { type: "enum", enum: "Region", optional: false },
    employees: { type: "number", optional: true },
  });
  build.rep(program, "bob");
  build.rep(program, "alice", { email: "alice@acme.com" });
  build.hours(program, "berlin", "Europe/Berlin", [{ day: 0, start: 480, end: 1080 }]);
  build.scores(program);
  build.router(program, "inbound", "Lead", [
    build.rule("EMEA", field("region", { op: "is", value: "EMEA" }, "region is EMEA"), { priority: 10 }),
    build.rule("Open", not(within("berlin")), { enabled: false }),
  ], true);
  return program;
}

const readFile = () => "router inbound for Lead {\n  rule \"EMEA\" {}\n}\n";

describe("compile (hand-built models)", () => {
  it("lowers declarations, sorted by name, with spans dropped", () => {
    const { value, diagnostics } = compile(sample(), { readFile });
    expect(diagnostics).toEqual([]);
    expect(value).not.toBeNull();
    const table = value!;
    expect(table.format).toBe("route-table/1");
    expect(Object.keys(table.roster.reps)).toEqual(["alice", "bob"]);
    expect(table.enums.Region!.members).toEqual([{ name: "NA", wire: "North America" }, { name: "EMEA", wire: "EMEA" }]);
    expect(table.records.Lead!.fields.employees).toEqual({ type: "number", optional: true });
    const [first, second] = table.routers.inbound!.rules;
    expect(first!.condition).toEqual({ path: ["region"], op: "is", value: "EMEA", text: "region is EMEA" });
    expect(first!.priority).toBe(10);
    expect(first!.source).toEqual({ file: "main.route", line: 1, column: 1 });
    expect(second!.enabled).toBe(false);
    expect(second!.condition).toEqual({ op: "not", cond: { op: "within", hours: "berlin", text: "within berlin" } });
    expect(JSON.stringify(table)).not.toContain("span");
  });

  it("is deterministic and hashes the canonical JSON without the hash", () => {
    const once = compile(sample(), { readFile }).value!;
    const twice = compile(sample(), { readFile }).value!;
    expect(JSON.stringify(twice)).toBe(JSON.stringify(once));
    expect(once.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashTable(once)).toBe(once.hash);
    const { hash: _hash, ...rest } = once;
    expect(canonicalJson(rest)).not.toContain('"hash"');
  });

  it("does not depend on the order the checker declared things in", () => {
    const reordered = sample();
    for (const key of ["enums", "reps", "hours", "scores", "routers", "queues", "records"] as const) {
      const map = reordered[key] as Map<string, unknown>;
      const entries = [...map.entries()].reverse();
      map.clear();
      for (const [name, value] of entries) map.set(name, value);
    }
    expect(JSON.stringify(compile(reordered, { readFile }).value)).toBe(JSON.stringify(compile(sample(), { readFile }).value));
  });

  it("writes paths relative to the root", () => {
    const program = sample();
    program.entry = "/repo/samples/main.route";
    program.files[0]!.path = "/repo/samples/main.route";
    for (const rule of program.routers.get("inbound")!.rules) rule.header = { file: "/repo/samples/main.route", start: 28, end: 30 };
    const table = compile(program, { root: "/repo", readFile }).value!;
    expect(table.source).toEqual({ entry: "samples/main.route", files: ["samples/main.route"] });
    expect(table.routers.inbound!.rules[0]!.source).toEqual({ file: "samples/main.route", line: 2, column: 3 });
  });

  it("finds the text in the parsed file, or writes line 0 when none is known", () => {
    const program = sample();
    for (const rule of program.routers.get("inbound")!.rules) rule.header = { file: "main.route", start: 28, end: 30 };
    expect(compile(program).value!.routers.inbound!.rules[0]!.source).toEqual({ file: "main.route", line: 0, column: 0 });
    program.files[0]!.text = readFile();
    expect(compile(program).value!.routers.inbound!.rules[0]!.source).toEqual({ file: "main.route", line: 2, column: 3 });
  });

  it("refuses unresolved conditions and missing assigns with an internal error", () => {
    const unknown = sample();
    unknown.routers.get("inbound")!.rules[0]!.condition = { kind: "unknown", span: build.span };
    const refused = compile(unknown, { readFile });
    expect(refused.value).toBeNull();
    expect(refused.diagnostics.map((d) => d.code)).toEqual(["internal-error"]);

    const unassigned = sample();
    unassigned.routers.get("inbound")!.otherwise!.assign = null;
    expect(compile(unassigned, { readFile }).value).toBeNull();
  });
});
