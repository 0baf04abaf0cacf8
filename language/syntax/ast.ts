// The typed syntax tree of one .route file, as written: every node keeps its
// span, nothing is resolved yet. The parser's lowering builds it; the checker,
// the formatter and the editor services read it.
//
// INVARIANT: the AST never holds a node the parser could not complete. Where
// recovery dropped part of a construct, the optional members are absent and a
// `syntax-error` diagnostic says why; consumers must treat absent as "skip".

import type { Span } from "../diagnostics/diagnostic";

export type { Span };

/** An identifier (or structure word used as a field name) with its place. */
export interface Name {
  text: string;
  span: Span;
}

export interface StringLiteral {
  kind: "string";
  /** The decoded value (escapes applied). */
  value: string;
  span: Span;
}

export interface NumberLiteral {
  kind: "number";
  /** The numeric value, sign included (`-5` is -5). */
  value: number;
  /** As written, sign included, e.g. "-10_000.5". */
  raw: string;
  span: Span;
}

export interface BooleanLiteral {
  kind: "boolean";
  value: boolean;
  span: Span;
}

/** A bare name (`EMEA`, `alice`, `payroll`) or `Enum.Member`. */
export interface NameLiteral {
  kind: "name";
  /** For `Enum.Member`, `qualifier` is the enum and `name` the member. */
  qualifier?: Name;
  name: Name;
  span: Span;
}

export type Literal = StringLiteral | NumberLiteral | BooleanLiteral | NameLiteral;

/** `2026-12-25` */
export interface DateLiteral {
  kind: "date";
  /** As written: "YYYY-MM-DD". */
  value: string;
  span: Span;
}

/** `08:00` */
export interface TimeLiteral {
  kind: "time";
  /** As written: "HH:MM". */
  value: string;
  span: Span;
}

/** `2026-12-01T09:00Z` */
export interface InstantLiteral {
  kind: "instant";
  /** As written. */
  value: string;
  span: Span;
}

// ---------------------------------------------------------------------------
// File and declarations

export interface SourceFile {
  kind: "file";
  /** The path the host gave for this file. */
  path: string;
  /**
   * The file's text, when whoever parsed it keeps it (optional, additive). The
   * compiler turns spans into lines and columns with it, without reading the disk.
   */
  text?: string;
  imports: ImportDecl[];
  declarations: Declaration[];
  span: Span;
}

export interface ImportDecl {
  kind: "import";
  path: StringLiteral;
  span: Span;
}

export type Declaration =
  | EnumDecl
  | ListDecl
  | RecordDecl
  | RepDecl
  | TeamDecl
  | QueueDecl
  | HoursDecl
  | ScoreDecl
  | RouterDecl
  | TestDecl
  | AssertDecl;

/** Declarations that introduce a name into the file's namespace. */
export type NamedDeclaration = Exclude<Declaration, TestDecl | AssertDecl>;

export interface EnumDecl {
  kind: "enum";
  name: Name;
  members: EnumMember[];
  span: Span;
  /** Syntax recovery dropped part of this node (see `RuleDecl.incomplete`). */
  incomplete?: true;
}

export interface EnumMember {
  name: Name;
  /** `B = "wire value"`; absent means the wire value is the name. */
  wire?: StringLiteral;
  span: Span;
}

export interface ListDecl {
  kind: "list";
  name: Name;
  items: Literal[];
  span: Span;
  /** Syntax recovery dropped part of this node (see `RuleDecl.incomplete`). */
  incomplete?: true;
}

export interface RecordDecl {
  kind: "record";
  name: Name;
  fields: FieldDecl[];
  span: Span;
  /** Syntax recovery dropped part of this node (see `RuleDecl.incomplete`). */
  incomplete?: true;
}

export interface FieldDecl {
  name: Name;
  type: TypeRef;
  span: Span;
}

/** `text`, `Region?`, `rep`, `set of Product`, `set of rep?` */
export interface TypeRef {
  /** `rep` or a named type (`text`, `number`, `boolean`, an enum, a record). */
  base: { kind: "rep"; span: Span } | { kind: "named"; name: Name };
  set: boolean;
  optional: boolean;
  span: Span;
}

export interface RepDecl {
  kind: "rep";
  name: Name;
  attributes: RepAttribute[];
  span: Span;
  /** Syntax recovery dropped part of this node (see `RuleDecl.incomplete`). */
  incomplete?: true;
}

/** A bare name or a string, as in `skills [payroll, "hris"]`. */
export type NameOrString = { kind: "name"; name: Name; span: Span } | StringLiteral;

