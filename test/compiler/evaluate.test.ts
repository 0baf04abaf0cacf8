// The reference evaluator on hand-built models: one condition per case, each
// checked against the brief's missing-value, case, wire-value, rep, coercion
// and business-hours rules.

import { describe, expect, it } from "vitest";
import { evaluate } from "../../language/semantics/evaluate";
import type { ConditionModel, Program } from "../../language/semantics/model";
import * as build from "./build-program";
import { and, field, not, or, within } from "./build-program";

function program(condition: ConditionModel): Program {
  const result = build.emptyProgram();
  build.enumeration(result, "Region", [["NA", "North America"], "EMEA"]);
  build.enumeration(result, "Tier", ["Enterprise", ["MidMarket", "Mid-Market"]]);
  build.record(result, "Account", { tier: { type: "enum", enum: "Tier", optional: false }, owner: { type: "rep", optional: true } });
  build.record(result, "Lead", {
    region: { type: "enum", enum: "Region", optional: false },
    country: { type: "text", optional: false },
    employees: { type: "number", optional: true },
    customer: { type: "boolean", optional: false },
    regions: { type: "set", element: { type: "enum", enum: "Region" }, optional: true },
    tags: { type: "set", element: { type: "text" }, optional: true },
    owner: { type: "rep", optional: true },
    account: { type: "record", record: "Account", optional: true },
  });
  build.rep(result, "alice", { email: "Alice@Acme.com", ids: ["0051x000003AbCd"] });
  build.rep(result, "bob");
  build.hours(result, "berlin", "Europe/Berlin", [
    { day: 0, start: 8 * 60, end: 18 * 60 },
    { day: 4, start: 22 * 60, end: 30 * 60 }, // Friday 22:00 to Saturday 06:00
  ], ["2026-12-25"]);
  build.scores(result);
  build.router(result, "r", "Lead", [build.rule("hit", condition)], true);
  return result;
}

interface Case {
  name: string;
  condition: ConditionModel;
  record: unknown;
  holds: boolean;
  at?: string | null;
  coerce?: boolean;
}

