// Lowering the expression-level CST to the AST: literals, paths, conditions,
// predicates, targets and methods. Every function returns undefined for a
// node that recovery left incomplete, so callers skip it.

import type { CstNode, IToken } from "chevrotain";
import type {
  Condition,
  ListOperand,
  Literal,
  LiteralValue,
  Method,
  MethodKind,
  Name,
  NumberLiteral,
  Path,
  Predicate,
  RecordLiteral,
  StringLiteral,
  Target,
} from "./ast";
import { nodeOf, nodesOf, Spans, tokenOf, tokensOf } from "./cst";
import { decodeString, numberValue } from "./literals";

export class ExpressionLowering {
  constructor(readonly spans: Spans) {}

  name(token: IToken | undefined): Name | undefined {
    return token ? { text: token.image, span: this.spans.token(token) } : undefined;
  }

  string(token: IToken | undefined): StringLiteral | undefined {
    if (!token) return undefined;
    return { kind: "string", value: decodeString(token.image).value, span: this.spans.token(token) };
  }

  /** An unsigned number token. */
  numberToken(token: IToken | undefined): NumberLiteral | undefined {
    if (!token) return undefined;
    return { kind: "number", value: numberValue(token.image), raw: token.image, span: this.spans.token(token) };
  }

  /** `number = [ "-" ] Num`, the sign kept in `value` and `raw`. */
  number(node: CstNode | undefined): NumberLiteral | undefined {
    const digits = tokenOf(node, "digits");
    if (!digits) return undefined;
    const minus = tokenOf(node, "Minus");
    if (!minus) return this.numberToken(digits);
    return {
      kind: "number",
      value: -numberValue(digits.image),
      raw: "-" + digits.image,
      span: this.spans.between(minus, digits),
    };
  }

  literal(node: CstNode | undefined): Literal | undefined {
    if (!node) return undefined;
    const text = tokenOf(node, "string");
    if (text) return this.string(text);
    const number = nodeOf(node, "number");
    if (number) return this.number(number);
    const boolean = tokenOf(node, "boolean");
    if (boolean) return { kind: "boolean", value: boolean.image === "true", span: this.spans.token(boolean) };
    const names = tokensOf(node, "name");
    const hasDot = (node.children["Dot"] ?? []).length > 0;
    if (names.length === 1 && !hasDot) {
      const name = this.name(names[0])!;
      return { kind: "name", name, span: name.span };
    }
    if (names.length === 2) {
      const qualifier = this.name(names[0])!;
      const name = this.name(names[1])!;
      return { kind: "name", qualifier, name, span: this.spans.join(qualifier.span, name.span) };
    }
    return undefined;
  }

  /** `[a, b, c]`: the items that lowered; undefined when the brackets are broken. */
  literalList(node: CstNode | undefined): { items: Literal[]; span: NonNullable<ReturnType<Spans["node"]>> } | undefined {
    if (!node || !tokenOf(node, "LBracket") || !tokenOf(node, "RBracket")) return undefined;
    const items = nodesOf(node, "literal")
      .map((item) => this.literal(item))
      .filter((item): item is Literal => item !== undefined);
    return { items, span: this.spans.between(tokenOf(node, "LBracket")!, tokenOf(node, "RBracket")!) };
  }

  listOperand(node: CstNode | undefined): ListOperand | undefined {
    if (!node) return undefined;
    const list = this.name(tokenOf(node, "list"));
    if (list) return { kind: "list", name: list, span: list.span };
    const items = this.literalList(nodeOf(node, "literalList"));
    return items ? { kind: "items", items: items.items, span: items.span } : undefined;
  }

  path(node: CstNode | undefined): Path | undefined {
    if (!node) return undefined;
    const segments = tokensOf(node, "segment").map((token) => this.name(token)!);
    // A trailing `.` with no field after it is a hole, not a shorter path.
    if (segments.length === 0 || segments.length !== tokensOf(node, "Dot").length + 1) return undefined;
    return { segments, span: this.spans.join(segments[0]!.span, segments[segments.length - 1]!.span) };
  }

  // -------------------------------------------------------------------------
  // Conditions

