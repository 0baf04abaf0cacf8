// Validation of what runs: scores, routers, rules, conditions, targets,
// requires and SLAs — structure first, then every reference and field path
// against the router's record (a score is checked against each router using it).

import type { FieldType, ValueType } from "./table-format";
import { index, isObject, member } from "./text";
import { validateScalar, type Names } from "./validate-declarations";
import { Problems } from "./validate-kit";

interface Scope {
  /** The router's record, or null when checking structure only (a score no router uses). */
  record: string | null;
  /** Where structure problems go (a scratch list when re-checking a score for another router). */
  structure: Problems;
  /** Where field-path and type problems go. */
  fields: Problems;
  /** Appended to field problems' paths: which router a score was checked for. */
  suffix: string;
  scores: Set<string>;
}

const TEST_OPS = ["is", "in", "cmp", "between", "has", "hasAny", "hasAll", "empty", "set", "startsWith", "endsWith", "contains", "truthy"] as const;
const OPS = ["true", "and", "or", "not", "within", ...TEST_OPS] as const;
const METHODS = ["round-robin", "weighted-round-robin", "load-balance", "broadcast", "first-available"] as const;

export function validateRouters(table: Record<string, unknown>, names: Names, problems: Problems): void {
  const scores = isObject(table.scores) ? table.scores : {};
  const scoreRefs = new Map<string, Set<string>>();
  for (const [id, value] of Object.entries(scores)) {
    const used = new Set<string>();
    forEachScoreLine(member("table.scores", id), value, problems, (path, condition) =>
      validateCondition(path, condition, { record: null, structure: problems, fields: problems, suffix: "", scores: used }, names),
    );
    scoreRefs.set(id, used);
  }
  checkScoreCycles(scoreRefs, problems);

  const routers = isObject(table.routers) ? table.routers : {};
  for (const [id, value] of Object.entries(routers)) {
    const path = member("table.routers", id);
    const router = problems.object(path, value);
    if (!router) continue;
    const recordName = problems.string(`${path}.record`, router.record);
    const record = recordName !== null && problems.reference(`${path}.record`, recordName, names.records.keys(), "record") ? recordName : null;
    const scope: Scope = { record, structure: problems, fields: problems, suffix: "", scores: new Set() };
    const ruleNames = new Set<string>();
    problems.array(`${path}.rules`, router.rules)?.forEach((entry, i) => {
      const at = index(`${path}.rules`, i);
      const rule = problems.object(at, entry);
      if (!rule) return;
      const name = problems.string(`${at}.name`, rule.name);
      if (name !== null && ruleNames.has(name)) problems.add(`${at}.name`, `rule ${JSON.stringify(name)} appears twice in the router`);
      if (name !== null) ruleNames.add(name);
      problems.boolean(`${at}.enabled`, rule.enabled);
      if (rule.priority !== null) problems.number(`${at}.priority`, rule.priority, { integer: true, min: 0 });
      validateCondition(`${at}.condition`, rule.condition, scope, names);
      validateOutcome(at, rule, scope, names);
    });
    if (router.otherwise !== null) {
      const otherwise = problems.object(`${path}.otherwise`, router.otherwise);
      if (otherwise) validateOutcome(`${path}.otherwise`, otherwise, scope, names);
    }
    // Scores used by this router are re-checked against its record; their structure was checked above.
    if (record === null) continue;
    const scratch = new Problems();
    const pending = [...scope.scores];
    const done = new Set<string>();
    while (pending.length > 0) {
      const score = pending.pop()!;
      if (done.has(score) || !names.scores.has(score)) continue;
      done.add(score);
      const inner: Scope = { record, structure: scratch, fields: problems, suffix: ` (for router ${id})`, scores: new Set() };
      forEachScoreLine(member("table.scores", score), scores[score], scratch, (at, condition) => validateCondition(at, condition, inner, names));
      pending.push(...inner.scores);
    }
  }
}

