// Builds the region variables of one router from the checked model: collects
// the constants every condition compares each subject with, cuts each
// subject's domain into regions, and turns conditions into formulas.

import { foldText } from "../../language/semantics/evaluate";
import type { ConditionModel, FieldType, Program, RouterModel, Scalar, TestOp } from "../../language/semantics/model";
import {
  and,
  type Cube,
  FALSE,
  type Formula,
  fullMask,
  literal,
  type Mask,
  maskOf,
  maskWhere,
  not,
  or,
  RegionLimitError,
  TRUE,
} from "./cubes";
import { instantRegions } from "./instants";
import { NumberIntervals, numberHolds, numberRegions } from "./numbers";
import { excludes, hasFeature, implies, type TextFeature } from "./text-features";
import { BOOLEAN_VALUES, NO, type RegionValue, type Variable, YES } from "./variables";

/** How one field path is represented by variables. */
export interface FieldSubject {
  path: string[];
  type: FieldType;
  /** Some segment of the path is optional, so the path may be missing. */
  missable: boolean;
  /** Scalars, text and related records: the value variable (its last value is "missing" when missable). */
  value?: number;
  /** Text: feature variables by "op:value". */
  features?: Map<string, number>;
  /** Sets: presence variable (values: present, missing) when missable, element variables by element, the "other element" variable. */
  presence?: number;
  elements?: Map<string, number>;
  other?: number;
}

interface Collected {
  numbers: Set<number>;
  texts: Set<string>;
  features: Map<string, TextFeature>;
  elements: Set<string>;
  present: boolean;
}

export interface BuildOptions {
  /** More conditions over the router's record whose constants must be cut (assert `when`s, requires read as conditions). */
  extraConditions?: ConditionModel[];
}

export class RegionBuilder {
  readonly variables: Variable[] = [];
  readonly sizes: number[] = [];
  readonly subjects = new Map<string, FieldSubject>();
  /** Score id → its line variables, in line order. */
  readonly scoreLines = new Map<string, number[]>();
  /** Calendar ids in the order of the instant variable's `open` vectors. */
  readonly calendars: string[] = [];
  instant: number | null = null;
  /** Cubes no record (with its instant) lies in. */
  readonly invalid: Formula = [];

  private readonly collected = new Map<string, Collected>();
  private readonly memo = new WeakMap<ConditionModel, Formula>();

  constructor(
    readonly program: Program,
    readonly router: RouterModel,
    options: BuildOptions = {},
  ) {
    const conditions: ConditionModel[] = router.rules.map((rule) => rule.condition);
    for (const assertion of program.asserts) if (assertion.router === router.id && assertion.when) conditions.push(assertion.when);
    conditions.push(...(options.extraConditions ?? []));
    const scores: string[] = [];
    const hours = new Set<string>();
    const visit = (condition: ConditionModel): void => {
      switch (condition.kind) {
        case "and":
        case "or":
          condition.items.forEach(visit);
          return;
        case "not":
          visit(condition.operand);
          return;
        case "within":
          hours.add(condition.hours);
          return;
        case "test":
          if (condition.subject.kind === "score") {
            const id = condition.subject.score;
            if (!scores.includes(id)) {
              scores.push(id);
              for (const line of program.scores.get(id)?.lines ?? []) visit(line.condition);
            }
            this.collect(`score:${id}`, condition.test);
          } else {
            this.collect(condition.subject.path.join("."), condition.test);
            this.fieldSubject(condition.subject.path);
          }
          return;
        default:
          return;
      }
    };
    conditions.forEach(visit);
    for (const path of [...this.subjects.values()].map((subject) => subject.path)) this.makeVariables(path);
    if (hours.size > 0) this.makeInstant([...hours].sort());
    for (const id of scores) this.makeScore(id);
    this.finish();
  }

  // -------------------------------------------------------------------------
  // Formulas

