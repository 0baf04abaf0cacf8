// `createRouter`: choosing the person (brief §6.2–6.5) over a store shared by
// every service instance — route, then the events on a decision: accept,
// decline, expire (reroute or escalate), release, and presence.

import { parseInstant } from "../calendar";
import { compiledOf, type CompiledRouter, type CompiledTable, type LoadedTable } from "../loaded-table";
import { match } from "../match";
import { lookupRep } from "../values";
import type { TableOutcome } from "../table-format";
import { MemoryStore } from "../stores/memory";
import { placedDecision, type RoutedDecision } from "./decision";
import { businessDaySeconds, businessDeadline } from "./periods";
import { candidate, chainOf, notifiedReps, planSteps, type PlanInput, type PlannedStep } from "./plan";
import type { ClaimRequest, ClaimResult, Presence, Store } from "./store";

export interface RouterOptions {
  /** Where rotation, open counts, caps and decisions live; a fresh MemoryStore by default. */
  store?: Store;
  /** The host's own presence source (e.g. its chat tool), consulted before `setPresence`'s. */
  presence?: (rep: string) => Presence | undefined;
}

export interface RouteOptions {
  /** The decision id: routing the same id twice returns the same decision and counts once. */
  id?: string;
  /** ISO instant or Date; omitted = now; null = time plays no part (hours, ranges, caps, SLA). */
  at?: Date | string | null;
  /** Reps away for this call only (ids, emails or CRM ids). */
  unavailable?: string[];
}

export interface EventOptions {
  /** The rep acting (a broadcast's decliner or accepter); defaults to the assignee. */
  rep?: string;
  at?: Date | string | null;
}

/** What the store keeps with each claim so a later event can act on the decision. */
interface Memo {
  id: string;
  router: string;
  record: unknown;
  /** The match instant (ISO) or null. */
  at: string | null;
  event: "route" | "reassign" | "escalation" | "accept" | "offer-declined" | "release";
  /** The instant of this event (ISO) or null. */
  eventAt: string | null;
  n: number;
  /** Previous assignees and decliners, oldest first. */
  history: string[];
  excluded: string[];
  reroutes: number;
  budget: number;
  unavailable: string[];
  /** For events that change a decision without a new placement. */
  previous?: RoutedDecision;
  rep?: string;
}

export function createRouter(table: LoadedTable, options: RouterOptions = {}): Router {
  return new Router(table, options);
}

export class Router {
  readonly store: Store;
  private readonly table: LoadedTable;
  private readonly compiled: CompiledTable | null;
  private readonly presence: RouterOptions["presence"] | null;

  constructor(table: LoadedTable, options: RouterOptions = {}) {
    this.table = table;
    this.compiled = compiledOf(table);
    this.store = options.store ?? new MemoryStore();
    this.presence = options.presence ?? null;
  }

  /** Match the record, then choose the person. Never throws on a bad record; a store failure rejects (retry with the same id). */
  async route(routerId: string, record: unknown, options: RouteOptions = {}): Promise<RoutedDecision> {
    const prepared = this.prepareRoute(routerId, record, options);
    if (prepared.request === null) return prepared.finish(null);
    return prepared.finish(await this.store.claim(prepared.request));
  }

  /** `route` for a MemoryStore, synchronously (`route test` runs inside a synchronous report). */
  routeNow(routerId: string, record: unknown, options: RouteOptions = {}): RoutedDecision {
    const store = this.store as Partial<MemoryStore>;
    if (typeof store.claimNow !== "function") throw new TypeError("routeNow needs a MemoryStore; use `await route(…)` with other stores");
    const prepared = this.prepareRoute(routerId, record, options);
    return prepared.finish(prepared.request === null ? null : store.claimNow.call(this.store, prepared.request));
  }

