// `formatText`: the one formatting entry point the CLI, the language server
// and the Prettier plugin call. It refuses to touch a file with syntax errors,
// and returns the input untouched (with an internal-error) whenever the
// printed text would not parse back to the same program.

import type { Diagnostic, Result } from "../diagnostics/diagnostic";
import type { ParsedFile } from "../syntax/parse";
import { parse } from "../syntax/parse";
import { CommentPool, Source } from "./context";
import { printer } from "./doc";
import { file } from "./print-declarations";
import { sameProgram } from "./verify";

export interface FormatOptions {
  /** The line width the printer aims for (default 100). */
  printWidth?: number;
  /** Spaces per indentation level (default 2). */
  tabWidth?: number;
  /** Indent with tabs instead of spaces (default false). */
  useTabs?: boolean;
}

const BOM = "\uFEFF";

/** The default line width: rule names, reasons and one-line reps are long by nature (see docs/formatting.md). */
export const defaultPrintWidth = 100;

/**
 * Formats one file's text. Never throws. With syntax errors: the input and
 * those errors. On success: the formatted text (LF line ends, one final
 * newline, a leading byte-order mark kept) and no diagnostics.
 */
export function formatText(text: string, path: string, options: FormatOptions = {}): Result<string> {
  return formatWith(printParsed, text, path, options);
}

export type Print = (parsed: ParsedFile, text: string, options: FormatOptions) => string;

/** `formatText` with a given printer: how the tests show that a wrong printer's output is refused. */
export function formatWith(print: Print, text: string, path: string, options: FormatOptions = {}): Result<string> {
  const parsed = parse(text, path);
  if (parsed.diagnostics.some((diagnostic) => diagnostic.severity === "error")) {
    return { value: text, diagnostics: parsed.diagnostics };
  }
  try {
    // A byte-order mark stays (editors save "UTF-8 with BOM" on purpose); the lexer reads it as whitespace.
    const formatted = (text.startsWith(BOM) ? BOM : "") + print(parsed.value, text, options);
    const again = parse(formatted, path);
    const problem = again.diagnostics.length > 0 ? `the output does not parse: ${again.diagnostics[0]!.message}` : sameProgram(parsed.value, again.value);
    if (problem) return { value: text, diagnostics: [internalError(path, problem)] };
    return { value: formatted, diagnostics: [] };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { value: text, diagnostics: [internalError(path, `the printer failed (${detail.split("\n")[0]})`)] };
  }
}

/** Prints an already parsed file (no soundness check: callers use `formatText`). */
export function printParsed(parsed: ParsedFile, text: string, options: FormatOptions = {}): string {
  const context = { source: new Source(text), comments: new CommentPool(parsed.comments) };
  const doc = file(context, parsed.file);
  return printer.printDocToString(doc, {
    printWidth: options.printWidth ?? defaultPrintWidth,
    tabWidth: options.tabWidth ?? 2,
    useTabs: options.useTabs ?? false,
  }).formatted;
}

function internalError(path: string, detail: string): Diagnostic {
  return {
    code: "internal-error",
    severity: "error",
    message: `the formatter left this file as written because ${detail}: please report`,
    span: { file: path, start: 0, end: 0 },
  };
}
