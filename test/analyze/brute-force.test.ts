// The analysis against brute force: on random routers over small finite
// domains, where every record that matters can be enumerated, the sets of
// never-matching, shadowed, overlapping and unmatched findings must equal what
// enumeration says — no false alarm, no miss — and every example record must
// do what its finding claims.

import { describe, expect, it } from "vitest";
import { compare, seen } from "./compare";

describe("analysis vs brute force on random routers", () => {
  const batches = 5;
  const perBatch = 600;
  for (let batch = 0; batch < batches; batch++) {
    it(`routers ${batch * perBatch}..${(batch + 1) * perBatch - 1}: identical findings, real witnesses`, () => {
      for (let seed = batch * perBatch; seed < (batch + 1) * perBatch; seed++) compare(seed);
    }, 120_000);
  }
  it("the random routers exercise every finding", () => {
    for (const code of ["never-matches", "shadowed-rule", "overlapping-rules", "unmatched-records"]) {
      expect(seen.get(code) ?? 0, code).toBeGreaterThan(50);
    }
  });
});
