// The one diagnostic type every stage returns, and the `Result` pair that
// carries it. Positions are UTF-16 offsets; lines and columns exist only in
// the renderers (text, JSON, LSP).

/** A half-open range of UTF-16 code units in one file. */
export interface Span {
  file: string;
  start: number;
  end: number;
}

export type Severity = "error" | "warning" | "info" | "hint";

export interface Label {
  span: Span;
  message: string;
}

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Diagnostic {
  /** Stable kebab-case code from the catalog; never renamed or reused. */
  code: string;
  severity: Severity;
  /** One line, in a rev-ops reader's words, no trailing period. */
  message: string;
  span: Span;
  /** Related places: "shadowed by this rule", "first declared here". */
  labels?: Label[];
  /** "did you mean `region`?" */
  help?: string;
  /** An example record, for findings that claim something about records. */
  witness?: Record<string, unknown>;
  fixes?: Fix[];
}

/** What every stage returns: its value and what it noticed on the way. */
export interface Result<T> {
  value: T;
  diagnostics: Diagnostic[];
}

/** Deterministic order for output: file, offset, code. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : 0) ||
      a.span.start - b.span.start ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
