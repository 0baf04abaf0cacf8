// The reference evaluator: a deliberately naive first-match evaluator of the
// checked model, written straight from the brief (§5, §6.1). It is the oracle
// the compiled table and the runtime are tested against, so it shares no code
// with runtime/ and precomputes nothing (it looks every name up as it goes).

import type { ConditionModel, FieldType, Program, Scalar, TestOp } from "./model";

export interface ReferenceDecision {
  outcome: "rule" | "otherwise" | "unmatched";
  rule: string | null;
  ruleIndex: number | null;
  /** True when a `within` test was evaluated without an instant (so its answer was a guess: false). */
  reachedWithin: boolean;
}

export interface EvaluateOptions {
  /** The routing instant; null means "no instant": every `within` is false. */
  at: Date | null;
  /** Accept "500" for numbers, "true"/"false" for booleans and "a;b" for sets, as the runtime's coerce option does. */
  coerce?: boolean;
}

/** Routes `record` through router `routerId`: the first enabled rule whose condition holds, else otherwise, else unmatched. */
export function evaluate(program: Program, routerId: string, record: unknown, options: EvaluateOptions): ReferenceDecision {
  const context: Context = { program, record, options, recordName: "", reachedWithin: false };
  const router = program.routers.get(routerId);
  if (!router) return { outcome: "unmatched", rule: null, ruleIndex: null, reachedWithin: false };
  context.recordName = router.record;
  for (let index = 0; index < router.rules.length; index++) {
    const rule = router.rules[index]!;
    if (!rule.enabled) continue;
    if (holds(context, rule.condition)) {
      return { outcome: "rule", rule: rule.name, ruleIndex: index, reachedWithin: context.reachedWithin };
    }
  }
  if (router.otherwise) return { outcome: "otherwise", rule: null, ruleIndex: null, reachedWithin: context.reachedWithin };
  return { outcome: "unmatched", rule: null, ruleIndex: null, reachedWithin: context.reachedWithin };
}

/** Case-insensitive text comparison, identical everywhere: NFC, then lower case without locale. */
export function foldText(text: string): string {
  return text.normalize("NFC").toLowerCase();
}

// ---------------------------------------------------------------------------
// Conditions

interface Context {
  program: Program;
  record: unknown;
  options: EvaluateOptions;
  recordName: string;
  reachedWithin: boolean;
}

function holds(context: Context, condition: ConditionModel): boolean {
  switch (condition.kind) {
    case "true":
      return true;
    case "and":
      // Left to right with short-circuit, so `reachedWithin` says what a reader would expect.
      for (const item of condition.items) if (!holds(context, item)) return false;
      return true;
    case "or":
      for (const item of condition.items) if (holds(context, item)) return true;
      return false;
    case "not":
      return !holds(context, condition.operand);
    case "within":
      return within(context, condition.hours);
    case "test":
      if (condition.subject.kind === "score") {
        return numberHolds(scoreValue(context, condition.subject.score), condition.test);
      }
      return testValue(readPath(context, condition.subject.path), condition.test);
    case "unknown":
      // The checker reported an error; such a program never routes. "Cannot decide" reads as false.
      return false;
  }
}

/** A score is the sum of the weights whose conditions hold, in line order; never missing. */
function scoreValue(context: Context, scoreId: string): number {
  const score = context.program.scores.get(scoreId);
  if (!score) return 0;
  let total = 0;
  for (const line of score.lines) if (holds(context, line.condition)) total += line.weight;
  return total;
}

// ---------------------------------------------------------------------------
// Values as read from the record

/** Missing: absent, null, undefined, or of the wrong type. */
const MISSING = Symbol("missing");
/** Present but naming no enum member / no rep in the roster: it is set, and equals nothing. */
const UNKNOWN = Symbol("unknown");

type Element = Scalar | typeof UNKNOWN;
type Value =
  | { kind: "scalar"; type: "text" | "number" | "boolean" | "enum" | "rep"; value: Element }
  | { kind: "set"; type: "text" | "enum" | "rep"; elements: Element[] }
  | { kind: "record"; value: Record<string, unknown> };

