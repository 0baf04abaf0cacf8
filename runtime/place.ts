// `place`: which step of a decision takes the record, with no distribution
// state (brief §6.2–3 without rotation, capacity or caps). `route test` uses
// it now; distribution will grow from it. Never throws.

import { isOpen, localTime, parseInstant } from "./calendar";
import { compiledOf, type CompiledRouter, type CompiledTable, type LoadedTable } from "./loaded-table";
import { meetsRequire, renderRequire } from "./requires";
import type { Decision, Require, Target } from "./table-format";
import { isObject } from "./text";
import { lookupRep, readPath, type ReadContext } from "./values";

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
  const requires = requiresOf(router, decision);
  const given = isObject(options) && options.at !== undefined ? options.at : decision.at;
  const instant = parseInstant(given).instant;
  const away = new Set<string>();
  const unavailable = isObject(options) && Array.isArray(options.unavailable) ? options.unavailable : [];
  for (const handle of unavailable) {
    const rep = typeof handle === "string" ? lookupRep(compiled.repHandles, handle) : null;
    if (rep !== null) away.add(rep);
  }
  const context: ReadContext = {
    record: isObject(record) ? record : null,
    values: new Map(),
    coerce: compiled.coerce,
    enumWires: compiled.enumWires,
    repHandles: compiled.repHandles,
    note: () => {}, // the decision's trace already explained the record's values
  };
  const people = new People(compiled, router, context, away, instant);

  const steps: Target[] = [decision.target, ...(Array.isArray(decision.fallbacks) ? decision.fallbacks : [])];
  const candidates: Candidate[] = [];
  for (let i = 0; i < steps.length; i++) {
    const target = steps[i]!;
    const step = i === 0 ? "primary" : (`fallback-${i}` as const);
    const candidate: Candidate = { step, target, eligible: [], rejected: [] };
    candidates.push(candidate);
    const filter = i === 0 ? requires : [];
    switch (target.kind) {
      case "queue":
      case "action":
        return { step, placedBy: target, assignee: { kind: target.kind, id: target.id }, offeredTo: [], candidates };
      case "unassigned":
        return { step, placedBy: target, assignee: { kind: "unassigned" }, offeredTo: [], candidates };
      case "team": {
        for (const member of compiled.table.roster.teams[target.id]?.members ?? []) people.consider(member.rep, filter, candidate);
        if (candidate.eligible.length === 0) break;
        // Rotation, load and weights need distribution state; without it the first eligible member in team order is chosen.
        if (target.method === "broadcast") return { step, placedBy: target, assignee: { kind: "offered" }, offeredTo: [...candidate.eligible], candidates };
        return { step, placedBy: target, assignee: { kind: "rep", id: candidate.eligible[0]! }, offeredTo: [], candidates };
      }
      case "rep":
      case "field":
      case "manager": {
        const rep = people.resolve(target, candidate);
        if (rep !== null) people.consider(rep, filter, candidate);
        if (candidate.eligible.length > 0) return { step, placedBy: target, assignee: { kind: "rep", id: candidate.eligible[0]! }, offeredTo: [], candidates };
        break;
      }
      default:
        candidate.rejected.push({ rep: "", why: `unknown target kind ${JSON.stringify((target as { kind: unknown }).kind)}` });
    }
  }
  return nobody(candidates);
}

/** The requires of the rule the decision names (or of `otherwise`): they filter the primary step only. */
function requiresOf(router: CompiledRouter, decision: Decision): Require[] {
  if (decision.outcome === "otherwise") return router.router.otherwise?.requires ?? [];
  return router.router.rules.find((rule) => rule.name === decision.rule)?.requires ?? [];
}

/** Eligibility of reps for one placement: requires, `unavailable`, hours and unavailable ranges. */
class People {
  constructor(
    private readonly compiled: CompiledTable,
    private readonly router: CompiledRouter,
    private readonly context: ReadContext,
    private readonly away: Set<string>,
    private readonly instant: Date | null,
  ) {}

  /** The rep a rep, field or manager target names, or null with the reason recorded. */
  resolve(target: Target, candidate: Candidate): string | null {
    if (target.kind === "rep") return target.id;
    if (target.kind !== "field" && target.kind !== "manager") return null;
    const path = target.path.join(".");
    const value = readPath(this.context, this.router.reader(target.path));
    if (value.kind !== "rep") {
      candidate.rejected.push({ rep: path, why: `\`${path}\` is missing` });
      return null;
    }
    if (value.rep === null) {
      candidate.rejected.push({ rep: value.raw, why: `\`${path}\` names no rep in the roster` });
      return null;
    }
    if (target.kind === "field") return value.rep;
    const manager = this.compiled.table.roster.reps[value.rep]!.manager;
    if (manager === null) candidate.rejected.push({ rep: value.rep, why: "has no manager" });
    return manager;
  }

  /** Record the rep as eligible, or rejected with the first reason. */
  consider(id: string, requires: Require[], candidate: Candidate): void {
    const why = this.whyNot(id, requires);
    if (why === null) candidate.eligible.push(id);
    else candidate.rejected.push({ rep: id, why });
  }

  private whyNot(id: string, requires: Require[]): string | null {
    const rep = this.compiled.table.roster.reps[id];
    if (!rep) return "not in the roster";
    for (const require of requires) {
      if (!meetsRequire(require, rep, this.context, this.router.reader)) return `does not meet ${renderRequire(require)}`;
    }
    if (this.away.has(id)) return "unavailable";
    if (this.instant === null) return null;
    const hours = rep.hours === null ? null : this.compiled.table.hours[rep.hours]!;
    const local = localTime(this.instant, hours?.timezone ?? null);
    if (hours && !isOpen(hours, local)) return `outside hours ${rep.hours}`;
    for (const range of rep.unavailable) {
      if (range.from <= local.date && local.date <= range.to) return `unavailable from ${range.from} to ${range.to}`;
    }
    return null;
  }
}
