// The MemoryStore forgets as Redis expires keys: decisions after `keepFor`,
// cap counters `ttl` seconds after their first use — measured by its own
// clock, never by the routes' `at` — so a long-running service's memory stays
// bounded, and a simulated month of `at` forgets nothing.

import { describe, expect, it } from "vitest";
import { MemoryStore, type ClaimRequest } from "../../../runtime/index";

/** A claim for `rep` with a daily cap of one, keyed `key`, for decision `id`. */
function claim(key: string, id = key, rep = "alice"): ClaimRequest {
  return {
    key,
    id,
    memo: "",
    release: [],
    steps: [{ team: null, method: "first-available", candidates: [{ rep, weight: 1000, caps: [{ key: `${rep}:day:2026-12-04`, limit: 1, period: "day", ttl: 2 * 86400 }] }] }],
  };
}

describe("the MemoryStore forgets, as Redis expires", () => {
  it("replays a decision within keepFor and forgets it after", () => {
    let now = 0;
    const store = new MemoryStore({ keepFor: 60, now: () => now });
    expect(store.claimNow(claim("d1")).chosen).toEqual(["alice"]);
    now = 59_000;
    expect(store.claimNow(claim("d1")).replay).toBe(true);
    expect(store.latestNow("d1")?.chosen).toEqual(["alice"]);
    now = 60_000;
    expect(store.latestNow("d1")).toBeNull();
    // Forgotten: the same key is a new claim (and alice's cap for the day is used up by the first).
    const again = store.claimNow(claim("d1"));
    expect(again.replay).toBe(false);
    expect(again.chosen).toEqual([]);
  });

  it("keeps a decision's latest state from its last event", () => {
    let now = 0;
    const store = new MemoryStore({ keepFor: 60, now: () => now });
    store.claimNow(claim("d1", "d1", "bob"));
    now = 50_000;
    store.claimNow(claim("d1#1", "d1", "carol"));
    now = 100_000;
    // The first claim is forgotten; the event at 50 s keeps the latest state until 110 s.
    expect(store.latestNow("d1")?.chosen).toEqual(["carol"]);
    now = 110_000;
    expect(store.latestNow("d1")).toBeNull();
  });

  it("restarts a cap counter once its ttl has passed", () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    expect(store.claimNow(claim("a")).chosen).toEqual(["alice"]);
    expect(store.claimNow(claim("b")).rejected[0]).toEqual([{ rep: "alice", why: "cap", count: 1, limit: 1, period: "day" }]);
    now = 2 * 86400 * 1000;
    expect(store.claimNow(claim("c")).chosen).toEqual(["alice"]);
  });

  it("holds only the decisions of the last keepFor, however many came before", () => {
    let now = 0;
    const store = new MemoryStore({ keepFor: 60, now: () => now });
    for (let i = 0; i < 10_000; i++) {
      now = i * 1000;
      store.claimNow({ key: `k${i}`, id: `k${i}`, memo: "", release: [], steps: [{ always: true }] });
    }
    expect(store.latestNow("k9939")).toBeNull();
    expect(store.latestNow("k9940")).not.toBeNull();
    // What is left is the last minute's: 60 decisions, the older 9,940 are gone.
    const kept = Array.from({ length: 10_000 }, (_, i) => store.latestNow(`k${i}`)).filter((result) => result !== null);
    expect(kept.length).toBe(60);
  });

  it("refuses a keepFor that is not a number of seconds", () => {
    for (const keepFor of [-1, Number.NaN, Infinity, "7" as never]) expect(() => new MemoryStore({ keepFor })).toThrow(/keepFor/);
  });
});
