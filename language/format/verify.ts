// The soundness check: the formatted text must parse to the same program as
// the input — the same AST once spans are dropped and each rule's clauses are
// put in canonical order — and keep every comment. Cedar's formatter makes the
// same promise; a difference is a formatter bug, never the user's.

import type { Clause, SourceFile } from "../syntax/ast";
import type { ParsedFile } from "../syntax/parse";
import { canonicalClauses } from "./print-routers";

/** Undefined when both parse to the same program with the same comments; else what differs. */
export function sameProgram(before: ParsedFile, after: ParsedFile): string | undefined {
  const a = normalize(before.file);
  const b = normalize(after.file);
  if (a.imports !== b.imports) return "the imports would change";
  const count = Math.max(a.declarations.length, b.declarations.length);
  for (let index = 0; index < count; index++) {
    if (a.declarations[index] !== b.declarations[index]) {
      return `declaration ${index + 1} would change`;
    }
  }
  const comments = (parsed: ParsedFile) => parsed.comments.map((comment) => comment.text.trimEnd()).sort();
  if (JSON.stringify(comments(before)) !== JSON.stringify(comments(after))) return "a comment would be lost or split";
  return undefined;
}

/** The AST as comparable strings: no spans, clauses in canonical order. */
export function normalize(file: SourceFile): { imports: string; declarations: string[] } {
  const strip = (value: unknown) =>
    JSON.stringify(value, (key, item: unknown) => {
      if (key === "span" || key === "header") return undefined;
      if (key === "clauses" && Array.isArray(item)) return canonicalClauses(item as Clause[]);
      // Spans kept as markers (`disabled`, `business`) only say the word is there.
      if (item && typeof item === "object" && "file" in item && "start" in item && "end" in item) return true;
      return item;
    });
  return { imports: strip(file.imports), declarations: file.declarations.map(strip) };
}