function readPath(context: Context, path: string[]): Value | typeof MISSING {
  let recordName = context.recordName;
  let current: unknown = context.record;
  let value: Value | typeof MISSING = MISSING;
  for (const segment of path) {
    if (!isPlainObject(current)) return MISSING;
    const field = context.program.records.get(recordName)?.fields.get(segment);
    if (!field) return MISSING;
    // Own enumerable members only, as runtime/text.ts `own` reads them.
    const raw = Object.prototype.propertyIsEnumerable.call(current, segment) ? current[segment] : undefined;
    value = readField(context, field, raw);
    if (value === MISSING) return MISSING;
    if (value.kind === "record" && field.type === "record") {
      recordName = field.record;
      current = value.value;
    } else {
      current = undefined;
    }
  }
  return value;
}

function readField(context: Context, field: FieldType, raw: unknown): Value | typeof MISSING {
  if (raw === null || raw === undefined) return MISSING;
  switch (field.type) {
    case "text":
      return typeof raw === "string" ? { kind: "scalar", type: "text", value: raw } : MISSING;
    case "number": {
      const number = readNumber(raw, context.options.coerce === true);
      return number === null ? MISSING : { kind: "scalar", type: "number", value: number };
    }
    case "boolean": {
      const boolean = readBoolean(raw, context.options.coerce === true);
      return boolean === null ? MISSING : { kind: "scalar", type: "boolean", value: boolean };
    }
    case "enum":
      return typeof raw === "string" ? { kind: "scalar", type: "enum", value: enumMember(context, field.enum, raw) } : MISSING;
    case "rep":
      return typeof raw === "string" ? { kind: "scalar", type: "rep", value: repId(context, raw) } : MISSING;
    case "record":
      return isPlainObject(raw) ? { kind: "record", value: raw } : MISSING;
    case "set": {
      let items: unknown[];
      if (Array.isArray(raw)) items = raw;
      else if (typeof raw === "string" && context.options.coerce === true) {
        items = raw.split(";").map((item) => item.trim()).filter((item) => item !== "");
      } else return MISSING;
      const element = field.element;
      const elements = items.map((item): Element => {
        // NOTE: an element of the wrong type is kept as an unknown element: the set stays non-empty.
        if (typeof item !== "string") return UNKNOWN;
        if (element.type === "enum") return enumMember(context, element.enum, item);
        if (element.type === "rep") return repId(context, item);
        return item;
      });
      return { kind: "set", type: element.type, elements };
    }
  }
}

