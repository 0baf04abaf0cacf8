// What the analysis finds, before it is worded: rule and router findings
// with their example records, kept structured so tests can replay every
// example through the reference evaluator.

import type { AssertModel, TargetModel } from "../../language/semantics/model";
import type { Witness } from "../regions";

export type Finding =
  | { code: "never-matches"; router: string; rule: number }
  | { code: "shadowed-rule"; router: string; rule: number; by: number[]; witness: Witness }
  | { code: "overlapping-rules"; router: string; rule: number; earlier: { rule: number; witness: Witness }[] }
  | { code: "unmatched-records"; router: string; witness: Witness }
  | {
      code: "assert-failed";
      assert: AssertModel;
      witness: Witness;
      /** The matched rule's index, or null for the otherwise / no match. */
      rule: number | null;
      outcome: "rule" | "otherwise" | "unmatched";
      /** The target reached that breaks the claim (null for `always assigned`). */
      target: TargetModel | null;
      /** The steps taken, in words. */
      path: string[];
      /** The roster state, in words: who must be away or full for this path. */
      roster: string[];
    }
  | { code: "assert-undecided"; assert: AssertModel; reason: string };

/** Rules (or a router) the analysis could not decide within its budget; reported by no code, listed for docs and tests. */
export interface Undecided {
  router: string;
  rule: number | null;
  reason: string;
}