  /** The formula of a condition: the region combinations where it holds. Throws RegionLimitError past the budget or on an unresolved condition. */
  formula(condition: ConditionModel): Formula {
    const cached = this.memo.get(condition);
    if (cached) return cached;
    const result = this.compute(condition);
    this.memo.set(condition, result);
    return result;
  }

  private compute(condition: ConditionModel): Formula {
    switch (condition.kind) {
      case "true":
        return TRUE;
      case "and":
        return condition.items.reduce<Formula>((result, item) => and(result, this.formula(item)), TRUE);
      case "or":
        return or(...condition.items.map((item) => this.formula(item)));
      case "not":
        return this.negate(condition.operand);
      case "within": {
        const calendar = this.calendars.indexOf(condition.hours);
        const instant = this.instant!;
        const open = this.variables[instant]!.values.map((value, index) => (value.kind === "instant" && value.open[condition.hours] && calendar >= 0 ? index : -1));
        return literal(instant, maskOf(open.filter((index) => index >= 0)), this.sizes);
      }
      case "test":
        if (condition.subject.kind === "score") return this.scoreFormula(condition.subject.score, condition.test);
        return this.fieldFormula(this.subjects.get(condition.subject.path.join("."))!, condition.test);
      case "unknown":
        throw new RegionLimitError("the condition has an unresolved part");
    }
  }

  /** Negation normal form keeps complements small: only leaves are complemented. */
  private negate(condition: ConditionModel): Formula {
    switch (condition.kind) {
      case "and":
        return or(...condition.items.map((item) => this.negate(item)));
      case "or":
        return condition.items.reduce<Formula>((result, item) => and(result, this.negate(item)), TRUE);
      case "not":
        return this.formula(condition.operand);
      default:
        return not(this.formula(condition), this.sizes);
    }
  }

  private fieldFormula(subject: FieldSubject, test: TestOp): Formula {
    const type = subject.type;
    if (test.op === "set") return this.present(subject);
    if (type.type === "set") return this.setFormula(subject, test);
    const variable = this.variables[subject.value!]!;
    const pick = (holds: (value: RegionValue) => boolean) => literal(variable.index, maskWhere(variable.values, holds), this.sizes);
    switch (type.type) {
      case "number":
        return literal(variable.index, this.numberMask(variable, test), this.sizes);
      case "boolean":
        return pick((value) => value.kind === "boolean" && (test.op === "truthy" ? value.value : test.op === "is" && value.value === test.value));
      case "enum":
        return pick((value) => value.kind === "member" && scalarIn(value.name, test));
      case "rep":
        return pick((value) => value.kind === "rep" && scalarIn(value.id, test));
      case "text": {
        if (test.op === "startsWith" || test.op === "endsWith" || test.op === "contains") {
          const feature = subject.features!.get(featureKey({ op: test.op, value: foldText(test.value) }))!;
          return and(this.present(subject), literal(feature, 1n << BigInt(YES), this.sizes));
        }
        return pick((value) => value.kind === "text" && scalarIn(value.value, test, true));
      }
      default:
        return FALSE;
    }
  }

  /** Per number variable, its intervals, ready for binary search. */
  private readonly numberIntervals = new Map<number, NumberIntervals>();

  /** The intervals a number test holds on. */
  private numberMask(variable: Variable, test: TestOp): Mask {
    let intervals = this.numberIntervals.get(variable.index);
    if (!intervals) {
      intervals = new NumberIntervals(variable.values);
      this.numberIntervals.set(variable.index, intervals);
    }
    return intervals.mask(test);
  }

  private setFormula(subject: FieldSubject, test: TestOp): Formula {
    const element = (value: Scalar) => literal(subject.elements!.get(elementKey(subject, value))!, 1n << BigInt(YES), this.sizes);
    const present = this.present(subject);
    switch (test.op) {
      case "empty": {
        let cube: Formula = present;
        for (const variable of [...subject.elements!.values(), subject.other!]) cube = and(cube, literal(variable, 1n << BigInt(NO), this.sizes));
        return cube;
      }
      case "has":
        return and(present, element(test.value));
      case "hasAny":
        return and(present, or(...test.values.map(element)));
      case "hasAll":
        return test.values.reduce<Formula>((result, value) => and(result, element(value)), present);
      default:
        return FALSE;
    }
  }

