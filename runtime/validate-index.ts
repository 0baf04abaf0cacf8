// Validation of a router's optional decision index: every feature reads a
// path of the right type, every row names an enabled rule, every region is in
// range — so loading and lookups never go out of bounds.
// NOTE: whether the index agrees with the rules is the compiler's promise (tested), not checked here.

import { fieldAt } from "./validate-conditions";
import { add, check, type Context } from "./validate-kit";

/** Field type each feature kind reads (`number` may read a score instead). */
const READS: Record<string, string> = { enum: "enum", text: "text", match: "text", rep: "rep", boolean: "boolean", number: "number", set: "set", present: "record" };

/** `router.index` at `path`, when present. */
export function checkIndex(path: string, router: Record<string, any>, context: Context): void {
  const index = router.index;
  if (index === undefined || !check(path, index, "o", context)) return;
  const rules = Array.isArray(router.rules) ? router.rules : [];
  const rows = ints(`${path}.rows`, index.rows, rules.length, context) ?? [];
  rows.forEach((rule, i) => {
    if (rule < rows[i - 1]!) add(context, `${path}.rows[${i}]`, "rows must follow rule order");
    if (rules[rule]?.enabled !== true) add(context, `${path}.rows[${i}]`, `rule ${rule} is disabled, so no row may lead to it`);
  });
  ints(`${path}.verify`, index.verify, rows.length, context);
  check(`${path}.features`, index.features, [(at, feature) => checkFeature(at, feature, rows.length, context)], context);
}

function checkFeature(path: string, feature: any, rows: number, context: Context): void {
  if (!check(path, feature, { kind: "feature kind|enum|text|rep|boolean|number|match|set|present|within" }, context)) return;
  const kind: string = feature.kind;
  const count = (key: string) => (check(`${path}.${key}`, feature[key], ["s"], context) ? feature[key].length : 0);
  let regions = kind === "boolean" || kind === "match" ? 3 : 2;
  if (kind === "within") check(`${path}.hours`, feature.hours, "@hours", context);
  else if (kind === "number" && feature.score !== undefined) check(`${path}.score`, feature.score, "@score", context);
  else {
    const type = fieldAt(`${path}.path`, feature.path, context);
    if (type && type.type !== READS[kind]) add(context, `${path}.path`, `a ${kind} feature reads a ${READS[kind]} field, not a ${type.type}`);
    if (kind === "enum") regions += type?.type === "enum" ? (context.names.enum.get(type.enum)?.size ?? 0) : 0;
  }
  if (kind === "text") regions += count("values");
  if (kind === "rep") regions += count("reps");
  if (kind === "set") {
    const elements = count("elements");
    if (elements > 8) add(context, `${path}.elements`, `at most 8 elements per feature, got ${elements}`);
    regions += 2 ** Math.min(elements, 8);
  }
  if (kind === "number" && check(`${path}.points`, feature.points, ["n"], context)) {
    feature.points.forEach((point: number, i: number) => {
      if (i > 0 && !(point > feature.points[i - 1])) add(context, `${path}.points[${i}]`, "points must increase");
    });
    regions += 2 * feature.points.length;
  }
  if (kind === "match") check(path, feature, { op: "text test|startsWith|endsWith|contains", value: "s" }, context);
  check(`${path}.constraints`, feature.constraints, [
    (at, entry) => {
      const list = ints(at, entry, Math.max(rows, regions), context);
      if (list && (list.length === 0 || list[0]! >= rows || list.slice(1).some((region) => region >= regions))) {
        add(context, at, `expected [row, region…] with a row below ${rows} and regions below ${regions}`);
      }
    },
  ], context);
}

/** A list of whole numbers in [0, below). */
function ints(path: string, value: unknown, below: number, context: Context): number[] | null {
  if (!check(path, value, [], context)) return null;
  const list = value as unknown[];
  const wrong = list.find((item) => !Number.isInteger(item) || (item as number) < 0 || (item as number) >= below);
  if (wrong === undefined) return list as number[];
  add(context, path, `expected whole numbers from 0 to ${below - 1}, got ${JSON.stringify(wrong)}`);
  return null;
}
