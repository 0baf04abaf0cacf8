// Re-parses only what a keystroke changed. When an edit falls strictly
// inside one rule (or `otherwise`) of a router, or inside one other top-level
// declaration, of a file that parsed cleanly, only that piece is parsed again
// and spliced into the previous tree, with every later span shifted. Anything
// else (an edit across pieces, a previous or new syntax error, a piece that no
// longer parses alone) falls back to parsing the whole file, so the result is
// always what a full parse would give. Later spans are moved in place, not
// copied: a keystroke allocates only the new piece, and the previous tree of
// the path (which only this cache hands out) is consumed by the next parse.

import type { Span } from "../language/diagnostics/diagnostic";
import { internalError } from "../language/semantics/report";
import { ParseCache } from "../language/semantics/workspace";
import type { Comment, Declaration, OtherwiseDecl, RouterDecl, RuleDecl, SourceFile } from "../language/syntax/ast";
import { parse } from "../language/syntax/parse";

type ParsedText = ReturnType<ParseCache["parse"]>;

export class IncrementalParseCache extends ParseCache {
  private readonly latest = new Map<string, ParsedText>();
  /** How the last parse of each path was done, for tests and the benchmark. */
  readonly lastMode = new Map<string, "cached" | "piece" | "full">();

  override parse(path: string, text: string): ParsedText {
    const previous = this.latest.get(path);
    if (previous && previous.text === text) {
      this.lastMode.set(path, "cached");
      return previous;
    }
    let parsed = previous ? reparsePiece(previous, text, path) : undefined;
    this.lastMode.set(path, parsed ? "piece" : "full");
    parsed ??= parseWhole(path, text);
    this.latest.set(path, parsed);
    return parsed;
  }

  override forget(path: string): void {
    this.latest.delete(path);
    super.forget(path);
  }
}

function parseWhole(path: string, text: string): ParsedText {
  try {
    const result = parse(text, path);
    return { text, file: { ...result.value.file, text }, comments: result.value.comments, diagnostics: result.diagnostics };
  } catch (error) {
    const span: Span = { file: path, start: 0, end: 0 };
    return { text, file: { kind: "file", path, imports: [], declarations: [], span: { file: path, start: 0, end: text.length } }, comments: [], diagnostics: [internalError(span, "parse", error)] };
  }
}