  /** Where the subject is not missing. */
  present(subject: FieldSubject): Formula {
    if (!subject.missable) return TRUE;
    const variable = subject.presence ?? subject.value!;
    const size = this.sizes[variable]!;
    return literal(variable, fullMask(size) & ~(1n << BigInt(size - 1)), this.sizes);
  }

  private scoreFormula(id: string, test: TestOp): Formula {
    const lines = this.scoreLines.get(id) ?? [];
    const weights = (this.program.scores.get(id)?.lines ?? []).map((line) => line.weight);
    const integral = weights.every((weight) => Number.isSafeInteger(weight));
    // Sums reachable from line i on, to prune whole subtrees (only with integer weights, where sums are exact in any order).
    const reachable: Set<number>[] = [];
    reachable[weights.length] = new Set([0]);
    for (let index = weights.length - 1; index >= 0; index--) {
      const next = new Set<number>();
      for (const sum of reachable[index + 1]!) {
        next.add(sum);
        next.add(sum + weights[index]!);
      }
      if (next.size > 4096) throw new RegionLimitError(`score \`${id}\` has too many distinct totals to analyse`);
      reachable[index] = next;
    }
    const result: Formula = [];
    const walk = (index: number, sum: number, cube: Cube) => {
      if (index === weights.length) {
        if (numberHolds(sum, test)) result.push(cube);
        return;
      }
      if (integral) {
        let all = true;
        let none = true;
        for (const rest of reachable[index]!) {
          if (numberHolds(sum + rest, test)) none = false;
          else all = false;
        }
        if (none) return;
        if (all) {
          result.push(cube);
          return;
        }
      }
      if (result.length > 20_000) throw new RegionLimitError(`score \`${id}\` has too many cases to analyse`);
      // Line order, as the evaluator adds, so decimal weights sum to the same number.
      walk(index + 1, sum, new Map(cube).set(lines[index]!, 1n << BigInt(NO)));
      walk(index + 1, sum + weights[index]!, new Map(cube).set(lines[index]!, 1n << BigInt(YES)));
    };
    walk(0, 0, new Map());
    return result;
  }

  // -------------------------------------------------------------------------
  // Variables

  private collect(subject: string, test: TestOp): void {
    let entry = this.collected.get(subject);
    if (!entry) {
      entry = { numbers: new Set(), texts: new Set(), features: new Map(), elements: new Set(), present: false };
      this.collected.set(subject, entry);
    }
    const add = (value: Scalar) => {
      if (typeof value === "number") entry.numbers.add(value);
      else if (typeof value === "string") entry.texts.add(value);
    };
    switch (test.op) {
      case "is":
        add(test.value);
        return;
      case "in":
      case "hasAny":
      case "hasAll":
        test.values.forEach(add);
        return;
      case "has":
        add(test.value);
        return;
      case "cmp":
        entry.numbers.add(test.value);
        return;
      case "between":
        entry.numbers.add(test.low);
        entry.numbers.add(test.high);
        return;
      case "startsWith":
      case "endsWith":
      case "contains": {
        const feature = { op: test.op, value: foldText(test.value) };
        entry.features.set(featureKey(feature), feature);
        return;
      }
      default:
        return;
    }
  }

  /** Registers the path and each related-record path above it. */
  private fieldSubject(path: string[]): FieldSubject {
    const key = path.join(".");
    const existing = this.subjects.get(key);
    if (existing) return existing;
    let recordName = this.router.record;
    let missable = false;
    let type: FieldType | undefined;
    for (const segment of path) {
      type = this.program.records.get(recordName)?.fields.get(segment);
      if (!type) throw new RegionLimitError(`\`${key}\` is not a field of the record`);
      if (type.optional) missable = true;
      if (type.type === "record") recordName = type.record;
    }
    const subject: FieldSubject = { path, type: type!, missable };
    if (path.length > 1) this.fieldSubject(path.slice(0, -1));
    this.subjects.set(key, subject);
    return subject;
  }

