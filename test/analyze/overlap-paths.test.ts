// The overlap pass has a fast path (the records each rule takes, worked out
// once, met by later rules) and exact fallbacks (one question per pair; the
// pairwise BigInt search). A shortcut that is wrong on either shows here: with
// the fast path turned down or off, every router gets the same findings, and
// they still equal brute force.

import { afterEach, describe, expect, it } from "vitest";
import { analyzeFindings, type Finding } from "../../compiler/analyze";
import { overlapTuning } from "../../compiler/analyze/overlaps";
import { analysisWorkload } from "../../scripts/bench/sections/analysis";
import { programOf } from "./harness";
import { compare } from "./compare";

const defaults = { ...overlapTuning };
afterEach(() => Object.assign(overlapTuning, defaults));

const tunings: [string, Partial<typeof overlapTuning>][] = [
  ["no taken regions (every pair asked)", { partLimit: 0 }],
  ["a few taken regions, then questions", { partLimit: 2, partSteps: 4 }],
  ["no number masks (pairwise BigInt questions)", { numberMasks: false }],
];

/** Findings without their example records (which may differ between paths; each is checked on its own). */
function summary(findings: Finding[]): unknown[] {
  return findings.map((finding) => {
    switch (finding.code) {
      case "overlapping-rules":
        return [finding.code, finding.rule, finding.earlier.map((item) => item.rule)];
      case "shadowed-rule":
        return [finding.code, finding.rule, finding.by];
      case "never-matches":
        return [finding.code, finding.rule];
      default:
        return [finding.code];
    }
  });
}

describe("overlap paths agree", () => {
  for (const [name, tuning] of tunings) {
    it(`${name}: identical to brute force on 400 random routers`, () => {
      Object.assign(overlapTuning, tuning);
      for (let seed = 10_000; seed < 10_400; seed++) compare(seed);
    }, 120_000);
  }

  it("on the benchmark's router of 150 rules, every path finds the same overlaps", () => {
    const program = programOf(analysisWorkload(150), "/bench");
    const expected = analyzeFindings(program);
    expect(expected.undecided).toEqual([]);
    expect(expected.findings.filter((finding) => finding.code === "overlapping-rules").length).toBeGreaterThan(50);
    for (const [name, tuning] of tunings) {
      Object.assign(overlapTuning, defaults, tuning);
      const got = analyzeFindings(program);
      expect(summary(got.findings), name).toEqual(summary(expected.findings));
      expect(got.undecided, name).toEqual([]);
    }
  }, 120_000);
});
