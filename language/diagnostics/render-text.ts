// Renders diagnostics for people: the user's line with a caret underline,
// related places with dashes, help and fixes — in the rustc/Elm voice.
// Colour is the caller's choice (the CLI turns it on only on a terminal).

import pc from "picocolors";
import type { Diagnostic, Severity, Span } from "./diagnostic";
import { LineIndex } from "./line-index";

export interface TextRenderOptions {
  /** Colour escapes on or off. */
  color: boolean;
  /** The text of a file, to show its lines. */
  source: (file: string) => string | undefined;
  /** How to print a file's path (e.g. relative to the working directory). */
  displayPath?: (file: string) => string;
}

export function renderDiagnosticsText(diagnostics: readonly Diagnostic[], options: TextRenderOptions): string {
  const renderer = new TextRenderer(options);
  return diagnostics.map((d) => renderer.render(d)).join("\n");
}

export function renderDiagnosticText(diagnostic: Diagnostic, options: TextRenderOptions): string {
  return new TextRenderer(options).render(diagnostic);
}

/** "2 errors, 1 warning" — the closing line of `route check`. */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Severity) => diagnostics.filter((d) => d.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const parts = [plural(count("error"), "error"), plural(count("warning"), "warning")];
  const infos = count("info") + count("hint");
  if (infos > 0) parts.push(plural(infos, "note"));
  return parts.join(", ");
}

class TextRenderer {
  private readonly colors: ReturnType<typeof pc.createColors>;
  private readonly indexes = new Map<string, LineIndex | null>();

  constructor(private readonly options: TextRenderOptions) {
    this.colors = pc.createColors(options.color);
  }

  render(diagnostic: Diagnostic): string {
    const c = this.colors;
    const paint = this.severityColor(diagnostic.severity);
    const lines: string[] = [];
    lines.push(`${c.bold(paint(`${diagnostic.severity}[${diagnostic.code}]`))}${c.bold(`: ${diagnostic.message}`)}`);

    const places: { span: Span; message: string; primary: boolean }[] = [
      { span: diagnostic.span, message: "", primary: true },
      ...(diagnostic.labels ?? []).map((label) => ({ span: label.span, message: label.message, primary: false })),
    ];
    const gutter = Math.max(...places.map((place) => String(this.position(place.span).line).length));
    const pad = " ".repeat(gutter);
    const start = this.position(diagnostic.span);
    lines.push(`${pad}${c.blue("-->")} ${this.path(diagnostic.span.file)}:${start.line}:${start.column}`);

    let previousFile = diagnostic.span.file;
    for (const place of places) {
      if (place.span.file !== previousFile) {
        const where = this.position(place.span);
        lines.push(`${pad}${c.blue("::")} ${this.path(place.span.file)}:${where.line}:${where.column}`);
        previousFile = place.span.file;
      }
      const snippet = this.snippet(place.span, gutter, place.primary ? "^" : "-", place.message, place.primary ? paint : c.blue);
      if (snippet.length > 0) lines.push(`${pad} ${c.blue("|")}`, ...snippet);
    }
    if (diagnostic.witness) {
      lines.push(`${pad} ${c.blue("=")} ${c.bold("example record")}: ${JSON.stringify(diagnostic.witness)}`);
    }
    if (diagnostic.help) lines.push(`${pad} ${c.blue("=")} ${c.bold("help")}: ${diagnostic.help}`);
    for (const fix of diagnostic.fixes ?? []) lines.push(`${pad} ${c.blue("=")} ${c.bold("fix")}: ${fix.title}`);
    return lines.join("\n") + "\n";
  }

  private snippet(
    span: Span,
    gutter: number,
    mark: string,
    message: string,
    paint: (text: string) => string,
  ): string[] {
    const index = this.index(span.file);
    if (!index) return [];
    const c = this.colors;
    const start = index.position(span.start);
    const end = index.position(span.end);
    const text = index.lineText(start.line);
    const from = start.column - 1;
    // A span over several lines is underlined to the end of its first line.
    const to = end.line === start.line ? Math.max(end.column - 1, from + 1) : Math.max(text.length, from + 1);
    const underline = " ".repeat(from) + mark.repeat(to - from);
    const number = String(start.line).padStart(gutter);
    return [
      `${c.blue(number)} ${c.blue("|")} ${expandTabs(text)}`,
      `${" ".repeat(gutter)} ${c.blue("|")} ${paint(underline)}${message ? " " + paint(message) : ""}`,
    ];
  }

  private severityColor(severity: Severity): (text: string) => string {
    const c = this.colors;
    switch (severity) {
      case "error":
        return c.red;
      case "warning":
        return c.yellow;
      case "info":
        return c.cyan;
      case "hint":
        return c.green;
    }
  }

  private position(span: Span) {
    return this.index(span.file)?.position(span.start) ?? { line: 1, column: span.start + 1 };
  }

  private index(file: string): LineIndex | null {
    if (!this.indexes.has(file)) {
      const text = this.options.source(file);
      this.indexes.set(file, text === undefined ? null : new LineIndex(text));
    }
    return this.indexes.get(file) ?? null;
  }

  private path(file: string): string {
    return this.options.displayPath ? this.options.displayPath(file) : file;
  }
}

// Tabs would shift the caret line; show them as single spaces so columns agree.
function expandTabs(text: string): string {
  return text.replace(/\t/g, " ");
}
