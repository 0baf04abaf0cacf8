// "Did you mean" for names: an exact case-insensitive match first (names are
// case-sensitive, so that is the likeliest slip), else the nearest name by
// edit distance among the names of the right kind.

import type { Fix, Span } from "../diagnostics/diagnostic";

export interface Suggestion {
  name: string;
  /** True when the only difference is letter case. */
  caseOnly: boolean;
}

export function suggestName(written: string, candidates: Iterable<string>): Suggestion | undefined {
  const list = [...new Set(candidates)].filter((candidate) => candidate !== written);
  const folded = written.toLowerCase();
  const sameFold = list.find((candidate) => candidate.toLowerCase() === folded);
  if (sameFold !== undefined) return { name: sameFold, caseOnly: true };
  const limit = Math.max(1, Math.floor(written.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const distance = editDistance(folded, candidate.toLowerCase());
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined || bestDistance > limit) return undefined;
  return { name: best, caseOnly: false };
}

/** The `help` text for a suggestion. */
export function suggestionHelp(suggestion: Suggestion): string {
  return suggestion.caseOnly
    ? `names are case-sensitive: did you mean \`${suggestion.name}\`?`
    : `did you mean \`${suggestion.name}\`?`;
}

/** A fix replacing the written name with the suggestion. */
export function suggestionFix(suggestion: Suggestion, span: Span): Fix {
  return { title: `Change to \`${suggestion.name}\``, edits: [{ span, newText: suggestion.name }] };
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
  for (let i = 0; i < rows; i++) table[i]![0] = i;
  for (let j = 0; j < columns; j++) table[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, table[i - 2]![j - 2]! + 1);
      }
      table[i]![j] = value;
    }
  }
  return table[rows - 1]![columns - 1]!;
}
