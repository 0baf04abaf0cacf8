// The one seam between the language server and the rule analysis
// (compiler/analyze): which findings the editor shows after the quick checks.

import type { Diagnostic } from "../language/diagnostics/diagnostic";
import type { Program } from "../language/semantics/model";
import { analyzeProgram } from "../compiler/analyze/index";

/** Shadowed and never-matching rules, overlaps, unmatched records and asserts, for the entry file. */
export function analyze(program: Program): Diagnostic[] {
  return analyzeProgram(program, { overlaps: true });
}
