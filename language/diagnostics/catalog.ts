// The catalog of diagnostic codes: each code's default severity and a one-line
// summary. Codes are stable: never renamed, never reused. docs/diagnostics.md
// has a section per code, and a test keeps the two in step.

import type { Severity } from "./diagnostic";

export interface CodeInfo {
  severity: Severity;
  summary: string;
}

export const catalog = {
  "syntax-error": { severity: "error", summary: "the text does not parse" },
  "unknown-name": { severity: "error", summary: "a name that is not declared" },
  "type-mismatch": { severity: "error", summary: "a test or value of the wrong type" },
  "duplicate-name": { severity: "error", summary: "the same name declared twice" },
  "not-an-enum-member": { severity: "error", summary: "a value that is not a member of the field's enum" },
  "priority-order": { severity: "error", summary: "explicit priorities are not strictly increasing" },
  "missing-assign": { severity: "error", summary: "a rule or otherwise without `assign to`" },
  "empty-between": { severity: "error", summary: "`between a and b` with a greater than b" },
  "empty-team": { severity: "warning", summary: "a team with no members" },
  "unsatisfiable-require": { severity: "warning", summary: "a `require` that no member of the target can meet" },
  "ambiguous-require-value": { severity: "warning", summary: "a bare name in `require` that could be a field or a literal" },
  "require-on-optional-field": { severity: "info", summary: "a `require` that reads an optional field" },
  "invalid-target": { severity: "error", summary: "a target that cannot be used this way" },
  "unreachable-fallback": { severity: "warning", summary: "a fallback after a step that always places the record" },
  "unreachable-otherwise": { severity: "warning", summary: "an `otherwise` after a rule that always matches" },
  "import-cycle": { severity: "error", summary: "files that import each other" },
  "missing-import": { severity: "error", summary: "an imported file that cannot be read" },
  "unknown-timezone": { severity: "error", summary: "a time zone that is not an IANA name" },
  "hours-never-open": { severity: "warning", summary: "a business-hours calendar with no open time" },
  "score-cycle": { severity: "error", summary: "scores that use each other" },
  "test-needs-instant": { severity: "error", summary: "a test that reaches `within`/`outside` without `at`" },
  "disabled-rule": { severity: "info", summary: "a disabled rule" },
  "invalid-value": { severity: "error", summary: "a value outside what the language allows (a date, a time, a count)" },
  "duplicate-clause": { severity: "error", summary: "a clause written twice where one is allowed (`when`, `assign`, `reason`, `sla`, `at`)" },
  "raw-test-value": { severity: "warning", summary: "a string in a test record where an enum member or a rep is declared, passed as the raw incoming value" },
  "never-matches": { severity: "warning", summary: "a condition that can never hold" },
  "shadowed-rule": { severity: "warning", summary: "every record the rule matches is taken by earlier rules" },
  "overlapping-rules": { severity: "info", summary: "the rule shares records with earlier rules that send them elsewhere" },
  "unmatched-records": { severity: "warning", summary: "some records match no rule and there is no otherwise" },
  "assert-failed": { severity: "error", summary: "an assert is violated" },
  "assert-undecided": { severity: "error", summary: "an assert the analysis could not decide" },
  "internal-error": { severity: "error", summary: "a bug in the tool: please report it" },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof catalog;

export function isCode(code: string): code is Code {
  return Object.prototype.hasOwnProperty.call(catalog, code);
}

export function docsAnchor(code: string): string {
  return `docs/diagnostics.md#${code}`;
}
