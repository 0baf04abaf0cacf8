// The in-memory store: the default, nothing to install. One process's state;
// each claim runs to completion synchronously, so it is atomic by construction.
// runtime/stores/redis.ts implements the same algorithm in Lua — keep them in step.
// Like Redis's EX/EXPIRE, decisions are forgotten after `keepFor` and cap
// counters after their period, so a long-running service's memory stays bounded.

import type { ClaimCandidate, ClaimRequest, ClaimResult, Presence, Store, StoreRejection } from "../distribute/store";
import { normalizeResult } from "../distribute/store";

interface TeamState {
  seq: number;
  /** Rotation sequence number of each member's last assignment by this team (0 = never). */
  last: Map<string, number>;
  /** Smooth weighted round robin: each member's current credit, in milli-weights. */
  credit: Map<string, number>;
}

export interface MemoryStoreOptions {
  /** Seconds a decision is remembered for idempotency and later events (default 7 days), as RedisStore's `keepFor`. */
  keepFor?: number;
  /**
   * The clock that forgetting is measured by, in ms (default `Date.now`). Routing never reads it —
   * periods come from each route's `at` — so a test simulating months of `at` forgets nothing.
   */
  now?: () => number;
}

/** A remembered value and the time (ms) after which it is forgotten. */
type Kept<T> = { value: T; until: number };

/** How often (ms) cap counters are swept: there are few, one per rep and period. */
const COUNTER_SWEEP = 60_000;

export class MemoryStore implements Store {
  // In the order they were last written: the oldest first, so forgetting stops at the first one still kept.
  private readonly results = new Map<string, Kept<string>>();
  private readonly latestOf = new Map<string, Kept<string>>();
  private readonly open = new Map<string, number>();
  private readonly presence = new Map<string, string>();
  private readonly counters = new Map<string, Kept<number>>();
  private readonly teams = new Map<string, TeamState>();
  private readonly keepFor: number;
  private readonly now: () => number;
  private countersSwept = -Infinity;

  constructor(options: MemoryStoreOptions = {}) {
    const keepFor = options.keepFor ?? 7 * 86400;
    if (typeof keepFor !== "number" || !(keepFor >= 0) || keepFor === Infinity) throw new TypeError(`MemoryStore: keepFor must be a number of seconds ≥ 0, got ${String(keepFor)}`);
    this.keepFor = keepFor * 1000;
    this.now = options.now ?? Date.now;
  }

  async claim(request: ClaimRequest): Promise<ClaimResult> {
    return this.claimNow(request);
  }

  /** The synchronous claim, for callers that cannot wait (`route test`). */
  claimNow(request: ClaimRequest): ClaimResult {
    const now = this.now();
    this.forget(now);
    const done = this.results.get(request.key);
    if (done !== undefined) return normalizeResult(JSON.parse(done.value), true);
    for (const rep of request.release) {
      const count = this.open.get(rep) ?? 0;
      if (count > 0) this.open.set(rep, count - 1);
    }
    const result: Omit<ClaimResult, "replay"> = { key: request.key, step: -1, chosen: [], rejected: [], memo: request.memo };
    for (let index = 0; index < request.steps.length; index++) {
      const step = request.steps[index]!;
      if (step.always === true) {
        result.step = index;
        break;
      }
      const rejected: StoreRejection[] = [];
      const eligible: { candidate: ClaimCandidate; open: number }[] = [];
      for (const candidate of step.candidates) {
        const open = this.open.get(candidate.rep) ?? 0;
        const why = candidate.force ? null : this.whyNot(candidate, open, now);
        if (why === null) eligible.push({ candidate, open });
        else rejected.push(why);
      }
      result.rejected.push(rejected);
      if (eligible.length === 0) continue;
      result.step = index;
      if (step.method === "broadcast") {
        result.chosen = eligible.map((item) => item.candidate.rep);
        break;
      }
      const team = step.team === null ? null : this.team(step.team);
      const chosen = team === null || step.method === "first-available" ? eligible[0]! : choose(team, step.method, eligible);
      const rep = chosen.candidate.rep;
      if (team !== null) {
        team.seq += 1;
        team.last.set(rep, team.seq);
        result.seq = team.seq;
      }
      result.open = chosen.open + 1;
      this.open.set(rep, result.open);
      for (const cap of chosen.candidate.caps) {
        const counter = this.counters.get(cap.key);
        // Like Redis's EXPIRE on the first INCR: the counter lives `ttl` seconds from its first use.
        if (counter === undefined || counter.until <= now) this.counters.set(cap.key, { value: 1, until: now + cap.ttl * 1000 });
        else counter.value++;
      }
      result.chosen = [rep];
      break;
    }
    const text = JSON.stringify(result);
    const kept = { value: text, until: now + this.keepFor };
    this.results.set(request.key, kept);
    // Deleted first, so the rewritten entry moves to the end of the write order.
    this.latestOf.delete(request.id);
    this.latestOf.set(request.id, kept);
    return normalizeResult(result, false);
  }

