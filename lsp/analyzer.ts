// The one seam between the language server and the rule analysis
// (compiler/analyze): which findings the editor shows after the quick checks.

import type { Diagnostic } from "../language/diagnostics/diagnostic";
import type { Program } from "../language/semantics/model";

export function analyze(program: Program): Diagnostic[] {
  void program;
  // FIXME: publish analyzeProgram(program, { overlaps: true }) once compiler/analyze lands.
  return [];
}
