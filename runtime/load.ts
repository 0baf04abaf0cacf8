// `loadTable`: parse, check the format version, validate the whole table
// (collecting every problem with its JSON path), then precompute. Throws
// TableError and nothing else.

import { buildLoadedTable, type LoadedTable } from "./loaded-table";
import { TableError } from "./table-error";
import { TABLE_FORMAT, type Table } from "./table-format";
import { isObject } from "./text";
import { expected } from "./validate-kit";
import { validateTable } from "./validate-table";

export interface LoadOptions {
  /** Accept "500" for a number, "true" for a boolean and "a;b" for a set, noting each coercion in the trace. */
  coerce?: boolean;
}

/** A parsed table object or its JSON text. */
export function loadTable(json: unknown, options?: LoadOptions): LoadedTable {
  try {
    const table = readJson(json);
    const problems = validateTable(table);
    if (problems.length > 0) throw new TableError(problems);
    const coerce = isObject(options) && options.coerce === true;
    return buildLoadedTable(deepFreeze(table) as unknown as Table, coerce);
  } catch (error) {
    if (error instanceof TableError) throw error;
    throw new TableError([`table: internal error while loading (please report): ${error instanceof Error ? error.message : String(error)}`]);
  }
}

/** A private, JSON-only copy: the host may change its object later without changing what was validated. */
function readJson(json: unknown): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = typeof json === "string" ? JSON.parse(json) : json === undefined ? json : JSON.parse(JSON.stringify(json) ?? "null");
  } catch (error) {
    throw new TableError([`table: not valid JSON (${error instanceof Error ? error.message : String(error)})`]);
  }
  if (!isObject(parsed)) throw new TableError([`table: ${expected(parsed, "an object")}`]);
  if (parsed.format === TABLE_FORMAT) return parsed;
  throw new TableError([
    typeof parsed.format === "string"
      ? `this table is format ${JSON.stringify(parsed.format)}; this runtime reads ${TABLE_FORMAT} — upgrade the runtime`
      : `table.format: ${expected(parsed.format, "text")}; this runtime reads ${TABLE_FORMAT}`,
  ]);
}

function deepFreeze(value: unknown): unknown {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
