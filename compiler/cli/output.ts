// Shared rendering of diagnostics for every command: text for people (colour
// only on a terminal, NO_COLOR respected) or JSON for machines.

import { sortDiagnostics, type Diagnostic } from "../../language/diagnostics/diagnostic";
import { toJsonDiagnostics, type JsonDiagnostic } from "../../language/diagnostics/render-json";
import { renderDiagnosticsText } from "../../language/diagnostics/render-text";
import type { DiskHost } from "./files";
import { display, useColor, type Io } from "./io";

export type Format = "text" | "json";

/** Same diagnostic reached through two entry files is reported once. */
export function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const result: Diagnostic[] = [];
  for (const d of sortDiagnostics(diagnostics)) {
    const key = `${d.span.file}\0${d.span.start}\0${d.span.end}\0${d.code}\0${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(d);
  }
  return result;
}

export function diagnosticsText(io: Io, host: DiskHost, diagnostics: Diagnostic[]): string {
  return renderDiagnosticsText(diagnostics, {
    color: useColor(io),
    source: host.source,
    displayPath: (file) => display(io, file),
  });
}

export function diagnosticsJson(io: Io, host: DiskHost, diagnostics: Diagnostic[]): JsonDiagnostic[] {
  return toJsonDiagnostics(diagnostics, { source: host.source, displayPath: (file) => display(io, file) });
}
