// fast-check arbitraries of incoming records for a router of a compiled table:
// values drawn mostly from the constants its conditions use (so rules fire),
// plus everything the runtime must survive — missing values, random case,
// unknown members and reps, wrong types, coercible strings, nested records.

import fc from "fast-check";
import type { Condition, FieldType, Scalar, Table } from "../../runtime/table-format";

/** Records as a host would send them to `routerId`; now and then not a record at all. */
export function recordArbitrary(table: Table, routerId: string): fc.Arbitrary<unknown> {
  const router = table.routers[routerId];
  if (!router) return fc.constant({});
  const constants = collectConstants(table, routerId);
  const record = recordOf(table, router.record, constants, [], 0);
  const malformed = fc.oneof(fc.constant(null), fc.constant([]), fc.string(), fc.integer());
  return fc.oneof({ weight: 60, arbitrary: record }, { weight: 1, arbitrary: malformed });
}

/**
 * Routing instants: null (no instant), random minutes of 2026, and wall-clock
 * moments on and around each calendar's window edges and closed dates, in its zone.
 */
export function instantArbitrary(table: Table): fc.Arbitrary<Date | null> {
  const start = Date.UTC(2026, 0, 1);
  const minutes = 375 * 24 * 60;
  const random = fc.integer({ min: 0, max: minutes }).map((minute) => new Date(start + minute * 60_000));
  const arbitraries: fc.WeightedArbitrary<Date | null>[] = [
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 8, arbitrary: random },
  ];
  for (const hours of Object.values(table.hours)) {
    const edges = hours.windows.flatMap((window) => [window.start, window.end]).flatMap((minute) => [minute - 1, minute, minute + 1]);
    if (edges.length === 0) continue;
    const days = fc.oneof(
      fc.integer({ min: 0, max: 370 }).map((day) => new Date(start + day * 86_400_000).toISOString().slice(0, 10)),
      ...(hours.closed.length > 0 ? [fc.constantFrom(...hours.closed.flatMap((date) => [date, shiftDate(date, 1), shiftDate(date, -1)]))] : []),
    );
    const edge = fc.tuple(days, fc.constantFrom(...edges)).map(([date, minute]) => zonedInstant(date, ((minute % 1440) + 1440) % 1440, hours.timezone));
    arbitraries.push({ weight: 4, arbitrary: edge });
  }
  return fc.oneof(...arbitraries);
}

/** The instant at which the wall clock in `timezone` reads `date` plus `minute` (the earlier one in a DST fold). */
function zonedInstant(date: string, minute: number, timezone: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + minute * 60_000;
  let guess = wall;
  for (let step = 0; step < 2; step++) guess = wall - (wallClock(guess, timezone) - guess);
  return new Date(guess);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading at `instant` in `timezone`, as if it were UTC milliseconds. */
function wallClock(instant: number, timezone: string): number {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    const options = { timeZone: timezone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" } as const;
    formatters.set(timezone, (formatter = new Intl.DateTimeFormat("en-US", options)));
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instant))) parts[part.type] = Number(part.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!);
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------
// Constants: what the router's conditions (and every score) compare each path with

type Constants = Map<string, { scalars: Scalar[]; numbers: number[]; fragments: { op: string; value: string }[] }>;

function collectConstants(table: Table, routerId: string): Constants {
  const constants: Constants = new Map();
  const router = table.routers[routerId]!;
  const visit = (condition: Condition): void => {
    switch (condition.op) {
      case "true":
      case "within":
        return;
      case "and":
        condition.all.forEach(visit);
        return;
      case "or":
        condition.any.forEach(visit);
        return;
      case "not":
        visit(condition.cond);
        return;
    }
    if (!("path" in condition)) return;
    const key = condition.path.join(".");
    let entry = constants.get(key);
    if (!entry) constants.set(key, (entry = { scalars: [], numbers: [], fragments: [] }));
    switch (condition.op) {
      case "is":
      case "has":
        entry.scalars.push(condition.value);
        break;
      case "in":
      case "hasAny":
      case "hasAll":
        entry.scalars.push(...condition.values);
        break;
      case "cmp":
        entry.numbers.push(condition.value);
        break;
      case "between":
        entry.numbers.push(condition.low, condition.high);
        break;
      case "startsWith":
      case "endsWith":
      case "contains":
        entry.fragments.push({ op: condition.op, value: condition.value });
        break;
    }
  };
  for (const rule of router.rules) visit(rule.condition);
  for (const score of Object.values(table.scores)) for (const line of score.lines) visit(line.condition);
  return constants;
}

// ---------------------------------------------------------------------------
// Values by declared type

const missing = fc.oneof(fc.constant(undefined), fc.constant(null));

function recordOf(table: Table, recordName: string, constants: Constants, prefix: string[], depth: number): fc.Arbitrary<Record<string, unknown>> {
  const fields = table.records[recordName]?.fields ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, type] of Object.entries(fields)) {
    const path = [...prefix, name];
    model[name] = fc.oneof(
      { weight: 2, arbitrary: missing },
      { weight: 14, arbitrary: valueOf(table, type, constants, path, depth) },
      { weight: 2, arbitrary: wrongTyped(type) },
    );
  }
  // Absent keys are the third kind of missing.
  return fc.record(model, { requiredKeys: [] });
}