function reparsePiece(previous: ParsedText, text: string, path: string): ParsedText | undefined {
  if (previous.diagnostics.length > 0) return undefined;
  const old = previous.text;
  let prefix = 0;
  const limit = Math.min(old.length, text.length);
  while (prefix < limit && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const oldEnd = old.length - suffix;
  const delta = text.length - old.length;
  // Strictly inside: the piece's first and last characters are untouched.
  const inside = (span: Span) => span.start < prefix && oldEnd < span.end;

  const declarations = previous.file.declarations;
  const at = declarations.findIndex((declaration) => inside(declaration.span));
  if (at < 0) return undefined;
  const declaration = declarations[at]!;
  let replacement: Declaration | undefined;
  let pieceComments: Comment[] = [];
  let piece: Span;

  if (declaration.kind === "router") {
    const pieces: (RuleDecl | OtherwiseDecl)[] = [...declaration.rules, ...(declaration.otherwise ? [declaration.otherwise] : [])];
    const target = pieces.find((candidate) => inside(candidate.span));
    if (!target) return undefined;
    // A copy: the spans moved below may include this very object.
    piece = { ...target.span };
    const pieceText = text.slice(piece.start, piece.end + delta);
    const wrapperHead = "router __piece for __Piece {\n";
    const wrapped = tryParse(`${wrapperHead}${pieceText}\n}\n`, path);
    if (!wrapped) return undefined;
    const router = wrapped.file.declarations[0];
    if (wrapped.file.declarations.length !== 1 || router?.kind !== "router") return undefined;
    const parsedPieces: (RuleDecl | OtherwiseDecl)[] = [...router.rules, ...(router.otherwise ? [router.otherwise] : [])];
    const parsedPiece = parsedPieces[0];
    if (parsedPieces.length !== 1 || !parsedPiece || parsedPiece.kind !== target.kind) return undefined;
    const shift = piece.start - wrapperHead.length;
    if (parsedPiece.span.start !== wrapperHead.length || parsedPiece.span.end !== wrapperHead.length + pieceText.length) return undefined;
    shiftInPlace(parsedPiece, 0, shift, new Set());
    pieceComments = wrapped.comments;
    shiftInPlace(pieceComments, 0, shift, new Set());
    // Only what follows the piece moves: the rules before it are not even visited.
    const index = declaration.rules.indexOf(target as RuleDecl);
    const rules = declaration.rules.slice();
    if (index >= 0) rules[index] = parsedPiece as RuleDecl;
    const routerCopy: RouterDecl = { ...declaration, rules };
    if (declaration.otherwise === target) routerCopy.otherwise = parsedPiece as OtherwiseDecl;
    if (delta !== 0) {
      const seen = new Set<object>();
      for (const key of Object.keys(routerCopy) as (keyof RouterDecl)[]) if (key !== "rules" && key !== "otherwise") shiftInPlace(routerCopy[key], piece.end, delta, seen);
      for (let later = index + 1; later < rules.length; later++) if (index >= 0 || rules[later]!.span.start >= piece.end) shiftInPlace(rules[later], piece.end, delta, seen);
      if (routerCopy.otherwise && routerCopy.otherwise !== parsedPiece) shiftInPlace(routerCopy.otherwise, piece.end, delta, seen);
    }
    replacement = routerCopy;
  } else {
    piece = { ...declaration.span };
    const pieceText = text.slice(piece.start, piece.end + delta);
    const alone = tryParse(pieceText, path);
    if (!alone || alone.file.declarations.length !== 1 || alone.file.imports.length > 0) return undefined;
    const only = alone.file.declarations[0]!;
    if (only.kind !== declaration.kind || only.span.start !== 0 || only.span.end !== pieceText.length) return undefined;
    shiftInPlace(only, 0, piece.start, new Set());
    replacement = only;
    pieceComments = alone.comments;
    shiftInPlace(pieceComments, 0, piece.start, new Set());
  }

  const file: SourceFile = {
    ...previous.file,
    text,
    span: { ...previous.file.span, end: previous.file.span.end + delta },
    declarations: declarations.slice(),
  };
  file.declarations[at] = replacement;
  const later = previous.comments.filter((comment) => comment.span.start >= piece.end);
  if (delta !== 0) {
    const seen = new Set<object>();
    for (let index = at + 1; index < declarations.length; index++) shiftInPlace(declarations[index], piece.end, delta, seen);
    shiftInPlace(later, piece.end, delta, seen);
  }
  const comments = [...previous.comments.filter((comment) => comment.span.end <= piece.start), ...pieceComments, ...later];
  return { text, file, comments, diagnostics: [] };
}

function tryParse(text: string, path: string): { file: SourceFile; comments: Comment[] } | undefined {
  try {
    const result = parse(text, path);
    return result.diagnostics.length === 0 ? result.value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Moves by `delta`, in place, every span bound at or after `from` in `node`.
 * The parser shares some span objects between nodes, so `seen` makes sure
 * each one moves once.
 */
function shiftInPlace(node: unknown, from: number, delta: number, seen: Set<object>): void {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const item of node) shiftInPlace(item, from, delta, seen);
    return;
  }
  const record = node as Record<string, unknown>;
  if (typeof record["start"] === "number" && typeof record["end"] === "number" && typeof record["file"] === "string") {
    if (seen.has(record)) return;
    seen.add(record);
    if ((record["start"] as number) >= from) record["start"] = (record["start"] as number) + delta;
    if ((record["end"] as number) >= from) record["end"] = (record["end"] as number) + delta;
    return;
  }
  for (const key in record) shiftInPlace(record[key], from, delta, seen);
}