export type RepAttribute =
  | { kind: "name"; value: StringLiteral; span: Span }
  | { kind: "email"; value: StringLiteral; span: Span }
  | { kind: "ids"; values: StringLiteral[]; span: Span }
  | { kind: "skills"; values: NameOrString[]; span: Span }
  | { kind: "languages"; values: NameOrString[]; span: Span }
  | { kind: "region"; value: NameOrString; span: Span }
  | { kind: "hours"; hours: Name; span: Span }
  | { kind: "capacity"; value: NumberLiteral; span: Span }
  | { kind: "cap"; value: NumberLiteral; period: { value: "hour" | "day" | "week" | "month"; span: Span }; span: Span }
  | { kind: "weight"; value: NumberLiteral; span: Span }
  | { kind: "manager"; manager: Name; span: Span }
  | { kind: "unavailable"; from: DateLiteral; to: DateLiteral; span: Span };

export interface TeamDecl {
  kind: "team";
  name: Name;
  members: TeamMember[];
  span: Span;
  /** Syntax recovery dropped part of this node (see `RuleDecl.incomplete`). */
  incomplete?: true;
}

export interface TeamMember {
  rep: Name;
  weight?: NumberLiteral;
  span: Span;
}

export interface QueueDecl {
  kind: "queue";
  name: Name;
  span: Span;
  /** Syntax recovery dropped part of this node (see `RuleDecl.incomplete`). */
  incomplete?: true;
}

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

export interface HoursDecl {
  kind: "hours";
  name: Name;
  timezone?: StringLiteral;
  /** Day lines and closed lines, in source order. */
  entries: HoursEntry[];
  span: Span;
  /** Syntax recovery dropped part of this node (see `RuleDecl.incomplete`). */
  incomplete?: true;
}

export type HoursEntry = DayLine | ClosedLine;

export interface DayLine {
  kind: "days";
  /** `mon-fri, sat` → [{from: mon, to: fri}, {from: sat}] */
  days: { from: { value: Weekday; span: Span }; to?: { value: Weekday; span: Span }; span: Span }[];
  windows: { start: TimeLiteral; end: TimeLiteral; span: Span }[];
  span: Span;
}

export interface ClosedLine {
  kind: "closed";
  dates: DateLiteral[];
  span: Span;
}

export interface ScoreDecl {
  kind: "score";
  name: Name;
  /** `for Lead`; absent means checked against each router that uses it. */
  record?: Name;
  lines: ScoreLine[];
  span: Span;
  /** Syntax recovery dropped part of this node (see `RuleDecl.incomplete`). */
  incomplete?: true;
}

export interface ScoreLine {
  sign: "+" | "-";
  /** The unsigned weight as written; the sign is `sign`. */
  weight: NumberLiteral;
  condition: Condition;
  span: Span;
}

// ---------------------------------------------------------------------------
// Routers, rules and clauses

export interface RouterDecl {
  kind: "router";
  name: Name;
  record: Name;
  rules: RuleDecl[];
  otherwise?: OtherwiseDecl;
  span: Span;
  /** Syntax recovery dropped part of this node (see `RuleDecl.incomplete`). */
  incomplete?: true;
}

export interface RuleDecl {
  kind: "rule";
  name: StringLiteral;
  priority?: NumberLiteral;
  /** Span of the `disabled` word when present. */
  disabled?: Span;
  clauses: Clause[];
  /** From `rule` to the opening brace: where rule-level findings point. */
  header: Span;
  span: Span;
  /**
   * Set when syntax recovery dropped part of this node (a `syntax-error` says
   * why). Checks that need the whole node (missing-assign, coverage) skip it.
   */
  incomplete?: true;
}

export interface OtherwiseDecl {
  kind: "otherwise";
  clauses: Clause[];
  /** The `otherwise` keyword. */
  header: Span;
  span: Span;
  /** Syntax recovery dropped part of this node (see `RuleDecl.incomplete`). */
  incomplete?: true;
}

export type Clause =
  | WhenClause
  | AssignClause
  | RequireClause
  | NotifyClause
  | SlaClause
  | FallbackClause
  | ReasonClause;

export interface WhenClause {
  kind: "when";
  condition: Condition;
  span: Span;
}

export interface AssignClause {
  kind: "assign";
  target: Target;
  method?: Method;
  span: Span;
}

export type MemberAttribute = "skills" | "languages" | "region";

export interface RequireClause {
  kind: "require";
  attribute: { value: MemberAttribute; span: Span };
  predicate: Predicate;
  span: Span;
}

export interface NotifyClause {
  kind: "notify";
  target: Target;
  span: Span;
}

export interface SlaClause {
  kind: "sla";
  duration: Duration;
  /** Span of `business` when present. */
  business?: Span;
  then?: SlaReassign | SlaEscalate;
  span: Span;
}

export interface SlaReassign {
  kind: "reassign";
  excludingLast?: NumberLiteral;
  upTo?: NumberLiteral;
  span: Span;
}

export interface SlaEscalate {
  kind: "escalate";
  target: Target;
  method?: Method;
  span: Span;
}

