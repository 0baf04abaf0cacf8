// Fixes and helpers: applying a diagnostic's fix removes that diagnostic;
// path joining; did-you-mean; the parse cache of the workspace.

import { describe, expect, it } from "vitest";
import type { Diagnostic, Fix } from "../../language/diagnostics/diagnostic";
import { checkProgram } from "../../language/semantics/check";
import { directoryOf, joinPath, resolveImport } from "../../language/semantics/paths";
import { editDistance, suggestName } from "../../language/semantics/suggest";
import { ParseCache, loadWorkspace } from "../../language/semantics/workspace";
import { MemoryHost } from "../harness/memory-host";

function check(text: string): Diagnostic[] {
  return checkProgram("f.route", new MemoryHost({ "f.route": text })).diagnostics;
}

function apply(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.span.start - a.span.start);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
}

const header = `enum Region { NA, EMEA }
record Lead { region: Region  employees: number  products: set of Region  country: text }
queue q
`;

describe("fixes", () => {
  const cases: { name: string; body: string; code: string; fix?: number }[] = [
    { name: "case-only member", body: `router r for Lead { rule "a" { when region is emea assign to queue q } }`, code: "not-an-enum-member" },
    { name: "misspelt field", body: `router r for Lead { rule "a" { when regoin is EMEA assign to queue q } }`, code: "unknown-name" },
    { name: "is on a number", body: `router r for Lead { rule "a" { when employees is not 5 assign to queue q } }`, code: "type-mismatch" },
    { name: "in on a set", body: `router r for Lead { rule "a" { when products not in [NA] assign to queue q } }`, code: "type-mismatch" },
    { name: "unquoted text", body: `router r for Lead { rule "a" { when country is DE assign to queue q } }`, code: "type-mismatch" },
    { name: "empty between", body: `router r for Lead { rule "a" { when employees between 9 and -3 assign to queue q } }`, code: "empty-between" },
    { name: "method on a queue", body: `router r for Lead { rule "a" { when country is "x" assign to queue q by broadcast } }`, code: "invalid-target" },
    {
      name: "priorities renumbered",
      body: `router r for Lead {\n  rule "a" priority 10 { when country is "a" assign to queue q }\n  rule "b" priority 3 { when country is "b" assign to queue q }\n  rule "c" priority 3 { when country is "c" assign to queue q }\n}`,
      code: "priority-order",
    },
    {
      name: "rule moved",
      body: `router r for Lead {\n  rule "a" priority 10 { when country is "a" assign to queue q }\n  rule "b" priority 3 { when country is "b" assign to queue q }\n}`,
      code: "priority-order",
      fix: 1,
    },
  ];
  for (const { name, body, code, fix = 0 } of cases) {
    it(name, () => {
      const text = header + body;
      const before = check(text);
      const found = before.filter((d) => d.code === code);
      expect(found.length, JSON.stringify(before)).toBeGreaterThan(0);
      const chosen = found[0]!.fixes?.[fix];
      expect(chosen, "a fix is offered").toBeDefined();
      const after = check(apply(text, chosen!));
      expect(after.filter((d) => d.severity === "error" || d.code === code)).toEqual([]);
    });
  }

  it("the move fix says it changes routing", () => {
    const text = `${header}router r for Lead {\n  rule "a" priority 10 { when country is "a" assign to queue q }\n  rule "b" priority 3 { when country is "b" assign to queue q }\n}`;
    const [diagnostic] = check(text).filter((d) => d.code === "priority-order");
    expect(diagnostic!.fixes!.map((f) => f.title)).toEqual([
      "Renumber the priorities in file order",
      'Move rule "b" above rule "a" (changes routing: it will match first)',
    ]);
  });

  it("unknown names prefer the declared spelling", () => {
    const [diagnostic] = check(`${header}router r for Lead { rule "a" { when region is emea assign to queue q } }`);
    expect(diagnostic!.help).toBe("names are case-sensitive: did you mean `EMEA`?");
    expect(diagnostic!.fixes![0]!.title).toBe("Change to `EMEA`");
  });
});

describe("paths", () => {
  it("joins relative to the importing file", () => {
    expect(resolveImport("a/b/main.route", "people.route")).toBe("a/b/people.route");
    expect(resolveImport("a/b/main.route", "../x/./y.route")).toBe("a/x/y.route");
    expect(resolveImport("main.route", "sub/p.route")).toBe("sub/p.route");
    expect(resolveImport("/w/main.route", "/abs/p.route")).toBe("/abs/p.route");
    expect(resolveImport("/w/main.route", "../../p.route")).toBe("/p.route");
    expect(resolveImport("main.route", "../p.route")).toBe("../p.route");
    expect(directoryOf("/main.route")).toBe("/");
    expect(joinPath("", "./a.route")).toBe("a.route");
  });
});

describe("did you mean", () => {
  it("prefers a case-only match, then the nearest name within a third of its length", () => {
    expect(suggestName("emea", ["EMEA", "emeaa"])).toEqual({ name: "EMEA", caseOnly: true });
    expect(suggestName("regoin", ["region", "country"])).toEqual({ name: "region", caseOnly: false });
    expect(suggestName("xyz", ["region"])).toBeUndefined();
    expect(editDistance("ab", "ba")).toBe(1);
  });
});

describe("workspace", () => {
  it("re-parses only files whose text changed", () => {
    const host = new MemoryHost({ "m.route": 'import "p.route"\nqueue a', "p.route": "queue b" });
    const cache = new ParseCache();
    const first = loadWorkspace("m.route", host, cache);
    host.files.set("m.route", 'import "p.route"\nqueue c');
    const second = loadWorkspace("m.route", host, cache);
    expect(second.files[1]!.file).toBe(first.files[1]!.file);
    expect(second.files[0]!.file).not.toBe(first.files[0]!.file);
    expect(checkProgram("m.route", host, { cache }).value.queues.has("c")).toBe(true);
  });

  it("reports an unreadable entry and a host that throws", () => {
    expect(checkProgram("none.route", new MemoryHost()).diagnostics.map((d) => d.code)).toEqual(["missing-import"]);
    const throwing = { readFile: (): string => { throw new Error("disk on fire"); } };
    expect(checkProgram("x.route", throwing).diagnostics.map((d) => d.code)).toEqual(["missing-import"]);
  });
});
