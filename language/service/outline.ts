// Document symbols (the outline: declarations, a router's rules), workspace
// symbols (every declaration and rule, filtered by a query) and folding ranges
// (multi-line declarations, rules and runs of comment lines), in spans.

import type { Span } from "../diagnostics/diagnostic";
import type { Comment, Declaration, SourceFile } from "../syntax/ast";

export type OutlineKind = "enum" | "list" | "record" | "rep" | "team" | "queue" | "hours" | "score" | "router" | "test" | "assert" | "rule" | "otherwise" | "field" | "member";

export interface OutlineSymbol {
  name: string;
  kind: OutlineKind;
  detail?: string;
  /** The whole construct. */
  span: Span;
  /** Its name. */
  selection: Span;
  children: OutlineSymbol[];
}

export function documentSymbols(file: SourceFile): OutlineSymbol[] {
  return file.declarations.map(declarationSymbol).filter((symbol): symbol is OutlineSymbol => symbol !== undefined);
}

export interface WorkspaceSymbol {
  name: string;
  kind: OutlineKind;
  container?: string;
  selection: Span;
}

/** Every declaration and rule of the files, whose name contains the query's letters in order (case-insensitive). */
export function workspaceSymbols(files: readonly SourceFile[], query: string): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) continue;
    seen.add(file.path);
    for (const symbol of documentSymbols(file)) {
      if (matches(symbol.name, query)) out.push({ name: symbol.name, kind: symbol.kind, selection: symbol.selection });
      if (symbol.kind === "router") {
        for (const child of symbol.children) if (matches(child.name, query)) out.push({ name: child.name, kind: child.kind, container: symbol.name, selection: child.selection });
      }
    }
  }
  return out;
}

export interface FoldingRange {
  /** Offsets of the first and last line's content. */
  start: number;
  end: number;
  kind: "region" | "comment";
}

export function foldingRanges(file: SourceFile, comments: readonly Comment[], text: string): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (span: Span, kind: FoldingRange["kind"] = "region") => {
    if (text.slice(span.start, span.end).includes("\n")) ranges.push({ start: span.start, end: span.end, kind });
  };
  for (const declaration of file.declarations) {
    add(declaration.span);
    if (declaration.kind === "router") {
      declaration.rules.forEach((rule) => add(rule.span));
      if (declaration.otherwise) add(declaration.otherwise.span);
    }
    if (declaration.kind === "test") add(declaration.record.span);
  }
  // Runs of two or more comment lines fold together.
  let run: Comment[] = [];
  const flush = () => {
    if (run.length > 1) add({ file: file.path, start: run[0]!.span.start, end: run[run.length - 1]!.span.end }, "comment");
    run = [];
  };
  for (const comment of comments) {
    const previous = run[run.length - 1];
    if (previous && !/^[ \t]*\r?\n[ \t]*$/.test(text.slice(previous.span.end, comment.span.start))) flush();
    run.push(comment);
  }
  flush();
  return ranges.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------

function declarationSymbol(declaration: Declaration): OutlineSymbol | undefined {
  if (!declaration.name) return undefined;
  const base = (name: string, selection: Span, detail?: string, children: OutlineSymbol[] = []): OutlineSymbol => ({
    name,
    kind: declaration.kind,
    span: declaration.span,
    selection,
    children,
    ...(detail ? { detail } : {}),
  });
  switch (declaration.kind) {
    case "router": {
      const children: OutlineSymbol[] = declaration.rules
        .filter((rule) => rule.name)
        .map((rule) => ({ name: rule.name.value, kind: "rule", span: rule.span, selection: rule.name.span, children: [], ...(rule.disabled ? { detail: "disabled" } : {}) }));
      if (declaration.otherwise) children.push({ name: "otherwise", kind: "otherwise", span: declaration.otherwise.span, selection: declaration.otherwise.header, children: [] });
      return base(declaration.name.text, declaration.name.span, declaration.record ? `for ${declaration.record.text}` : undefined, children);
    }
    case "record":
      return base(
        declaration.name.text,
        declaration.name.span,
        undefined,
        declaration.fields.map((field) => ({ name: field.name.text, kind: "field", span: field.span, selection: field.name.span, children: [] })),
      );
    case "enum":
      return base(
        declaration.name.text,
        declaration.name.span,
        undefined,
        declaration.members.map((member) => ({ name: member.name.text, kind: "member", span: member.span, selection: member.name.span, children: [] })),
      );
    case "test":
    case "assert":
      return base(declaration.name.value, declaration.name.span, declaration.router ? `${declaration.kind === "test" ? "route" : "in"} ${declaration.router.text}` : undefined);
    default:
      return base(declaration.name.text, declaration.name.span);
  }
}

function matches(name: string, query: string): boolean {
  if (query === "") return true;
  const folded = name.toLowerCase();
  let at = 0;
  for (const char of query.toLowerCase()) {
    at = folded.indexOf(char, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}
