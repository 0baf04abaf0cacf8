// The compiled table: the JSON contract between the compiler and every
// service that routes. The runtime owns this format; the compiler writes it.
// docs/table-format.md documents it and runtime/table.schema.json describes it.
//
// Versioning: a new optional member that a `route-table/1` runtime may ignore
// keeps `/1`; anything a `/1` runtime would misread bumps the version.

export const TABLE_FORMAT = "route-table/1";

export interface Table {
  format: typeof TABLE_FORMAT;
  /** Hex SHA-256 of the canonical JSON of every other member. */
  hash: string;
  /** Where the table came from: the entry file and every file it loaded (relative paths). */
  source: { entry: string; files: string[] };
  enums: Record<string, TableEnum>;
  lists: Record<string, TableList>;
  records: Record<string, TableRecord>;
  hours: Record<string, TableHours>;
  scores: Record<string, TableScore>;
  roster: TableRoster;
  routers: Record<string, TableRouter>;
}

export interface TableEnum {
  /** In declaration order. `wire` is the value a CRM sends (default: the name). */
  members: { name: string; wire: string }[];
}

export interface TableList {
  type: ValueType;
  items: Scalar[];
}

export interface TableRecord {
  fields: Record<string, FieldType>;
}

/** The type of one record field. */
export type FieldType = { optional: boolean } & (
  | { type: "text" | "number" | "boolean" | "rep" }
  | { type: "enum"; enum: string }
  | { type: "record"; record: string }
  | { type: "set"; element: ElementType }
);

export type ElementType = { type: "text" | "rep" } | { type: "enum"; enum: string };

/** The type of a list's items. */
export type ValueType = { type: "text" | "number" | "boolean" | "rep" } | { type: "enum"; enum: string };

/** Enum values are member names; rep values are rep ids. */
export type Scalar = string | number | boolean;

export interface TableHours {
  /** IANA zone name, e.g. "Europe/Berlin". */
  timezone: string;
  /**
   * Open windows. `day` 0 = Monday … 6 = Sunday; `start`/`end` are minutes
   * from that day's midnight, start included, end excluded. An overnight
   * window has `end` > 1440 and belongs to `day` (for `closed`).
   */
  windows: { day: number; start: number; end: number }[];
  /** Closed dates, "YYYY-MM-DD", in the calendar's zone. */
  closed: string[];
}

export interface TableScore {
  /** Each line's signed weight, added when its condition holds. */
  lines: { weight: number; condition: Condition }[];
}

export interface TableRoster {
  reps: Record<string, TableRep>;
  teams: Record<string, TableTeam>;
  queues: string[];
}

export interface TableRep {
  name: string | null;
  email: string | null;
  /** CRM user ids. */
  ids: string[];
  skills: string[];
  languages: string[];
  region: string | null;
  hours: string | null;
  /** Open assignments at once; null = no limit. */
  capacity: number | null;
  caps: { count: number; period: "hour" | "day" | "week" | "month" }[];
  weight: number;
  manager: string | null;
  /** Inclusive date ranges, "YYYY-MM-DD", in the zone of `hours` (UTC without). */
  unavailable: { from: string; to: string }[];
}

export interface TableTeam {
  /** In order; `weight` is the member's weight in this team, or null to use the rep's. */
  members: { rep: string; weight: number | null }[];
}

export interface TableRouter {
  record: string;
  rules: TableRule[];
  otherwise: TableOutcome | null;
  /**
   * Optional: the router's rules as a decision index, so matching classifies
   * each field once and never walks the rules. A runtime that ignores it
   * matches the same records from `rules`. Written by the compiler.
   */
  index?: TableIndex;
}

/**
 * The decision index of a router. Every enabled rule becomes one or more
 * rows (one per `or` branch), in rule order. Each feature reads one thing from
 * the record and classifies it into a region (a small integer); a row is
 * compatible with a region unless the feature's `constraints` say otherwise.
 * The match is the rule of the first row compatible with every feature's
 * region (a row listed in `verify` must also pass its rule's condition).
 */
export interface TableIndex {
  features: IndexFeature[];
  /** Row → position of its rule in `rules`; non-decreasing. */
  rows: number[];
  /** Rows whose condition was too large to expand: the index only narrows, the rule's condition decides. */
  verify: number[];
}

/**
 * How a feature classifies a record. Region 0 is always "missing" (absent,
 * null, wrong type, or a path through a missing related record; for
 * `within`: not open or no instant). `constraints`: `[row, region, region, …]`,
 * the only regions that row allows; rows not listed allow every region.
 */