  private addVariable(variable: Omit<Variable, "index">): number {
    const index = this.variables.length;
    this.variables.push({ ...variable, index });
    this.sizes.push(variable.values.length);
    return index;
  }

  private readonly made = new Set<string>();

  private makeVariables(path: string[]): void {
    const key = path.join(".");
    if (this.made.has(key)) return;
    this.made.add(key);
    const subject = this.subjects.get(key)!;
    const collected = this.collected.get(key);
    const missing: RegionValue[] = subject.missable ? [{ kind: "missing" }] : [];
    const type = subject.type;
    const base = { subject: key, path };
    switch (type.type) {
      case "record":
        // Only a related record that may be missing needs a variable: its presence.
        if (subject.missable) subject.value = this.addVariable({ ...base, kind: "value", values: [{ kind: "present" }, ...missing] });
        break;
      case "number":
        subject.value = this.addVariable({ ...base, kind: "value", values: [...numberRegions([...(collected?.numbers ?? [])]), ...missing] });
        break;
      case "boolean":
        subject.value = this.addVariable({ ...base, kind: "value", values: [...BOOLEAN_VALUES, ...missing] });
        break;
      case "enum": {
        const members = this.program.enums.get(type.enum)?.members ?? [];
        const values: RegionValue[] = members.map((member) => ({ kind: "member", name: member.name, wire: member.wire }));
        subject.value = this.addVariable({ ...base, kind: "value", values: [...values, ...missing] });
        break;
      }
      case "rep": {
        const values: RegionValue[] = [...this.program.reps.keys()].map((id) => ({ kind: "rep", id }));
        subject.value = this.addVariable({ ...base, kind: "value", values: [...values, { kind: "unknown-rep" }, ...missing] });
        break;
      }
      case "text": {
        const constants = [...new Set([...(collected?.texts ?? [])].map(foldText))].sort();
        const values: RegionValue[] = constants.map((value) => ({ kind: "text", value }));
        subject.value = this.addVariable({ ...base, kind: "value", values: [...values, { kind: "other-text" }, ...missing] });
        subject.features = new Map();
        const features = [...(collected?.features.values() ?? [])].sort((a, b) => (featureKey(a) < featureKey(b) ? -1 : 1));
        for (const feature of features) {
          subject.features.set(featureKey(feature), this.addVariable({ ...base, kind: "text-feature", values: BOOLEAN_VALUES, feature }));
        }
        this.textConstraints(subject, constants, features);
        break;
      }
      case "set": {
        if (subject.missable) subject.presence = this.addVariable({ ...base, kind: "presence", values: [{ kind: "present" }, { kind: "missing" }] });
        subject.elements = new Map();
        const mentioned = [...(collected?.texts ?? [])].map((value) => elementKey(subject, value));
        for (const element of [...new Set(mentioned)].sort()) {
          subject.elements.set(element, this.addVariable({ ...base, kind: "set-element", values: BOOLEAN_VALUES, element }));
        }
        subject.other = this.addVariable({ ...base, kind: "set-other", values: BOOLEAN_VALUES });
        // An enum set whose every member is mentioned has no other element to hold.
        const element = type.element;
        if (element.type === "enum") {
          const members = this.program.enums.get(element.enum)?.members ?? [];
          if (members.every((member) => subject.elements!.has(member.name))) this.invalid.push(new Map([[subject.other, 1n << BigInt(YES)]]));
        }
        break;
      }
    }
    this.nestingConstraints(subject);
  }