const cases: Case[] = [
  { name: "enum by wire value, any case", condition: field("region", { op: "is", value: "NA" }), record: { region: "north AMERICA" }, holds: true },
  { name: "enum member name is not its wire value", condition: field("region", { op: "is", value: "NA" }), record: { region: "NA" }, holds: false },
  { name: "unknown enum value matches no is", condition: field("region", { op: "is", value: "EMEA" }), record: { region: "Mars" }, holds: false },
  { name: "unknown enum value is set", condition: field("region", { op: "set" }), record: { region: "Mars" }, holds: true },
  { name: "enum in", condition: field("region", { op: "in", values: ["NA", "EMEA"] }), record: { region: "emea" }, holds: true },
  { name: "is not on missing holds", condition: not(field("region", { op: "is", value: "EMEA" })), record: {}, holds: true },
  { name: "text ignores case and NFC", condition: field("country", { op: "is", value: "Ç" }), record: { country: "c\u0327" }, holds: true },
  { name: "text starts with", condition: field("country", { op: "startsWith", value: "de" }), record: { country: "Deutschland" }, holds: true },
  { name: "text ends with", condition: field("country", { op: "endsWith", value: "LAND" }), record: { country: "Deutschland" }, holds: true },
  { name: "text contains", condition: field("country", { op: "contains", value: "utsch" }), record: { country: "Deutschland" }, holds: true },
  { name: "text in", condition: field("country", { op: "in", values: ["DE", "FR"] }), record: { country: "fr" }, holds: true },
  { name: "number wrong type is missing", condition: field("employees", { op: "cmp", cmp: ">=", value: 5 }), record: { employees: "500" }, holds: false },
  { name: "number coerced", condition: field("employees", { op: "cmp", cmp: ">=", value: 5 }), record: { employees: "500" }, holds: true, coerce: true },
  { name: "coercion refuses exponent", condition: field("employees", { op: "cmp", cmp: ">=", value: 5 }), record: { employees: "5e3" }, holds: false, coerce: true },
  { name: "not < on missing holds", condition: not(field("employees", { op: "cmp", cmp: "<", value: 5 })), record: {}, holds: true },
  { name: ">= on missing fails", condition: field("employees", { op: "cmp", cmp: ">=", value: 5 }), record: {}, holds: false },
  { name: "NaN is missing", condition: not(field("employees", { op: "cmp", cmp: "=", value: 5 })), record: { employees: Number.NaN }, holds: true },
  { name: "between is inclusive", condition: field("employees", { op: "between", low: 50, high: 500 }), record: { employees: 500 }, holds: true },
  { name: "boolean alone", condition: field("customer", { op: "truthy" }), record: { customer: true }, holds: true },
  { name: "boolean as text is missing", condition: field("customer", { op: "truthy" }), record: { customer: "true" }, holds: false },
  { name: "boolean coerced ignoring case", condition: field("customer", { op: "truthy" }), record: { customer: "TRUE" }, holds: true, coerce: true },
  { name: "set has", condition: field("regions", { op: "has", value: "EMEA" }), record: { regions: ["Mars", "emea"] }, holds: true },
  { name: "set has all", condition: field("regions", { op: "hasAll", values: ["EMEA", "NA"] }), record: { regions: ["EMEA", "North America"] }, holds: true },
  { name: "has none ignores unknown members", condition: not(field("regions", { op: "hasAny", values: ["EMEA"] })), record: { regions: ["Mars"] }, holds: true },
  { name: "a set of unknown members is not empty", condition: field("regions", { op: "empty" }), record: { regions: ["Mars"] }, holds: false },
  { name: "[] is empty", condition: field("regions", { op: "empty" }), record: { regions: [] }, holds: true },
  { name: "a missing set is not empty", condition: field("regions", { op: "empty" }), record: {}, holds: false },
  { name: "a set as text is missing", condition: field("tags", { op: "has", value: "vip" }), record: { tags: "a;VIP" }, holds: false },
  { name: "a set coerced from ;-text", condition: field("tags", { op: "has", value: "vip" }), record: { tags: "a; VIP ;" }, holds: true, coerce: true },
  { name: "rep by email ignoring case", condition: field("owner", { op: "is", value: "alice" }), record: { owner: "alice@acme.COM" }, holds: true },
  { name: "rep by CRM id", condition: field("owner", { op: "in", values: ["alice", "bob"] }), record: { owner: "0051X000003ABCD" }, holds: true },
  { name: "rep not in the roster is set", condition: field("owner", { op: "set" }), record: { owner: "zed" }, holds: true },
  { name: "rep not in the roster is nobody", condition: field("owner", { op: "is", value: "alice" }), record: { owner: "zed" }, holds: false },
  { name: "path through a related record", condition: field("account.tier", { op: "is", value: "MidMarket" }), record: { account: { tier: "mid-market" } }, holds: true },
  { name: "path through a missing record is missing", condition: not(field("account.owner", { op: "set" })), record: { account: null }, holds: true },
  { name: "a related record of the wrong type is missing", condition: field("account", { op: "set" }), record: { account: "acme" }, holds: false },
  { name: "a malformed record has every field missing", condition: not(field("region", { op: "set" })), record: ["EMEA"], holds: true },
  { name: "and, or", condition: or(and(field("customer", { op: "truthy" }), field("country", { op: "is", value: "x" })), field("country", { op: "is", value: "de" })), record: { country: "DE", customer: true }, holds: true },
  { name: "within: Monday 09:00 Berlin", condition: within("berlin"), record: {}, at: "2026-11-30T08:00Z", holds: true },
  { name: "within: Monday 18:00 Berlin is closed", condition: within("berlin"), record: {}, at: "2026-11-30T17:00Z", holds: false },
  { name: "within: DST summer offset", condition: within("berlin"), record: {}, at: "2026-07-06T06:30Z", holds: true },
  { name: "within: overnight window after midnight", condition: within("berlin"), record: {}, at: "2026-12-05T04:00Z", holds: true },
  { name: "within: overnight window closed on its start day", condition: within("berlin"), record: {}, at: "2026-12-26T04:00Z", holds: false },
  { name: "within without an instant is false", condition: within("berlin"), record: {}, at: null, holds: false },
  { name: "outside without an instant is true", condition: not(within("berlin")), record: {}, at: null, holds: true },
  { name: "score adds weights", condition: build.score("fit", { op: "cmp", cmp: ">=", value: 50.5 }), record: { region: "emea", customer: true }, holds: true },
  { name: "score never missing", condition: build.score("fit", { op: "cmp", cmp: "=", value: 0 }), record: {}, holds: true },
];

describe("evaluate", () => {
  for (const item of cases) {
    it(item.name, () => {
      const at = item.at === undefined || item.at === null ? null : new Date(item.at);
      const decision = evaluate(program(item.condition), "r", item.record, { at, coerce: item.coerce ?? false });
      expect(decision.outcome).toBe(item.holds ? "rule" : "otherwise");
      expect(decision.rule).toBe(item.holds ? "hit" : null);
    });
  }

  it("says when a within was reached without an instant", () => {
    const reached = evaluate(program(and(field("customer", { op: "truthy" }), within("berlin"))), "r", { customer: true }, { at: null });
    expect(reached.reachedWithin).toBe(true);
    const skipped = evaluate(program(and(field("customer", { op: "truthy" }), within("berlin"))), "r", { customer: false }, { at: null });
    expect(skipped.reachedWithin).toBe(false);
  });

  it("skips disabled rules and reports unmatched without otherwise", () => {
    const result = program({ kind: "true" });
    const router = result.routers.get("r")!;
    router.rules = [build.rule("off", { kind: "true" }, { enabled: false }), build.rule("on", { kind: "true" })];
    expect(evaluate(result, "r", {}, { at: null })).toEqual({ outcome: "rule", rule: "on", ruleIndex: 1, reachedWithin: false });
    router.rules = [build.rule("off", { kind: "true" }, { enabled: false })];
    router.otherwise = null;
    expect(evaluate(result, "r", {}, { at: null }).outcome).toBe("unmatched");
    expect(evaluate(result, "nope", {}, { at: null }).outcome).toBe("unmatched");
  });
});
