// Random sequences of store operations (claims with every method, capacity,
// caps, forced accepts, releases, presence), for property tests of one store
// and for checking that the Redis script and the MemoryStore agree.
import fc from "fast-check";
import type { ClaimRequest, Method, Presence, Store } from "../../../runtime/index";

export type Operation = { kind: "claim"; request: ClaimRequest } | { kind: "presence"; rep: string; presence: Presence };

const REPS = ["a", "b", "c", "d"];
const METHODS: Method[] = ["round-robin", "weighted-round-robin", "load-balance", "first-available", "broadcast"];

const candidate = fc.record({
  rep: fc.constantFrom(...REPS),
  weight: fc.constantFrom(500, 1000, 1500, 2000),
  capacity: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  cap: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
});

const step = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ always: true as const }) },
  {
    weight: 4,
    arbitrary: fc.record({
      team: fc.option(fc.constantFrom("t1", "t2"), { nil: null }),
      method: fc.constantFrom(...METHODS),
      candidates: fc.uniqueArray(candidate, { selector: (item) => item.rep, maxLength: 4 }),
    }),
  },
);

export const operations = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ steps: fc.array(step, { minLength: 1, maxLength: 3 }), release: fc.subarray(REPS, { maxLength: 2 }), repeat: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ rep: fc.constantFrom(...REPS), presence: fc.constantFrom<Presence>("online", "away", "offline") }) },
  ),
  { maxLength: 40 },
).map((items) => {
  const out: Operation[] = [];
  items.forEach((item, index) => {
    if ("presence" in item) {
      out.push({ kind: "presence", rep: item.rep, presence: item.presence });
      return;
    }
    // A repeat reuses the previous claim's key: the store must replay, not count again.
    const key = item.repeat && index > 0 ? `k${index - 1}` : `k${index}`;
    const steps = item.steps.map((s) =>
      "always" in s
        ? s
        : {
            team: s.team,
            method: s.method,
            candidates: s.candidates.map(({ cap, capacity, ...rest }) => ({
              ...rest,
              ...(capacity === undefined ? {} : { capacity }),
              caps: cap === undefined ? [] : [{ key: `${rest.rep}:day:2026-12-04`, limit: cap, period: "day" as const, ttl: 3600 }],
            })),
          },
    );
    out.push({ kind: "claim", request: { key, id: key, memo: JSON.stringify({ index }), release: item.release, steps } });
  });
  return out;
});

/** Applies the operations; returns every claim result and the final open counts. */
export async function apply(store: Store, ops: Operation[]): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const op of ops) {
    if (op.kind === "presence") await store.setPresence(op.rep, op.presence);
    else results.push(await store.claim(op.request));
  }
  results.push(await store.openCounts());
  return results;
}