  /** A path under a missing related record is missing; a required field of a present related record is present. */
  private nestingConstraints(subject: FieldSubject): void {
    if (subject.path.length < 2) return;
    const parent = this.subjects.get(subject.path.slice(0, -1).join("."))!;
    if (!parent.missable) return;
    this.makeVariables(parent.path);
    const parentVariable = parent.value!;
    const own = subject.presence ?? subject.value!;
    const ownMissing = 1n << BigInt(this.sizes[own]! - 1);
    const parentMissing = 1n << BigInt(this.sizes[parentVariable]! - 1);
    this.invalid.push(new Map([[parentVariable, parentMissing], [own, fullMask(this.sizes[own]!) & ~ownMissing]]));
    if (!subject.type.optional) this.invalid.push(new Map([[parentVariable, fullMask(this.sizes[parentVariable]!) & ~parentMissing], [own, ownMissing]]));
  }

  private textConstraints(subject: FieldSubject, constants: string[], features: TextFeature[]): void {
    const value = subject.value!;
    const size = this.sizes[value]!;
    const present = subject.missable ? fullMask(size) & ~(1n << BigInt(size - 1)) : fullMask(size);
    const yes = 1n << BigInt(YES);
    const no = 1n << BigInt(NO);
    for (const feature of features) {
      const variable = subject.features!.get(featureKey(feature))!;
      constants.forEach((constant, index) => {
        this.invalid.push(new Map([[value, 1n << BigInt(index)], [variable, hasFeature(constant, feature) ? no : yes]]));
      });
      if (feature.value === "") this.invalid.push(new Map([[value, present], [variable, no]]));
      for (const other of features) {
        if (other === feature) continue;
        const otherVariable = subject.features!.get(featureKey(other))!;
        if (implies(feature, other)) this.invalid.push(new Map([[value, present], [variable, yes], [otherVariable, no]]));
        if (featureKey(feature) < featureKey(other) && excludes(feature, other)) this.invalid.push(new Map([[variable, yes], [otherVariable, yes]]));
      }
    }
  }

  private makeInstant(hours: string[]): void {
    const calendars = hours.map((id) => this.program.hours.get(id)).filter((calendar) => calendar !== undefined);
    this.calendars.push(...calendars.map((calendar) => calendar.id));
    const regions = instantRegions(calendars);
    const values: RegionValue[] = regions.map((region) => ({
      kind: "instant",
      open: Object.fromEntries(this.calendars.map((id, index) => [id, region.open[index]!])),
      at: region.at,
    }));
    this.instant = this.addVariable({ subject: "instant", kind: "instant", values });
  }

  private makeScore(id: string): void {
    const score = this.program.scores.get(id);
    const lines = (score?.lines ?? []).map((_, index) => this.addVariable({ subject: `score:${id}`, kind: "score-line", values: BOOLEAN_VALUES, line: { score: id, index } }));
    this.scoreLines.set(id, lines);
    // Lines are tied to their conditions after every score has its variables (scores may use scores).
    this.pendingScores.push(id);
  }

  private readonly pendingScores: string[] = [];

  /** Ties each score line variable to its condition, once every variable exists. */
  private finish(): void {
    for (const id of this.pendingScores.splice(0)) {
      const score = this.program.scores.get(id);
      const lines = this.scoreLines.get(id)!;
      (score?.lines ?? []).forEach((line, index) => {
        const holds = this.formula(line.condition);
        const variable = lines[index]!;
        const yes = literal(variable, 1n << BigInt(YES), this.sizes);
        const no = literal(variable, 1n << BigInt(NO), this.sizes);
        this.invalid.push(...and(yes, not(holds, this.sizes)), ...and(no, holds));
      });
    }
  }
}

export { numberHolds, numberRegions } from "./numbers";

export function featureKey(feature: TextFeature): string {
  return `${feature.op}:${feature.value}`;
}

/** Set elements are keyed as tests name them: enum member names and rep ids as they are, text folded. */
function elementKey(subject: FieldSubject, value: Scalar): string {
  const type = subject.type;
  if (type.type === "set" && type.element.type === "text") return foldText(String(value));
  return String(value);
}

function scalarIn(value: string, test: TestOp, fold = false): boolean {
  const same = (candidate: Scalar) => (fold ? typeof candidate === "string" && foldText(candidate) === value : candidate === value);
  if (test.op === "is") return same(test.value);
  if (test.op === "in") return test.values.some(same);
  return false;
}
