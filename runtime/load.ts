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
    const problems = validateTable((json = readJson(json)) as Record<string, unknown>);
    if (problems.length > 0) throw new TableError(problems);
    return buildLoadedTable(deepFreeze(json) as Table, isObject(options) && options.coerce === true);
  } catch (error) {
    throw error instanceof TableError ? error : problem(`table: internal error (please report): ${messageOf(error)}`);
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const problem = (text: string) => new TableError([text]);

/** A private, JSON-only copy: the host may change its object later without changing what was validated. */
function readJson(json: unknown): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = typeof json === "string" ? JSON.parse(json) : json === undefined ? json : JSON.parse(JSON.stringify(json) ?? "null");
  } catch (error) {
    throw problem(`table: not valid JSON (${messageOf(error)})`);
  }
  if (!isObject(parsed)) throw problem(`table: ${expected(parsed, "an object")}`);
  if (parsed.format === TABLE_FORMAT) return parsed;
  throw problem(
    typeof parsed.format === "string"
      ? `this table is format ${JSON.stringify(parsed.format)}; this runtime reads ${TABLE_FORMAT} — upgrade the runtime`
      : `table.format: ${expected(parsed.format, "text")}; this runtime reads ${TABLE_FORMAT}`,
  );
}

/** Freezes the private copy all the way down (a JSON copy has no cycles and nothing frozen yet). */
function deepFreeze(value: unknown): unknown {
  if (typeof value === "object" && value) Object.values(Object.freeze(value)).forEach(deepFreeze);
  return value;
}
