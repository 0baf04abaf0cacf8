// Property tests of the MemoryStore's claim: capacity and caps never exceeded,
// replays count nothing, and smooth weighted round robin keeps every prefix
// within one lead of its share.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemoryStore, type ClaimRequest } from "../../../runtime/index";
import { operations } from "./claims";

describe("MemoryStore claims", () => {
  it("never exceed a capacity or a cap, and a replayed key changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(operations, async (ops) => {
        const store = new MemoryStore();
        const capCounts = new Map<string, number>();
        for (const op of ops) {
          if (op.kind === "presence") {
            await store.setPresence(op.rep, op.presence);
            continue;
          }
          const before = JSON.stringify(await store.openCounts());
          const result = await store.claim(op.request);
          if (result.replay) {
            expect(JSON.stringify(await store.openCounts())).toBe(before);
            continue;
          }
          const step = op.request.steps[result.step];
          if (!step || step.always || step.method === "broadcast") continue;
          const chosen = step.candidates.find((candidate) => candidate.rep === result.chosen[0])!;
          if (chosen.capacity !== undefined) expect(result.open!).toBeLessThanOrEqual(chosen.capacity);
          for (const cap of chosen.caps) {
            capCounts.set(cap.key, (capCounts.get(cap.key) ?? 0) + 1);
            expect(capCounts.get(cap.key)!).toBeLessThanOrEqual(cap.limit);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("smooth weighted round robin: exact shares per cycle, every prefix within one lead", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0.5, 1, 1.5, 2, 3), { minLength: 1, maxLength: 5 }), (weights) => {
        const store = new MemoryStore();
        const total = weights.reduce((sum, weight) => sum + weight, 0);
        const cycle = total * 2; // weights are multiples of 0.5, so two rounds of `total` leads are whole turns
        const counts = weights.map(() => 0);
        for (let lead = 1; lead <= cycle * 2; lead++) {
          const request: ClaimRequest = {
            key: `k${lead}`, id: `k${lead}`, memo: "", release: [],
            steps: [{ team: "t", method: "weighted-round-robin", candidates: weights.map((weight, i) => ({ rep: `r${i}`, weight: weight * 1000, caps: [] })) }],
          };
          const chosen = Number(store.claimNow(request).chosen[0]!.slice(1));
          counts[chosen]! += 1;
          weights.forEach((weight, i) => expect(Math.abs(counts[i]! - (lead * weight) / total)).toBeLessThan(1 + 1e-9));
        }
        weights.forEach((weight, i) => expect(counts[i]).toBe(weight * 4));
      }),
      { numRuns: 200 },
    );
  });
});
