// The lexer of .route files (§2 of the language brief): every token type, the
// three classes of keywords, and `lex`, which turns text into tokens, comments
// and lexical problems (unterminated strings, bad escapes, malformed numbers).

import { createToken, Lexer, type IToken, type TokenType } from "chevrotain";
import { checkInstant, checkNumber, decodeString } from "./literals";

// ---------------------------------------------------------------------------
// Categories. A `Field` is an identifier or a structure word; an `Identifier`
// (the grammar's `Id`) is any word that is neither reserved nor a structure
// word, so ordinary words such as `region` or `mon` are Identifiers too.

export const FieldName = createToken({ name: "FieldName", pattern: Lexer.NA, label: "a field name" });
export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  categories: [FieldName],
  label: "a name",
});
export const StructureWord = createToken({ name: "StructureWord", pattern: Lexer.NA, categories: [FieldName], label: "a structure word" });
export const ReservedWord = createToken({ name: "ReservedWord", pattern: Lexer.NA, label: "a reserved word" });
export const Weekday = createToken({ name: "Weekday", pattern: Lexer.NA, categories: [Identifier], label: "a weekday (`mon` … `sun`)" });
export const Comparison = createToken({ name: "Comparison", pattern: Lexer.NA, label: "a comparison (`=`, `!=`, `<`, `<=`, `>`, `>=`)" });

// ---------------------------------------------------------------------------
// Keywords. Each keyword token falls back to Identifier when the word goes on
// (`notify` is not `not`, `inbound` is not `in`); the list is sorted longest
// first before it reaches the lexer so a shorter keyword never steals a prefix.

const keywordTokens: TokenType[] = [];

function keyword(word: string, categories: TokenType[]): TokenType {
  const name = word
    .split("_")
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
  const type = createToken({
    name,
    pattern: new RegExp(word),
    longer_alt: Identifier,
    categories,
    label: "`" + word + "`",
  });
  keywordTokens.push(type);
  return type;
}

const reserved = (word: string) => keyword(word, [ReservedWord]);
const structure = (word: string) => keyword(word, [StructureWord]);
const contextual = (word: string, extra: TokenType[] = []) => keyword(word, [Identifier, ...extra]);

// Reserved: never a name.
export const And = reserved("and");
export const Or = reserved("or");
export const Not = reserved("not");
export const Is = reserved("is");
export const In = reserved("in");
export const Has = reserved("has");
export const Between = reserved("between");
export const Within = reserved("within");
export const Outside = reserved("outside");
export const Of = reserved("of");
export const To = reserved("to");
export const By = reserved("by");
export const Set = reserved("set");
export const Empty = reserved("empty");
export const Any = reserved("any");
export const All = reserved("all");
export const None = reserved("none");
export const True = reserved("true");
export const False = reserved("false");
export const Unassigned = reserved("unassigned");

// Structure words: may name a record field, never a declaration or a member.
export const Import = structure("import");
export const Enum = structure("enum");
export const List = structure("list");
export const Record = structure("record");
export const Rep = structure("rep");
export const Team = structure("team");
export const Queue = structure("queue");
export const Hours = structure("hours");
export const Score = structure("score");
export const Router = structure("router");
export const For = structure("for");
export const Rule = structure("rule");
export const Otherwise = structure("otherwise");
export const Test = structure("test");
export const Assert = structure("assert");
export const When = structure("when");
export const Assign = structure("assign");
export const Require = structure("require");
export const Also = structure("also");
export const Notify = structure("notify");
export const Sla = structure("sla");
export const Fallback = structure("fallback");
export const Reason = structure("reason");
export const Priority = structure("priority");
export const Disabled = structure("disabled");
export const Expect = structure("expect");
export const Route = structure("route");
export const With = structure("with");
export const At = structure("at");
export const Only = structure("only");
export const Never = structure("never");
export const Always = structure("always");
export const Action = structure("action");
export const Manager = structure("manager");

