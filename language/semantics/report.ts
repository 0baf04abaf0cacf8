// Building diagnostics: the catalog supplies the severity, and unknown names
// get their "did you mean" help and fix in one place.

import { catalog, type Code } from "../diagnostics/catalog";
import type { Diagnostic, Span } from "../diagnostics/diagnostic";
import { suggestionFix, suggestionHelp, suggestName } from "./suggest";

export type DiagnosticExtras = Partial<Omit<Diagnostic, "code" | "message" | "span">>;

export function makeDiagnostic(code: Code, span: Span, message: string, extras: DiagnosticExtras = {}): Diagnostic {
  const diagnostic: Diagnostic = { code, severity: catalog[code].severity, message, span };
  // Absent extras stay absent (not `undefined`), so snapshots and JSON stay clean.
  for (const [key, value] of Object.entries(extras)) {
    if (value !== undefined) (diagnostic as unknown as Record<string, unknown>)[key] = value;
  }
  return diagnostic;
}

/** `unknown-name` (or another code, e.g. `not-an-enum-member`) with did-you-mean over `candidates`. */
export function unknownName(
  span: Span,
  written: string,
  message: string,
  candidates: Iterable<string>,
  code: Code = "unknown-name",
  otherHelp?: string,
): Diagnostic {
  const suggestion = suggestName(written, candidates);
  if (!suggestion) return makeDiagnostic(code, span, message, otherHelp ? { help: otherHelp } : {});
  return makeDiagnostic(code, span, message, {
    help: suggestionHelp(suggestion),
    fixes: [suggestionFix(suggestion, span)],
  });
}

/** A thrown exception turned into a diagnostic at the API boundary. */
export function internalError(span: Span, stage: string, error: unknown): Diagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  return makeDiagnostic("internal-error", span, `internal error while ${stage === "parse" ? "parsing" : "checking"}: ${detail.split("\n")[0]}`, {
    help: "this is a bug in the route tools: please report it with the file that triggered it",
  });
}
