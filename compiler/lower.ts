// Lowers the pieces of the checked model into their table form: conditions,
// targets, requires and SLAs. Spans are dropped here; only a test's `text`
// survives, for traces.

import type { ConditionModel, OutcomeModel, RequireModel, SlaModel, TargetModel } from "../language/semantics/model";
import type { Condition, Require, Sla, Target, TableOutcome, SourceLocation } from "../runtime/table-format";

/** Thrown when the model holds something a table cannot (only a program with errors does); compile turns it into `internal-error`. */
export class RefusedModel extends Error {}

export function lowerCondition(condition: ConditionModel): Condition {
  switch (condition.kind) {
    case "true":
      return { op: "true" };
    case "and":
      return { op: "and", all: condition.items.map(lowerCondition) };
    case "or":
      return { op: "or", any: condition.items.map(lowerCondition) };
    case "not":
      return { op: "not", cond: lowerCondition(condition.operand) };
    case "within":
      return { op: "within", hours: condition.hours, text: `within ${condition.hours}` };
    case "test": {
      const subject = condition.subject.kind === "score" ? { score: condition.subject.score } : { path: [...condition.subject.path] };
      // Copy the test member by member so no model object is shared with the table.
      const test = JSON.parse(JSON.stringify(condition.test)) as Record<string, unknown>;
      return { ...subject, ...test, text: condition.text } as Condition;
    }
    case "unknown":
      throw new RefusedModel("a condition that did not resolve reached the compiler");
  }
}

export function lowerTarget(target: TargetModel): Target {
  switch (target.kind) {
    case "team":
      return { kind: "team", id: target.id, method: target.method };
    case "rep":
    case "queue":
    case "action":
      return { kind: target.kind, id: target.id };
    case "unassigned":
      return { kind: "unassigned" };
    case "field":
    case "manager":
      return { kind: target.kind, path: [...target.path] };
  }
}

export function lowerRequire(require: RequireModel): Require {
  const test = JSON.parse(JSON.stringify(require.test)) as Require["test"];
  return { attribute: require.attribute, negated: require.negated, test };
}

export function lowerSla(sla: SlaModel): Sla {
  let then: Sla["then"] = null;
  if (sla.then?.kind === "reassign") then = { kind: "reassign", excludingLast: sla.then.excludingLast, upTo: sla.then.upTo };
  else if (sla.then?.kind === "escalate") then = { kind: "escalate", target: lowerTarget(sla.then.target) };
  return { seconds: sla.seconds, business: sla.business, then };
}

/** What a rule or `otherwise` does once chosen, in the table's member order. */
export function lowerOutcome(outcome: OutcomeModel, source: SourceLocation): TableOutcome {
  if (outcome.assign === null) throw new RefusedModel("a rule without a resolved `assign to` reached the compiler");
  return {
    assign: lowerTarget(outcome.assign),
    requires: outcome.requires.map(lowerRequire),
    notify: outcome.notify.map(lowerTarget),
    sla: outcome.sla ? lowerSla(outcome.sla) : null,
    fallbacks: outcome.fallbacks.map(lowerTarget),
    reason: outcome.reason,
    source,
  };
}