export interface FallbackClause {
  kind: "fallback";
  target: Target;
  method?: Method;
  span: Span;
}

export interface ReasonClause {
  kind: "reason";
  text: StringLiteral;
  span: Span;
}

export type DurationUnit = "second" | "minute" | "hour" | "day";

export interface Duration {
  amount: NumberLiteral;
  /** Normalised to the singular; `unitWord` keeps the spelling. */
  unit: DurationUnit;
  unitWord: string;
  span: Span;
}

export type MethodKind = "round-robin" | "weighted-round-robin" | "load-balance" | "broadcast" | "first-available";

export interface Method {
  kind: MethodKind;
  span: Span;
}

export type Target =
  | { kind: "team"; name: Name; span: Span }
  | { kind: "rep"; name: Name; span: Span }
  | { kind: "queue"; name: Name; span: Span }
  | { kind: "action"; name: StringLiteral; span: Span }
  | { kind: "unassigned"; span: Span }
  | { kind: "manager"; path: Path; span: Span }
  | { kind: "field"; path: Path; span: Span };

// ---------------------------------------------------------------------------
// Conditions

export interface Path {
  segments: Name[];
  span: Span;
}

export type Condition =
  | { kind: "or"; items: Condition[]; span: Span }
  | { kind: "and"; items: Condition[]; span: Span }
  | { kind: "not"; operand: Condition; span: Span }
  /** Parentheses as written, kept so the formatter can keep them. */
  | { kind: "paren"; inner: Condition; span: Span }
  /** `within H` or, with `outside: true`, `outside H`. */
  | { kind: "within"; hours: Name; outside: boolean; span: Span }
  /** `path predicate`, or a path alone (a boolean field or ... a typo). */
  | { kind: "test"; subject: Path; predicate?: Predicate; span: Span };

/** The right-hand side of an `in` / `has any of`: literals or a list name. */
export type ListOperand = { kind: "items"; items: Literal[]; span: Span } | { kind: "list"; name: Name; span: Span };

export type Predicate =
  | { kind: "is"; negated: boolean; value: Literal; span: Span }
  | { kind: "is-set"; negated: boolean; span: Span }
  | { kind: "is-empty"; negated: boolean; span: Span }
  | { kind: "in"; negated: boolean; operand: ListOperand; span: Span }
  | { kind: "compare"; op: "=" | "!=" | "<" | "<=" | ">" | ">="; value: NumberLiteral; span: Span }
  | { kind: "between"; low: NumberLiteral; high: NumberLiteral; span: Span }
  | { kind: "has"; value: Literal; span: Span }
  | { kind: "has-any" | "has-all" | "has-none"; operand: ListOperand; span: Span }
  | { kind: "starts-with" | "ends-with" | "contains"; value: StringLiteral; span: Span };

// ---------------------------------------------------------------------------
// Tests and asserts

export interface TestDecl {
  kind: "test";
  name: StringLiteral;
  router: Name;
  record: RecordLiteral;
  /** `with unavailable`, `at` and `expect` lines in source order. */
  items: TestItem[];
  span: Span;
  /** Syntax recovery dropped part of this node (see `RuleDecl.incomplete`). */
  incomplete?: true;
}

export type TestItem =
  | { kind: "unavailable"; reps: Name[]; span: Span }
  | { kind: "at"; instant: InstantLiteral; span: Span }
  | { kind: "expect"; expectation: Expectation; span: Span };

export type Expectation =
  | { kind: "rule"; name: StringLiteral; span: Span }
  | { kind: "otherwise"; span: Span }
  | { kind: "unmatched"; span: Span }
  | { kind: "team"; name: Name; span: Span }
  | { kind: "rep"; name: Name; span: Span }
  | { kind: "queue"; name: Name; span: Span }
  | { kind: "action"; name: StringLiteral; span: Span }
  | { kind: "unassigned"; span: Span };

export interface RecordLiteral {
  kind: "record";
  entries: RecordEntry[];
  span: Span;
}

export interface RecordEntry {
  field: Name;
  value: LiteralValue;
  span: Span;
}

export type LiteralValue = Literal | { kind: "array"; items: LiteralValue[]; span: Span } | RecordLiteral;

export interface AssertDecl {
  kind: "assert";
  name: StringLiteral;
  router: Name;
  when?: Condition;
  claim:
    | { kind: "only" | "never"; targets: Target[]; span: Span }
    | { kind: "always-assigned"; span: Span };
  span: Span;
  /** Syntax recovery dropped part of this node (see `RuleDecl.incomplete`). */
  incomplete?: true;
}

// ---------------------------------------------------------------------------
// Comments, kept beside the tree for the formatter.

export interface Comment {
  /** The text after `#`, without the line end. */
  text: string;
  span: Span;
}
