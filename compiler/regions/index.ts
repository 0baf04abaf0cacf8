// The region algebra: one router's record (and routing instant) cut into
// finitely many regions per subject, and every condition as a formula over
// them. Shared by the rule analysis (compiler/analyze) and the matching index.
//
// API (stable; add, do not change):
//
//   const regions = buildRegions(program, routerId, { extraConditions? })
//     → RegionBuilder | null (null: no such router). Throws RegionLimitError
//       (from the constructor or `formula()`) on an unresolved condition or
//       past a budget: callers report "undecided", never guess.
//
//   regions.variables: Variable[]   — finite-domain variables, see variables.ts:
//     "value"        one per tested field path: enum members | number intervals
//                    between the sorted constants (open gaps and points) |
//                    false/true | roster reps + "unknown-rep" | text constants
//                    (folded) + "other-text" | a related record's "present";
//                    the LAST value is "missing" when the path may be missing.
//     "text-feature" per `starts with`/`ends with`/`contains` constant (0 no, 1 yes)
//     "presence"     a set field that may be missing (present, missing)
//     "set-element"  per element a test mentions (0 no, 1 yes); "set-other":
//                    the set holds some unmentioned element
//     "score-line"   per line of each score used (0 no, 1 yes)
//     "instant"      which `hours` calendars are open (each value a
//                    combination that occurs, with an ISO instant showing it)
//   regions.sizes[i]                — domain size of variable i
//   regions.subjects                — "path.to.field" → FieldSubject (which variables)
//   regions.scoreLines, regions.calendars, regions.instant
//   regions.formula(condition)      — Formula (Cube[]: union of cubes; a Cube maps
//                                     variable → bitmask of allowed values)
//                                     where the condition holds; works for a
//                                     single leaf test too
//   regions.invalid                 — Formula: combinations no real record has
//                                     (text feature implications, nested
//                                     records, score lines tied to conditions);
//                                     subtract it before claiming emptiness
//   witnessOf(regions, cube)        — { record, at }: a record fitting the
//                                     record declaration in that cube (cube
//                                     must avoid `invalid`)
//   cubes.ts                        — and/or/not/subtract/splitCube/cubesMeet
//
// Every record that fits the router's record declaration, at every instant,
// lies in exactly one assignment of these variables that avoids `invalid`, and
// every assignment that avoids `invalid` has such a record (witnessOf builds it).

import type { Program } from "../../language/semantics/model";
import { type BuildOptions, RegionBuilder } from "./build";

export { RegionBuilder, type BuildOptions, type FieldSubject, numberRegions, numberHolds, featureKey } from "./build";
export * from "./cubes";
export type { RegionValue, Variable, VariableKind } from "./variables";
export { NO, YES } from "./variables";
export { witnessOf, unknownRep, type Witness } from "./witness";
export type { TextFeature, FeatureOp } from "./text-features";
export { instantRegions, type InstantRegion } from "./instants";

/** The regions of router `routerId`, or null when there is no such router. */
export function buildRegions(program: Program, routerId: string, options: BuildOptions = {}): RegionBuilder | null {
  const router = program.routers.get(routerId);
  if (!router) return null;
  return new RegionBuilder(program, router, options);
}
