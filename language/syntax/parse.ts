// `parse`: text to AST with syntax diagnostics, never throwing. It splits the
// tokens into top-level regions (one per declaration), parses each with the
// one Chevrotain parser, and reports at most one error per region, so one
// typo gives one message and the declarations after it survive. Inside a
// broken router it re-parses rule by rule so the later rules survive too.

import type { CstNode, IRecognitionException, IToken } from "chevrotain";
import { sortDiagnostics, type Diagnostic, type Result, type Span } from "../diagnostics/diagnostic";
import type { Comment, Declaration, ImportDecl, OtherwiseDecl, RouterDecl, RuleDecl, SourceFile } from "./ast";
import { endOf } from "./cst";
import { Lowering } from "./lower";
import { describe, refineError, setMessageContext } from "./messages";
import { routeParser } from "./parser";
import * as t from "./tokens";

export interface ParsedFile {
  file: SourceFile;
  comments: Comment[];
}

/** Parses one file. Every span's `file` is `path`. Never throws. */
export function parse(text: string, path: string): Result<ParsedFile> {
  try {
    return new FileParse(text, path).run();
  } catch (error) {
    const file: SourceFile = { kind: "file", path, imports: [], declarations: [], span: { file: path, start: 0, end: text.length } };
    const detail = error instanceof Error ? error.message : String(error);
    return {
      value: { file, comments: [] },
      diagnostics: [
        {
          code: "internal-error",
          severity: "error",
          message: `the parser failed on this file (${detail.split("\n")[0]}): please report`,
          span: { file: path, start: 0, end: 0 },
        },
      ],
    };
  }
}

/** A run of tokens parsed on its own, and the token after it (if any). */
interface Region {
  tokens: IToken[];
  follower?: IToken;
}

class FileParse {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly lowering: Lowering;
  private lexProblemStarts: number[] = [];

  constructor(
    private readonly text: string,
    private readonly path: string,
  ) {
    this.lowering = new Lowering(path, this.diagnostics);
  }

  run(): Result<ParsedFile> {
    const lexed = t.lex(this.text);
    for (const problem of lexed.problems) this.error(problem.message, { file: this.path, start: problem.start, end: problem.end });
    this.lexProblemStarts = lexed.problems.map((problem) => problem.start);
    const comments: Comment[] = lexed.comments.map((comment) => ({
      text: comment.image.slice(1),
      span: { file: this.path, start: comment.startOffset, end: endOf(comment) },
    }));

    const imports: ImportDecl[] = [];
    const declarations: Declaration[] = [];
    for (const region of splitRegions(lexed.tokens)) {
      const first = region.tokens[0]!;
      if (first.tokenType === t.Import) {
        const node = this.parseRegion(region, "importDecl");
        this.reportFirst(node.errors, region);
        const lowered = node.cst ? this.lowering.importDecl(node.cst) : undefined;
        if (declarations.length > 0 && node.errors.length === 0) {
          this.error("imports come first: move this `import` above the declarations", this.tokenSpan(first));
        }
        if (lowered) imports.push(lowered);
      } else if (t.declarationStarters.includes(first.tokenType)) {
        const declaration = this.declaration(region);
        if (declaration) declarations.push(declaration);
      } else {
        this.report(
          `expected a declaration (\`enum\`, \`list\`, \`record\`, \`rep\`, \`team\`, \`queue\`, \`hours\`, \`score\`, \`router\`, \`test\` or \`assert\`), found ${describe(first)}`,
          this.tokenSpan(first),
          region,
        );
      }
    }

    const file: SourceFile = {
      kind: "file",
      path: this.path,
      imports,
      declarations,
      span: { file: this.path, start: 0, end: this.text.length },
    };
    return { value: { file, comments }, diagnostics: sortDiagnostics(this.diagnostics) };
  }

