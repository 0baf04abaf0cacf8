// Syntax error messages in a rev-ops reader's words: what was expected, after
// what, and what was found ("expected `{` after the router name, found
// `when`"). Chevrotain calls this provider; `parse.ts` sets the context.

import type { IParserErrorMessageProvider, IToken, TokenType } from "chevrotain";
import { EOF, tokenLabel } from "chevrotain";
import * as t from "./tokens";

/** What the driver is parsing now: the tokens of the region and what follows it. */
interface MessageContext {
  tokens: IToken[];
  /** The token after the region (the next declaration), if any. */
  follower?: IToken;
}

let context: MessageContext = { tokens: [] };

export function setMessageContext(next: MessageContext): void {
  context = next;
}

/** How declarations and blocks are called in messages, by grammar rule. */
const ruleNouns: Record<string, string> = {
  enumDecl: "enum",
  listDecl: "list",
  recordDecl: "record",
  repDecl: "rep",
  teamDecl: "team",
  queueDecl: "queue",
  hoursDecl: "hours",
  scoreDecl: "score",
  routerHeader: "router",
  routerDecl: "router",
  testDecl: "test",
  assertDecl: "assert",
  ruleDecl: "rule",
};

/** What may come instead of the closing brace of a block, by rule. */
const blockContents: Record<string, string> = {
  enumDecl: "`,` between members",
  recordDecl: "a field such as `region: Region`",
  repDecl:
    "a rep attribute (`name`, `email`, `ids`, `skills`, `languages`, `region`, `hours`, `capacity`, `cap`, `weight`, `manager`, `unavailable`)",
  hoursDecl: "a day line such as `mon-fri 09:00-17:00`, `closed`",
  scoreDecl: "a score line such as `+10 when …`",
  routerDecl: "`rule`, `otherwise`",
  ruleDecl: "a clause (`when`, `assign to`, `require`, `also notify`, `sla`, `fallback to`, `reason`)",
  otherwiseDecl: "a clause (`assign to`, `require`, `also notify`, `sla`, `fallback to`, `reason`)",
  testDecl: "`with unavailable`, `at`, `expect`",
  recordLiteral: "a field such as `region: EMEA`",
};

const predicateHint = "a test (`is`, `in`, `has`, `=`, `between`, `starts with`, …)";

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    if (actual.tokenType === t.Notify && (ruleName === "ruleDecl" || ruleName === "otherwiseDecl")) {
      return "`notify` needs `also` before it: write `also notify …`";
    }
    if (expected === t.RBracket) {
      return `expected \`,\` or \`]\`${after(previous, ruleName)}, found ${describe(actual)}`;
    }
    const contents = blockContents[ruleName];
    if (expected === t.RCurly && contents) {
      // A word right after a condition is most often a misspelt test.
      const afterCondition =
        (ruleName === "ruleDecl" || ruleName === "otherwiseDecl" || ruleName === "scoreDecl") &&
        isWord(actual) &&
        !isOf(actual, t.StructureWord) &&
        previous !== undefined &&
        (isOf(previous, t.Identifier) || isOf(previous, t.StructureWord));
      const afterComma = ruleName === "enumDecl" && previous?.tokenType === t.Comma;
      const expectedText = afterCondition
        ? `${predicateHint} after \`${previous!.image}\`, or a new clause`
        : afterComma
          ? "a member name or `}` after `,`"
          : `${contents} or \`}\``;
      const namesExpected = ruleName === "enumDecl" || ruleName === "recordDecl" || ruleName === "recordLiteral";
      return `expected ${expectedText}, found ${describe(actual)}${namesExpected ? keywordNote(actual) : ""}`;
    }
    const suffix = expected === t.Identifier || expected === t.FieldName ? keywordNote(actual) : "";
    return `expected ${label(expected)}${after(previous, ruleName)}, found ${describe(actual)}${suffix}`;
  },

  buildNotAllInputParsedMessage({ firstRedundant, ruleName }) {
    if (ruleName === "routerHeader" || ruleName === "ruleDecl" || ruleName === "otherwiseDecl") {
      return `expected \`rule\`, \`otherwise\` or \`}\`, found ${describe(firstRedundant)}`;
    }
    return `expected a new declaration (\`enum\`, \`list\`, \`record\`, \`rep\`, \`team\`, \`queue\`, \`hours\`, \`score\`, \`router\`, \`test\` or \`assert\`), found ${describe(firstRedundant)}`;
  },

  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, customUserDescription, ruleName }) {
    const found = actual[0];
    if (ruleName === "clause" && found && found.tokenType === t.Notify) {
      return "`notify` needs `also` before it: write `also notify …`";
    }
    const expected = customUserDescription ?? alternatives(expectedPathsPerAlt.flat().map((path) => path[0]));
    return `expected ${expected}${after(previous, ruleName)}, found ${describe(found)}`;
  },

  buildEarlyExitMessage({ expectedIterationPaths, actual, previous, customUserDescription, ruleName }) {
    const expected = customUserDescription ?? alternatives(expectedIterationPaths.map((path) => path[0]));
    return `expected ${expected}${after(previous, ruleName)}, found ${describe(actual[0])}`;
  },
};

