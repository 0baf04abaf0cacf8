// Findings worded for a rev-ops reader: which rule, which records, which
// earlier rules, an example record, and the obvious fix.

import type { Diagnostic, Fix, Label, Span } from "../../language/diagnostics/diagnostic";
import type { Program, RouterModel, RuleModel } from "../../language/semantics/model";
import { makeDiagnostic } from "../../language/semantics/report";
import type { Finding } from "./findings";
import { describeTarget } from "./outcomes";

export function toDiagnostic(program: Program, finding: Finding): Diagnostic {
  switch (finding.code) {
    case "never-matches": {
      const router = program.routers.get(finding.router)!;
      const rule = router.rules[finding.rule]!;
      return makeDiagnostic("never-matches", rule.header, `rule "${rule.name}" can never match: no ${noun(router)} can meet its condition`, {
        help: "its tests contradict each other; fix the condition or delete the rule",
        fixes: [deleteRule(rule)],
      });
    }
    case "shadowed-rule": {
      const router = program.routers.get(finding.router)!;
      const rule = router.rules[finding.rule]!;
      const covering = finding.by.map((index) => router.rules[index]!);
      const names = covering.map((item) => `"${item.name}"`);
      const by = names.length === 1 ? names[0]! : `rules ${list(names)} together`;
      const labels: Label[] = covering.map((item) => ({ span: item.header, message: `routes these ${noun(router)}s first` }));
      const move = covering.length === 1 ? `move it above "${covering[0]!.name}", or narrow that rule` : `move it above ${list(names)}, or narrow those rules`;
      return makeDiagnostic("shadowed-rule", rule.header, `rule "${rule.name}" can never match: every ${noun(router)} it matches is routed earlier by ${by}`, {
        labels,
        help: `${move}; delete it if it is no longer needed${at(finding.witness.at)}`,
        witness: finding.witness.record,
        fixes: [deleteRule(rule)],
      });
    }
    case "overlapping-rules": {
      const router = program.routers.get(finding.router)!;
      const rule = router.rules[finding.rule]!;
      const earlier = finding.earlier.map((item) => router.rules[item.rule]!);
      const names = earlier.map((item) => `"${item.name}"`);
      const labels: Label[] = earlier.map((item) => ({ span: item.header, message: `takes some of them first${item.assign ? `, to ${describeTarget(item.assign)}` : ""}` }));
      const which = names.length === 1 ? `rule ${names[0]}` : `rules ${list(names)}`;
      return makeDiagnostic(
        "overlapping-rules",
        rule.header,
        `rule "${rule.name}" also matches ${noun(router)}s that ${which} ${names.length === 1 ? "sends" : "send"} elsewhere first`,
        {
          labels,
          help: `first match wins, so those ${noun(router)}s never reach this rule; move it up if they should${at(finding.earlier[0]!.witness.at)}`,
          witness: finding.earlier[0]!.witness.record,
        },
      );
    }
    case "unmatched-records": {
      const router = program.routers.get(finding.router)!;
      return makeDiagnostic("unmatched-records", routerHeader(program, router), `some ${noun(router)}s match no rule of router "${router.id}", and it has no otherwise`, {
        help: `add an \`otherwise { assign to … }\` at the end, or a rule for them${at(finding.witness.at)}`,
        witness: finding.witness.record,
      });
    }
    case "assert-failed": {
      const assertion = finding.assert;
      const router = program.routers.get(assertion.router)!;
      const claim =
        assertion.claim.kind === "always-assigned"
          ? `a ${noun(router)} can be left with no one`
          : `a ${noun(router)} can reach ${describeTarget(finding.target!)}`;
      const roster = finding.roster.length > 0 ? `when ${list(finding.roster)}` : "whoever is available";
      const labels: Label[] = [];
      if (finding.rule !== null) labels.push({ span: router.rules[finding.rule]!.header, message: "the rule it matches" });
      else if (router.otherwise) labels.push({ span: router.otherwise.header, message: "it falls through to here" });
      return makeDiagnostic("assert-failed", assertHeader(program, assertion.span, assertion.name), `assert "${assertion.name}" fails: ${claim}`, {
        labels,
        help: `path: ${finding.path.join(" → ")}; roster: ${roster}${at(finding.witness.at)}`,
        witness: finding.witness.record,
      });
    }
    case "assert-undecided": {
      const assertion = finding.assert;
      return makeDiagnostic("assert-undecided", assertHeader(program, assertion.span, assertion.name), `assert "${assertion.name}" could not be proved or refuted: ${finding.reason}`, {
        help: "narrow the assert with `when`, or split the rules it covers; see docs/analysis.md for the bounds",
      });
    }
  }
}

/** "lead" for `router inbound for Lead`. */
function noun(router: RouterModel): string {
  return router.record.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function at(instant: string | null): string {
  return instant ? ` (example routed at ${instant})` : "";
}

function deleteRule(rule: RuleModel): Fix {
  return { title: `Delete rule "${rule.name}"`, edits: [{ span: rule.span, newText: "" }] };
}

/** `router inbound` — the first line of the router, not its whole body. */
function routerHeader(program: Program, router: RouterModel): Span {
  return headerOf(program, router.span, `router ${router.id}`.length);
}

function assertHeader(program: Program, span: Span, name: string): Span {
  return headerOf(program, span, `assert "${name}"`.length);
}

function headerOf(program: Program, span: Span, guess: number): Span {
  const text = program.files.find((file) => file.path === span.file)?.text;
  if (text !== undefined) {
    const brace = text.indexOf("{", span.start);
    if (brace > span.start && brace <= span.end) return { file: span.file, start: span.start, end: text.slice(span.start, brace).trimEnd().length + span.start };
  }
  return { file: span.file, start: span.start, end: Math.min(span.end, span.start + guess) };
}
