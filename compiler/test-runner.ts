// Runs a program's `test` blocks against its loaded table through the runtime
// (match, then route with a fresh MemoryStore per test), checks each
// expectation (brief §7) and says in rev-ops words what went wrong; also
// lists, per router, the rules no test reached.

import { describeTarget } from "./describe-target";
import type { Span } from "../language/diagnostics/diagnostic";
import type { ConditionModel, ExpectModel, Program, TestModel } from "../language/semantics/model";
import { createRouter, match, place, type LoadedTable, type Placement, type RoutedDecision } from "../runtime/index";
import type { Decision, Target } from "../runtime/table-format";

export interface TestOutcome {
  name: string;
  file: string;
  span: Span;
  status: "passed" | "failed";
  failures: string[];
  decision?: Decision;
  placement?: Placement;
  /** The decision with people: step, assignee, offers (brief §9). */
  routed?: RoutedDecision;
}

export interface TestReport {
  tests: TestOutcome[];
  unreached: { router: string; rule: string; span: Span }[];
}

export function runTests(program: Program, table: LoadedTable): TestReport {
  const reached = new Set<string>();
  const tests = program.tests.map((test) => {
    const outcome = runTest(program, table, test);
    if (outcome.decision?.outcome === "rule" && outcome.decision.rule !== null) reached.add(ruleKey(test.router, outcome.decision.rule));
    return outcome;
  });
  const unreached: TestReport["unreached"] = [];
  for (const [routerId, router] of program.routers) {
    for (const rule of router.rules) {
      if (rule.enabled && !reached.has(ruleKey(routerId, rule.name))) unreached.push({ router: routerId, rule: rule.name, span: rule.header });
    }
  }
  return { tests, unreached };
}

function runTest(program: Program, table: LoadedTable, test: TestModel): TestOutcome {
  const base = { name: test.name, file: test.span.file, span: test.span };
  try {
    const decision = match(table, test.router, test.record, { at: test.at });
    const placement = place(table, test.router, decision, test.record, { unavailable: test.unavailable, at: test.at });
    // Brief §7: fresh distribution state per test, everyone available unless `with unavailable`, time only with `at`.
    const routed = createRouter(table).routeNow(test.router, test.record, { id: test.name, at: test.at ?? null, unavailable: test.unavailable });
    const failures: string[] = [];
    for (const expectation of test.expects) {
      const failure = checkExpectation(program, test, expectation, decision, routed);
      if (failure !== null) failures.push(failure);
    }
    return { ...base, status: failures.length === 0 ? "passed" : "failed", failures, decision, placement, routed };
  } catch (error) {
    // The runtime promises never to throw; if it does, the test fails visibly rather than the whole run.
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, status: "failed", failures: [`internal error while routing the record: ${message} (please report)`] };
  }
}

function checkExpectation(program: Program, test: TestModel, expectation: ExpectModel, decision: Decision, placement: RoutedDecision): string | null {
  switch (expectation.kind) {
    case "rule": {
      if (decision.outcome === "rule" && decision.rule === expectation.rule) return null;
      return `expected rule ${quote(expectation.rule)}, but ${describeMatch(decision)}${whyNot(program, test.router, expectation.rule, decision)}`;
    }
    case "otherwise":
      return decision.outcome === "otherwise" ? null : `expected otherwise, but ${describeMatch(decision)}`;
    case "unmatched":
      return decision.outcome === "unmatched" ? null : `expected no rule to match, but ${describeMatch(decision)}`;
    case "team":
    case "queue":
      if (placement.placedBy?.kind === expectation.kind && placement.placedBy.id === expectation.id) return null;
      return `expected ${expectation.kind} ${expectation.id}, but ${describePlacement(decision, placement)}`;
    case "action":
      if (placement.placedBy?.kind === "action" && placement.placedBy.id === expectation.id) return null;
      return `expected action ${quote(expectation.id)}, but ${describePlacement(decision, placement)}`;
    case "unassigned":
      // Unassigned whether a step says so or because every step yielded no one.
      if (placement.step === null || placement.placedBy === null || placement.placedBy.kind === "unassigned") return null;
      return `expected the record to stay unassigned, but ${describePlacement(decision, placement)}`;
    case "rep":
      // The chosen rep; for a broadcast, any rep offered the record.
      if (placement.assignee.kind === "rep" && placement.assignee.id === expectation.id) return null;
      if (placement.assignee.kind === "offered" && placement.offeredTo.includes(expectation.id)) return null;
      return `expected rep ${expectation.id}, but ${describePlacement(decision, placement)}${describeRep(placement)}`;
  }
}

