// The schema of what a rule or `otherwise` does once chosen: targets, requires,
// the SLA, where it was written.

import { fieldAt } from "./validate-conditions";
import { add, check, nullable, union, type Check } from "./validate-kit";

/** A target naming a record field must name a rep field. */
const REP_PATH: Check = (path, value, context) => fieldAt(path, value, context, "rep");

export const TARGET = union("kind", "target kind", {
  team: { id: "@team", method: "method|round-robin|weighted-round-robin|load-balance|broadcast|first-available" },
  rep: { id: "@rep" },
  queue: { id: "@queue" },
  action: { id: "s" },
  unassigned: {},
  field: { path: REP_PATH },
  manager: { path: REP_PATH },
}, "t");

/** A literal name, or a record field of names read at routing time. */
const REQUIRE_VALUE: Check = (path, value, context) => {
  if (!check(path, value, "o", context)) return;
  if (value.field === undefined) return check(`${path}.literal`, value.literal, "s", context);
  fieldAt(`${path}.field`, value.field, context, "text enum rep set");
};
const ONE = { value: REQUIRE_VALUE };
const MANY = { values: [REQUIRE_VALUE] };
const TEXT = { value: "s" };

const REQUIRE = {
  attribute: "rep attribute|skills|languages|region",
  negated: "b",
  test: union("op", "require op", { is: ONE, in: MANY, hasAny: MANY, hasAll: MANY, has: ONE, set: {}, empty: {}, startsWith: TEXT, endsWith: TEXT, contains: TEXT }),
};

const SLA = {
  seconds: "p",
  business: "b",
  then: nullable(union("kind", "SLA action", { reassign: { excludingLast: "w?", upTo: "w?" }, escalate: { target: TARGET } })),
};

/** Every member a rule shares with `otherwise`. */
export const OUTCOME = {
  assign: TARGET,
  requires: [REQUIRE],
  notify: [TARGET],
  fallbacks: [TARGET],
  reason: "s?",
  sla: nullable(SLA),
  source: { file: "s", line: "w", column: "w" },
};
