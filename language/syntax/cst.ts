// Reading Chevrotain CST nodes safely: real tokens only (recovery inserts
// virtual tokens with no position), children by key, and spans.

import type { CstNode, IToken } from "chevrotain";
import type { Span } from "../diagnostics/diagnostic";

type Child = CstNode | IToken;

export function isToken(child: Child): child is IToken {
  return "image" in child;
}

/** False for the virtual tokens that recovery inserts: they have no place. */
export function isReal(token: IToken): boolean {
  return !token.isInsertedInRecovery && Number.isFinite(token.startOffset);
}

/** The real tokens under `key`, in source order. */
export function tokensOf(node: CstNode | undefined, key: string): IToken[] {
  const children = node?.children[key] ?? [];
  return children.filter((child): child is IToken => isToken(child) && isReal(child));
}

export function tokenOf(node: CstNode | undefined, key: string, index = 0): IToken | undefined {
  return tokensOf(node, key)[index];
}

/** The sub-nodes under `key`, in source order. */
export function nodesOf(node: CstNode | undefined, key: string): CstNode[] {
  const children = node?.children[key] ?? [];
  return children.filter((child): child is CstNode => !isToken(child));
}

export function nodeOf(node: CstNode | undefined, key: string, index = 0): CstNode | undefined {
  return nodesOf(node, key)[index];
}

/** Every real token in the subtree, in source order. */
export function allTokens(node: CstNode): IToken[] {
  const result: IToken[] = [];
  const walk = (current: CstNode) => {
    for (const children of Object.values(current.children)) {
      for (const child of children) {
        if (isToken(child)) {
          if (isReal(child)) result.push(child);
        } else {
          walk(child);
        }
      }
    }
  };
  walk(node);
  return result.sort((a, b) => a.startOffset - b.startOffset);
}

/** True when recovery re-synchronised anywhere in the subtree. */
export function hasRecovered(node: CstNode): boolean {
  if (node.recoveredNode) return true;
  for (const children of Object.values(node.children)) {
    for (const child of children) {
      if (isToken(child)) {
        if (!isReal(child)) return true;
      } else if (hasRecovered(child)) {
        return true;
      }
    }
  }
  return false;
}

/** The offset just after the token. */
export function endOf(token: IToken): number {
  return token.startOffset + token.image.length;
}

export class Spans {
  constructor(readonly file: string) {}

  token(token: IToken): Span {
    return { file: this.file, start: token.startOffset, end: endOf(token) };
  }

  between(first: IToken, last: IToken): Span {
    return { file: this.file, start: first.startOffset, end: endOf(last) };
  }

  join(first: Span, last: Span): Span {
    return { file: this.file, start: first.start, end: Math.max(first.end, last.end) };
  }

  /** From the first to the last real token of the node; undefined when it has none. */
  node(node: CstNode): Span | undefined {
    const tokens = allTokens(node);
    if (tokens.length === 0) return undefined;
    return this.between(tokens[0]!, tokens[tokens.length - 1]!);
  }
}