// Contextual words: ordinary identifiers that the grammar reads as keywords
// only where it expects them (so `region` can still name a field or a rep).
export const Name = contextual("name");
export const Email = contextual("email");
export const Ids = contextual("ids");
export const Skills = contextual("skills");
export const Languages = contextual("languages");
export const Region = contextual("region");
export const Capacity = contextual("capacity");
export const Cap = contextual("cap");
export const Per = contextual("per");
export const Weight = contextual("weight");
export const Unavailable = contextual("unavailable");
export const From = contextual("from");
export const Members = contextual("members");
export const Timezone = contextual("timezone");
export const Closed = contextual("closed");
export const Mon = contextual("mon", [Weekday]);
export const Tue = contextual("tue", [Weekday]);
export const Wed = contextual("wed", [Weekday]);
export const Thu = contextual("thu", [Weekday]);
export const Fri = contextual("fri", [Weekday]);
export const Sat = contextual("sat", [Weekday]);
export const Sun = contextual("sun", [Weekday]);
export const Round = contextual("round");
export const Robin = contextual("robin");
export const Weighted = contextual("weighted");
export const Load = contextual("load");
export const Balance = contextual("balance");
export const Broadcast = contextual("broadcast");
export const First = contextual("first");
export const Available = contextual("available");
export const Then = contextual("then");
export const Reassign = contextual("reassign");
export const Excluding = contextual("excluding");
export const Last = contextual("last");
export const Up = contextual("up");
export const Times = contextual("times");
export const Escalate = contextual("escalate");
export const Business = contextual("business");
export const Starts = contextual("starts");
export const Ends = contextual("ends");
export const Contains = contextual("contains");
export const Assigned = contextual("assigned");
export const Unmatched = contextual("unmatched");
export const Second = contextual("second");
export const Seconds = contextual("seconds");
export const Minute = contextual("minute");
export const Minutes = contextual("minutes");
export const Hour = contextual("hour");
export const Day = contextual("day");
export const Days = contextual("days");
export const Week = contextual("week");
export const Month = contextual("month");

// ---------------------------------------------------------------------------
// Literals. The longest wins: an instant before a date, before a time, before
// a number. An instant without its zone still lexes as one token so that the
// message can say what is missing instead of tripping over `T09`.

export const InstantLiteral = createToken({
  name: "InstantLiteral",
  pattern: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?/,
  label: "an instant (`2026-12-01T09:00Z`)",
});
export const DateLiteral = createToken({ name: "DateLiteral", pattern: /\d{4}-\d{2}-\d{2}/, label: "a date (`YYYY-MM-DD`)" });
export const TimeLiteral = createToken({ name: "TimeLiteral", pattern: /\d{2}:\d{2}/, label: "a time (`HH:MM`)" });
// Underscores are accepted anywhere here and checked afterwards, so `10__0`
// gets one clear message rather than a number followed by a stray name.
export const NumberLiteral = createToken({ name: "NumberLiteral", pattern: /\d[\d_]*(?:\.\d[\d_]*)?/, label: "a number" });
// An unterminated string still lexes (to the end of its line) so the parser
// sees a string and the one message is about the missing quote.
export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n]?)*"?/,
  start_chars_hint: ['"'],
  label: "a string",
});

// Not part of the language: lexed so that `lex` can say "use double quotes"
// once and hand the parser a string instead of two stray characters.
export const SingleQuotedString = createToken({
  name: "SingleQuotedString",
  pattern: /'[^'\r\n]*'?/,
  start_chars_hint: ["'"],
  label: "a string",
});

// ---------------------------------------------------------------------------
// Punctuation.

export const LCurly = createToken({ name: "LCurly", pattern: /\{/, label: "`{`" });
export const RCurly = createToken({ name: "RCurly", pattern: /\}/, label: "`}`" });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/, label: "`[`" });
export const RBracket = createToken({ name: "RBracket", pattern: /\]/, label: "`]`" });
export const LParen = createToken({ name: "LParen", pattern: /\(/, label: "`(`" });
export const RParen = createToken({ name: "RParen", pattern: /\)/, label: "`)`" });
export const Comma = createToken({ name: "Comma", pattern: /,/, label: "`,`" });
export const Colon = createToken({ name: "Colon", pattern: /:/, label: "`:`" });
export const Dot = createToken({ name: "Dot", pattern: /\./, label: "`.`" });
export const Question = createToken({ name: "Question", pattern: /\?/, label: "`?`" });
export const Plus = createToken({ name: "Plus", pattern: /\+/, label: "`+`" });
export const Minus = createToken({ name: "Minus", pattern: /-/, label: "`-`" });
export const NotEquals = createToken({ name: "NotEquals", pattern: /!=/, categories: [Comparison], label: "`!=`" });
export const LessEquals = createToken({ name: "LessEquals", pattern: /<=/, categories: [Comparison], label: "`<=`" });
export const GreaterEquals = createToken({ name: "GreaterEquals", pattern: />=/, categories: [Comparison], label: "`>=`" });
export const Less = createToken({ name: "Less", pattern: /</, categories: [Comparison], label: "`<`" });
export const Greater = createToken({ name: "Greater", pattern: />/, categories: [Comparison], label: "`>`" });
export const Equals = createToken({ name: "Equals", pattern: /=/, categories: [Comparison], label: "`=`" });

