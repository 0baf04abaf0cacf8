// The schema of a whole route-table/1 (declarations, roster, scores, routers)
// and `validateTable`, which gathers the declared names and checks the table
// against it. Conditions, outcomes and the index have their own files.

import { fold, isObject, member } from "./text";
import { CONDITION, scalarOf } from "./validate-conditions";
import { checkIndex } from "./validate-index";
import { add, check, each, nullable, union, type Check, type Context, type Names } from "./validate-kit";
import { OUTCOME } from "./validate-outcomes";

/** Every problem in the table, each "path: problem"; empty when it is valid. */
export function validateTable(table: Record<string, any>): string[] {
  const context: Context = { problems: { lines: new Set(), count: 0 }, names: gather(table), table, record: null, suffix: "", scores: new Set() };
  check("table", table, TABLE, context);
  return [...context.problems.lines];
}

/** The names references resolve against; record fields are added as each is found well-formed. */
function gather(table: Record<string, any>): Names {
  const keys = (value: unknown) => new Set(Object.keys(section(value)));
  const roster = section(table.roster);
  return {
    enum: new Map(Object.entries(section(table.enums)).map(([name, body]) => [name, new Set(texts(list(section(body).members).map((item) => section(item).name)))])),
    record: new Map([...keys(table.records)].map((name) => [name, new Map()])),
    list: keys(table.lists),
    hours: keys(table.hours),
    score: keys(table.scores),
    rep: keys(roster.reps),
    team: keys(roster.teams),
    queue: new Set(texts(list(roster.queues))),
  };
}

const section = (value: unknown): Record<string, any> => (isObject(value) ? value : {});
const list = (value: unknown): any[] => (Array.isArray(value) ? value : []);
const texts = (values: unknown[]) => values.filter((value): value is string => typeof value === "string");

/** A problem for each item of `items` whose `key`, as `same` reads it (null: not counted), repeats an earlier one's. */
function unique(context: Context, path: string, items: unknown, key: string, where: string, same = (name: string): string | null => name): void {
  const seen = new Set<string>();
  list(items).forEach((item, i) => {
    const name = section(item)[key];
    const id = typeof name === "string" ? same(name) : null;
    if (id === null) return;
    if (seen.has(id)) add(context, `${path}[${i}].${key}`, `${JSON.stringify(name)} appears twice ${where}`);
    seen.add(id);
  });
}

const ENUM = {
  members: [{ name: "s", wire: "s" }],
  $: ((path, body, context) => {
    unique(context, `${path}.members`, body.members, "name", "among the members");
    // Incoming values match wires ignoring case, so two wires equal but for case would be ambiguous.
    unique(context, `${path}.members`, body.members, "wire", "among the wires, ignoring case", fold);
  }) as Check,
};

const ENUM_REF = { enum: "@enum" };
const VALUE_TYPE = union("type", "value type", { text: {}, number: {}, boolean: {}, rep: {}, enum: ENUM_REF });
const ELEMENT_TYPE = union("type", "set element type", { text: {}, rep: {}, enum: ENUM_REF });
const FIELD_TYPE = union("type", "field type", { text: {}, number: {}, boolean: {}, rep: {}, enum: ENUM_REF, record: { record: "@record" }, set: { element: ELEMENT_TYPE } }, { optional: "b" });

/** A record's well-formed fields become the names its field paths resolve against. */
const RECORD: Check = (path, value, context, name) =>
  check(path, value, { fields: each((at, type, inner, field) => check(at, type, FIELD_TYPE, inner) && context.names.record.get(name!)!.set(field!, type)) }, context);

/** Items are checked against the list's type once that is well-formed. */
const LIST: Check = (path, value, context) => {
  const typed = check(path, value, { type: VALUE_TYPE }, context);
  if (isObject(value)) check(`${path}.items`, value.items, typed ? [scalarOf(value.type as { type: string })] : [], context);
};