  private declaration(region: Region): Declaration | undefined {
    const parsed = this.parseRegion(region, "declaration");
    if (parsed.errors.length === 0) return parsed.cst ? this.lowering.declaration(parsed.cst) : undefined;
    if (region.tokens[0]!.tokenType === t.Router) {
      const router = this.recoverRouter(region);
      if (router !== "not-split") return router;
    }
    this.reportFirst(parsed.errors, region);
    const lowered = parsed.cst ? this.lowering.declaration(parsed.cst) : undefined;
    if (!lowered) return undefined;
    lowered.incomplete = true;
    const errorToken = parsed.errors[0]!.token;
    if (lowered.kind === "score") lowered.lines = withoutDerailed(lowered.lines, region.tokens, errorToken);
    if (lowered.kind === "router") {
      for (const rule of lowered.rules) rule.clauses = withoutDerailed(rule.clauses, region.tokens, errorToken);
      if (lowered.otherwise) lowered.otherwise.clauses = withoutDerailed(lowered.otherwise.clauses, region.tokens, errorToken);
    }
    return lowered;
  }

  /**
   * A router that failed as a whole, parsed again in pieces: its header, then
   * each `rule` / `otherwise` on its own, so a mistake in one rule costs only
   * that rule. Returns "not-split" when there are no pieces to split at.
   */
  private recoverRouter(region: Region): RouterDecl | undefined | "not-split" {
    const tokens = region.tokens;
    const starts: number[] = [];
    for (let i = 1; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.tokenType !== t.Rule && token.tokenType !== t.Otherwise) continue;
      if (tokens[i - 1]!.tokenType === t.Dot || tokens[i + 1]?.tokenType === t.Dot) continue;
      starts.push(i);
    }
    if (starts.length === 0) return "not-split";

    const reportedBefore = this.diagnostics.length;
    const header = this.parseRegion({ tokens: tokens.slice(0, starts[0]), follower: tokens[starts[0]!] }, "routerHeader");
    this.reportFirst(header.errors, { tokens: tokens.slice(0, starts[0]), follower: tokens[starts[0]!] });
    const lowered = header.cst ? this.lowering.routerHeader(header.cst) : undefined;

    const rules: RuleDecl[] = [];
    let otherwise: OtherwiseDecl | undefined;
    for (let k = 0; k < starts.length; k++) {
      const isLast = k === starts.length - 1;
      let pieceTokens = tokens.slice(starts[k], isLast ? tokens.length : starts[k + 1]);
      if (isLast) {
        // The router's own `}` ends the last piece when the braces balance out.
        const depth = braceDepth(pieceTokens);
        if (depth < 0 && pieceTokens[pieceTokens.length - 1]!.tokenType === t.RCurly) {
          pieceTokens = pieceTokens.slice(0, -1);
        }
      }
      const follower = isLast ? region.follower : tokens[starts[k + 1]!];
      const piece: Region = follower ? { tokens: pieceTokens, follower } : { tokens: pieceTokens };
      const first = pieceTokens[0]!;
      const isRule = first.tokenType === t.Rule;
      const parsed = this.parseRegion(piece, isRule ? "ruleDecl" : "otherwiseDecl");
      const reported = this.reportFirst(parsed.errors, piece);
      if (!reported && otherwise) {
        this.error(
          isRule
            ? "`otherwise` must be the last part of a router: move this rule above it"
            : "a router takes at most one `otherwise`",
          this.tokenSpan(first),
        );
      }
      const node = parsed.cst;
      const part = node ? (isRule ? this.lowering.rule(node) : this.lowering.otherwise(node)) : undefined;
      if (part && parsed.errors.length > 0) {
        part.incomplete = true;
        part.clauses = withoutDerailed(part.clauses, pieceTokens, parsed.errors[0]!.token);
      }
      if (part?.kind === "rule") rules.push(part);
      else if (part?.kind === "otherwise") otherwise ??= part;
    }

