// What the printer knows about the original text beyond the AST: where the
// brackets are, where the line breaks and blank lines were, and which comments
// are still waiting to be printed. `sequence` places the comments of one
// container (a block, a list, a condition chain) around its elements.

import type { Comment } from "../syntax/ast";
import { lex } from "../syntax/tokens";
import { builders, type Doc } from "./doc";

const { breakParent, hardline, join, lineSuffix } = builders;

export class Source {
  /** Start offsets of the bracket tokens, by image, in order. */
  private readonly brackets = new Map<string, number[]>();

  constructor(readonly text: string) {
    for (const token of lex(text).tokens) {
      const image = token.image;
      if (image === "{" || image === "}" || image === "[" || image === "]") {
        let list = this.brackets.get(image);
        if (!list) this.brackets.set(image, (list = []));
        list.push(token.startOffset);
      }
    }
  }

  /** The first `image` token starting at or after `offset` (-1 when none). */
  next(image: "{" | "[", offset: number): number {
    const list = this.brackets.get(image) ?? [];
    return list[firstAtOrAfter(list, offset)] ?? -1;
  }

  /** The last `image` token starting before `offset` (-1 when none). */
  previous(image: "}" | "]", offset: number): number {
    const list = this.brackets.get(image) ?? [];
    return list[firstAtOrAfter(list, offset) - 1] ?? -1;
  }

  newlineBetween(from: number, to: number): boolean {
    return from < to && this.text.slice(from, to).includes("\n");
  }

  blankLineBetween(from: number, to: number): boolean {
    if (from >= to) return false;
    const gap = this.text.slice(from, to);
    return gap.indexOf("\n") !== gap.lastIndexOf("\n");
  }

  /** The offset of the first character at or after `offset` that is neither space nor comment. */
  skipTrivia(offset: number): number {
    const text = this.text;
    let at = offset;
    while (at < text.length) {
      const char = text[at]!;
      if (char === "#") while (at < text.length && text[at] !== "\n") at++;
      else if (char === " " || char === "\t" || char === "\r" || char === "\n") at++;
      else break;
    }
    return at;
  }

  /** The text of a span exactly as written (strings keep their escapes). */
  slice(span: { start: number; end: number }): string {
    return this.text.slice(span.start, span.end);
  }
}

/** The comments of one file; each is printed exactly once. */
export class CommentPool {
  private readonly used: boolean[];
  private readonly starts: number[];

  constructor(readonly comments: readonly Comment[]) {
    this.used = comments.map(() => false);
    // The parser lists comments in text order; the binary searches rely on it.
    this.starts = comments.map((comment) => comment.span.start);
  }

  /** Unprinted comments starting in [from, to), marked printed, in order. */
  take(from: number, to: number): Comment[] {
    const taken: Comment[] = [];
    for (let index = firstAtOrAfter(this.starts, from); index < this.comments.length && this.starts[index]! < to; index++) {
      if (this.used[index]) continue;
      this.used[index] = true;
      taken.push(this.comments[index]!);
    }
    return taken;
  }

  /** The first unprinted comment starting in [from, to), left unprinted. */
  peek(from: number, to: number): Comment | undefined {
    for (let index = firstAtOrAfter(this.starts, from); index < this.comments.length && this.starts[index]! < to; index++) {
      if (!this.used[index]) return this.comments[index];
    }
    return undefined;
  }
}

