// The Prettier plugin for .route files: `prettier --plugin ./dist/prettier-plugin.js`.
// Parsing refuses a file with syntax errors (Prettier reports it, writes
// nothing); printing goes through `formatText`, so the soundness check holds
// here too and Prettier's `printWidth`, `tabWidth` and `useTabs` apply.

import type { Parser, Plugin, Printer, SupportLanguage } from "prettier";
import { LineIndex } from "../diagnostics/line-index";
import { parse } from "../syntax/parse";
import { builders } from "./doc";
import { defaultPrintWidth, formatText } from "./format";

/** What our parser hands Prettier: the text itself; the printer parses it again through `formatText`. */
interface RouteRoot {
  kind: "route-root";
  text: string;
  path: string;
}

export const languages: SupportLanguage[] = [
  {
    name: "Route",
    parsers: ["route"],
    extensions: [".route"],
    vscodeLanguageIds: ["route"],
  },
];

export const parsers: Record<string, Parser<RouteRoot>> = {
  route: {
    astFormat: "route",
    parse(text, options) {
      const path = typeof options.filepath === "string" ? options.filepath : "<input>.route";
      const first = parse(text, path).diagnostics.find((diagnostic) => diagnostic.severity === "error");
      if (first) throw syntaxError(text, first.message, first.span.start, first.span.end);
      return { kind: "route-root", text, path };
    },
    locStart: () => 0,
    locEnd: (node) => node.text.length,
  },
};

export const printers: Record<string, Printer<RouteRoot>> = {
  route: {
    print(path, options) {
      const root = path.node;
      const result = formatText(root.text, root.path, {
        printWidth: options.printWidth,
        tabWidth: options.tabWidth,
        useTabs: options.useTabs,
      });
      const problem = result.diagnostics.find((diagnostic) => diagnostic.severity === "error");
      if (problem) throw new Error(`${problem.code}: ${problem.message}`);
      // One string per line: Prettier joins them with the line end the user configured.
      const lines = result.value.replace(/\n$/, "").split("\n");
      return result.value === "" ? "" : [builders.join(builders.hardline, lines), builders.hardline];
    },
  },
};

/** No options of our own yet: width, indentation and tabs are Prettier's. */
export const options = {};

/** A wider default than Prettier's 80, as `route fmt` uses (see docs/formatting.md). */
export const defaultOptions = { printWidth: defaultPrintWidth };

function syntaxError(text: string, message: string, start: number, end: number): Error {
  const lines = new LineIndex(text);
  const from = lines.position(start);
  const to = lines.position(end);
  const error = new SyntaxError(message) as SyntaxError & { loc: unknown };
  // Prettier shows `loc` (1-based lines and columns) with a code frame.
  error.loc = { start: { line: from.line, column: from.column }, end: { line: to.line, column: to.column } };
  return error;
}

const plugin: Plugin<RouteRoot> = { languages, parsers, printers, options, defaultOptions };
export default plugin;
