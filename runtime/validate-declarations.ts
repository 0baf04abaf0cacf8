// Validation of a table's declarations: enums, lists, records, hours and the
// roster. Also gathers the names every later check resolves references with.

import { isDate, isTimeZone } from "./calendar";
import type { FieldType, ValueType } from "./table-format";
import { fold, index, isObject, member } from "./text";
import type { Problems } from "./validate-kit";

/** What references resolve against. Only well-formed entries are kept, so later checks never cascade. */
export interface Names {
  enums: Map<string, Set<string>>;
  lists: Map<string, ValueType | null>;
  records: Map<string, Map<string, FieldType>>;
  hours: Set<string>;
  scores: Set<string>;
  reps: Set<string>;
  teams: Set<string>;
  queues: Set<string>;
}

const TOP = ["enums", "lists", "records", "hours", "scores", "roster", "routers"] as const;

/** Check the declarations and return the names they declare. */
export function validateDeclarations(table: Record<string, unknown>, problems: Problems): Names {
  for (const key of TOP) problems.object(`table.${key}`, table[key]);
  const section = (key: string) => (isObject(table[key]) ? table[key] : {});
  const roster = section("roster");
  const rosterPart = (key: string) => (isObject(roster[key]) ? roster[key] : {});
  const names: Names = {
    enums: new Map(),
    lists: new Map(),
    records: new Map(),
    hours: new Set(Object.keys(section("hours"))),
    scores: new Set(Object.keys(section("scores"))),
    reps: new Set(Object.keys(rosterPart("reps"))),
    teams: new Set(Object.keys(rosterPart("teams"))),
    queues: new Set(),
  };

  validateHeader(table, problems);
  for (const [name, value] of Object.entries(section("enums"))) names.enums.set(name, validateEnum(member("table.enums", name), value, problems));
  for (const name of Object.keys(section("records"))) names.records.set(name, new Map());
  for (const [name, value] of Object.entries(section("records"))) validateRecord(member("table.records", name), value, names, problems, names.records.get(name)!);
  for (const [name, value] of Object.entries(section("hours"))) validateHours(member("table.hours", name), value, problems);
  validateRoster(roster, names, problems);
  for (const [name, value] of Object.entries(section("lists"))) names.lists.set(name, validateList(member("table.lists", name), value, names, problems));
  return names;
}

function validateHeader(table: Record<string, unknown>, problems: Problems): void {
  problems.string("table.hash", table.hash);
  const source = problems.object("table.source", table.source);
  if (source) {
    problems.string("table.source.entry", source.entry);
    const files = problems.array("table.source.files", source.files);
    files?.forEach((file, i) => problems.string(index("table.source.files", i), file));
  }
}

function validateEnum(path: string, value: unknown, problems: Problems): Set<string> {
  const members = new Set<string>();
  const body = problems.object(path, value);
  const list = body && problems.array(`${path}.members`, body.members);
  const wires = new Map<string, string>();
  list?.forEach((entry, i) => {
    const at = index(`${path}.members`, i);
    const item = problems.object(at, entry);
    if (!item) return;
    const name = problems.string(`${at}.name`, item.name);
    const wire = problems.string(`${at}.wire`, item.wire);
    if (name !== null) {
      if (members.has(name)) problems.add(`${at}.name`, `member ${JSON.stringify(name)} is declared twice`);
      members.add(name);
    }
    if (wire !== null) {
      // Incoming values match wires ignoring case, so two wires equal but for case would be ambiguous.
      const other = wires.get(fold(wire));
      if (other !== undefined) problems.add(`${at}.wire`, `wire value ${JSON.stringify(wire)} is the same as member ${JSON.stringify(other)}'s ignoring case`);
      else wires.set(fold(wire), name ?? wire);
    }
  });
  return members;
}

