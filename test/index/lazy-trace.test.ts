// The trace of an indexed decision is computed on first read, by a getter:
// JSON.stringify sees the walk's trace through toJSON; structuredClone (what
// postMessage uses) and spreading copy the own fields, and toJSON() gives a
// full plain copy.

import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile";
import { checkProgram } from "../../language/semantics/check";
import { loadTable, match } from "../../runtime/index";
import { MemoryHost } from "../harness/memory-host";

const text = `enum Region { NA, EMEA }
record Lead {
  region: Region?
  employees: number?
}
queue sales
queue smb
router inbound for Lead {
  rule "big" {
    when region is EMEA and employees >= 500
    assign to queue sales
  }
  otherwise assign to queue smb
}
`;

function tables() {
  const program = checkProgram("/lazy/main.route", new MemoryHost({ "/lazy/main.route": text })).value;
  return { indexed: loadTable(compile(program).value!), plain: loadTable(compile(program, { index: false }).value!) };
}

describe("an indexed decision's lazy trace", () => {
  const { indexed, plain } = tables();
  const record = { region: "emea", employees: 900 };

  it("copies with its trace through toJSON, for structuredClone and spreading (documented)", () => {
    const walked = match(plain, "inbound", record);
    const decision = match(indexed, "inbound", record);
    const cloned = structuredClone(decision.toJSON());
    expect(cloned).toEqual(walked.toJSON());
    expect(Object.getPrototypeOf(cloned)).toBe(Object.prototype);
    // A clone of the decision itself carries its own fields only: the trace is a getter.
    expect(structuredClone(decision)).toEqual({ ...walked });
    expect("trace" in { ...decision }).toBe(false);
  });

  it("writes JSON in the walk's key order, with the trace, and reads the trace as an ordinary array", () => {
    const decision = match(indexed, "inbound", record);
    expect(JSON.stringify(decision)).toBe(JSON.stringify(match(plain, "inbound", record)));
    expect(Object.keys(JSON.parse(JSON.stringify(decision)))).toEqual(["outcome", "rule", "priority", "target", "fallbacks", "trace", "at"]);
    expect(Object.keys(decision)).toEqual(["outcome", "rule", "priority", "target", "fallbacks", "at"]);
    expect(Array.isArray(decision.trace)).toBe(true);
    expect(decision.trace).toBe(decision.trace);
  });

  it("can be replaced before it is read, without computing it", () => {
    const decision = match(indexed, "inbound", { region: "NA" });
    decision.trace = [];
    expect(decision.trace).toEqual([]);
    expect(decision.outcome).toBe("otherwise");
  });

  it("explains the record as it is when the trace is first read (documented)", () => {
    const changing: Record<string, unknown> = { region: "EMEA", employees: 900 };
    const decision = match(indexed, "inbound", changing);
    changing.employees = 10;
    expect(decision.rule).toBe("big");
    expect(decision.trace.some((entry) => entry.kind === "rule" && entry.matched)).toBe(false);
  });
});