function forEachScoreLine(path: string, value: unknown, problems: Problems, visit: (path: string, condition: unknown) => void): void {
  const score = problems.object(path, value);
  const lines = score && problems.array(`${path}.lines`, score.lines);
  lines?.forEach((entry, i) => {
    const at = index(`${path}.lines`, i);
    const line = problems.object(at, entry);
    if (!line) return;
    problems.number(`${at}.weight`, line.weight);
    visit(`${at}.condition`, line.condition);
  });
}

function checkScoreCycles(refs: Map<string, Set<string>>, problems: Problems): void {
  const state = new Map<string, "visiting" | "done">();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === "done") return;
    if (state.get(id) === "visiting") {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      problems.add(member("table.scores", id), `scores use each other in a cycle: ${cycle.join(" -> ")}`);
      return;
    }
    state.set(id, "visiting");
    for (const next of refs.get(id) ?? []) if (refs.has(next)) visit(next, [...trail, id]);
    state.set(id, "done");
  };
  for (const id of refs.keys()) visit(id, []);
}

function validateCondition(path: string, value: unknown, scope: Scope, names: Names): void {
  const problems = scope.structure;
  const condition = problems.object(path, value);
  if (!condition) return;
  const op = problems.oneOf(`${path}.op`, condition.op, OPS, "op");
  if (op === null) return;
  if (condition.text !== undefined) problems.string(`${path}.text`, condition.text);
  switch (op) {
    case "true":
      return;
    case "and":
    case "or": {
      const key = op === "and" ? "all" : "any";
      problems.array(`${path}.${key}`, condition[key])?.forEach((item, i) => validateCondition(index(`${path}.${key}`, i), item, scope, names));
      return;
    }
    case "not":
      validateCondition(`${path}.cond`, condition.cond, scope, names);
      return;
    case "within": {
      const hours = problems.string(`${path}.hours`, condition.hours);
      if (hours !== null) problems.reference(`${path}.hours`, hours, names.hours, "hours");
      return;
    }
    default:
      validateTest(path, op, condition, scope, names);
  }
}

/** The subject's type: a score is a number; a field resolves through the record (null when unknown). */
type Subject = FieldType | { type: "score" } | null;

