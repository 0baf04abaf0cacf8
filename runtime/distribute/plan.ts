// Planning a placement: the chain of steps a decision may try, each team or
// rep target's candidates after the checks that need no shared state
// (roster, requires, reroute exclusions, hours, unavailable ranges), and the
// counters the store must re-check atomically (capacity, caps, presence).

import { isOpen, localTime } from "../calendar";
import type { CompiledRouter, CompiledTable } from "../loaded-table";
import { meetsRequire, renderRequire } from "../requires";
import type { Require, TableOutcome, Target } from "../table-format";
import { isObject } from "../text";
import { lookupRep, readPath, type ReadContext } from "../values";
import { PERIOD_TTL, periodKey } from "./periods";
import type { CapCounter, ClaimCandidate, ClaimStep, Presence } from "./store";

export interface PlanInput {
  compiled: CompiledTable;
  router: CompiledRouter;
  record: unknown;
  /** Null: time plays no part (no hours, unavailable ranges or caps). */
  instant: Date | null;
  /** Reps the host marks away for this call (ids, emails or CRM ids). */
  unavailable: string[];
  /** Reps a reroute excludes (previous assignees). */
  excluded: string[];
  /** The host's own presence source, consulted before the store's. */
  presence: ((rep: string) => Presence | undefined) | null;
}

export interface PlannedStep {
  name: string;
  target: Target;
  /** Candidates turned down before asking the store, with the reason in rev-ops words. */
  rejected: { rep: string; why: string }[];
  claim: ClaimStep;
}

/** The steps to try in order; planning stops after the first target that always places (queue, action, unassigned). */
export function planSteps(input: PlanInput, targets: { name: string; target: Target; requires: Require[] }[]): PlannedStep[] {
  const context = readContext(input);
  const away = new Set<string>();
  for (const handle of input.unavailable) {
    const rep = typeof handle === "string" ? lookupRep(input.compiled.repHandles, handle) : null;
    if (rep !== null) away.add(rep);
  }
  const excluded = new Set(input.excluded);
  const steps: PlannedStep[] = [];
  for (const { name, target, requires } of targets) {
    const rejected: PlannedStep["rejected"] = [];
    if (target.kind === "queue" || target.kind === "action" || target.kind === "unassigned") {
      steps.push({ name, target, rejected, claim: { always: true } });
      break;
    }
    const reps: { rep: string; weight: number | null }[] = [];
    if (target.kind === "team") reps.push(...(input.compiled.table.roster.teams[target.id]?.members ?? []));
    else {
      const rep = resolveRep(input, context, target, rejected);
      if (rep !== null) reps.push({ rep, weight: null });
    }
    const candidates: ClaimCandidate[] = [];
    for (const { rep, weight } of reps) {
      const why = staticWhyNot(input, context, rep, requires, away, excluded);
      if (why !== null) rejected.push({ rep, why });
      else candidates.push(candidate(input, rep, weight));
    }
    const claim: ClaimStep =
      target.kind === "team"
        ? { team: target.id, method: target.method, candidates }
        : { team: null, method: "first-available", candidates };
    steps.push({ name, target, rejected, claim });
  }
  return steps;
}

/** The steps of an outcome: `assign to` (filtered by requires) then each fallback. */
export function chainOf(outcome: TableOutcome, primaryName: string, skipPrimary: boolean): { name: string; target: Target; requires: Require[] }[] {
  const chain = skipPrimary ? [] : [{ name: primaryName, target: outcome.assign, requires: outcome.requires }];
  outcome.fallbacks.forEach((target, index) => chain.push({ name: `fallback-${index + 1}`, target, requires: [] }));
  return chain;
}

/** Every rep an `also notify` target names, with no filter (brief §4). */
export function notifiedReps(input: PlanInput, targets: Target[]): string[] {
  const context = readContext(input);
  const reps: string[] = [];
  for (const target of targets) {
    if (target.kind === "team") reps.push(...(input.compiled.table.roster.teams[target.id]?.members ?? []).map((member) => member.rep));
    else {
      const rep = resolveRep(input, context, target, []);
      if (rep !== null) reps.push(rep);
    }
  }
  return [...new Set(reps)];
}

/** The rep a claim candidate stands for: its rotation weight and the counters the store re-checks. */
export function candidate(input: PlanInput, id: string, teamWeight: number | null): ClaimCandidate {
  const rep = input.compiled.table.roster.reps[id]!;
  const result: ClaimCandidate = { rep: id, weight: Math.round((teamWeight ?? rep.weight) * 1000), caps: capCounters(input, id) };
  if (rep.capacity !== null) result.capacity = rep.capacity;
  return result;
}

function capCounters(input: PlanInput, id: string): CapCounter[] {
  const rep = input.compiled.table.roster.reps[id]!;
  if (input.instant === null || rep.caps.length === 0) return [];
  const zone = rep.hours === null ? null : (input.compiled.table.hours[rep.hours]?.timezone ?? null);
  const local = localTime(input.instant, zone);
  return rep.caps.map((cap) => ({ key: `${id}:${cap.period}:${periodKey(cap.period, local)}`, limit: cap.count, period: cap.period, ttl: PERIOD_TTL[cap.period] }));
}

function readContext(input: PlanInput): ReadContext {
  return {
    record: isObject(input.record) ? input.record : null,
    values: new Map(),
    coerce: input.compiled.coerce,
    enumWires: input.compiled.enumWires,
    repHandles: input.compiled.repHandles,
    note: () => {}, // the match trace already explained the record's values
  };
}

/** The rep a rep, field or manager target names, or null with the reason recorded. */
function resolveRep(input: PlanInput, context: ReadContext, target: Target, rejected: PlannedStep["rejected"]): string | null {
  if (target.kind === "rep") return target.id;
  if (target.kind !== "field" && target.kind !== "manager") return null;
  const path = target.path.join(".");
  const value = readPath(context, input.router.reader(target.path));
  if (value.kind !== "rep") {
    rejected.push({ rep: path, why: `\`${path}\` is missing` });
    return null;
  }
  if (value.rep === null) {
    rejected.push({ rep: value.raw, why: `\`${path}\` names no rep in the roster` });
    return null;
  }
  if (target.kind === "field") return value.rep;
  const manager = input.compiled.table.roster.reps[value.rep]!.manager;
  if (manager === null) rejected.push({ rep: value.rep, why: "has no manager" });
  return manager;
}

function staticWhyNot(input: PlanInput, context: ReadContext, id: string, requires: Require[], away: Set<string>, excluded: Set<string>): string | null {
  const rep = input.compiled.table.roster.reps[id];
  if (!rep) return "not in the roster";
  for (const require of requires) {
    if (!meetsRequire(require, rep, context, input.router.reader)) return `does not meet ${renderRequire(require)}`;
  }
  if (excluded.has(id)) return "excluded as a previous assignee";
  if (away.has(id)) return "unavailable";
  const presence = input.presence?.(id);
  if (presence === "away" || presence === "offline") return presence;
  if (input.instant === null) return null;
  const hours = rep.hours === null ? null : input.compiled.table.hours[rep.hours]!;
  const local = localTime(input.instant, hours?.timezone ?? null);
  if (hours && !isOpen(hours, local)) return `outside hours ${rep.hours}`;
  for (const range of rep.unavailable) {
    if (range.from <= local.date && local.date <= range.to) return `unavailable from ${range.from} to ${range.to}`;
  }
  return null;
}
