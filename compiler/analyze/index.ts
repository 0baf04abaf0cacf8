// The rule analysis (issue 4): shadowed and never-matching rules, overlaps,
// gaps and asserts, decided exactly over the region algebra (compiler/regions).
// `analyzeProgram` is what the CLI and the language server call.

import type { Diagnostic } from "../../language/diagnostics/diagnostic";
import { sortDiagnostics } from "../../language/diagnostics/diagnostic";
import type { Program } from "../../language/semantics/model";
import { analyzeAssert } from "./asserts";
import type { Finding, Undecided } from "./findings";
import { toDiagnostic } from "./messages";
import { analyzeRouter } from "./rules";

export type { Finding, Undecided } from "./findings";

export interface AnalyzeOptions {
  /** Report `overlapping-rules` (default true). Off: the faster findings only; asserts always run. */
  overlaps?: boolean;
  /** Most cube splits per question before a rule or assert is called undecided (default 200,000). */
  budget?: number;
}

export const DEFAULT_BUDGET = 200_000;

/** Every finding of every router and every assert of the entry file, as diagnostics sorted by place. */
export function analyzeProgram(program: Program, options: AnalyzeOptions = {}): Diagnostic[] {
  const { findings } = analyzeFindings(program, options);
  return sortDiagnostics(findings.map((finding) => toDiagnostic(program, finding)));
}

/** The same, structured: findings with their example records, and what could not be decided. */
export function analyzeFindings(program: Program, options: AnalyzeOptions = {}): { findings: Finding[]; undecided: Undecided[] } {
  const overlaps = options.overlaps ?? true;
  const budget = options.budget ?? DEFAULT_BUDGET;
  const findings: Finding[] = [];
  const undecided: Undecided[] = [];
  for (const routerId of [...program.routers.keys()].sort()) {
    const router = program.routers.get(routerId)!;
    // Routers of imported files are analysed where they are declared, and only the entry's are reported here.
    if (router.span.file !== program.entry) continue;
    const result = analyzeRouter(program, routerId, { overlaps, budget });
    findings.push(...result.findings);
    undecided.push(...result.undecided);
  }
  for (const assertion of program.asserts) findings.push(...analyzeAssert(program, assertion, budget));
  return { findings, undecided };
}
