// Asserts (brief §7), proved over every record that fits the router's record
// and every roster state: the records of the assert's `when` are split by the
// rule that matches them (exactly, as the rule pass does), and each outcome's
// reachable targets are checked against the claim.
//
// NOTE: reach follows §7. The `assign to` target is reached unless no
// candidate can pass its `require`s; each fallback is reached when every step
// before it can fail in some roster state (a team, a rep, a field rep or a
// manager can: anyone may be away), which stops after a queue, an action or
// `unassigned`; every `also notify` and `escalate to` target is reached.
// `always assigned` fails when some roster state leaves the record with
// no one: no step is a queue or an action before the chain ends (an explicit
// `unassigned` step counts as no one), or the record matches nothing.

import type { AssertModel, OutcomeModel, Program, RepModel, RequireModel, TargetModel } from "../../language/semantics/model";
import { foldText } from "../../language/semantics/evaluate";
import { and, buildRegions, type Cube, type Formula, RegionLimitError, TRUE, witnessOf } from "../regions";
import { BudgetError, uncoveredIn } from "./cover";
import type { Finding } from "./findings";
import { alwaysPlaces, describeTarget, outcomeName, targetKey } from "./outcomes";
import { Earlier } from "./rules";

export function analyzeAssert(program: Program, assertion: AssertModel, budget: number): Finding[] {
  const undecided = (reason: string): Finding[] => [{ code: "assert-undecided", assert: assertion, reason }];
  const router = program.routers.get(assertion.router);
  if (!router) return [];
  let regions;
  let when: Formula;
  const outcomes: { rule: number | null; outcome: OutcomeModel | null; cube: Cube }[] = [];
  try {
    regions = buildRegions(program, assertion.router)!;
    when = assertion.when ? regions.formula(assertion.when) : TRUE;
    const sizes = regions.sizes;
    const earlier = new Earlier(regions.invalid);
    // Each outcome's records: those of `when` that this rule is the first to match, then those no rule matches.
    for (let index = 0; index < router.rules.length; index++) {
      const rule = router.rules[index]!;
      if (!rule.enabled) continue;
      const formula = regions.formula(rule.condition);
      const cube = uncoveredIn(and(when, formula), earlier.cubes, sizes, { left: budget });
      if (cube) outcomes.push({ rule: index, outcome: rule, cube });
      earlier.add(index, formula);
    }
    const rest = uncoveredIn(when, earlier.cubes, sizes, { left: budget });
    if (rest) outcomes.push({ rule: null, outcome: router.otherwise, cube: rest });
  } catch (error) {
    if (error instanceof RegionLimitError) return undecided(error.message);
    if (error instanceof BudgetError) return undecided(`the analysis budget (${budget} steps per question) ran out`);
    throw error;
  }

  for (const { rule, outcome, cube } of outcomes) {
    const witness = witnessOf(regions, cube);
    const kind = rule !== null ? "rule" : outcome ? "otherwise" : "unmatched";
    const base = { code: "assert-failed" as const, assert: assertion, witness, rule, outcome: kind as "rule" | "otherwise" | "unmatched" };
    if (!outcome) {
      // No rule and no otherwise: the record reaches nothing, which breaks only `always assigned`.
      if (assertion.claim.kind === "always-assigned") return [{ ...base, target: null, path: ["matches no rule, and the router has no otherwise"], roster: [] }];
      continue;
    }
    const reach = reachOf(program, outcome);
    if (assertion.claim.kind === "always-assigned") {
      const stop = reach.steps.findIndex((step) => alwaysPlaces(step.target));
      const placed = stop >= 0 && reach.steps[stop]!.target.kind !== "unassigned";
      if (!placed) {
        const steps = stop >= 0 ? reach.steps.slice(0, stop + 1) : reach.steps;
        const failing = stop >= 0 ? steps.slice(0, -1) : steps;
        return [{ ...base, target: null, path: [`matches ${outcomeName(outcome)}`, ...steps.map((step) => step.words)], roster: failing.map((step) => step.unable) }];
      }
      continue;
    }
    const wanted = new Set(assertion.claim.targets.map(targetKey));
    const only = assertion.claim.kind === "only";
    const breaks = (target: TargetModel) => (only ? !wanted.has(targetKey(target)) : wanted.has(targetKey(target)));
    for (let index = 0; index < reach.steps.length; index++) {
      const step = reach.steps[index]!;
      if (!breaks(step.target)) continue;
      if (step.reached === "depends") return undecided(`whether ${describeTarget(step.target)} can take the record depends on requires that read record fields`);
      if (!step.reached) continue;
      const before = reach.steps.slice(0, index);
      return [{ ...base, target: step.target, path: [`matches ${outcomeName(outcome)}`, ...before.map((item) => item.words), step.words], roster: before.map((item) => item.unable) }];
    }
    for (const extra of reach.extras) {
      if (breaks(extra.target)) return [{ ...base, target: extra.target, path: [`matches ${outcomeName(outcome)}`, extra.words], roster: [] }];
    }
  }
  return [];
}

