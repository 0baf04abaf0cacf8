// Renders diagnostics for machines: 1-based lines and columns counted in
// UTF-16 code units (as LSP counts them), plus every optional member.

import type { Diagnostic, Fix, Span } from "./diagnostic";
import { LineIndex } from "./line-index";

export interface JsonLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonDiagnostic extends JsonLocation {
  severity: Diagnostic["severity"];
  code: string;
  message: string;
  help?: string;
  labels?: (JsonLocation & { message: string })[];
  witness?: Record<string, unknown>;
  fixes?: { title: string; edits: (JsonLocation & { newText: string })[] }[];
}

export interface JsonRenderOptions {
  source: (file: string) => string | undefined;
  displayPath?: (file: string) => string;
}

export function toJsonDiagnostics(diagnostics: readonly Diagnostic[], options: JsonRenderOptions): JsonDiagnostic[] {
  const indexes = new Map<string, LineIndex>();
  const locate = (span: Span): JsonLocation => {
    let index = indexes.get(span.file);
    if (!index) {
      index = new LineIndex(options.source(span.file) ?? "");
      indexes.set(span.file, index);
    }
    const start = index.position(span.start);
    const end = index.position(span.end);
    return {
      file: options.displayPath ? options.displayPath(span.file) : span.file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
  };
  return diagnostics.map((d) => {
    const out: JsonDiagnostic = { ...locate(d.span), severity: d.severity, code: d.code, message: d.message };
    if (d.help) out.help = d.help;
    if (d.labels?.length) out.labels = d.labels.map((label) => ({ ...locate(label.span), message: label.message }));
    if (d.witness) out.witness = d.witness;
    if (d.fixes?.length) out.fixes = d.fixes.map((fix: Fix) => ({
      title: fix.title,
      edits: fix.edits.map((edit) => ({ ...locate(edit.span), newText: edit.newText })),
    }));
    return out;
  });
}
