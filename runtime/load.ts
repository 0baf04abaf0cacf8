// `loadTable`: parse, check the format version, validate the whole table
// (collecting every problem with its JSON path), then precompute. Throws
// TableError and nothing else.

import { buildLoadedTable, type LoadedTable } from "./loaded-table";
import { TableError } from "./table-error";
import { TABLE_FORMAT, type Table } from "./table-format";
import { describe, isObject } from "./text";
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
  if (typeof json === "string") {
    try {
      parsed = JSON.parse(json);
    } catch (error) {
      throw new TableError([`table: not valid JSON (${error instanceof Error ? error.message : String(error)})`]);
    }
  } else {
    if (json === undefined) throw new TableError(["table: missing; expected a route-table/1 object or its JSON text"]);
    try {
      parsed = JSON.parse(JSON.stringify(json) ?? "null");
    } catch (error) {
      throw new TableError([`table: cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`]);
    }
  }
  if (!isObject(parsed)) throw new TableError([`table: expected an object, got ${describe(parsed)}`]);
  if (parsed.format !== TABLE_FORMAT) {
    if (typeof parsed.format === "string") {
      throw new TableError([`this table is format ${JSON.stringify(parsed.format)}; this runtime reads ${TABLE_FORMAT} — upgrade the runtime`]);
    }
    throw new TableError([`table.format: ${parsed.format === undefined ? "missing" : `expected text, got ${describe(parsed.format)}`}; this runtime reads ${TABLE_FORMAT}`]);
  }
  return parsed;
}

function deepFreeze(value: unknown): unknown {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
