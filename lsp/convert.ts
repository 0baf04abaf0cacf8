// Conversions between the core's offsets, paths and diagnostics and LSP's
// positions, URIs and diagnostics. The only place that maps one to the other.

import { fileURLToPath, pathToFileURL } from "node:url";
import type { Diagnostic as LspDiagnostic, Location, Range } from "vscode-languageserver";
import { DiagnosticSeverity, DiagnosticTag } from "vscode-languageserver";
import type { Diagnostic, Span } from "../language/diagnostics/diagnostic";
import { LineIndex } from "../language/diagnostics/line-index";

export function uriToPath(uri: string): string {
  if (uri.startsWith("file:")) {
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  }
  return uri;
}

export function pathToUri(path: string): string {
  return path.startsWith("/") ? pathToFileURL(path).href : path;
}

/** Offsets of one text, converted with a line index built once per text. */
export class TextPositions {
  private readonly lines: LineIndex;
  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  position(offset: number): { line: number; character: number } {
    const position = this.lines.position(offset);
    return { line: position.line - 1, character: position.column - 1 };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  offset(position: { line: number; character: number }): number {
    return this.lines.offset({ line: position.line + 1, column: position.character + 1 });
  }
}

export interface ClientSupport {
  relatedInformation: boolean;
  markdown: boolean;
  snippets: boolean;
  hierarchicalSymbols: boolean;
  codeActionLiterals: boolean;
  prepareRename: boolean;
}

const severities = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/** A core diagnostic as LSP sends it: help and witness folded into the message, labels as related information. */
export function toLspDiagnostic(diagnostic: Diagnostic, positionsOf: (path: string) => TextPositions, support: ClientSupport): LspDiagnostic {
  const positions = positionsOf(diagnostic.span.file);
  let message = diagnostic.message;
  if (diagnostic.witness) message += `\nexample record: ${JSON.stringify(diagnostic.witness)}`;
  if (diagnostic.help) message += `\nhelp: ${diagnostic.help}`;
  const related = (diagnostic.labels ?? []).map((label) => ({ location: location(label.span, positionsOf), message: label.message }));
  if (!support.relatedInformation) for (const item of related) message += `\n${item.message} (line ${item.location.range.start.line + 1})`;
  const result: LspDiagnostic = {
    range: positions.range(diagnostic.span.start, diagnostic.span.end),
    severity: severities[diagnostic.severity],
    code: diagnostic.code,
    source: "route",
    message,
  };
  if (support.relatedInformation && related.length > 0) result.relatedInformation = related;
  if (diagnostic.code === "shadowed-rule" || diagnostic.code === "never-matches" || diagnostic.code.startsWith("unreachable-")) result.tags = [DiagnosticTag.Unnecessary];
  return result;
}

export function location(span: Span, positionsOf: (path: string) => TextPositions): Location {
  return { uri: pathToUri(span.file), range: positionsOf(span.file).range(span.start, span.end) };
}
