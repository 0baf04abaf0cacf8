// Validation of each router's optional decision index: every feature reads a
// path of the right type, every row names an enabled rule, every region is in
// range — so loading and lookups never go out of bounds.
// NOTE: whether the index agrees with the rules is the compiler's promise (tested), not checked here.

import type { FieldType } from "./table-format";
import { index as at, isObject, member } from "./text";
import type { Names } from "./validate-declarations";
import type { Problems } from "./validate-kit";
import { fieldTypeAt } from "./validate-routers";

/** Field type each feature kind reads (`number` may read a score instead). */
const READS: Record<string, string> = { enum: "enum", text: "text", match: "text", rep: "rep", boolean: "boolean", number: "number", set: "set", present: "record" };

export function validateIndexes(table: Record<string, unknown>, names: Names, problems: Problems): void {
  const routers = isObject(table.routers) ? table.routers : {};
  for (const [id, router] of Object.entries(routers)) {
    if (!isObject(router) || router.index === undefined) continue;
    const path = `${member("table.routers", id)}.index`;
    const index = problems.object(path, router.index);
    const rules = Array.isArray(router.rules) ? router.rules : [];
    if (!index || typeof router.record !== "string") continue;
    const rows = ints(problems, `${path}.rows`, index.rows, rules.length) ?? [];
    rows.forEach((rule, i) => {
      if (i > 0 && rule < rows[i - 1]!) problems.add(at(`${path}.rows`, i), "rows must follow rule order");
      if (isObject(rules[rule]) && rules[rule].enabled !== true) problems.add(at(`${path}.rows`, i), `rule ${rule} is disabled, so no row may lead to it`);
    });
    ints(problems, `${path}.verify`, index.verify, rows.length);
    problems.array(`${path}.features`, index.features)?.forEach((value, i) => {
      const where = at(`${path}.features`, i);
      const feature = problems.object(where, value);
      if (feature) validateFeature(where, feature, router.record as string, rows.length, names, problems);
    });
  }
}

function validateFeature(path: string, feature: Record<string, unknown>, record: string, rows: number, names: Names, problems: Problems): void {
  const kind = problems.oneOf(`${path}.kind`, feature.kind, ["enum", "text", "rep", "boolean", "number", "match", "set", "present", "within"] as const, "feature kind");
  let regions = 2;
  let type: FieldType | null = null;
  if (kind === "within") {
    const hours = problems.string(`${path}.hours`, feature.hours);
    if (hours !== null) problems.reference(`${path}.hours`, hours, names.hours, "hours");
  } else if (kind === "number" && feature.score !== undefined) {
    const score = problems.string(`${path}.score`, feature.score);
    if (score !== null) problems.reference(`${path}.score`, score, names.scores, "score");
  } else if (kind !== null) {
    const segments = problems.array(`${path}.path`, feature.path);
    if (segments && segments.length > 0 && segments.every((segment) => typeof segment === "string")) {
      type = fieldTypeAt(`${path}.path`, record, segments as string[], names, problems);
      if (type && type.type !== READS[kind]) problems.add(`${path}.path`, `a ${kind} feature reads a ${READS[kind]} field, not a ${type.type}`);
    } else problems.add(`${path}.path`, "expected a field path of at least one field");
  }
  const strings = (key: string) => {
    const list = problems.array(`${path}.${key}`, feature[key]) ?? [];
    list.forEach((item, i) => problems.string(at(`${path}.${key}`, i), item));
    return list.length;
  };
  switch (kind) {
    case "enum":
      regions = 2 + (type?.type === "enum" ? (names.enums.get(type.enum)?.size ?? 0) : 0);
      break;
    case "text":
      regions = 2 + strings("values");
      break;
    case "rep":
      regions = 2 + strings("reps");
      break;
    case "set": {
      const count = strings("elements");
      if (count > 8) problems.add(`${path}.elements`, `at most 8 elements per feature, got ${count}`);
      regions = 2 + 2 ** Math.min(count, 8);
      break;
    }
    case "number": {
      const points = problems.array(`${path}.points`, feature.points) ?? [];
      points.forEach((point, i) => {
        if (problems.number(at(`${path}.points`, i), point) !== null && i > 0 && !((point as number) > (points[i - 1] as number))) {
          problems.add(at(`${path}.points`, i), "points must increase");
        }
      });
      regions = 2 * points.length + 2;
      break;
    }
    case "match":
      problems.oneOf(`${path}.op`, feature.op, ["startsWith", "endsWith", "contains"] as const, "text test");
      problems.string(`${path}.value`, feature.value);
      regions = 3;
      break;
    case "boolean":
      regions = 3;
  }
  problems.array(`${path}.constraints`, feature.constraints)?.forEach((entry, i) => {
    const where = at(`${path}.constraints`, i);
    const list = ints(problems, where, entry, Math.max(rows, regions));
    if (list && (list.length === 0 || list[0]! >= rows || list.slice(1).some((region) => region >= regions))) {
      problems.add(where, `expected [row, region…] with a row below ${rows} and regions below ${regions}`);
    }
  });
}

/** A list of whole numbers in [0, below). */
function ints(problems: Problems, path: string, value: unknown, below: number): number[] | null {
  const list = problems.array(path, value);
  if (!list) return null;
  for (const item of list) {
    if (typeof item !== "number" || !Number.isInteger(item) || item < 0 || item >= below) {
      problems.add(path, `expected whole numbers from 0 to ${below - 1}, got ${JSON.stringify(item)}`);
      return null;
    }
  }
  return list as number[];
}