export const Comment = createToken({ name: "Comment", pattern: /#[^\r\n]*/, group: "comments", label: "a comment" });
export const Whitespace = createToken({ name: "Whitespace", pattern: /[ \t\r\n\f\v\uFEFF]+/, group: Lexer.SKIPPED });

/** Every token type, in lexing order (categories last; the lexer skips them). */
export const allTokens: TokenType[] = [
  Whitespace,
  Comment,
  InstantLiteral,
  DateLiteral,
  TimeLiteral,
  NumberLiteral,
  StringLiteral,
  SingleQuotedString,
  ...[...keywordTokens].sort((a, b) => String(b.PATTERN).length - String(a.PATTERN).length),
  Identifier,
  LCurly,
  RCurly,
  LBracket,
  RBracket,
  LParen,
  RParen,
  Comma,
  Colon,
  Dot,
  Question,
  Plus,
  Minus,
  NotEquals,
  LessEquals,
  GreaterEquals,
  Less,
  Greater,
  Equals,
  FieldName,
  StructureWord,
  ReservedWord,
  Weekday,
  Comparison,
];

/** Tokens that begin a top-level declaration (`import` included). */
export const declarationStarters: TokenType[] = [Import, Enum, List, Record, Rep, Team, Queue, Hours, Score, Router, Test, Assert];

let lexerInstance: Lexer | undefined;

function lexer(): Lexer {
  lexerInstance ??= new Lexer(allTokens, { ensureOptimizations: false, positionTracking: "full" });
  return lexerInstance;
}

/** A lexical problem, in offsets; `parse` turns these into diagnostics. */
export interface LexProblem {
  start: number;
  end: number;
  message: string;
}

export interface LexOutput {
  tokens: IToken[];
  comments: IToken[];
  problems: LexProblem[];
}

/** Splits text into tokens and comments; never throws on any input. */
export function lex(text: string): LexOutput {
  const result = lexer().tokenize(text);
  const problems: LexProblem[] = [];
  for (const error of result.errors) {
    const start = error.offset;
    const end = start + Math.max(1, error.length);
    const shown = text.slice(start, Math.min(end, start + 20));
    problems.push({ start, end, message: `unexpected character${end - start > 1 ? "s" : ""} \`${shown}\`` });
  }
  for (const token of result.tokens) {
    if (token.tokenType === SingleQuotedString) {
      // The parser matches on tokenTypeIdx: both must change.
      token.tokenType = StringLiteral;
      token.tokenTypeIdx = StringLiteral.tokenTypeIdx!;
    }
    const problem =
      token.tokenType === StringLiteral
        ? decodeString(token.image).problem
        : token.tokenType === NumberLiteral
          ? checkNumber(token.image)
          : token.tokenType === InstantLiteral
            ? checkInstant(token.image)
            : undefined;
    if (problem) {
      problems.push({
        start: token.startOffset + problem.start,
        end: token.startOffset + problem.end,
        message: problem.message,
      });
    }
  }
  return { tokens: result.tokens, comments: result.groups["comments"] ?? [], problems };
}

/** True when `token` is of `type` or one of its categories. */
export function isOfType(token: IToken | undefined, type: TokenType): boolean {
  if (!token) return false;
  if (token.tokenType === type) return true;
  return (token.tokenType.CATEGORIES ?? []).some((category) => category === type || isCategoryOf(category, type));
}

function isCategoryOf(category: TokenType, type: TokenType): boolean {
  return (category.CATEGORIES ?? []).some((parent) => parent === type || isCategoryOf(parent, type));
}