  condition(node: CstNode | undefined): Condition | undefined {
    if (!node) return undefined;
    const items = nodesOf(node, "conjunction")
      .map((item) => this.conjunction(item))
      .filter((item): item is Condition => item !== undefined);
    return this.combine("or", items);
  }

  private conjunction(node: CstNode): Condition | undefined {
    const items = nodesOf(node, "negation")
      .map((item) => this.negation(item))
      .filter((item): item is Condition => item !== undefined);
    return this.combine("and", items);
  }

  private combine(kind: "or" | "and", items: Condition[]): Condition | undefined {
    if (items.length === 0) return undefined;
    if (items.length === 1) return items[0];
    return { kind, items, span: this.spans.join(items[0]!.span, items[items.length - 1]!.span) };
  }

  private negation(node: CstNode): Condition | undefined {
    const not = tokenOf(node, "Not");
    if (not) {
      const inner = nodeOf(node, "negation");
      const operand = inner ? this.negation(inner) : undefined;
      if (!operand) return undefined;
      return { kind: "not", operand, span: this.spans.join(this.spans.token(not), operand.span) };
    }
    const open = tokenOf(node, "LParen");
    if (open) {
      const inner = this.condition(nodeOf(node, "condition"));
      const close = tokenOf(node, "RParen");
      if (!inner || !close) return undefined;
      return { kind: "paren", inner, span: this.spans.between(open, close) };
    }
    const within = tokenOf(node, "within");
    if (within) {
      const hours = this.name(tokenOf(node, "hours"));
      if (!hours) return undefined;
      return {
        kind: "within",
        hours,
        outside: within.image === "outside",
        span: this.spans.join(this.spans.token(within), hours.span),
      };
    }
    const subject = this.path(nodeOf(node, "path"));
    if (!subject) return undefined;
    const predicateNode = nodeOf(node, "predicate");
    if (!predicateNode) return { kind: "test", subject, span: subject.span };
    const predicate = this.predicate(predicateNode);
    if (!predicate) return undefined;
    return { kind: "test", subject, predicate, span: this.spans.join(subject.span, predicate.span) };
  }

  predicate(node: CstNode | undefined): Predicate | undefined {
    if (!node) return undefined;
    const spanFrom = (first: IToken, last: { end: number } | IToken) =>
      "image" in last ? this.spans.between(first, last) : { ...this.spans.token(first), end: last.end };
    const negated = tokensOf(node, "Not").length > 0;

    const is = tokenOf(node, "Is");
    if (is) {
      const set = tokenOf(node, "Set");
      if (set) return { kind: "is-set", negated, span: spanFrom(is, set) };
      const empty = tokenOf(node, "Empty");
      if (empty) return { kind: "is-empty", negated, span: spanFrom(is, empty) };
      const value = this.literal(nodeOf(node, "literal"));
      return value ? { kind: "is", negated, value, span: spanFrom(is, value.span) } : undefined;
    }

    const inToken = tokenOf(node, "In");
    if (inToken) {
      const operand = this.listOperand(nodeOf(node, "listOperand"));
      const first = tokenOf(node, "Not") ?? inToken;
      return operand ? { kind: "in", negated, operand, span: spanFrom(first, operand.span) } : undefined;
    }

    const comparison = tokenOf(node, "Comparison");
    if (comparison) {
      const value = this.number(nodeOf(node, "number"));
      const op = comparison.image as "=" | "!=" | "<" | "<=" | ">" | ">=";
      return value ? { kind: "compare", op, value, span: spanFrom(comparison, value.span) } : undefined;
    }

    const between = tokenOf(node, "Between");
    if (between) {
      const low = this.number(nodeOf(node, "low"));
      const high = this.number(nodeOf(node, "high"));
      return low && high ? { kind: "between", low, high, span: spanFrom(between, high.span) } : undefined;
    }

    const has = tokenOf(node, "Has");
    if (has) {
      const quantifier = tokenOf(node, "quantifier");
      if (quantifier) {
        const operand = this.listOperand(nodeOf(node, "listOperand"));
        const kind = `has-${quantifier.image}` as "has-any" | "has-all" | "has-none";
        return operand ? { kind, operand, span: spanFrom(has, operand.span) } : undefined;
      }
      const value = this.literal(nodeOf(node, "literal"));
      return value ? { kind: "has", value, span: spanFrom(has, value.span) } : undefined;
    }

    const text = tokenOf(node, "text");
    if (text) {
      const value = this.string(tokenOf(node, "string"));
      const kind = text.image === "starts" ? "starts-with" : text.image === "ends" ? "ends-with" : "contains";
      // `starts` and `ends` need their `with`; without it the node is a hole.
      if (kind !== "contains" && !tokenOf(node, "With")) return undefined;
      return value ? { kind, value, span: spanFrom(text, value.span) } : undefined;
    }
    return undefined;
  }