export type IndexFeature = { constraints: number[][] } & (
  /** 1 = a value that names no member; 2 + i = the enum's i-th member. */
  | { kind: "enum"; path: string[] }
  /** 1 = other text; 2 + i = `values[i]` (folded: NFC, lower case). */
  | { kind: "text"; path: string[]; values: string[] }
  /** 1 = set but another or no rep of the roster; 2 + i = `reps[i]`. */
  | { kind: "rep"; path: string[]; reps: string[] }
  /** 1 = false, 2 = true. */
  | { kind: "boolean"; path: string[] }
  /** Around sorted `points` p0 < p1 < …: 1 + 2i = between p(i-1) and p(i), 2 + 2i = p(i), 2n + 1 = above the last. */
  | ({ kind: "number"; points: number[] } & ({ path: string[] } | { score: string }))
  /** The text test on the folded value: 1 = false, 2 = true. */
  | { kind: "match"; path: string[]; op: "startsWith" | "endsWith" | "contains"; value: string }
  /** A set's elements (folded text, member names or rep ids, at most 8): 1 = empty, 2 + mask of the elements it holds. */
  | { kind: "set"; path: string[]; elements: string[] }
  /** 1 = present (a related record). */
  | { kind: "present"; path: string[] }
  /** 1 = the calendar is open at the routing instant. */
  | { kind: "within"; hours: string }
);

/** Where a rule was written, for traces and messages. 1-based line and column. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** Everything a rule or `otherwise` does once it is chosen. */
export interface TableOutcome {
  /** The `assign to` step; null only in a table compiled from a file with errors, which the compiler refuses. */
  assign: Step;
  requires: Require[];
  notify: Target[];
  sla: Sla | null;
  fallbacks: Step[];
  reason: string | null;
  source: SourceLocation;
}

export interface TableRule extends TableOutcome {
  name: string;
  enabled: boolean;
  priority: number | null;
  /** `{ "op": "true" }` when the rule has no `when`. */
  condition: Condition;
}

export type Method = "round-robin" | "weighted-round-robin" | "load-balance" | "broadcast" | "first-available";

/** §9 of the language brief. `method` only on team targets (default round-robin). */
export type Target =
  | { kind: "team"; id: string; method: Method }
  | { kind: "rep"; id: string }
  | { kind: "queue"; id: string }
  | { kind: "action"; id: string }
  | { kind: "unassigned" }
  | { kind: "field"; path: string[] }
  | { kind: "manager"; path: string[] };

/** A step of the chain: the `assign to` target or a fallback. */
export type Step = Target;

export interface Require {
  attribute: "skills" | "languages" | "region";
  /** A member-attribute test; `not` forms are `negated: true`. */
  test: RequireTest;
  negated: boolean;
}

/** A value on the right of a require: a literal name, or a record field read at routing time. */
export type RequireValue = { literal: string } | { field: string[] };

export type RequireTest =
  | { op: "is"; value: RequireValue }
  | { op: "in" | "hasAny" | "hasAll"; values: RequireValue[] }
  | { op: "has"; value: RequireValue }
  | { op: "set" }
  | { op: "empty" }
  | { op: "startsWith" | "endsWith" | "contains"; value: string };

export interface Sla {
  seconds: number;
  business: boolean;
  then:
    | null
    | { kind: "reassign"; excludingLast: number | null; upTo: number | null }
    | { kind: "escalate"; target: Target };
}

/**
 * A condition. Negative forms are `not` of the positive form, so every leaf
 * is false on a missing value. `text` is the test as written, for traces.
 */
export type Condition =
  | { op: "true" }
  | { op: "and"; all: Condition[] }
  | { op: "or"; any: Condition[] }
  /** `text`: the negative form as written (`region is not EMEA`), for traces; the leaf inside keeps the positive form. */
  | { op: "not"; cond: Condition; text?: string }
  | { op: "within"; hours: string; text?: string }
  | Test;

/** A test of a record field (`path`) or a score (`score`). */
export type Test = ({ path: string[] } | { score: string }) & { text?: string } & (
    | { op: "is"; value: Scalar }
    | { op: "in"; values: Scalar[]; list?: string }
    | { op: "cmp"; cmp: "=" | "!=" | "<" | "<=" | ">" | ">="; value: number }
    | { op: "between"; low: number; high: number }
    | { op: "has"; value: Scalar }
    | { op: "hasAny" | "hasAll"; values: Scalar[]; list?: string }
    | { op: "empty" }
    | { op: "set" }
    | { op: "startsWith" | "endsWith" | "contains"; value: string }
    | { op: "truthy" }
  );

// ---------------------------------------------------------------------------
// Decisions (§9 of the brief)

export interface Decision {
  outcome: "rule" | "otherwise" | "unmatched";
  rule: string | null;
  priority: number | null;
  target: Target | null;
  fallbacks: Target[];
  trace: TraceEntry[];
  /** The instant used, ISO; null when the caller gave none. */
  at: string | null;
}

export type TraceEntry =
  /** A rule tried: whether it matched and, if not, the first test that failed and the value it saw. */
  | { kind: "rule"; rule: string; matched: boolean; failed?: { test: string; value: unknown } }
  | { kind: "skipped"; rule: string; why: "disabled" }
  | { kind: "score"; score: string; value: number }
  | { kind: "otherwise" }
  /** Unknown enum values, wrong-typed values (counted missing), coercions, malformed records. */
  | { kind: "note"; field?: string; message: string };