  /** The rep accepts: a broadcast offer becomes theirs (counted now); an assignment's SLA stops. */
  async accept(id: string, options: EventOptions = {}): Promise<RoutedDecision | null> {
    const current = await this.current(id);
    if (current === null) return null;
    const { memo, decision } = current;
    const at = eventInstant(options.at);
    const rep = options.rep ?? decision.assignee.id ?? decision.offeredTo[0];
    if (decision.assignee.kind === "offered") {
      if (rep === undefined || !decision.offeredTo.includes(rep)) return withNote(decision, `${rep ?? "nobody"} was not offered this record`);
      const input = this.planInput(memo, at, []);
      const claimed = await this.claimEvent(memo, { event: "accept", eventAt: at.iso, previous: decision, rep }, [], [{ team: null, method: "first-available", candidates: [{ ...candidate(input, rep, null), force: true }] }]);
      return this.rebuild(claimed);
    }
    if (decision.assignee.kind !== "rep" || decision.slaDeadline === null) return decision;
    return this.rebuild(await this.claimEvent(memo, { event: "accept", eventAt: at.iso, previous: decision, rep: decision.assignee.id! }, [], []));
  }

  /** The rep declines: an assignment is re-routed; in a broadcast only the decliner is removed until every offer is declined. */
  async decline(id: string, options: EventOptions = {}): Promise<RoutedDecision | null> {
    return this.turnDown(id, "decline", options);
  }

  /** The SLA passed without an accept: re-route (or escalate) as the rule's `sla … then` says. */
  async expire(id: string, options: EventOptions = {}): Promise<RoutedDecision | null> {
    return this.turnDown(id, "expire", { at: options.at });
  }

  /** The lead closed: the assignee's open count goes down, freeing capacity. Releasing twice counts once. */
  async release(id: string, options: EventOptions = {}): Promise<RoutedDecision | null> {
    const current = await this.current(id);
    if (current === null) return null;
    const { memo, decision } = current;
    if (decision.assignee.kind !== "rep" || memo.event === "release") return decision;
    const at = eventInstant(options.at);
    return this.rebuild(await this.claimEvent(memo, { event: "release", eventAt: at.iso, previous: decision, rep: decision.assignee.id! }, [decision.assignee.id!], []));
  }

  /** Presence set at run time, shared through the store: away and offline reps are skipped. */
  async setPresence(rep: string, presence: Presence): Promise<void> {
    const id = (this.compiled && lookupRep(this.compiled.repHandles, rep)) ?? rep;
    await this.store.setPresence(id, presence);
  }

  /** The latest decision for an id, or null when the id was never routed. */
  async get(id: string): Promise<RoutedDecision | null> {
    const latest = await this.store.latest(id);
    return latest === null ? null : this.rebuild(latest);
  }

  // -------------------------------------------------------------------------

  private prepareRoute(routerId: string, record: unknown, options: RouteOptions): { request: ClaimRequest | null; finish: (result: ClaimResult | null) => RoutedDecision } {
    const id = typeof options.id === "string" && options.id !== "" ? options.id : newId();
    const at = eventInstant(options.at);
    const memo: Memo = {
      id, router: routerId, record, at: at.iso, event: "route", eventAt: at.iso, n: 0, history: [], excluded: [], reroutes: 0, budget: 1,
      unavailable: Array.isArray(options.unavailable) ? options.unavailable.filter((item) => typeof item === "string") : [],
    };
    const built = this.plan(memo);
    if (built === null || built.steps.length === 0) return { request: null, finish: () => this.finish(memo, built, null) };
    // Rerouting defaults to once per candidate of the first routing.
    const primary = built.steps[0]!;
    if (primary.name === "primary" && !primary.claim.always) memo.budget = Math.max(1, primary.claim.candidates.length);
    const request = { key: id, id, memo: JSON.stringify(memo), release: [], steps: built.steps.map((step) => step.claim) };
    return { request, finish: (result) => this.finish(result === null ? memo : (JSON.parse(result.memo) as Memo), built, result) };
  }

  /** The match and the planned steps for a memo; null when the table is not loaded. */
  private plan(memo: Memo): { match: RoutedDecision | ReturnType<typeof match>; steps: PlannedStep[]; outcome: TableOutcome | null; input: PlanInput } | null {
    if (this.compiled === null) return null;
    const decision = match(this.table, memo.router, memo.record, { at: memo.at });
    const router = this.compiled.routers.get(memo.router);
    const input = this.planInput(memo, { iso: memo.eventAt, instant: memo.eventAt === null ? null : new Date(memo.eventAt) }, memo.excluded);
    const outcome = router ? outcomeOf(router, decision) : null;
    if (outcome === null) return { match: decision, steps: [], outcome, input };
    let chain: ReturnType<typeof chainOf>;
    if (memo.event === "escalation") {
      const then = outcome.sla?.then;
      chain = then?.kind === "escalate" ? [{ name: "escalation", target: then.target, requires: [] }] : [];
    } else if (memo.event === "reassign") {
      chain = chainOf(outcome, `reassign-${memo.reroutes}`, memo.reroutes > memo.budget);
    } else {
      chain = chainOf(outcome, "primary", false);
    }
    return { match: decision, steps: planSteps(input, chain), outcome, input };
  }