/**
 * Some mistakes only show one token later, where the parser stops: a clause
 * word read as a field after a dangling `and`, or `manager` / `action` read as
 * a field in a target. Given the region's tokens and the failing token, says
 * it in the user's terms and points at the right place.
 */
export function refineError(tokens: IToken[], token: IToken): { message: string; token: IToken } | undefined {
  const index = tokens.indexOf(token);
  if (index < 2) return undefined;
  const previous = tokens[index - 1]!;
  const before = tokens[index - 2]!;
  const clauseWords = [t.Assign, t.Fallback, t.Also, t.Require, t.Sla, t.Reason, t.When];
  const conditionWords = [t.And, t.Or, t.Not, t.When, t.LParen];
  if (clauseWords.includes(previous.tokenType) && conditionWords.includes(before.tokenType)) {
    return { message: `expected a condition after \`${before.image}\`, found \`${previous.image}\``, token: previous };
  }
  const targetStarts = [t.To, t.Notify, t.Comma];
  if (targetStarts.includes(before.tokenType)) {
    if (previous.tokenType === t.Manager) {
      return { message: `expected \`of\` after \`manager\`, found ${describe(token)}`, token };
    }
    if (previous.tokenType === t.Action) {
      return {
        message: `expected the action's name as a string after \`action\`, such as \`action "book_meeting"\`, found ${describe(token)}`,
        token,
      };
    }
    if (previous.tokenType === t.Team || previous.tokenType === t.Rep || previous.tokenType === t.Queue) {
      return { message: `expected a ${previous.image} name after \`${previous.image}\`, found ${describe(token)}${keywordNote(token)}`, token };
    }
  }
  return undefined;
}

/** ", which is a reserved word" when a keyword stands where a name should. */
function keywordNote(token: IToken | undefined): string {
  if (!token || token.tokenType === EOF) return "";
  if (isOf(token, t.ReservedWord)) return ", which is a reserved word";
  if (isOf(token, t.StructureWord)) return ", which is a keyword and cannot name a declaration";
  return "";
}

/** `found …`: the token as the user wrote it, or where the text ends. */
export function describe(token: IToken | undefined): string {
  if (!token || token.tokenType === EOF || Number.isNaN(token.startOffset)) {
    const follower = context.follower;
    return follower ? quote(follower.image) : "the end of the file";
  }
  if (token.tokenType === t.StringLiteral) return `the string ${quote(shorten(token.image))}`;
  return quote(shorten(token.image));
}

function after(previous: IToken | undefined, ruleName: string): string {
  if (!previous || previous.tokenType === EOF || Number.isNaN(previous.startOffset)) return "";
  const noun = ruleNouns[ruleName];
  const index = context.tokens.indexOf(previous);
  const before = index > 0 ? context.tokens[index - 1] : undefined;
  if (noun && isOf(previous, t.Identifier) && before && isOf(before, t.StructureWord) && before.image === keywordOf(ruleName)) {
    return ` after the ${noun} name`;
  }
  if (noun && previous.tokenType === t.StringLiteral && before && before.image === keywordOf(ruleName)) {
    return ` after the ${noun} name`;
  }
  if (before?.tokenType === t.For && (ruleName === "routerHeader" || ruleName === "scoreDecl")) {
    return " after the record name";
  }
  if (previous.tokenType === t.StringLiteral) return " after the string";
  return ` after ${quote(shorten(previous.image))}`;
}

function keywordOf(ruleName: string): string {
  return ruleName === "routerHeader" ? "router" : ruleName === "ruleDecl" ? "rule" : ruleNouns[ruleName] ?? "";
}

function label(type: TokenType | undefined): string {
  return type ? tokenLabel(type) : "something else";
}

function alternatives(types: (TokenType | undefined)[]): string {
  const labels = [...new Set(types.filter((type) => type !== undefined).map((type) => label(type)))];
  if (labels.length === 0) return "something else";
  if (labels.length === 1) return labels[0]!;
  return `${labels.slice(0, -1).join(", ")} or ${labels[labels.length - 1]}`;
}

function isWord(token: IToken | undefined): boolean {
  return !!token && (isOf(token, t.FieldName) || isOf(token, t.ReservedWord));
}

function isOf(token: IToken, type: TokenType): boolean {
  return t.isOfType(token, type);
}

function quote(text: string): string {
  return text.includes("`") ? `'${text}'` : "`" + text + "`";
}

function shorten(text: string): string {
  return text.length > 30 ? text.slice(0, 29) + "…" : text;
}