/** "the record matched rule "B"", "the record went to otherwise", "the record matched no rule". */
function describeMatch(decision: Decision): string {
  if (decision.outcome === "rule") return `the record matched rule ${quote(decision.rule ?? "")}`;
  if (decision.outcome === "otherwise") return "the record matched no rule and went to otherwise";
  return "the record matched no rule and the router has no otherwise";
}

/** Why the expected rule did not take the record: its first failing test and the value seen, or that an earlier rule won. */
function whyNot(program: Program, routerId: string, ruleName: string, decision: Decision): string {
  const entry = decision.trace.find((item) => item.kind === "rule" && item.rule === ruleName);
  if (!entry || entry.kind !== "rule") {
    return decision.outcome === "rule" ? ", which comes before it" : "";
  }
  if (entry.matched || !entry.failed) return "";
  const rule = program.routers.get(routerId)?.rules.find((candidate) => candidate.name === ruleName);
  const subject = rule ? subjectOf(rule.condition, entry.failed.test) : null;
  const seen = subject ?? leadingPath(entry.failed.test);
  let value = seen === null ? "" : ` — ${seen} was ${showValue(entry.failed.value)}`;
  // A `within` test fails on the time: the runtime shows the local time it saw.
  if (seen === null && typeof entry.failed.value === "string" && /^(not\s+)?(within|outside)\b/.test(entry.failed.test)) {
    value = ` — it was ${entry.failed.value}`;
  }
  return ` (first failing test of ${quote(ruleName)}: ${entry.failed.test}${value})`;
}

/** The field path or score a leaf with this text tests, found in the rule's condition. */
function subjectOf(condition: ConditionModel, text: string): string | null {
  switch (condition.kind) {
    case "and":
    case "or":
      for (const item of condition.items) {
        const found = subjectOf(item, text);
        if (found !== null) return found;
      }
      return null;
    case "not":
      return subjectOf(condition.operand, text);
    case "test":
      if (condition.text !== text) return null;
      return condition.subject.kind === "score" ? condition.subject.score : condition.subject.path.join(".");
    default:
      return null;
  }
}

/** Fallback when the runtime's rendering of a test is not a leaf's text: its leading field path, if any. */
function leadingPath(text: string): string | null {
  const found = /^(?:not\s+)?([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)/.exec(text);
  if (!found || found[1] === "within" || found[1] === "outside") return null;
  return found[1]!;
}

function showValue(value: unknown): string {
  if (value === undefined || value === null || value === "missing") return "missing";
  if (typeof value === "string") return JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/** ", which chose alice", ", which offered it to alice, bob" — empty when no rep took it. */
function describeRep(placement: RoutedDecision): string {
  if (placement.assignee.kind === "rep") return `, which chose ${placement.assignee.id}`;
  if (placement.assignee.kind === "offered") return `, which offered it to ${placement.offeredTo.join(", ")}`;
  return "";
}

/** "the record was placed by queue manual_review (fallback 2)", or why nothing placed it. */
function describePlacement(decision: Decision, placement: { step: string | null; placedBy: Target | null }): string {
  if (decision.outcome === "unmatched") return "the record matched no rule, so nothing placed it";
  if (placement.step === null || placement.placedBy === null) return "no step could place the record, so it stays unassigned";
  const step = placement.step === "primary" ? "its `assign to`" : placement.step.replace("-", " ");
  if (placement.placedBy.kind === "unassigned") return `the record stays unassigned, as ${step} says`;
  return `the record was placed by ${describeTarget(placement.placedBy)} (${step})`;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function ruleKey(router: string, rule: string): string {
  return `${router}\u0000${rule}`;
}