  private planInput(memo: Memo, at: { iso: string | null; instant?: Date | null }, excluded: string[]): PlanInput {
    const compiled = this.compiled!;
    return {
      compiled,
      router: compiled.routers.get(memo.router)!,
      record: memo.record,
      instant: at.instant ?? (at.iso === null ? null : new Date(at.iso)),
      unavailable: memo.unavailable,
      excluded,
      presence: this.presence ?? null,
    };
  }

  private finish(memo: Memo, built: ReturnType<Router["plan"]>, result: ClaimResult | null): RoutedDecision {
    if (memo.previous && (memo.event === "accept" || memo.event === "offer-declined" || memo.event === "release")) return eventDecision(memo);
    if (built === null) {
      return {
        outcome: "unmatched", rule: null, priority: null, target: null, fallbacks: [], at: memo.at, id: memo.id, step: null, placedBy: null,
        assignee: { kind: "unassigned" }, offeredTo: [], notified: [], slaDeadline: null,
        trace: [{ kind: "note", message: "this is not a table returned by loadTable; nothing can be routed" }],
      };
    }
    const notified = built.outcome ? notifiedReps(built.input, built.outcome.notify) : [];
    const decision = placedDecision(memo.id, built.match as ReturnType<typeof match>, built.steps, result, notified);
    if (memo.event === "escalation") decision.step = decision.step === null ? null : "escalation";
    decision.slaDeadline = this.deadline(decision, built.outcome, memo);
    return decision;
  }

  /** SLA starts when a rep is assigned or offers go out; not after an escalation, not for queues, actions or unassigned. */
  private deadline(decision: RoutedDecision, outcome: TableOutcome | null, memo: Memo): string | null {
    const sla = outcome?.sla;
    if (!sla || memo.eventAt === null || memo.event === "escalation") return null;
    const rep = decision.assignee.kind === "rep" ? decision.assignee.id : decision.assignee.kind === "offered" ? decision.offeredTo[0] : undefined;
    if (rep === undefined) return null;
    const start = new Date(memo.eventAt);
    const hoursId = this.compiled!.table.roster.reps[rep]?.hours ?? null;
    const hours = hoursId === null ? null : this.compiled!.table.hours[hoursId]!;
    if (!sla.business || hours === null) return new Date(start.getTime() + sla.seconds * 1000).toISOString();
    const seconds = sla.seconds % 86400 === 0 ? (sla.seconds / 86400) * businessDaySeconds(hours) : sla.seconds;
    return businessDeadline(start, seconds, hours)?.toISOString() ?? null;
  }

  private async turnDown(id: string, event: "decline" | "expire", options: EventOptions): Promise<RoutedDecision | null> {
    const current = await this.current(id);
    if (current === null) return null;
    const { memo, decision } = current;
    const at = eventInstant(options.at);
    if (decision.assignee.kind === "offered") {
      const rep = options.rep;
      const remaining = decision.offeredTo.filter((offered) => offered !== rep);
      if (event === "decline") {
        if (rep === undefined || !decision.offeredTo.includes(rep)) return withNote(decision, `${rep ?? "nobody"} was not offered this record`);
        if (remaining.length > 0) {
          return this.rebuild(await this.claimEvent(memo, { event: "offer-declined", eventAt: at.iso, previous: decision, rep, history: [...memo.history, rep] }, [], []));
        }
      }
      return this.reroute(memo, decision, [...memo.history, ...decision.offeredTo.filter((offered) => !memo.history.includes(offered))], [], at.iso);
    }
    if (decision.assignee.kind !== "rep") return withNote(decision, `nothing to ${event}: the record is not with a rep`);
    const assignee = decision.assignee.id!;
    if (options.rep !== undefined && options.rep !== assignee) return withNote(decision, `${options.rep} is not the assignee (${assignee})`);
    return this.reroute(memo, decision, [...memo.history, assignee], [assignee], at.iso);
  }