interface Step {
  target: TargetModel;
  /** Whether this step is reached in some roster state; "depends" when it turns on the record's fields. */
  reached: boolean | "depends";
  words: string;
  /** Why this step did not place the record, for the roster state. */
  unable: string;
}

function reachOf(program: Program, outcome: OutcomeModel): { steps: Step[]; extras: { target: TargetModel; words: string }[] } {
  const steps: Step[] = [];
  const chain = outcome.assign ? [outcome.assign, ...outcome.fallbacks] : outcome.fallbacks;
  for (let index = 0; index < chain.length; index++) {
    const target = chain[index]!;
    const primary = index === 0 && outcome.assign !== null;
    const reached = primary ? primaryReached(program, target, outcome.requires) : true;
    const words = `${primary ? "assign to" : "fallback to"} ${describeTarget(target)}`;
    const unable = reached === false ? `no member of ${describeTarget(target)} meets the rule's requires` : unableWords(target);
    steps.push({ target, reached, words, unable });
    if (alwaysPlaces(target)) break;
  }
  const extras = outcome.notify.map((target) => ({ target, words: `also notify ${describeTarget(target)}` }));
  const then = outcome.sla?.then;
  if (then && then.kind === "escalate") extras.push({ target: then.target, words: `escalate to ${describeTarget(then.target)} when the SLA passes` });
  return { steps, extras };
}

function unableWords(target: TargetModel): string {
  switch (target.kind) {
    case "team":
      return `every member of team ${target.id} is away, outside hours or at capacity`;
    case "rep":
      return `rep ${target.id} is away, outside hours or at capacity`;
    case "field":
      return `the rep in ${target.path.join(".")} is away, at capacity or not in the roster`;
    case "manager":
      return `the manager of ${target.path.join(".")} is away, at capacity or not in the roster`;
    default:
      return `${describeTarget(target)} cannot take it`;
  }
}

/** Whether some candidate of the `assign to` target can pass its requires. */
function primaryReached(program: Program, target: TargetModel, requires: RequireModel[]): boolean | "depends" {
  if (requires.length === 0) return true;
  const readsRecord = requires.some((require) => {
    const test = require.test;
    const values = "values" in test ? test.values : "value" in test && typeof test.value !== "string" ? [test.value] : [];
    return values.some((value) => "field" in value);
  });
  if (readsRecord || target.kind === "field" || target.kind === "manager") return "depends";
  const candidates: RepModel[] = [];
  if (target.kind === "team") for (const member of program.teams.get(target.id)?.members ?? []) {
    const rep = program.reps.get(member.rep);
    if (rep) candidates.push(rep);
  }
  if (target.kind === "rep") {
    const rep = program.reps.get(target.id);
    if (rep) candidates.push(rep);
  }
  return candidates.some((rep) => requires.every((require) => meets(require, rep)));
}

/** A literal require against one rep, as the runtime decides it (runtime/requires.ts). */
function meets(require: RequireModel, rep: RepModel): boolean {
  const names = (require.attribute === "region" ? (rep.region === null ? [] : [rep.region]) : rep[require.attribute]).map(foldText);
  if (names.length === 0) return false;
  const literal = (value: { literal: string } | { field: string[] }) => ("literal" in value ? foldText(value.literal) : "");
  const test = require.test;
  let holds: boolean;
  switch (test.op) {
    case "set":
      holds = true;
      break;
    case "empty":
      holds = false;
      break;
    case "startsWith":
      holds = names.some((name) => name.startsWith(foldText(test.value)));
      break;
    case "endsWith":
      holds = names.some((name) => name.endsWith(foldText(test.value)));
      break;
    case "contains":
      holds = names.some((name) => name.includes(foldText(test.value)));
      break;
    case "is":
    case "has":
      holds = names.includes(literal(test.value));
      break;
    case "in":
    case "hasAny":
      holds = test.values.some((value) => names.includes(literal(value)));
      break;
    case "hasAll":
      holds = test.values.every((value) => names.includes(literal(value)));
      break;
  }
  return require.negated ? !holds : holds;
}