  // -------------------------------------------------------------------------
  // Targets and methods

  target(node: CstNode | undefined): Target | undefined {
    if (!node) return undefined;
    const kind = tokenOf(node, "kind");
    if (!kind) {
      const path = this.path(nodeOf(node, "path"));
      return path ? { kind: "field", path, span: path.span } : undefined;
    }
    const start = this.spans.token(kind);
    switch (kind.image) {
      case "team":
      case "rep":
      case "queue": {
        const name = this.name(tokenOf(node, "name"));
        return name ? { kind: kind.image, name, span: this.spans.join(start, name.span) } : undefined;
      }
      case "action": {
        const name = this.string(tokenOf(node, "action"));
        return name ? { kind: "action", name, span: this.spans.join(start, name.span) } : undefined;
      }
      case "unassigned":
        return { kind: "unassigned", span: start };
      case "manager": {
        const path = tokenOf(node, "Of") ? this.path(nodeOf(node, "managerOf")) : undefined;
        return path ? { kind: "manager", path, span: this.spans.join(start, path.span) } : undefined;
      }
    }
    return undefined;
  }

  method(node: CstNode | undefined): Method | undefined {
    if (!node) return undefined;
    const by = tokenOf(node, "By");
    if (!by) return undefined;
    const words: [string, MethodKind, string[]][] = [
      ["Weighted", "weighted-round-robin", ["Weighted", "Round", "Robin"]],
      ["Round", "round-robin", ["Round", "Robin"]],
      ["Load", "load-balance", ["Load", "Balance"]],
      ["Broadcast", "broadcast", ["Broadcast"]],
      ["First", "first-available", ["First", "Available"]],
    ];
    for (const [first, kind, all] of words) {
      if (!tokenOf(node, first)) continue;
      const tokens = all.map((key) => tokenOf(node, key));
      if (tokens.some((token) => token === undefined)) return undefined;
      return { kind, span: this.spans.between(by, tokens[tokens.length - 1]!) };
    }
    return undefined;
  }

  // -------------------------------------------------------------------------
  // Record literals (tests)

  recordLiteral(node: CstNode | undefined): RecordLiteral | undefined {
    if (!node) return undefined;
    const open = tokenOf(node, "LCurly");
    const close = tokenOf(node, "RCurly");
    if (!open || !close) return undefined;
    const entries = nodesOf(node, "recordEntry").flatMap((entry) => {
      const field = this.name(tokenOf(entry, "field"));
      const value = this.literalValue(nodeOf(entry, "literalValue"));
      if (!field || !value || !tokenOf(entry, "Colon")) return [];
      return [{ field, value, span: this.spans.join(field.span, value.span) }];
    });
    return { kind: "record", entries, span: this.spans.between(open, close) };
  }

  literalValue(node: CstNode | undefined): LiteralValue | undefined {
    if (!node) return undefined;
    const literal = nodeOf(node, "literal");
    if (literal) return this.literal(literal);
    const record = nodeOf(node, "recordLiteral");
    if (record) return this.recordLiteral(record);
    const array = nodeOf(node, "arrayLiteral");
    const open = tokenOf(array, "LBracket");
    const close = tokenOf(array, "RBracket");
    if (!array || !open || !close) return undefined;
    const items = nodesOf(array, "literalValue")
      .map((item) => this.literalValue(item))
      .filter((item): item is LiteralValue => item !== undefined);
    return { kind: "array", items, span: this.spans.between(open, close) };
  }
}