  private async reroute(memo: Memo, decision: RoutedDecision, history: string[], release: string[], eventAt: string | null): Promise<RoutedDecision> {
    const router = this.compiled!.routers.get(memo.router)!;
    const outcome = outcomeOf(router, decision as unknown as ReturnType<typeof match>);
    const then = outcome?.sla?.then ?? null;
    if (then?.kind === "escalate") {
      const next: Memo = { ...memo, event: "escalation", eventAt, n: memo.n + 1, history, excluded: [], previous: undefined, rep: undefined };
      return this.claimPlanned(next, release);
    }
    const last = then?.kind === "reassign" && then.excludingLast !== null ? then.excludingLast : history.length;
    const budget = then?.kind === "reassign" && then.upTo !== null ? then.upTo : memo.budget;
    const excluded = last === 0 ? [] : history.slice(-last);
    const next: Memo = { ...memo, event: "reassign", eventAt, n: memo.n + 1, history, excluded, reroutes: memo.reroutes + 1, budget, previous: undefined, rep: undefined };
    return this.claimPlanned(next, release);
  }

  private async claimPlanned(memo: Memo, release: string[]): Promise<RoutedDecision> {
    const built = this.plan(memo);
    const steps = built?.steps.map((step) => step.claim) ?? [];
    const result = await this.store.claim({ key: `${memo.id}#${memo.n}`, id: memo.id, memo: JSON.stringify(memo), release, steps });
    return this.finish(JSON.parse(result.memo) as Memo, built, result);
  }

  private async claimEvent(memo: Memo, change: Partial<Memo>, release: string[], steps: ClaimRequest["steps"]): Promise<ClaimResult> {
    const next: Memo = { ...memo, ...change, n: memo.n + 1 };
    return this.store.claim({ key: `${memo.id}#${next.n}`, id: memo.id, memo: JSON.stringify(next), release, steps });
  }

  private async current(id: string): Promise<{ memo: Memo; decision: RoutedDecision } | null> {
    if (this.compiled === null) return null;
    const latest = await this.store.latest(id);
    if (latest === null) return null;
    return { memo: JSON.parse(latest.memo) as Memo, decision: this.rebuild(latest) };
  }

  private rebuild(result: ClaimResult): RoutedDecision {
    const memo = JSON.parse(result.memo) as Memo;
    return this.finish(memo, this.plan(memo), result);
  }

}

/** A decision changed by an event that places nobody new: accept, a declined offer, release. */
function eventDecision(memo: Memo): RoutedDecision {
  const previous = memo.previous!;
  const trace = [...previous.trace];
  switch (memo.event) {
    case "accept":
      trace.push({ kind: "event", event: "accept", rep: memo.rep, message: `${memo.rep} accepted` });
      return { ...previous, trace, assignee: { kind: "rep", id: memo.rep! }, offeredTo: [], slaDeadline: null };
    case "offer-declined":
      trace.push({ kind: "event", event: "decline", rep: memo.rep, message: `${memo.rep} declined the offer; it stays with the others` });
      return { ...previous, trace, offeredTo: previous.offeredTo.filter((rep) => rep !== memo.rep) };
    default:
      trace.push({ kind: "event", event: "release", rep: memo.rep, message: `released: ${memo.rep}'s capacity is freed` });
      return { ...previous, trace, slaDeadline: null };
  }
}

function withNote(decision: RoutedDecision, message: string): RoutedDecision {
  return { ...decision, trace: [...decision.trace, { kind: "note", message }] };
}

function outcomeOf(router: CompiledRouter, decision: { outcome: string; rule: string | null }): TableOutcome | null {
  if (decision.outcome === "otherwise") return router.router.otherwise;
  if (decision.outcome !== "rule") return null;
  return router.router.rules.find((rule) => rule.name === decision.rule) ?? null;
}

function eventInstant(at: Date | string | null | undefined): { iso: string | null; instant: Date | null } {
  if (at === null) return { iso: null, instant: null };
  const instant = at === undefined ? new Date() : (parseInstant(at).instant ?? new Date());
  return { iso: instant.toISOString(), instant };
}

let counter = 0;
function newId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof crypto?.randomUUID === "function") return crypto.randomUUID();
  counter += 1;
  return `route-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2)}`;
}
