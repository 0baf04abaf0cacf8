// Inline expectations in fixture files, and the comparison of a run's
// diagnostics with them. A fixture states what it expects under the line it
// concerns:
//
//   rule "x" { when regoin is EMEA  assign to queue q }
//   #               ^^^^^^ error unknown-name: unknown field `regoin`
//
// The carets give the columns on the nearest line above that is not itself an
// expectation; the text after the colon, when present, must occur in the
// message. A span that starts in column 1 cannot have a caret under it, so
//
//   # error duplicate-name: ...
//
// (no carets) expects a diagnostic of that code starting anywhere on the line
// above. A span longer than its line is written with carets to the line end.
// Every diagnostic must be expected and every expectation met.

import type { Diagnostic, Severity } from "../../language/diagnostics/diagnostic";
import { LineIndex } from "../../language/diagnostics/line-index";

export interface Expectation {
  file: string;
  /** 1-based line the expectation is about. */
  line: number;
  /** 1-based columns [start, end) when carets were given. */
  columns?: [number, number];
  severity: Severity;
  code: string;
  message?: string;
  /** Line of the expectation comment itself, for failure messages. */
  writtenAt: number;
}

const expectationLine = /^(\s*)#(\s*)(\^+)?\s*(error|warning|info|hint)\s+([a-z][a-z-]*)(?::\s?(.*))?\s*$/;

/** True for a line that is an inline expectation rather than code or a comment. */
export function isExpectationLine(line: string): boolean {
  return expectationLine.test(line);
}

export function readExpectations(file: string, text: string): Expectation[] {
  const lines = text.split(/\r?\n/);
  const result: Expectation[] = [];
  let target = 0;
  lines.forEach((line, index) => {
    const match = expectationLine.exec(line);
    if (!match) {
      target = index + 1;
      return;
    }
    const carets = match[3];
    const expectation: Expectation = {
      file,
      line: target,
      severity: match[4] as Severity,
      code: match[5]!,
      writtenAt: index + 1,
    };
    if (carets) {
      const start = line.indexOf("^") + 1;
      expectation.columns = [start, start + carets.length];
    }
    if (match[6] !== undefined && match[6].trim() !== "") expectation.message = match[6].trim();
    result.push(expectation);
  });
  return result;
}

/**
 * Compares diagnostics with expectations; returns a list of human-readable
 * problems (empty when everything matches). `texts` maps each file to its text.
 */
export function compareExpectations(
  expectations: Expectation[],
  diagnostics: Diagnostic[],
  texts: Map<string, string>,
): string[] {
  const problems: string[] = [];
  const remaining = [...diagnostics];
  const indexes = new Map<string, LineIndex>();
  const indexOf = (file: string) => {
    let index = indexes.get(file);
    if (!index) {
      index = new LineIndex(texts.get(file) ?? "");
      indexes.set(file, index);
    }
    return index;
  };
  const describe = (d: Diagnostic) => {
    const index = indexOf(d.span.file);
    const start = index.position(d.span.start);
    const end = index.position(d.span.end);
    return `${d.span.file}:${start.line}:${start.column}-${end.line}:${end.column} ${d.severity} ${d.code}: ${d.message}`;
  };
  for (const expected of expectations) {
    const found = remaining.findIndex((d) => {
      if (d.span.file !== expected.file || d.code !== expected.code || d.severity !== expected.severity) return false;
      const index = indexOf(d.span.file);
      const start = index.position(d.span.start);
      if (start.line !== expected.line) return false;
      if (expected.columns) {
        const end = index.position(d.span.end);
        const lineLength = index.lineText(start.line).length + 1;
        const endColumn = end.line === start.line ? end.column : lineLength;
        if (start.column !== expected.columns[0] || Math.min(endColumn, lineLength) !== Math.min(expected.columns[1], lineLength)) {
          return false;
        }
      }
      if (expected.message && !d.message.includes(expected.message)) return false;
      return true;
    });
    if (found === -1) {
      const cols = expected.columns ? `:${expected.columns[0]}-${expected.columns[1]}` : "";
      problems.push(
        `missing: ${expected.file}:${expected.line}${cols} ${expected.severity} ${expected.code}` +
          (expected.message ? `: ${expected.message}` : "") +
          ` (expectation on line ${expected.writtenAt})`,
      );
    } else {
      remaining.splice(found, 1);
    }
  }
  for (const d of remaining) problems.push(`unexpected: ${describe(d)}`);
  return problems;
}
