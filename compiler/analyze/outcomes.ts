// Outcomes as the brief compares them (§8: assign target, method and
// requires, fallbacks in order, notify set and sla; not the reason), and
// targets as asserts compare them (§7: as written).

import type { OutcomeModel, RuleModel, TargetModel } from "../../language/semantics/model";

/** Equal for two rules exactly when they have the same outcome. */
export function outcomeKey(outcome: OutcomeModel): string {
  return JSON.stringify({
    assign: outcome.assign ? withoutSpans(outcome.assign) : null,
    requires: outcome.requires.map(withoutSpans),
    fallbacks: outcome.fallbacks.map(withoutSpans),
    notify: outcome.notify.map((target) => JSON.stringify(withoutSpans(target))).sort(),
    sla: outcome.sla ? withoutSpans(outcome.sla) : null,
  });
}

/** Targets compare as written: `team x` is not its members, a path is the same path; the method does not count. */
export function targetKey(target: TargetModel): string {
  switch (target.kind) {
    case "team":
    case "rep":
    case "queue":
    case "action":
      return `${target.kind}:${target.id}`;
    case "unassigned":
      return "unassigned";
    case "field":
      return `field:${target.path.join(".")}`;
    case "manager":
      return `manager:${target.path.join(".")}`;
  }
}

export { describeTarget } from "../describe-target";

/** A queue, an action and `unassigned` always take the record; nothing after them is reached. */
export function alwaysPlaces(target: TargetModel): boolean {
  return target.kind === "queue" || target.kind === "action" || target.kind === "unassigned";
}

/** "rule "X"" or "the otherwise". */
export function outcomeName(outcome: OutcomeModel): string {
  return "name" in outcome ? `rule "${(outcome as RuleModel).name}"` : "the otherwise";
}

function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (value && typeof value === "object") {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (key !== "span") result[key] = withoutSpans(item);
    return result;
  }
  return value;
}