/** The index of the first value >= `offset` in an ascending list (its length when none). */
function firstAtOrAfter(values: readonly number[], offset: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

export interface Context {
  source: Source;
  comments: CommentPool;
}

/** One element of a container: where it was, and how to print it. */
export interface Element {
  start: number;
  end: number;
  print: () => Doc;
}

/** A line of a container's body: a comment on its own line, or an element. */
export interface Slot {
  kind: "comment" | "element";
  /** For an element: its doc followed by its same-line comments. */
  doc: Doc;
  /** A blank line separated it from what came before (never for the first). */
  blankBefore: boolean;
}

export interface Sequence {
  /** Comments on the line of the opening bracket, after it. */
  opening: Doc[];
  slots: Slot[];
  /** Whether the first thing inside started on a new line (the user's multi-line choice). */
  brokenByUser: boolean;
}

/**
 * Places the comments between `open` (just after the opening bracket, or the
 * container's start) and `close` (its closing bracket, or end) around the
 * elements: a comment on an element's last line trails it; any other comment
 * stands on its own line before the next element, or at the end.
 *
 * Comments that an element's printing left unplaced (written between the
 * words of one clause) go on their own lines just above the element — where
 * they stay when the output is formatted again. A condition chain passes
 * them up instead (`hoist: false`): above a line that may be joined to others
 * they would not stay put.
 */
export function sequence(context: Context, elements: readonly Element[], open: number, close: number, hoist = true): Sequence {
  const { source, comments } = context;
  const opening: Doc[] = [];
  const slots: Slot[] = [];
  const firstStart = Math.min(elements[0]?.start ?? close, comments.peek(open, close)?.span.start ?? close);
  const brokenByUser = source.newlineBetween(open, firstStart);

  // A comment right after the opening bracket, on its line.
  const first = comments.peek(open, elements[0]?.start ?? close);
  if (first && !source.newlineBetween(open, first.span.start) && open > 0) {
    opening.push(...trailing(comments.take(first.span.start, first.span.end)));
  }

  let previousEnd = open;
  const addComment = (comment: Comment, blankBefore: boolean) => {
    slots.push({ kind: "comment", doc: commentText(comment), blankBefore: slots.length > 0 && blankBefore });
  };

  elements.forEach((element, index) => {
    for (const comment of comments.take(previousEnd, element.start)) {
      addComment(comment, source.blankLineBetween(previousEnd, comment.span.start));
      previousEnd = comment.span.end;
    }
    let blankBefore = slots.length > 0 && source.blankLineBetween(previousEnd, element.start);
    const doc = element.print();
    if (hoist) {
      for (const comment of comments.take(element.start, element.end)) {
        addComment(comment, blankBefore);
        blankBefore = false;
      }
    }
    const nextStart = elements[index + 1]?.start ?? close;
    const after = comments.peek(element.end, nextStart);
    const sameLine = after && !source.newlineBetween(element.end, after.span.start) ? comments.take(after.span.start, after.span.end) : [];
    // A comment already trailing the element's last line pushes this one to a line of its own.
    slots.push({ kind: "element", doc: [doc, ...trailing(sameLine, endsWithComment(doc))], blankBefore });
    previousEnd = Math.max(element.end, ...sameLine.map((comment) => comment.span.end));
  });
  for (const comment of comments.take(previousEnd, close)) {
    addComment(comment, source.blankLineBetween(previousEnd, comment.span.start));
    previousEnd = comment.span.end;
  }
  return { opening, slots, brokenByUser };
}

export function commentText(comment: Comment): string {
  return "#" + comment.text.trimEnd();
}

/** Comments that follow code on its line: printed at the end of the line, which they force to end. */
export function trailing(list: readonly Comment[], ownLine = false): Doc[] {
  if (list.length === 0) return [];
  // Two comments never share a line: the second would become part of the first.
  return [lineSuffix([ownLine ? hardline : " ", join(hardline, list.map(commentText))]), breakParent];
}

/** Whether a doc ends with a comment waiting for the end of its line. */
function endsWithComment(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) {
    for (let i = doc.length - 1; i >= 0; i--) {
      const part = doc[i]!;
      if (part === "" || (typeof part === "object" && !Array.isArray(part) && part.type === "break-parent")) continue;
      return endsWithComment(part);
    }
    return false;
  }
  if (doc.type === "line-suffix") return true;
  if (doc.type === "group" || doc.type === "indent" || doc.type === "align" || doc.type === "label") return endsWithComment(doc.contents);
  if (doc.type === "fill") return endsWithComment(doc.parts);
  return false;
}
