// Code actions: the fixes diagnostics carry (did-you-mean, renumber
// priorities, change an operator), plus actions built from the tree — add an
// `otherwise` to a router without one, move a shadowed rule above the rule
// that covers it, or delete it.

import type { Diagnostic, Span, TextEdit } from "../diagnostics/diagnostic";
import type { RouterDecl, RuleDecl, SourceFile } from "../syntax/ast";

export interface CodeAction {
  title: string;
  kind: "quickfix" | "refactor";
  edits: TextEdit[];
  /** The diagnostic it fixes, when it fixes one. */
  diagnostic?: Diagnostic;
  preferred?: boolean;
}

/** Actions for the range [start, end] of `file`, given the diagnostics published for it. */
export function codeActions(file: SourceFile, text: string, diagnostics: readonly Diagnostic[], start: number, end: number, queues: readonly string[] = []): CodeAction[] {
  const actions: CodeAction[] = [];
  const touching = diagnostics.filter((diagnostic) => diagnostic.span.file === file.path && diagnostic.span.start <= end && start <= diagnostic.span.end);
  for (const diagnostic of touching) {
    (diagnostic.fixes ?? []).forEach((fix, position) => actions.push({ title: fix.title, kind: "quickfix", edits: fix.edits, diagnostic, preferred: position === 0 }));
    if (diagnostic.code === "shadowed-rule" || diagnostic.code === "never-matches") actions.push(...shadowedRuleActions(file, text, diagnostic));
  }
  const router = file.declarations.find((declaration): declaration is RouterDecl => declaration.kind === "router" && declaration.span.start <= start && end <= declaration.span.end);
  if (router && !router.otherwise && !router.incomplete) {
    const diagnostic = touching.find((candidate) => candidate.code === "unmatched-records");
    actions.push({ title: "Add `otherwise` (send unmatched records to a queue)", kind: diagnostic ? "quickfix" : "refactor", edits: [addOtherwise(file, text, router, queues)], ...(diagnostic ? { diagnostic } : {}) });
  }
  return actions;
}

// ---------------------------------------------------------------------------

/** The new `otherwise` sends records to the program's first queue, else leaves them unassigned. */
function addOtherwise(file: SourceFile, text: string, router: RouterDecl, queues: readonly string[]): TextEdit {
  const closing = router.span.end - 1; // the router's `}`
  const lineStart = text.lastIndexOf("\n", closing - 1) + 1;
  const indent = "  ";
  const target = queues[0] !== undefined ? `queue ${queues[0]}` : "unassigned";
  const onOwnLine = /^[ \t]*$/.test(text.slice(lineStart, closing));
  const insertAt = onOwnLine ? lineStart : closing;
  const newText = `${onOwnLine ? "" : "\n"}\n${indent}otherwise {\n${indent}${indent}assign to ${target}\n${indent}}\n`;
  return { span: { file: file.path, start: insertAt, end: insertAt }, newText };
}

function shadowedRuleActions(file: SourceFile, text: string, diagnostic: Diagnostic): CodeAction[] {
  const rules = file.declarations.flatMap((declaration) => (declaration.kind === "router" ? declaration.rules : []));
  const rule = rules.find((candidate) => candidate.span.start <= diagnostic.span.start && diagnostic.span.start < candidate.span.end);
  if (!rule) return [];
  const block = wholeLines(text, rule.span);
  const actions: CodeAction[] = [
    { title: `Delete rule ${JSON.stringify(rule.name.value)} (it never matches)`, kind: "quickfix", edits: [{ span: { file: file.path, ...block }, newText: "" }], diagnostic },
  ];
  if (diagnostic.code !== "shadowed-rule") return actions;
  const covering = (diagnostic.labels ?? [])
    .map((label) => rules.find((candidate) => candidate !== rule && candidate.span.start <= label.span.start && label.span.start < candidate.span.end))
    .filter((candidate): candidate is RuleDecl => candidate !== undefined)
    .sort((a, b) => a.span.start - b.span.start)[0];
  if (covering && covering.span.start < rule.span.start) {
    const target = wholeLines(text, covering.span).start;
    const moved = text.slice(block.start, block.end);
    actions.push({
      title: `Move rule ${JSON.stringify(rule.name.value)} above ${JSON.stringify(covering.name.value)} (changes which rule matches first)`,
      kind: "quickfix",
      edits: [
        { span: { file: file.path, start: target, end: target }, newText: moved.endsWith("\n") ? moved : `${moved}\n` },
        { span: { file: file.path, ...block }, newText: "" },
      ],
      diagnostic,
    });
  }
  return actions;
}

/** Extends a span to whole lines, with the line break after it. */
function wholeLines(text: string, span: Span): { start: number; end: number } {
  const start = text.lastIndexOf("\n", span.start - 1) + 1;
  const newline = text.indexOf("\n", span.end);
  const end = newline < 0 ? text.length : newline + 1;
  return { start, end };
}
