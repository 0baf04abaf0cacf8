// `route check <files or dirs…> [--format text|json] [--no-overlaps]`: every
// file checked with its own imports, then analysed (compiler/analyze) when it
// has no errors; exit 1 when any error is found, warnings allowed.

import { hasErrors, type Diagnostic } from "../../language/diagnostics/diagnostic";
import { summarize } from "../../language/diagnostics/render-text";
import { checkProgram } from "../../language/semantics/check";
import { analyzeProgram } from "../analyze";
import { collectRouteFiles, DiskHost } from "./files";
import type { Io } from "./io";
import { dedupe, diagnosticsJson, diagnosticsText, type Format } from "./output";

export interface CheckOptions {
  /** Report `overlapping-rules` (the slower findings); asserts always run. Default true. */
  overlaps?: boolean;
}

export function checkCommand(io: Io, paths: string[], format: Format, options: CheckOptions = {}): number {
  const files = collectRouteFiles(io, paths);
  const host = new DiskHost();
  const all: Diagnostic[] = [];
  for (const file of files) {
    const checked = checkProgram(file, host);
    all.push(...checked.diagnostics);
    // The analysis speaks about a program that means something: only once it has no errors.
    if (!hasErrors(checked.diagnostics)) all.push(...analyzeProgram(checked.value, { overlaps: options.overlaps ?? true }));
  }
  const diagnostics = dedupe(all);
  if (format === "json") {
    io.stdout(JSON.stringify({ diagnostics: diagnosticsJson(io, host, diagnostics) }, null, 2) + "\n");
  } else {
    if (diagnostics.length > 0) io.stdout(diagnosticsText(io, host, diagnostics) + "\n");
    const noun = files.length === 1 ? "file" : "files";
    io.stdout(`checked ${files.length} ${noun}: ${summarize(diagnostics)}\n`);
  }
  return hasErrors(diagnostics) ? 1 : 0;
}