const HOURS = {
  timezone: "z",
  windows: [
    {
      day: "D",
      start: "m",
      end: "w",
      $: ((path, { start, end }, context) => {
        if (typeof start === "number" && typeof end === "number" && (end <= start || end > start + 1440)) {
          add(context, path, `a window ends after its start and at most a day later, got ${start} to ${end}`);
        }
      }) as Check,
    },
  ],
  closed: ["d"],
};

const REP = {
  name: "s?",
  email: "s?",
  ids: ["s"],
  skills: ["s"],
  languages: ["s"],
  region: "s?",
  hours: "@hours?",
  capacity: "w?",
  caps: [{ count: "w", period: "period|hour|day|week|month" }],
  weight: "p",
  manager: "@rep?",
  unavailable: [
    {
      from: "d",
      to: "d",
      $: ((path, { from, to }, context) => {
        if (typeof from === "string" && typeof to === "string" && to < from) add(context, path, `the range ends (${to}) before it starts (${from})`);
      }) as Check,
    },
  ],
};

const ROSTER = {
  reps: each(REP),
  teams: each({
    members: [{ rep: "@rep", weight: "p?" }],
    $: ((path, team, context) => unique(context, `${path}.members`, team.members, "rep", "in the team", (rep) => (context.names.rep.has(rep) ? rep : null))) as Check,
  }),
  queues: ["s"],
  // An incoming string must name one rep: an email or CRM id shared by two reps would be ambiguous.
  $: ((path, roster, context) => {
    const owners = new Map<string, string>();
    for (const [id, rep] of Object.entries(section(roster.reps))) {
      if (!isObject(rep)) continue;
      for (const handle of texts([id, rep.email, ...list(rep.ids)])) {
        const owner = owners.get(fold(handle)) ?? id;
        if (owner !== id) add(context, member(`${path}.reps`, id), `${JSON.stringify(handle)} also names rep ${JSON.stringify(owner)}; incoming values could not tell them apart`);
        else owners.set(fold(handle), id);
      }
    }
  }) as Check,
};

const SCORE = { lines: [{ weight: "n", condition: CONDITION }] };

/** Each score alone (no record yet), then: no score may use itself through others. */
const SCORES: Check = (path, value, context) => {
  const uses = new Map<string, Set<string>>();
  check(path, value, each((at, score, inner, id) => uses.set(id!, new Set()) && check(at, score, SCORE, { ...inner, scores: uses.get(id!)! })), context);
  const done = new Set<string>();
  const visit = (id: string, trail: string[]): void => {
    if (trail.includes(id)) add(context, member(path, id), `scores use each other in a cycle: ${[...trail.slice(trail.indexOf(id)), id].join(" -> ")}`);
    else if (!done.has(id)) {
      for (const next of uses.get(id)!) if (uses.has(next)) visit(next, [...trail, id]);
      done.add(id);
    }
  };
  for (const id of uses.keys()) visit(id, []);
};

const RULE = { name: "s", enabled: "b", priority: "w?", condition: CONDITION, ...OUTCOME };

const ROUTER: Check = (path, router, context, id) => {
  if (!check(path, router, "o", context)) return;
  const record = check(`${path}.record`, router.record, "@record", context) ? (router.record as string) : null;
  const inner: Context = { ...context, record, scores: new Set() };
  check(path, router, { rules: [RULE], otherwise: nullable(OUTCOME), $: () => unique(context, `${path}.rules`, router.rules, "name", "among the rule names") }, inner);
  checkIndex(`${path}.index`, router, inner);
  if (record === null) return;
  // The scores this router uses (and those they use: the set grows as it is walked), against its record.
  // Their structure was checked alone above; repeated problems are listed once.
  const again: Context = { ...inner, suffix: ` (for router ${id})` };
  for (const score of inner.scores) check(member("table.scores", score), context.table.scores[score], SCORE, again);
};

const TABLE = {
  hash: "s",
  source: { entry: "s", files: ["s"] },
  enums: each(ENUM),
  records: each(RECORD),
  hours: each(HOURS),
  roster: ROSTER,
  lists: each(LIST),
  scores: SCORES,
  routers: each(ROUTER),
};
