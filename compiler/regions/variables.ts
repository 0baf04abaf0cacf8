// The region variables of one router and what each of their values stands
// for. Every variable has a finite domain; a record (with its instant) picks
// exactly one value of each, and every test the router makes is decided by
// those values.

import type { TextFeature } from "./text-features";

export type VariableKind =
  /** The value of a scalar field path: enum member, number interval, boolean, rep, text constant; or a related record's presence. */
  | "value"
  /** Whether a set field is there at all (only when it may be missing). */
  | "presence"
  /** Whether a text field has a `starts with` / `ends with` / `contains` feature (0 = no, 1 = yes). */
  | "text-feature"
  /** Whether a set holds one mentioned element (0 = no, 1 = yes). */
  | "set-element"
  /** Whether a set holds some element no test mentions (0 = no, 1 = yes). */
  | "set-other"
  /** Whether one line of a score holds (0 = no, 1 = yes); tied to its condition by the invalid cubes. */
  | "score-line"
  /** Which `hours` calendars are open at the routing instant. */
  | "instant";

export type RegionValue =
  | { kind: "missing" }
  | { kind: "present" }
  | { kind: "member"; name: string; wire: string }
  | { kind: "number"; low: number; high: number; lowIncluded: boolean; highIncluded: boolean; example: number }
  | { kind: "boolean"; value: boolean }
  /** A text equal (ignoring case) to a constant some test names; `value` is folded. */
  | { kind: "text"; value: string }
  /** A text equal to no constant a test names. */
  | { kind: "other-text" }
  | { kind: "rep"; id: string }
  /** A rep value that names no rep in the roster (set, but equal to no rep). */
  | { kind: "unknown-rep" }
  | { kind: "instant"; open: Record<string, boolean>; at: string };

export interface Variable {
  index: number;
  kind: VariableKind;
  /** "region", "account.tier", "score:payroll_fit", "instant". */
  subject: string;
  /** The field path, for field subjects. */
  path?: string[];
  values: RegionValue[];
  /** For text-feature variables. */
  feature?: TextFeature;
  /** For set-element variables: the element (enum member name, rep id or folded text). */
  element?: string;
  /** For score-line variables: the score and line index. */
  line?: { score: string; index: number };
}

export const NO = 0;
export const YES = 1;
export const BOOLEAN_VALUES: RegionValue[] = [
  { kind: "boolean", value: false },
  { kind: "boolean", value: true },
];
