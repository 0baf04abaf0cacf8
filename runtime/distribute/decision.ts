// The decision `route` returns (brief §9): the match fields plus who took the
// record, and a trace that explains every candidate not chosen. Built from a
// plan and the store's claim result, so a replay rebuilds the same decision.

import type { Decision, Method, Target, TraceEntry } from "../table-format";
import type { PlannedStep } from "./plan";
import { PERIOD_WORD } from "./periods";
import type { ClaimResult, StoreRejection } from "./store";

export type RouteStep = "primary" | `fallback-${number}` | `reassign-${number}` | "escalation";

export interface Assignee {
  kind: "rep" | "queue" | "action" | "unassigned" | "offered";
  id?: string;
}

/** What `route` adds to the match trace: each step tried, each candidate's fate, each later event. */
export type PeopleTraceEntry =
  | { kind: "step"; step: string; target: Target; placed: boolean }
  | { kind: "candidate"; step: string; rep: string; chosen: boolean; why: string }
  | { kind: "event"; event: "decline" | "expire" | "accept" | "release"; rep?: string; message: string };

export interface RoutedDecision extends Omit<Decision, "trace"> {
  trace: (TraceEntry | PeopleTraceEntry)[];
  id: string;
  step: RouteStep | null;
  placedBy: Target | null;
  assignee: Assignee;
  offeredTo: string[];
  notified: string[];
  slaDeadline: string | null;
}

/** The §9 decision for a match and its placement (no SLA yet: the router adds it). */
export function placedDecision(id: string, match: Decision, steps: PlannedStep[], result: ClaimResult | null, notified: string[]): RoutedDecision {
  const trace: RoutedDecision["trace"] = [...match.trace];
  const placedAt = result === null ? (steps[0]?.claim.always ? 0 : -1) : result.step;
  const tried = placedAt < 0 ? steps.length : placedAt + 1;
  for (let index = 0; index < tried; index++) {
    const step = steps[index]!;
    const placed = index === placedAt;
    trace.push({ kind: "step", step: step.name, target: step.target, placed });
    for (const { rep, why } of step.rejected) trace.push({ kind: "candidate", step: step.name, rep, chosen: false, why });
    if (step.claim.always) continue;
    const storeRejected = result?.rejected[index] ?? [];
    for (const rejection of storeRejected) trace.push({ kind: "candidate", step: step.name, rep: rejection.rep, chosen: false, why: storeWhy(rejection) });
    const turnedDown = new Set(storeRejected.map((rejection) => rejection.rep));
    const chosen = placed && result ? result.chosen : [];
    for (const candidate of step.claim.candidates) {
      if (turnedDown.has(candidate.rep)) continue;
      const isChosen = chosen.includes(candidate.rep);
      trace.push({ kind: "candidate", step: step.name, rep: candidate.rep, chosen: isChosen, why: isChosen ? chosenWhy(step.claim.method, step.claim.team) : `eligible, but ${chosenWhy(step.claim.method, step.claim.team)} chose ${chosen.join(", ")}` });
    }
  }
  // Named one by one, in §9 order: `trace` is a getter on a match decision, which spreading would drop or move.
  const base = { outcome: match.outcome, rule: match.rule, priority: match.priority, target: match.target, fallbacks: match.fallbacks, trace, at: match.at, id, notified, slaDeadline: null };
  if (placedAt < 0) return { ...base, step: null, placedBy: null, assignee: { kind: "unassigned" }, offeredTo: [] };
  const step = steps[placedAt]!;
  const target = step.target;
  const name = step.name as RouteStep;
  if (target.kind === "queue" || target.kind === "action") return { ...base, step: name, placedBy: target, assignee: { kind: target.kind, id: target.id }, offeredTo: [] };
  if (target.kind === "unassigned") return { ...base, step: name, placedBy: target, assignee: { kind: "unassigned" }, offeredTo: [] };
  if (target.kind === "team" && target.method === "broadcast") return { ...base, step: name, placedBy: target, assignee: { kind: "offered" }, offeredTo: [...result!.chosen] };
  return { ...base, step: name, placedBy: target, assignee: { kind: "rep", id: result!.chosen[0]! }, offeredTo: [] };
}

/** "at capacity 20/20", "over today's cap 8/8", "away". */
export function storeWhy(rejection: StoreRejection): string {
  switch (rejection.why) {
    case "presence":
      return rejection.value;
    case "capacity":
      return `at capacity ${rejection.count}/${rejection.limit}`;
    case "cap":
      return `over ${PERIOD_WORD[rejection.period]} cap ${rejection.count}/${rejection.limit}`;
  }
}

function chosenWhy(method: Method, team: string | null): string {
  if (team === null) return "eligible";
  switch (method) {
    case "round-robin":
      return "round robin (assigned least recently)";
    case "weighted-round-robin":
      return "weighted round robin (its turn this cycle)";
    case "load-balance":
      return "load balance (fewest open)";
    case "first-available":
      return "first available";
    case "broadcast":
      return "broadcast (offered)";
  }
}
