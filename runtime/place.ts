// `place`: which step of a decision takes the record, with no distribution
// state (brief §6.2–3 without rotation, capacity or caps): the first eligible
// member. `createRouter` (runtime/distribute/) is the stateful version. Never throws.

import { parseInstant } from "./calendar";
import { planSteps, type PlanInput } from "./distribute/plan";
import { compiledOf, type CompiledRouter, type LoadedTable } from "./loaded-table";
import type { Decision, Require, Target } from "./table-format";
import { isObject } from "./text";

export interface PlaceOptions {
  /** Reps away (ids, emails or CRM ids, ignoring case). */
  unavailable?: string[];
  /** The instant for hours and `unavailable` ranges; defaults to the decision's `at`. Null: time plays no part. */
  at?: Date | string | null;
}

export interface Candidate {
  step: string;
  target: Target;
  eligible: string[];
  rejected: { rep: string; why: string }[];
}

export interface Placement {
  step: "primary" | `fallback-${number}` | null;
  placedBy: Target | null;
  assignee: { kind: "rep" | "queue" | "action" | "unassigned" | "offered"; id?: string };
  /** For a broadcast: every eligible member. */
  offeredTo: string[];
  candidates: Candidate[];
}

export function place(table: LoadedTable, routerId: string, decision: Decision, record: unknown, options?: PlaceOptions): Placement {
  try {
    return placeRecord(table, routerId, decision, record, options);
  } catch {
    // NOTE: a bug must not take the host down; the record stays with no one, as when every step fails.
    return nobody([]);
  }
}

function nobody(candidates: Candidate[]): Placement {
  return { step: null, placedBy: null, assignee: { kind: "unassigned" }, offeredTo: [], candidates };
}

function placeRecord(table: LoadedTable, routerId: string, decision: Decision, record: unknown, options: PlaceOptions | undefined): Placement {
  const compiled = compiledOf(table);
  const router = compiled?.routers.get(routerId);
  if (!compiled || !router || !isObject(decision) || (decision.outcome !== "rule" && decision.outcome !== "otherwise") || !isObject(decision.target)) {
    return nobody([]);
  }
  const given = isObject(options) && options.at !== undefined ? options.at : decision.at;
  const unavailable = isObject(options) && Array.isArray(options.unavailable) ? options.unavailable : [];
  const input: PlanInput = { compiled, router, record, instant: parseInstant(given).instant, unavailable, excluded: [], presence: null };
  const steps: Target[] = [decision.target, ...(Array.isArray(decision.fallbacks) ? decision.fallbacks : [])];
  const requires = requiresOf(router, decision);
  // The same eligibility as distribution (runtime/distribute/plan.ts), without the store's state.
  const planned = planSteps(input, steps.map((target, i) => ({ name: i === 0 ? "primary" : `fallback-${i}`, target, requires: i === 0 ? requires : [] })));
  const candidates: Candidate[] = [];
  for (const { name, target, rejected, claim } of planned) {
    const step = name as Placement["step"];
    const eligible = claim.always ? [] : claim.candidates.map((candidate) => candidate.rep);
    candidates.push({ step: name, target, eligible, rejected });
    if (target.kind === "queue" || target.kind === "action") return { step, placedBy: target, assignee: { kind: target.kind, id: target.id }, offeredTo: [], candidates };
    if (target.kind === "unassigned") return { step, placedBy: target, assignee: { kind: "unassigned" }, offeredTo: [], candidates };
    if (eligible.length === 0) continue;
    // Rotation, load and weights need distribution state (createRouter); without it the first eligible member in team order is chosen.
    if (target.kind === "team" && target.method === "broadcast") return { step, placedBy: target, assignee: { kind: "offered" }, offeredTo: eligible, candidates };
    return { step, placedBy: target, assignee: { kind: "rep", id: eligible[0]! }, offeredTo: [], candidates };
  }
  return nobody(candidates);
}

/** The requires of the rule the decision names (or of `otherwise`): they filter the primary step only. */
function requiresOf(router: CompiledRouter, decision: Decision): Require[] {
  if (decision.outcome === "otherwise") return router.router.otherwise?.requires ?? [];
  return router.router.rules.find((rule) => rule.name === decision.rule)?.requires ?? [];
}