function readNumber(raw: unknown, coerce: boolean): number | null {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  // Coercion takes only an exact decimal: "500", "-2.5"; never "5e3", "", " 5".
  if (coerce && typeof raw === "string" && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  return null;
}

function readBoolean(raw: unknown, coerce: boolean): boolean | null {
  if (typeof raw === "boolean") return raw;
  if (coerce && typeof raw === "string") {
    const lowered = raw.toLowerCase();
    if (lowered === "true") return true;
    if (lowered === "false") return false;
  }
  return null;
}

/** The member whose wire value equals `raw` ignoring case, by name; UNKNOWN when none does. */
function enumMember(context: Context, enumName: string, raw: string): Element {
  const members = context.program.enums.get(enumName)?.members ?? [];
  const folded = foldText(raw);
  for (const member of members) if (foldText(member.wire) === folded) return member.name;
  return UNKNOWN;
}

/** The rep named by its id, email or one of its CRM ids, ignoring case; UNKNOWN when not in the roster. */
function repId(context: Context, raw: string): Element {
  const folded = foldText(raw);
  for (const rep of context.program.reps.values()) {
    if (foldText(rep.id) === folded) return rep.id;
    if (rep.email !== null && foldText(rep.email) === folded) return rep.id;
    for (const id of rep.ids) if (foldText(id) === folded) return rep.id;
  }
  return UNKNOWN;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------
// Tests

function testValue(value: Value | typeof MISSING, test: TestOp): boolean {
  // Every positive test is false on a missing value (negative forms are `not` of these).
  if (value === MISSING) return false;
  if (test.op === "set") return true;
  if (value.kind === "record") return false;
  if (value.kind === "set") return testSet(value, test);
  if (value.type === "number" && typeof value.value === "number") return numberHolds(value.value, test);
  const type = value.type;
  const element = value.value;
  switch (test.op) {
    case "is":
      return same(type, element, test.value);
    case "in":
      return test.values.some((candidate) => same(type, element, candidate));
    case "truthy":
      return element === true;
    case "startsWith":
    case "endsWith":
    case "contains": {
      if (typeof element !== "string" || type !== "text") return false;
      const text = foldText(element);
      const part = foldText(test.value);
      if (test.op === "startsWith") return text.startsWith(part);
      if (test.op === "endsWith") return text.endsWith(part);
      return text.includes(part);
    }
    default:
      return false;
  }
}

/** Whether a number test holds on a number: the one definition the region algebra (compiler/regions) shares. */
export function numberHolds(value: number, test: TestOp): boolean {
  switch (test.op) {
    case "cmp":
      switch (test.cmp) {
        case "=":
          return value === test.value;
        case "!=":
          return value !== test.value;
        case "<":
          return value < test.value;
        case "<=":
          return value <= test.value;
        case ">":
          return value > test.value;
        case ">=":
          return value >= test.value;
      }
      return false;
    case "between":
      return value >= test.low && value <= test.high;
    case "is":
      return value === test.value;
    case "in":
      return test.values.some((candidate) => candidate === value);
    default:
      return false;
  }
}

function testSet(value: Extract<Value, { kind: "set" }>, test: TestOp): boolean {
  const contains = (wanted: Scalar) => value.elements.some((element) => same(value.type, element, wanted));
  switch (test.op) {
    case "empty":
      return value.elements.length === 0;
    case "has":
      return contains(test.value);
    case "hasAny":
      return test.values.some(contains);
    case "hasAll":
      return test.values.every(contains);
    default:
      return false;
  }
}

/** Equality of a record value with a literal of the model: text ignores case; an unknown value equals nothing. */
function same(type: string, element: Element, literal: Scalar): boolean {
  if (element === UNKNOWN) return false;
  if (type === "text") return typeof literal === "string" && typeof element === "string" && foldText(element) === foldText(literal);
  return element === literal;
}

// ---------------------------------------------------------------------------
// Business hours

function within(context: Context, hoursId: string): boolean {
  const at = context.options.at;
  if (at === null) {
    context.reachedWithin = true;
    return false;
  }
  const hours = context.program.hours.get(hoursId);
  if (!hours || Number.isNaN(at.getTime())) return false;
  const local = localTime(at, hours.timezone);
  if (!local) return false;
  const previousDay = (local.weekday + 6) % 7;
  const previousDate = shiftDate(local.date, -1);
  for (const window of hours.windows) {
    // A window belongs to the day it starts on, also for `closed`.
    if (window.day === local.weekday && window.start <= local.minute && local.minute < window.end) {
      if (!hours.closed.includes(local.date)) return true;
    }
    if (window.day === previousDay && window.end > 1440 && window.start <= local.minute + 1440 && local.minute + 1440 < window.end) {
      if (!hours.closed.includes(previousDate)) return true;
    }
  }
  return false;
}

const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
// NOTE: formatters are cached per zone only because building one is slow; this decides nothing.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date ("YYYY-MM-DD"), weekday (0 = Monday) and minute of the day at `at` in `timezone`. */
function localTime(at: Date, timezone: string): { date: string; weekday: number; minute: number } | null {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone: timezone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        weekday: "short",
      });
    } catch {
      return null;
    }
    formatters.set(timezone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(at)) parts[part.type] = part.value;
  const hour = Number(parts.hour) % 24;
  const date = `${parts.year!.padStart(4, "0")}-${parts.month}-${parts.day}`;
  return { date, weekday: weekdays.indexOf(parts.weekday!), minute: hour * 60 + Number(parts.minute) };
}

function shiftDate(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return shifted.toISOString().slice(0, 10);
}