    const lastPiece = tokens.slice(starts[starts.length - 1]);
    if (braceDepth(lastPiece) >= 0 && this.diagnostics.length === reportedBefore) {
      const name = lowered ? ` \`${lowered.name.text}\`` : "";
      const follower = region.follower;
      this.error(
        `expected \`}\` to close router${name}, found ${follower ? describe(follower) : "the end of the file"}`,
        follower ? this.tokenSpan(follower) : this.tokenSpan(tokens[tokens.length - 1]!),
      );
    }
    if (this.diagnostics.length === reportedBefore) {
      // Every piece parsed on its own; the whole still did not. Say so once.
      const whole = this.parseRegion(region, "declaration");
      this.reportFirst(whole.errors, region);
    }
    if (!lowered) return undefined;
    const last = tokens[tokens.length - 1]!;
    const router = this.lowering.router(lowered, rules, otherwise, {
      file: this.path,
      start: lowered.start.start,
      end: endOf(last),
    });
    router.incomplete = true;
    return router;
  }

  private parseRegion(
    region: Region,
    rule: "importDecl" | "declaration" | "routerHeader" | "ruleDecl" | "otherwiseDecl",
  ): { cst: CstNode | undefined; errors: IRecognitionException[] } {
    const parser = routeParser();
    setMessageContext(region.follower ? { tokens: region.tokens, follower: region.follower } : { tokens: region.tokens });
    parser.input = region.tokens;
    const cst = parser[rule]() as CstNode | undefined;
    const errors = [...parser.errors];
    setMessageContext({ tokens: [] });
    return { cst, errors };
  }

  /** Reports the first parser error of a region; true when one was reported. */
  private reportFirst(errors: IRecognitionException[], region: Region): boolean {
    const error = errors[0];
    if (!error) return false;
    const refined = error.token && Number.isFinite(error.token.startOffset) ? refineError(region.tokens, error.token) : undefined;
    if (refined) return this.report(refined.message, this.tokenSpan(refined.token), region);
    const token = error.token;
    const span =
      token && Number.isFinite(token.startOffset) && token.tokenType !== undefined && token.image !== ""
        ? this.tokenSpan(token)
        : region.follower
          ? this.tokenSpan(region.follower)
          : this.tokenSpan(region.tokens[region.tokens.length - 1]!);
    return this.report(error.message, span, region);
  }

  /** Reports unless the lexer already reported a problem in the region. */
  private report(message: string, span: Span, region: Region): boolean {
    const start = region.tokens[0]?.startOffset ?? 0;
    const end = region.follower?.startOffset ?? this.text.length;
    if (this.lexProblemStarts.some((offset) => offset >= start && offset < end)) return true;
    this.error(message, span);
    return true;
  }

  private error(message: string, span: Span): void {
    this.diagnostics.push({ code: "syntax-error", severity: "error", message, span });
  }

  private tokenSpan(token: IToken): Span {
    return { file: this.path, start: token.startOffset, end: endOf(token) };
  }
}

/**
 * Splits tokens into top-level regions. A region starts at a declaration
 * keyword outside every brace — or at one in column 1 followed by a name,
 * even inside braces, so a missing `}` costs one declaration, not the file.
 */
function splitRegions(tokens: IToken[]): Region[] {
  const regions: IToken[][] = [];
  let current: IToken[] = [];
  let depth = 0;
  tokens.forEach((token, index) => {
    const next = tokens[index + 1];
    const startsDeclaration =
      t.declarationStarters.includes(token.tokenType) &&
      (depth === 0 ||
        (token.startColumn === 1 && next !== undefined && (t.isOfType(next, t.Identifier) || next.tokenType === t.StringLiteral)));
    if (startsDeclaration && current.length > 0) {
      regions.push(current);
      current = [];
      depth = 0;
    }
    current.push(token);
    if (token.tokenType === t.LCurly) depth++;
    else if (token.tokenType === t.RCurly) depth = Math.max(0, depth - 1);
  });
  if (current.length > 0) regions.push(current);
  return regions.map((region, index) => {
    const follower = regions[index + 1]?.[0];
    return follower ? { tokens: region, follower } : { tokens: region };
  });
}

/**
 * Drops the item the parser was reading when it derailed: recovery may have
 * skipped the rest of it (`when region equals EMEA` keeps `when region`), and
 * a half-read clause would only cause false findings downstream. That item
 * ends exactly at the token before the error.
 */
function withoutDerailed<T extends { span: Span }>(items: T[], tokens: IToken[], errorToken: IToken | undefined): T[] {
  const index = errorToken ? tokens.indexOf(errorToken) : tokens.length;
  const previous = tokens[(index === -1 ? tokens.length : index) - 1];
  if (!previous) return items;
  return items.filter((item) => item.span.end !== endOf(previous));
}

/** Opening minus closing braces. */
function braceDepth(tokens: IToken[]): number {
  let depth = 0;
  for (const token of tokens) {
    if (token.tokenType === t.LCurly) depth++;
    else if (token.tokenType === t.RCurly) depth--;
  }
  return depth;
}