function valueOf(table: Table, type: FieldType, constants: Constants, path: string[], depth: number): fc.Arbitrary<unknown> {
  const found = constants.get(path.join("."));
  switch (type.type) {
    case "text":
      return textValue(found?.scalars.filter((value): value is string => typeof value === "string") ?? [], found?.fragments ?? []);
    case "number":
      return numberValue(found?.numbers ?? [], found?.scalars.filter((value): value is number => typeof value === "number") ?? []);
    case "boolean":
      return fc.oneof({ weight: 6, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom("true", "FALSE", "True", "yes") });
    case "enum":
      return enumValue(table, type.enum);
    case "rep":
      return repValue(table);
    case "record":
      if (depth >= 2) return fc.constant({});
      return recordOf(table, type.record, constants, path, depth + 1);
    case "set": {
      const element =
        type.element.type === "enum"
          ? enumValue(table, type.element.enum)
          : type.element.type === "rep"
            ? repValue(table)
            : textValue(found?.scalars.filter((value): value is string => typeof value === "string") ?? [], []);
      // Now and then an element of the wrong type: it matches nothing, and the set is still not empty.
      const array = fc.array(fc.oneof({ weight: 12, arbitrary: element }, { weight: 1, arbitrary: fc.constantFrom<unknown>(1, null, {}, true) }), { maxLength: 4 });
      return fc.oneof(
        { weight: 8, arbitrary: array },
        // A `;`-joined export string: a set only with coerce.
        { weight: 2, arbitrary: array.map((items) => items.map(String).join(";")) },
        { weight: 1, arbitrary: array.map((items) => items.map(String).join(" ; ") + ";") },
      );
    }
  }
}

function textValue(known: string[], fragments: { op: string; value: string }[]): fc.Arbitrary<string> {
  const noise = fc.constantFrom("", "x", "other", "Ünïcode", "DE", "de", " DE", "a b", "Straße", "STRASSE", "İstanbul", "__proto__", "hasOwnProperty", "valueOf", "1");
  const arbitraries: fc.WeightedArbitrary<string>[] = [{ weight: 2, arbitrary: noise }];
  if (known.length > 0) {
    arbitraries.push({ weight: 8, arbitrary: randomCase(fc.constantFrom(...known)) });
    // The same text decomposed (NFD) must still match after NFC normalisation.
    arbitraries.push({ weight: 1, arbitrary: fc.constantFrom(...known).map((text) => text.normalize("NFD")) });
  }
  if (fragments.length > 0) {
    const built = fc.tuple(fc.constantFrom(...fragments), fc.constantFrom("", "ab", "x."), fc.constantFrom("", "zz", "@mail")).map(
      ([fragment, before, after]) =>
        fragment.op === "startsWith" ? fragment.value + after : fragment.op === "endsWith" ? before + fragment.value : before + fragment.value + after,
    );
    arbitraries.push({ weight: 6, arbitrary: randomCase(built) });
  }
  return fc.oneof(...arbitraries);
}

function numberValue(boundaries: number[], members: number[]): fc.Arbitrary<number | string> {
  const around = [...boundaries, ...members].flatMap((value) => [value, value - 1, value - 0.5, value + 0.5, value + 1]);
  const numbers: fc.Arbitrary<number> =
    around.length > 0
      ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...around) }, { weight: 1, arbitrary: fc.integer({ min: -10, max: 100_000 }) })
      : fc.integer({ min: -10, max: 100_000 });
  // Numbers as exact decimal strings, as CRM exports send them: a number only with coerce.
  return fc.oneof({ weight: 6, arbitrary: numbers }, { weight: 1, arbitrary: numbers.map(String) });
}

function enumValue(table: Table, enumName: string): fc.Arbitrary<string> {
  const members = table.enums[enumName]?.members ?? [];
  // Names of Object.prototype members and an index-like key too: the runtime's caches are keyed by the raw text.
  const unknown = fc.constantFrom("Unknown", "Gold", "n/a", "", "__proto__", "constructor", "toString", "0");
  if (members.length === 0) return unknown;
  return fc.oneof(
    { weight: 8, arbitrary: randomCase(fc.constantFrom(...members.map((member) => member.wire))) },
    // A member's name where it differs from its wire value is an unknown value.
    { weight: 1, arbitrary: fc.constantFrom(...members.map((member) => member.name)) },
    { weight: 1, arbitrary: unknown },
  );
}

function repValue(table: Table): fc.Arbitrary<string> {
  const names = Object.entries(table.roster.reps).flatMap(([id, rep]) => [id, ...(rep.email ? [rep.email] : []), ...rep.ids]);
  const unknown = fc.constantFrom("zed", "nobody@example.com", "005000000000000", "__proto__", "constructor");
  if (names.length === 0) return unknown;
  return fc.oneof({ weight: 6, arbitrary: randomCase(fc.constantFrom(...names)) }, { weight: 1, arbitrary: unknown });
}

/** A value of another type than declared: counted missing, or coerced where the runtime may. */
function wrongTyped(type: FieldType): fc.Arbitrary<unknown> {
  const general = fc.constantFrom<unknown>({}, [], 0, 12.5, "", "500", "true", true, ["a"], { value: 1 }, Number.NaN);
  if (type.type === "number") return fc.oneof(general, fc.constantFrom("5e3", " 7", "1,000", "-2.5", "Infinity"));
  return general;
}

/** Each letter upper- or lower-cased at random. */
function randomCase(texts: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(texts, fc.integer({ min: 0, max: 2 ** 30 })).map(([text, bits]) => {
    if (bits % 3 === 0) return text;
    let result = "";
    for (let index = 0; index < text.length; index++) {
      const character = text[index]!;
      result += (bits >> index % 30) & 1 ? character.toUpperCase() : character.toLowerCase();
    }
    return result;
  });
}