/** Check a field type; returns it when well-formed. */
export function validateFieldType(path: string, value: unknown, names: Names, problems: Problems): FieldType | null {
  const body = problems.object(path, value);
  if (!body) return null;
  const optional = problems.boolean(`${path}.optional`, body.optional);
  const type = problems.oneOf(`${path}.type`, body.type, ["text", "number", "boolean", "rep", "enum", "record", "set"] as const, "field type");
  if (type === null || optional === null) return null;
  if (type === "enum") {
    const name = problems.string(`${path}.enum`, body.enum);
    return name !== null && problems.reference(`${path}.enum`, name, names.enums.keys(), "enum") ? { optional, type, enum: name } : null;
  }
  if (type === "record") {
    const name = problems.string(`${path}.record`, body.record);
    return name !== null && problems.reference(`${path}.record`, name, names.records.keys(), "record") ? { optional, type, record: name } : null;
  }
  if (type === "set") {
    const element = problems.object(`${path}.element`, body.element);
    if (!element) return null;
    const kind = problems.oneOf(`${path}.element.type`, element.type, ["text", "rep", "enum"] as const, "set element type");
    if (kind === "enum") {
      const name = problems.string(`${path}.element.enum`, element.enum);
      return name !== null && problems.reference(`${path}.element.enum`, name, names.enums.keys(), "enum")
        ? { optional, type, element: { type: "enum", enum: name } }
        : null;
    }
    return kind === null ? null : { optional, type, element: { type: kind } };
  }
  return { optional, type };
}

function validateRecord(path: string, value: unknown, names: Names, problems: Problems, fields: Map<string, FieldType>): void {
  const body = problems.object(path, value);
  const declared = body && problems.object(`${path}.fields`, body.fields);
  for (const [name, type] of Object.entries(declared ?? {})) {
    const checked = validateFieldType(member(`${path}.fields`, name), type, names, problems);
    if (checked) fields.set(name, checked);
  }
}

