// Spans point at what the user wrote: the text under a node's span is the
// construct itself (a rule's header runs from `rule` to its `{`).

import { describe, expect, it } from "vitest";
import type { RouterDecl, ScoreDecl } from "../../language/syntax/ast";
import { fixtures, parseFixture } from "./harness";

const acme = fixtures("valid").find(([name]) => name === "acme")![1];

describe("spans", () => {
  const { text, parsed, diagnostics } = parseFixture(acme);
  const slice = (span: { start: number; end: number }) => text.slice(span.start, span.end);
  const router = parsed.file.declarations.find((item): item is RouterDecl => item.kind === "router")!;

  it("parses", () => expect(diagnostics).toEqual([]));

  it("gives a rule a header from `rule` to `{` and a span over the whole rule", () => {
    const rule = router.rules[1]!;
    expect(slice(rule.header)).toBe('rule "ENT | EMEA | Payroll" priority 20 {');
    expect(slice(rule.span).startsWith('rule "ENT | EMEA | Payroll"')).toBe(true);
    expect(slice(rule.span).endsWith("fallback to queue manual_review\n  }")).toBe(true);
    expect(slice(rule.priority!.span)).toBe("20");
  });

  it("covers clauses, conditions, targets and methods exactly", () => {
    const rule = router.rules[1]!;
    const texts = rule.clauses.map((clause) => slice(clause.span));
    expect(texts).toContain("assign to team payroll_emea by load balance");
    expect(texts).toContain("sla 5 minutes business then reassign excluding last 2");
    const when = rule.clauses.find((clause) => clause.kind === "when")!;
    expect(slice(when.span)).toBe("when region is EMEA\n     and employees >= 1000\n     and products has Payroll");
    const assign = rule.clauses.find((clause) => clause.kind === "assign")!;
    expect(assign.kind === "assign" && slice(assign.target.span)).toBe("team payroll_emea");
    expect(assign.kind === "assign" && slice(assign.method!.span)).toBe("by load balance");
    const sla = rule.clauses.find((clause) => clause.kind === "sla")!;
    expect(sla.kind === "sla" && sla.duration).toMatchObject({ unit: "minute", unitWord: "minutes" });
  });

  it("keeps the sign of score lines apart from their weight", () => {
    const score = parsed.file.declarations.find((item): item is ScoreDecl => item.kind === "score")!;
    const last = score.lines[score.lines.length - 1]!;
    expect(last.sign).toBe("-");
    expect(last.weight).toMatchObject({ value: 30, raw: "30" });
    expect(slice(last.span)).toBe('-30 when email ends with "@gmail.com"');
  });

  it("returns comments with their text after `#`", () => {
    expect(parsed.comments[0]!.text).toBe(" acme.route — inbound routing for Acme's three product lines");
    expect(slice(parsed.comments[0]!.span)).toBe("# acme.route — inbound routing for Acme's three product lines");
  });

  it("gives every span this file's path", () => {
    JSON.stringify(parsed.file, (key, value) => {
      if (key === "span") expect(value.file).toBe(acme);
      return value;
    });
  });
});