function validateTest(path: string, op: (typeof TEST_OPS)[number], test: Record<string, unknown>, scope: Scope, names: Names): void {
  const problems = scope.structure;
  let subject: Subject = null;
  if (test.score !== undefined) {
    const score = problems.string(`${path}.score`, test.score);
    if (score !== null && problems.reference(`${path}.score`, score, names.scores, "score")) {
      scope.scores.add(score);
      subject = { type: "score" };
    }
  } else {
    const fieldPath = validatePath(`${path}.path`, test.path, problems);
    if (fieldPath && scope.record !== null) subject = fieldTypeAt(`${path}.path${scope.suffix}`, scope.record, fieldPath, names, scope.fields);
  }
  const scalar: ValueType | null = subject === null ? null : scalarOf(subject);
  const allowed = (...types: string[]) => {
    if (subject === null) return;
    const type = subject.type === "set" ? `set of ${subject.element.type}` : subject.type === "score" ? "score" : subject.type;
    const kind = subject.type === "score" ? "number" : subject.type;
    if (!types.includes(kind)) scope.fields.add(`${path}${scope.suffix}`, `op "${op}" does not apply to a ${type}`);
  };
  const values = (key: "value" | "values", list: boolean) => {
    if (list) {
      problems.array(`${path}.values`, test.values)?.forEach((item, i) => check(index(`${path}.values`, i), item));
      if (test.list !== undefined) {
        const name = problems.string(`${path}.list`, test.list);
        if (name !== null) problems.reference(`${path}.list`, name, names.lists.keys(), "list");
      }
    } else check(`${path}.${key}`, test[key]);
  };
  const check = (at: string, item: unknown) => {
    if (item === undefined || scalar === null || (subject !== null && subject.type === "record")) {
      if (item === undefined) problems.add(at, "missing; expected a value");
      else if (typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean") problems.add(at, "expected text, a number or true/false");
      return;
    }
    validateScalar(`${at}${scope.suffix}`, item, scalar, names, scope.fields);
  };
  switch (op) {
    case "is":
      allowed("text", "enum", "boolean", "rep", "number");
      return values("value", false);
    case "in":
      allowed("text", "enum", "boolean", "rep", "number");
      return values("values", true);
    case "cmp":
      allowed("number");
      problems.oneOf(`${path}.cmp`, test.cmp, ["=", "!=", "<", "<=", ">", ">="] as const, "comparison");
      problems.number(`${path}.value`, test.value);
      return;
    case "between":
      allowed("number");
      problems.number(`${path}.low`, test.low);
      problems.number(`${path}.high`, test.high);
      return;
    case "has":
      allowed("set");
      return values("value", false);
    case "hasAny":
    case "hasAll":
      allowed("set");
      return values("values", true);
    case "empty":
      allowed("set");
      return;
    case "set":
      return;
    case "startsWith":
    case "endsWith":
    case "contains":
      allowed("text");
      problems.string(`${path}.value`, test.value);
      return;
    case "truthy":
      allowed("boolean");
      return;
  }
}

function scalarOf(subject: Exclude<Subject, null>): ValueType | null {
  switch (subject.type) {
    case "score":
      return { type: "number" };
    case "set":
      return subject.element;
    case "record":
      return null;
    case "enum":
      return { type: "enum", enum: subject.enum };
    default:
      return { type: subject.type };
  }
}

function validatePath(path: string, value: unknown, problems: Problems): string[] | null {
  const segments = problems.array(path, value);
  if (!segments) return null;
  if (segments.length === 0) {
    problems.add(path, "a field path needs at least one field");
    return null;
  }
  return segments.every((segment, i) => problems.string(index(path, i), segment) !== null) ? (segments as string[]) : null;
}

/** The type at the end of a field path, walking related records; null (with a problem) when it does not resolve. */
export function fieldTypeAt(path: string, record: string, segments: string[], names: Names, problems: Problems): FieldType | null {
  let current = record;
  for (let i = 0; i < segments.length; i++) {
    const fields = names.records.get(current) ?? new Map<string, FieldType>();
    const field = segments[i]!;
    if (!problems.reference(path, field, fields.keys(), "field", `record ${current}`)) return null;
    const type = fields.get(field)!;
    if (i === segments.length - 1) return type;
    if (type.type !== "record") {
      problems.add(path, `\`${segments.slice(0, i + 1).join(".")}\` is ${type.type}, not a related record, so \`${segments.join(".")}\` does not exist`);
      return null;
    }
    current = type.record;
  }
  return null;
}

function validateOutcome(path: string, outcome: Record<string, unknown>, scope: Scope, names: Names): void {
  const problems = scope.structure;
  if (outcome.assign === null || outcome.assign === undefined) problems.add(`${path}.assign`, "missing; every rule and otherwise assigns to a target");
  else validateTarget(`${path}.assign`, outcome.assign, scope, names);
  problems.array(`${path}.requires`, outcome.requires)?.forEach((entry, i) => validateRequire(index(`${path}.requires`, i), entry, scope, names));
  problems.array(`${path}.notify`, outcome.notify)?.forEach((entry, i) => validateTarget(index(`${path}.notify`, i), entry, scope, names));
  problems.array(`${path}.fallbacks`, outcome.fallbacks)?.forEach((entry, i) => validateTarget(index(`${path}.fallbacks`, i), entry, scope, names));
  problems.nullableString(`${path}.reason`, outcome.reason);
  if (outcome.sla !== null) validateSla(`${path}.sla`, outcome.sla, scope, names);
  const source = problems.object(`${path}.source`, outcome.source);
  if (source) {
    problems.string(`${path}.source.file`, source.file);
    problems.number(`${path}.source.line`, source.line, { integer: true, min: 0 });
    problems.number(`${path}.source.column`, source.column, { integer: true, min: 0 });
  }
}

function validateSla(path: string, value: unknown, scope: Scope, names: Names): void {
  const problems = scope.structure;
  const sla = problems.object(path, value);
  if (!sla) return;
  problems.number(`${path}.seconds`, sla.seconds, { positive: true });
  problems.boolean(`${path}.business`, sla.business);
  if (sla.then === null) return;
  const then = problems.object(`${path}.then`, sla.then);
  if (!then) return;
  const kind = problems.oneOf(`${path}.then.kind`, then.kind, ["reassign", "escalate"] as const, "SLA action");
  if (kind === "escalate") validateTarget(`${path}.then.target`, then.target, scope, names);
  if (kind === "reassign") {
    for (const key of ["excludingLast", "upTo"]) {
      if (then[key] !== null) problems.number(`${path}.then.${key}`, then[key], { integer: true, min: 0 });
    }
  }
}

export function validateTarget(path: string, value: unknown, scope: Scope, names: Names): void {
  const problems = scope.structure;
  const target = problems.object(path, value);
  if (!target) return;
  const kind = problems.oneOf(`${path}.kind`, target.kind, ["team", "rep", "queue", "action", "unassigned", "field", "manager"] as const, "target kind");
  const id = (known: Iterable<string> | null, what: string) => {
    const name = problems.string(`${path}.id`, target.id);
    if (name !== null && known !== null) problems.reference(`${path}.id`, name, known, what);
  };
  switch (kind) {
    case "team":
      id(names.teams, "team");
      problems.oneOf(`${path}.method`, target.method, METHODS, "method");
      return;
    case "rep":
      return id(names.reps, "rep");
    case "queue":
      return id(names.queues, "queue");
    case "action":
      return id(null, "action");
    case "field":
    case "manager": {
      const segments = validatePath(`${path}.path`, target.path, problems);
      if (!segments || scope.record === null) return;
      const type = fieldTypeAt(`${path}.path`, scope.record, segments, names, scope.fields);
      if (type && type.type !== "rep") scope.fields.add(`${path}.path`, `\`${segments.join(".")}\` is ${type.type}, not a rep, so it cannot be a target`);
      return;
    }
  }
}

function validateRequire(path: string, value: unknown, scope: Scope, names: Names): void {
  const problems = scope.structure;
  const require = problems.object(path, value);
  if (!require) return;
  problems.oneOf(`${path}.attribute`, require.attribute, ["skills", "languages", "region"] as const, "rep attribute");
  problems.boolean(`${path}.negated`, require.negated);
  const test = problems.object(`${path}.test`, require.test);
  if (!test) return;
  const op = problems.oneOf(`${path}.test.op`, test.op, ["is", "in", "hasAny", "hasAll", "has", "set", "empty", "startsWith", "endsWith", "contains"] as const, "require op");
  const requireValue = (at: string, item: unknown) => {
    const body = problems.object(at, item);
    if (!body) return;
    if (body.field !== undefined) {
      const segments = validatePath(`${at}.field`, body.field, problems);
      if (!segments || scope.record === null) return;
      const type = fieldTypeAt(`${at}.field`, scope.record, segments, names, scope.fields);
      if (type && (type.type === "record" || type.type === "number" || type.type === "boolean")) {
        scope.fields.add(`${at}.field`, `\`${segments.join(".")}\` is ${type.type}; a require compares names`);
      }
    } else problems.string(`${at}.literal`, body.literal);
  };
  switch (op) {
    case "is":
    case "has":
      return requireValue(`${path}.test.value`, test.value);
    case "in":
    case "hasAny":
    case "hasAll":
      problems.array(`${path}.test.values`, test.values)?.forEach((item, i) => requireValue(index(`${path}.test.values`, i), item));
      return;
    case "startsWith":
    case "endsWith":
    case "contains":
      problems.string(`${path}.test.value`, test.value);
      return;
    default:
      return;
  }
}
