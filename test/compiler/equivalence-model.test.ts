// The equivalence property on a hand-built model that uses every condition
// form, so the runtime and the reference evaluator are compared on each op
// even where no sample uses it (and without the parser or checker).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile";
import { evaluate } from "../../language/semantics/evaluate";
import type { ConditionModel } from "../../language/semantics/model";
import { loadTable, match } from "../../runtime/index";
import { instantArbitrary, recordArbitrary } from "../harness/records";
import * as build from "./build-program";
import { and, field, not, or, within } from "./build-program";

function program() {
  const result = build.emptyProgram();
  build.enumeration(result, "Region", [["NA", "North America"], "EMEA", ["APAC", "Asia Pacific"]]);
  build.enumeration(result, "Tier", ["Enterprise", ["MidMarket", "Mid-Market"]]);
  build.record(result, "Account", {
    tier: { type: "enum", enum: "Tier", optional: false },
    owner: { type: "rep", optional: true },
    parent: { type: "record", record: "Account", optional: true },
  });
  build.record(result, "Lead", {
    region: { type: "enum", enum: "Region", optional: false },
    country: { type: "text", optional: false },
    employees: { type: "number", optional: true },
    customer: { type: "boolean", optional: false },
    regions: { type: "set", element: { type: "enum", enum: "Region" }, optional: true },
    tags: { type: "set", element: { type: "text" }, optional: true },
    watchers: { type: "set", element: { type: "rep" }, optional: true },
    owner: { type: "rep", optional: true },
    account: { type: "record", record: "Account", optional: true },
  });
  build.rep(result, "alice", { email: "Alice@Acme.com", ids: ["0051x000003AbCd"] });
  build.rep(result, "bob", { email: "bob@acme.com" });
  build.hours(result, "berlin", "Europe/Berlin", [
    { day: 0, start: 480, end: 1080 },
    { day: 4, start: 1320, end: 1800 },
  ], ["2026-12-25", "2026-03-27"]);
  build.hours(result, "york", "America/New_York", [{ day: 2, start: 540, end: 720 }, { day: 2, start: 780, end: 1020 }]);
  build.scores(result);
  const rules: [string, ConditionModel][] = [
    ["owner", or(field("owner", { op: "is", value: "alice" }), field("account.owner", { op: "in", values: ["bob"] }))],
    ["parent", and(field("account.parent.tier", { op: "is", value: "MidMarket" }), not(field("account.parent.owner", { op: "set" })))],
    ["text", or(field("country", { op: "startsWith", value: "Ü" }), field("country", { op: "endsWith", value: "land" }), field("country", { op: "contains", value: "a b" }))],
    ["in", and(field("country", { op: "in", values: ["DE", "fr"] }), not(field("region", { op: "in", values: ["NA", "APAC"] })))],
    ["numbers", and(field("employees", { op: "between", low: -5, high: 50 }), not(field("employees", { op: "cmp", cmp: "=", value: 7 })))],
    ["more numbers", or(field("employees", { op: "cmp", cmp: ">", value: 1000 }), field("employees", { op: "cmp", cmp: "<=", value: -2.5 }))],
    ["sets", and(field("regions", { op: "hasAll", values: ["EMEA", "APAC"] }), not(field("tags", { op: "hasAny", values: ["spam", "Ünïcode"] })))],
    ["set has", or(field("tags", { op: "has", value: "vip" }), field("watchers", { op: "has", value: "bob" }))],
    ["empty", and(field("regions", { op: "empty" }), not(field("tags", { op: "empty" })))],
    ["berlin", within("berlin")],
    ["york", and(field("customer", { op: "truthy" }), not(within("york")))],
    ["score", build.score("fit", { op: "between", low: 40, high: 45 })],
    ["negated boolean", not(field("customer", { op: "truthy" }))],
  ];
  // One router per rule, so no earlier rule shadows a later one's boundaries.
  for (const [name, condition] of rules) build.router(result, name, "Lead", [build.rule(name, condition)], false);
  return result;
}

describe("runtime.match agrees with the reference evaluator (every op)", () => {
  const model = program();
  const compiled = compile(model, { readFile: () => "" });
  const table = compiled.value!;
  const tables = { plain: loadTable(table), coercing: loadTable(table, { coerce: true }) };
  for (const routerId of Object.keys(table.routers)) {
    it(`rule "${routerId}"`, () => {
      expect(compiled.diagnostics).toEqual([]);
      let matched = 0;
      fc.assert(
        fc.property(recordArbitrary(table, routerId), instantArbitrary(table), (record, at) => {
          for (const coerce of [false, true]) {
            const expected = evaluate(model, routerId, record, { at, coerce });
            const actual = match(coerce ? tables.coercing : tables.plain, routerId, record, { at });
            expect({ outcome: actual.outcome, rule: actual.rule }, `coerce ${coerce}, at ${at?.toISOString()}`).toEqual({
              outcome: expected.outcome,
              rule: expected.rule,
            });
            if (expected.rule) matched++;
          }
        }),
        { seed: 7, numRuns: 4_000 },
      );
      // The rule fired now and then, or the generator is not doing its job.
      expect(matched).toBeGreaterThan(40);
    });
  }
});