  /** Drops decisions kept longer than `keepFor` and, now and then, counters past their period. */
  private forget(now: number): void {
    for (const map of [this.results, this.latestOf]) {
      for (const [key, kept] of map) {
        if (kept.until > now) break;
        map.delete(key);
      }
    }
    if (now - this.countersSwept < COUNTER_SWEEP) return;
    this.countersSwept = now;
    for (const [key, counter] of this.counters) if (counter.until <= now) this.counters.delete(key);
  }

  async latest(id: string): Promise<ClaimResult | null> {
    return this.latestNow(id);
  }

  latestNow(id: string): ClaimResult | null {
    const kept = this.latestOf.get(id);
    return kept === undefined || kept.until <= this.now() ? null : normalizeResult(JSON.parse(kept.value), true);
  }

  async setPresence(rep: string, presence: Presence): Promise<void> {
    this.presence.set(rep, presence);
  }

  async openCounts(): Promise<Record<string, number>> {
    return Object.fromEntries([...this.open].filter(([, count]) => count > 0));
  }

  private whyNot(candidate: ClaimCandidate, open: number, now: number): StoreRejection | null {
    const presence = this.presence.get(candidate.rep);
    if (presence !== undefined && presence !== "online") return { rep: candidate.rep, why: "presence", value: presence };
    if (candidate.capacity !== undefined && open >= candidate.capacity) return { rep: candidate.rep, why: "capacity", count: open, limit: candidate.capacity };
    for (const cap of candidate.caps) {
      const counter = this.counters.get(cap.key);
      const used = counter === undefined || counter.until <= now ? 0 : counter.value;
      if (used >= cap.limit) return { rep: candidate.rep, why: "cap", count: used, limit: cap.limit, period: cap.period };
    }
    return null;
  }

  private team(id: string): TeamState {
    let team = this.teams.get(id);
    if (!team) {
      team = { seq: 0, last: new Map(), credit: new Map() };
      this.teams.set(id, team);
    }
    return team;
  }
}

type Eligible = { candidate: ClaimCandidate; open: number };

/** Round robin, load balance and smooth weighted round robin over the eligible members, in member order. */
function choose(team: TeamState, method: string, eligible: Eligible[]): Eligible {
  if (method === "weighted-round-robin") {
    // Smooth weighted round robin: every eligible member earns its weight, the richest takes the turn and pays the round's total.
    // Members not eligible earn nothing, so a skipped turn is not banked.
    let total = 0;
    let best: Eligible | null = null;
    let bestCredit = 0;
    for (const item of eligible) {
      const credit = (team.credit.get(item.candidate.rep) ?? 0) + item.candidate.weight;
      team.credit.set(item.candidate.rep, credit);
      total += item.candidate.weight;
      if (best === null || credit > bestCredit) {
        best = item;
        bestCredit = credit;
      }
    }
    team.credit.set(best!.candidate.rep, bestCredit - total);
    return best!;
  }
  // Least recently assigned by this team (never = longest ago); load balance first compares open counts.
  let best = eligible[0]!;
  for (const item of eligible.slice(1)) {
    if (method === "load-balance" && item.open !== best.open) {
      if (item.open < best.open) best = item;
      continue;
    }
    if ((team.last.get(item.candidate.rep) ?? 0) < (team.last.get(best.candidate.rep) ?? 0)) best = item;
  }
  return best;
}
