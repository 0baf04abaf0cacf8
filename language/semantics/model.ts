// The checked model: a workspace's declarations with every name resolved and
// every type known. The checker builds it (language/semantics/check), the
// compiler lowers it to a table, and the reference evaluator runs it as is.
//
// INVARIANT: the model holds only what resolved. A rule whose target named
// an unknown team keeps `assign: null`; a condition test on an unknown field
// becomes `{ kind: "unknown" }`, which consumers treat as "cannot decide" and
// which never reaches a table (the compiler refuses a program with errors).

import type { Span, SourceFile, Weekday } from "../syntax/ast";

export type Scalar = string | number | boolean;

export type FieldType = { optional: boolean } & (
  | { type: "text" | "number" | "boolean" | "rep" }
  | { type: "enum"; enum: string }
  | { type: "record"; record: string }
  | { type: "set"; element: ElementType }
);

export type ElementType = { type: "text" | "rep" } | { type: "enum"; enum: string };

export type ValueType = { type: "text" | "number" | "boolean" | "rep" } | { type: "enum"; enum: string };

export interface Program {
  /** The file the program was checked from (its path as the host gave it). */
  entry: string;
  /** Every parsed file reached from the entry, the entry first. */
  files: SourceFile[];
  /**
   * Declarations of every loaded file, by name. Names are unique across the
   * program: a clash between files that a single compile loads is reported
   * as `duplicate-name`, and the first declaration wins.
   */
  enums: Map<string, EnumModel>;
  lists: Map<string, ListModel>;
  records: Map<string, RecordModel>;
  reps: Map<string, RepModel>;
  teams: Map<string, TeamModel>;
  queues: Map<string, QueueModel>;
  hours: Map<string, HoursModel>;
  scores: Map<string, ScoreModel>;
  routers: Map<string, RouterModel>;
  /** Tests and asserts of the entry file only (imports contribute declarations, not tests). */
  tests: TestModel[];
  asserts: AssertModel[];
}

export interface EnumModel {
  name: string;
  members: { name: string; wire: string; span: Span }[];
  span: Span;
}

export interface ListModel {
  name: string;
  /** Null when the items did not agree on a type (an error was reported). */
  type: ValueType | null;
  items: Scalar[];
  span: Span;
}

export interface RecordModel {
  name: string;
  fields: Map<string, FieldType & { span: Span }>;
  span: Span;
}

export interface RepModel {
  id: string;
  name: string | null;
  email: string | null;
  ids: string[];
  skills: string[];
  languages: string[];
  region: string | null;
  hours: string | null;
  capacity: number | null;
  caps: { count: number; period: "hour" | "day" | "week" | "month" }[];
  weight: number;
  manager: string | null;
  unavailable: { from: string; to: string }[];
  span: Span;
}

export interface TeamModel {
  id: string;
  members: { rep: string; weight: number | null; span: Span }[];
  span: Span;
}

export interface QueueModel {
  id: string;
  span: Span;
}

export interface HoursModel {
  id: string;
  timezone: string;
  /** day 0 = Monday; minutes from midnight; an overnight window has end > 1440. */
  windows: { day: number; start: number; end: number }[];
  closed: string[];
  span: Span;
}

export type { Weekday };

export interface ScoreModel {
  id: string;
  /** The `for` record, when written. */
  record: string | null;
  lines: { weight: number; condition: ConditionModel; span: Span }[];
  span: Span;
}

export interface RouterModel {
  id: string;
  record: string;
  rules: RuleModel[];
  otherwise: OutcomeModel | null;
  span: Span;
}

export interface OutcomeModel {
  /** Null when missing or unresolved (an error was reported). */
  assign: TargetModel | null;
  requires: RequireModel[];
  notify: TargetModel[];
  sla: SlaModel | null;
  fallbacks: TargetModel[];
  reason: string | null;
  /** The rule's header (`rule "…"` or `otherwise`). */
  header: Span;
  span: Span;
}

export interface RuleModel extends OutcomeModel {
  name: string;
  enabled: boolean;
  priority: number | null;
  /** `{ kind: "true" }` when the rule has no `when`. */
  condition: ConditionModel;
}

export type Method = "round-robin" | "weighted-round-robin" | "load-balance" | "broadcast" | "first-available";

export type TargetModel = (
  | { kind: "team"; id: string; method: Method }
  | { kind: "rep"; id: string }
  | { kind: "queue"; id: string }
  | { kind: "action"; id: string }
  | { kind: "unassigned" }
  | { kind: "field"; path: string[] }
  | { kind: "manager"; path: string[] }
) & { span: Span };

export type RequireValue = { literal: string } | { field: string[] };

export interface RequireModel {
  attribute: "skills" | "languages" | "region";
  negated: boolean;
  test:
    | { op: "is"; value: RequireValue }
    | { op: "in" | "hasAny" | "hasAll"; values: RequireValue[] }
    | { op: "has"; value: RequireValue }
    | { op: "set" }
    | { op: "empty" }
    | { op: "startsWith" | "endsWith" | "contains"; value: string };
  span: Span;
}

export interface SlaModel {
  seconds: number;
  business: boolean;
  then:
    | null
    | { kind: "reassign"; excludingLast: number | null; upTo: number | null }
    | { kind: "escalate"; target: TargetModel };
  span: Span;
}

/**
 * A resolved condition. Negative forms are `not` of the positive form
 * (`is not V` → not(is V), `has none of` → not(has any of), `outside H` →
 * not(within H)), so every test is false on a missing value.
 */
export type ConditionModel =
  | { kind: "true" }
  | { kind: "and"; items: ConditionModel[]; span: Span }
  | { kind: "or"; items: ConditionModel[]; span: Span }
  | { kind: "not"; operand: ConditionModel; span: Span }
  | { kind: "within"; hours: string; span: Span }
  | { kind: "test"; subject: Subject; test: TestOp; text: string; span: Span }
  /** Could not be resolved; an error was reported. */
  | { kind: "unknown"; span: Span };

export type Subject = { kind: "field"; path: string[] } | { kind: "score"; score: string };

/** The positive test applied to the subject. Enum values are member names; rep values are rep ids. */
export type TestOp =
  | { op: "is"; value: Scalar }
  | { op: "in"; values: Scalar[]; list?: string }
  | { op: "cmp"; cmp: "=" | "!=" | "<" | "<=" | ">" | ">="; value: number }
  | { op: "between"; low: number; high: number }
  | { op: "has"; value: Scalar }
  | { op: "hasAny" | "hasAll"; values: Scalar[]; list?: string }
  | { op: "empty" }
  | { op: "set" }
  | { op: "startsWith" | "endsWith" | "contains"; value: string }
  | { op: "truthy" };

// ---------------------------------------------------------------------------
// Tests and asserts

/** A record literal as the host would send it: enum members as wire values, reps as ids. */
export type RecordValue = { [field: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface TestModel {
  name: string;
  router: string;
  record: RecordValue;
  unavailable: string[];
  /** ISO instant as written, or null. */
  at: string | null;
  expects: ExpectModel[];
  span: Span;
}

export type ExpectModel = (
  | { kind: "rule"; rule: string }
  | { kind: "otherwise" }
  | { kind: "unmatched" }
  | { kind: "team"; id: string }
  | { kind: "rep"; id: string }
  | { kind: "queue"; id: string }
  | { kind: "action"; id: string }
  | { kind: "unassigned" }
) & { span: Span };

export interface AssertModel {
  name: string;
  router: string;
  when: ConditionModel | null;
  claim: { kind: "only" | "never"; targets: TargetModel[] } | { kind: "always-assigned" };
  span: Span;
}
