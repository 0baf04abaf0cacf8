// The contract between the router and its stores (memory, Redis): one atomic,
// idempotent `claim` that re-checks presence, capacity and caps, chooses by
// the team's method, updates rotation, open counts and caps, and remembers.

import type { Method } from "../table-format";

export type Presence = "online" | "away" | "offline";

/** One counter a claim checks and bumps: a rep's cap for the current calendar period. */
export interface CapCounter {
  /** Logical key, e.g. `alice:day:2026-12-04` (a store adds its own prefix). */
  key: string;
  limit: number;
  period: "hour" | "day" | "week" | "month";
  /** Seconds the counter must outlive its period's start (stores may expire it after). */
  ttl: number;
}

export interface ClaimCandidate {
  rep: string;
  /** Integer milli-weight (weight 0.5 → 500), so rotation arithmetic is exact in every store. */
  weight: number;
  /** Open assignments at once; absent = no limit. */
  capacity?: number;
  caps: CapCounter[];
  /** Accepting a broadcast offer: the rep chose it, so no check applies. */
  force?: boolean;
}

/** A step of the chain as the store sees it: a queue/action/unassigned always places; otherwise candidates that passed the static checks. */
export type ClaimStep =
  | { always: true }
  | { always?: false; team: string | null; method: Method; candidates: ClaimCandidate[] };

export interface ClaimRequest {
  /** Idempotency key: the decision id, or `id#n` for the n-th event on it. */
  key: string;
  /** The decision id: the store also keeps the result as the decision's latest state. */
  id: string;
  /** Opaque text the router needs to act on later events; stored with the result. */
  memo: string;
  /** Reps whose open count goes down by one (a release, a decline, an expiry). */
  release: string[];
  steps: ClaimStep[];
}

/** Why the store turned a candidate down at claim time. */
export type StoreRejection =
  | { rep: string; why: "presence"; value: string }
  | { rep: string; why: "capacity"; count: number; limit: number }
  | { rep: string; why: "cap"; count: number; limit: number; period: CapCounter["period"] };

export interface ClaimResult {
  key: string;
  /** Index of the step that placed the record; -1 when none did. */
  step: number;
  /** The chosen rep, or every offered rep for a broadcast. */
  chosen: string[];
  /** Per step tried, the candidates the store turned down. */
  rejected: StoreRejection[][];
  /** The team's rotation sequence number of this assignment. */
  seq?: number;
  /** The chosen rep's open count after this assignment. */
  open?: number;
  memo: string;
  /** True when the key had been claimed before: nothing was counted this time. */
  replay: boolean;
}

export interface Store {
  /** Atomic and idempotent per `request.key`: a second claim with the same key returns the first result with `replay: true`. */
  claim(request: ClaimRequest): Promise<ClaimResult>;
  /** The latest claim result of a decision id, or null. */
  latest(id: string): Promise<ClaimResult | null>;
  setPresence(rep: string, presence: Presence): Promise<void>;
  /** Open assignments per rep (for inspection and tests). */
  openCounts(): Promise<Record<string, number>>;
}

/** Arrays a Lua JSON encoder may have written as `{}`. */
export function normalizeResult(raw: unknown, replay: boolean): ClaimResult {
  const value = raw as ClaimResult;
  const list = <T>(items: unknown): T[] => (Array.isArray(items) ? (items as T[]) : []);
  return {
    key: value.key,
    step: value.step,
    chosen: list<string>(value.chosen),
    rejected: list<unknown>(value.rejected).map((items) => list<StoreRejection>(items)),
    ...(typeof value.seq === "number" ? { seq: value.seq } : {}),
    ...(typeof value.open === "number" ? { open: value.open } : {}),
    memo: value.memo,
    replay,
  };
}
