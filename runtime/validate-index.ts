// Validation of a router's optional decision index: every feature reads a
// path of the right type, every row names an enabled rule, every region is in
// range — so loading and lookups never go out of bounds.
// NOTE: whether the index agrees with the rules is the compiler's promise (tested), not checked here.

import { fieldAt } from "./validate-conditions";
import { add, check, whole, type Context } from "./validate-kit";

/** `router.index` at `path`, when present. */
export function checkIndex(path: string, router: Record<string, any>, context: Context): void {
  const { index, rules } = router;
  if (index === undefined || !check(path, index, "o", context)) return;
  const rows = ints(`${path}.rows`, index.rows, Array.isArray(rules) ? rules.length : 0, context);
  rows.forEach((rule, i) => {
    if (rule < rows[i - 1]! || rules[rule]?.enabled !== true) add(context, `${path}.rows[${i}]`, `expected enabled rules in rule order, got rule ${rule}`);
  });
  ints(`${path}.verify`, index.verify, rows.length, context);
  check(`${path}.features`, index.features, [(at, feature) => checkFeature(at, feature, rows.length, context)], context);
}

/** The lists a feature's regions are counted from, by kind. */
export const LISTS: Record<string, string> = { text: "values", rep: "reps", set: "elements", number: "points" };

/**
 * How many regions a feature has: 0 is missing, 1 any other value, then one
 * per listed value, enum member, interval or set of elements — see
 * IndexFeature in table-format.ts. The loader sizes its bitsets with it.
 */
export function regionCount(kind: string, listed: number, members: number): number {
  return kind === "set" ? 2 + 2 ** listed : kind === "number" ? 2 + 2 * listed : 2 + listed + members + +(kind === "boolean" || kind === "match");
}

function checkFeature(path: string, feature: any, rows: number, context: Context): void {
  if (!check(path, feature, { kind: "feature kind|enum|text|rep|boolean|number|match|set|present|within" }, context)) return;
  const { kind, score, points } = feature;
  const key = LISTS[kind]!;
  const count = key && check(`${path}.${key}`, feature[key], [kind === "number" ? "n" : "s"], context) ? feature[key].length : 0;
  let members = 0;
  if (kind === "within") check(`${path}.hours`, feature.hours, "@hours", context);
  else if (kind === "number" && score !== undefined) check(`${path}.score`, score, "@score", context);
  else {
    const type = fieldAt(`${path}.path`, feature.path, context, ({ match: "text", present: "record" } as Record<string, string>)[kind] ?? kind);
    if (kind === "enum" && type?.type === "enum") members = context.names.enum.get(type.enum)!.size;
  }
  const regions = regionCount(kind, Math.min(count, kind === "set" ? 8 : count), members);
  if (kind === "set" && count > 8) add(context, `${path}.elements`, `expected at most 8 elements, got ${count}`);
  if (kind === "number" && count && !points.every((point: number, i: number) => !i || point > points[i - 1])) add(context, `${path}.points`, "expected increasing numbers");
  if (kind === "match") check(path, feature, { op: "text test|startsWith|endsWith|contains", value: "s" }, context);
  check(`${path}.constraints`, feature.constraints, [
    (at, entry) => {
      if (!(Array.isArray(entry) && entry.length > 0 && entry.every((n, i) => whole(n, i ? regions : rows)))) {
        add(context, at, `expected [row, region…] with a row below ${rows} and regions below ${regions}`);
      }
    },
  ], context);
}

/** A list of whole numbers in [0, below); empty (with a problem) when it is not. */
function ints(path: string, value: unknown, below: number, context: Context): number[] {
  if (Array.isArray(value) && value.every((n) => whole(n, below))) return value;
  add(context, path, `expected a list of whole numbers below ${below}`);
  return [];
}