function validateHours(path: string, value: unknown, problems: Problems): void {
  const body = problems.object(path, value);
  if (!body) return;
  const zone = problems.string(`${path}.timezone`, body.timezone);
  if (zone !== null && !isTimeZone(zone)) problems.add(`${path}.timezone`, `unknown time zone ${JSON.stringify(zone)}; expected an IANA name like "Europe/Berlin"`);
  problems.array(`${path}.windows`, body.windows)?.forEach((entry, i) => {
    const at = index(`${path}.windows`, i);
    const window = problems.object(at, entry);
    if (!window) return;
    problems.number(`${at}.day`, window.day, { integer: true, min: 0 });
    if (typeof window.day === "number" && window.day > 6) problems.add(`${at}.day`, `expected a weekday 0 (Monday) to 6 (Sunday), got ${window.day}`);
    const start = problems.number(`${at}.start`, window.start, { integer: true, min: 0 });
    const end = problems.number(`${at}.end`, window.end, { integer: true, min: 0 });
    if (start !== null && start > 1440) problems.add(`${at}.start`, `a window starts within its day (0 to 1440 minutes), got ${start}`);
    if (start !== null && end !== null && (end <= start || end > start + 1440)) {
      problems.add(at, `a window ends after its start and at most a day later, got ${start} to ${end}`);
    }
  });
  problems.array(`${path}.closed`, body.closed)?.forEach((date, i) => {
    if (!isDate(date)) problems.add(index(`${path}.closed`, i), `expected a date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  });
}

function validateRoster(roster: Record<string, unknown>, names: Names, problems: Problems): void {
  const reps = problems.object("table.roster.reps", roster.reps) ?? {};
  const teams = problems.object("table.roster.teams", roster.teams) ?? {};
  problems.array("table.roster.queues", roster.queues)?.forEach((queue, i) => {
    const id = problems.string(index("table.roster.queues", i), queue);
    if (id !== null) names.queues.add(id);
  });
  const handles = new Map<string, string>();
  for (const [id, value] of Object.entries(reps)) validateRep(member("table.roster.reps", id), id, value, names, problems, handles);
  for (const [id, value] of Object.entries(teams)) {
    const path = member("table.roster.teams", id);
    const body = problems.object(path, value);
    const members = body && problems.array(`${path}.members`, body.members);
    const seen = new Set<string>();
    members?.forEach((entry, i) => {
      const at = index(`${path}.members`, i);
      const item = problems.object(at, entry);
      if (!item) return;
      const rep = problems.string(`${at}.rep`, item.rep);
      if (rep !== null && problems.reference(`${at}.rep`, rep, names.reps, "rep")) {
        if (seen.has(rep)) problems.add(`${at}.rep`, `rep ${JSON.stringify(rep)} is in the team twice`);
        seen.add(rep);
      }
      if (item.weight !== null) problems.number(`${at}.weight`, item.weight, { positive: true });
    });
  }
}

function validateRep(path: string, id: string, value: unknown, names: Names, problems: Problems, handles: Map<string, string>): void {
  const rep = problems.object(path, value);
  if (!rep) return;
  problems.nullableString(`${path}.name`, rep.name);
  const email = problems.nullableString(`${path}.email`, rep.email);
  const strings = (key: string) => problems.array(`${path}.${key}`, rep[key])?.filter((item, i) => problems.string(index(`${path}.${key}`, i), item) !== null) as string[] | undefined;
  const ids = strings("ids") ?? [];
  strings("skills");
  strings("languages");
  problems.nullableString(`${path}.region`, rep.region);
  const hours = problems.nullableString(`${path}.hours`, rep.hours);
  if (typeof hours === "string") problems.reference(`${path}.hours`, hours, names.hours, "hours");
  if (rep.capacity !== null) problems.number(`${path}.capacity`, rep.capacity, { integer: true, min: 0 });
  problems.array(`${path}.caps`, rep.caps)?.forEach((entry, i) => {
    const at = index(`${path}.caps`, i);
    const cap = problems.object(at, entry);
    if (!cap) return;
    problems.number(`${at}.count`, cap.count, { integer: true, min: 0 });
    problems.oneOf(`${at}.period`, cap.period, ["hour", "day", "week", "month"] as const, "period");
  });
  problems.number(`${path}.weight`, rep.weight, { positive: true });
  const manager = problems.nullableString(`${path}.manager`, rep.manager);
  if (typeof manager === "string") problems.reference(`${path}.manager`, manager, names.reps, "rep");
  problems.array(`${path}.unavailable`, rep.unavailable)?.forEach((entry, i) => {
    const at = index(`${path}.unavailable`, i);
    const range = problems.object(at, entry);
    if (!range) return;
    if (!isDate(range.from)) problems.add(`${at}.from`, `expected a date YYYY-MM-DD, got ${JSON.stringify(range.from)}`);
    if (!isDate(range.to)) problems.add(`${at}.to`, `expected a date YYYY-MM-DD, got ${JSON.stringify(range.to)}`);
    if (isDate(range.from) && isDate(range.to) && range.to < range.from) problems.add(at, `the range ends (${range.to}) before it starts (${range.from})`);
  });
  // An incoming string must name one rep: an email or CRM id shared by two reps would be ambiguous.
  for (const handle of [id, ...(typeof email === "string" ? [email] : []), ...ids]) {
    const key = fold(handle);
    const owner = handles.get(key);
    if (owner !== undefined && owner !== id) problems.add(path, `${JSON.stringify(handle)} also names rep ${JSON.stringify(owner)}; incoming values could not tell them apart`);
    else handles.set(key, id);
  }
}

function validateList(path: string, value: unknown, names: Names, problems: Problems): ValueType | null {
  const body = problems.object(path, value);
  if (!body) return null;
  const type = validateValueType(`${path}.type`, body.type, names, problems);
  problems.array(`${path}.items`, body.items)?.forEach((item, i) => {
    if (type) validateScalar(index(`${path}.items`, i), item, type, names, problems);
  });
  return type;
}

export function validateValueType(path: string, value: unknown, names: Names, problems: Problems): ValueType | null {
  const body = problems.object(path, value);
  if (!body) return null;
  const type = problems.oneOf(`${path}.type`, body.type, ["text", "number", "boolean", "rep", "enum"] as const, "value type");
  if (type !== "enum") return type === null ? null : { type };
  const name = problems.string(`${path}.enum`, body.enum);
  return name !== null && problems.reference(`${path}.enum`, name, names.enums.keys(), "enum") ? { type, enum: name } : null;
}

/** A literal of the given type: enum values are member names, rep values rep ids. */
export function validateScalar(path: string, value: unknown, type: ValueType, names: Names, problems: Problems): void {
  switch (type.type) {
    case "text":
      problems.string(path, value);
      return;
    case "number":
      problems.number(path, value);
      return;
    case "boolean":
      problems.boolean(path, value);
      return;
    case "rep": {
      const id = problems.string(path, value);
      if (id !== null) problems.reference(path, id, names.reps, "rep");
      return;
    }
    case "enum": {
      const name = problems.string(path, value);
      if (name !== null) problems.reference(path, name, names.enums.get(type.enum) ?? [], "member", `enum ${type.enum}`);
      return;
    }
  }
}
