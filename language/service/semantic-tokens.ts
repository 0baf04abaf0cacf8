// Semantic tokens: each token of a file classified for highlighting — keywords
// by the lexer, names by what they resolve to (a field, an enum member, a team…)
// through the symbol index. Output is offsets; the LSP shell encodes it.

import { isOfType, lex, Identifier, ReservedWord, StructureWord, StringLiteral, NumberLiteral, InstantLiteral, DateLiteral, TimeLiteral, Comparison } from "../syntax/tokens";
import type { SymbolIndex } from "./symbol-index";

/** The legend, in the order LSP clients receive it. */
export const semanticTokenTypes = ["keyword", "string", "number", "comment", "operator", "type", "enum", "enumMember", "property", "variable", "function", "namespace"] as const;
export const semanticTokenModifiers = ["declaration"] as const;

export type SemanticTokenType = (typeof semanticTokenTypes)[number];

export interface SemanticToken {
  start: number;
  length: number;
  type: SemanticTokenType;
  declaration: boolean;
}

export function semanticTokens(index: SymbolIndex | undefined, file: string, text: string): SemanticToken[] {
  const { tokens, comments } = lex(text);
  const byStart = new Map((index?.byFile.get(file) ?? []).map((occurrence) => [occurrence.span.start, occurrence]));
  const out: SemanticToken[] = [];
  for (const comment of comments) out.push({ start: comment.startOffset, length: comment.image.length, type: "comment", declaration: false });
  for (const token of tokens) {
    const start = token.startOffset;
    const length = token.image.length;
    const occurrence = byStart.get(start);
    if (occurrence && occurrence.key.kind !== "rule") {
      out.push({ start, length, type: occurrenceType(occurrence.key), declaration: occurrence.declaration });
      continue;
    }
    if (token.tokenType === StringLiteral) out.push({ start, length, type: "string", declaration: occurrence?.declaration ?? false });
    else if (token.tokenType === NumberLiteral || token.tokenType === InstantLiteral || token.tokenType === DateLiteral || token.tokenType === TimeLiteral) {
      out.push({ start, length, type: "number", declaration: false });
    } else if (isOfType(token, ReservedWord) || isOfType(token, StructureWord)) out.push({ start, length, type: "keyword", declaration: false });
    else if (isOfType(token, Comparison)) out.push({ start, length, type: "operator", declaration: false });
    else if (token.tokenType !== Identifier && isOfType(token, Identifier)) out.push({ start, length, type: "keyword", declaration: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

function occurrenceType(key: import("./symbol-index").SymbolKey): SemanticTokenType {
  switch (key.kind) {
    case "field":
      return "property";
    case "member":
      return "enumMember";
    case "rule":
      return "string";
    case "declaration":
      switch (key.declarationKind) {
        case "enum":
          return "enum";
        case "record":
          return "type";
        case "router":
        case "score":
          return "function";
        case "list":
        case "hours":
          return "namespace";
        default:
          return "variable";
      }
  }
}
