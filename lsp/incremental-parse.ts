// Re-parses only what a keystroke changed. When an edit falls strictly
// inside one rule (or `otherwise`) of a router, or inside one other top-level
// declaration, of a file that parsed cleanly, only that piece is parsed again
// and spliced into the previous tree, with every later span shifted. Anything
// else (an edit across pieces, a previous or new syntax error, a piece that no
// longer parses alone) falls back to parsing the whole file, so the result is
// always what a full parse would give.

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
    piece = target.span;
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
    const newPiece = shiftCopy(parsedPiece, 0, shift);
    pieceComments = wrapped.comments.map((comment) => shiftCopy(comment, 0, shift));
    const after = (span: Span) => span.start >= piece.end;
    const routerCopy: RouterDecl = {
      ...declaration,
      span: { ...declaration.span, end: declaration.span.end + delta },
      rules: declaration.rules.map((rule) => (rule === target ? (newPiece as RuleDecl) : after(rule.span) ? shiftCopy(rule, piece.end, delta) : rule)),
    };
    if (declaration.otherwise) routerCopy.otherwise = declaration.otherwise === target ? (newPiece as OtherwiseDecl) : shiftCopy(declaration.otherwise, piece.end, delta);
    replacement = routerCopy;
  } else {
    piece = declaration.span;
    const pieceText = text.slice(piece.start, piece.end + delta);
    const alone = tryParse(pieceText, path);
    if (!alone || alone.file.declarations.length !== 1 || alone.file.imports.length > 0) return undefined;
    const only = alone.file.declarations[0]!;
    if (only.kind !== declaration.kind || only.span.start !== 0 || only.span.end !== pieceText.length) return undefined;
    replacement = shiftCopy(only, 0, piece.start);
    pieceComments = alone.comments.map((comment) => shiftCopy(comment, 0, piece.start));
  }

  const file: SourceFile = {
    ...previous.file,
    text,
    span: { ...previous.file.span, end: previous.file.span.end + delta },
    declarations: declarations.map((candidate, index) => (index === at ? replacement! : index > at ? shiftCopy(candidate, piece.end, delta) : candidate)),
  };
  const comments = [
    ...previous.comments.filter((comment) => comment.span.end <= piece.start),
    ...pieceComments,
    ...previous.comments.filter((comment) => comment.span.start >= piece.end).map((comment) => shiftCopy(comment, piece.end, delta)),
  ];
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

/** A deep copy in which every span starting at or after `from` moves by `delta`. */
function shiftCopy<T>(node: T, from: number, delta: number): T {
  if (Array.isArray(node)) return node.map((item) => shiftCopy(item, from, delta)) as T;
  if (node === null || typeof node !== "object") return node;
  const record = node as Record<string, unknown>;
  if (typeof record["start"] === "number" && typeof record["end"] === "number" && typeof record["file"] === "string") {
    const start = record["start"] as number;
    const end = record["end"] as number;
    return { ...record, start: start >= from ? start + delta : start, end: end >= from ? end + delta : end } as T;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) copy[key] = shiftCopy(record[key], from, delta);
  return copy as T;
}
