// `route match <entry.route | table.json> --router <id> [--record '<json>' | stdin]
// [--at <ISO instant>] [--format text|json] [--ndjson] [--coerce]`: pure matching,
// one record or one per input line (the assignment simulator).

import * as path from "node:path";
import { loadTable, match, TableError, type LoadedTable } from "../../runtime/index";
import { summarize } from "../../language/diagnostics/render-text";
import { buildTable } from "./build-table";
import { DiskHost, UsageError } from "./files";
import { absolute, readText, useColor, type Io } from "./io";
import { dedupe, diagnosticsText, type Format } from "./output";
import { renderDecisionText } from "./render-decision";

export interface MatchOptions {
  router: string | undefined;
  record: string | undefined;
  at: string | undefined;
  format: Format;
  ndjson: boolean;
  coerce: boolean;
}

export async function matchCommand(io: Io, input: string, options: MatchOptions): Promise<number> {
  if (!options.router) throw new UsageError("`route match` needs `--router <id>`");
  let at: Date;
  let atNote: string;
  if (options.at !== undefined) {
    at = new Date(options.at);
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(options.at) || Number.isNaN(at.getTime())) {
      throw new UsageError(`\`--at ${options.at}\` is not an instant: write e.g. 2026-12-01T09:00Z`);
    }
    atNote = ` at ${at.toISOString()}`;
  } else {
    at = new Date();
    atNote = ` at ${at.toISOString()} (now: no --at given)`;
  }

  const loaded = loadInput(io, input, options.coerce);
  if (typeof loaded === "number") return loaded;
  if (!Object.prototype.hasOwnProperty.call(loaded.table.routers, options.router)) {
    const known = Object.keys(loaded.table.routers);
    throw new UsageError(`no router \`${options.router}\` in ${input}; routers: ${known.join(", ") || "none"}`);
  }
  if (options.format === "text" && options.at === undefined && !options.ndjson) {
    io.stderr(`note: no --at given, matching at the current instant ${at.toISOString()}\n`);
  }

  if (options.ndjson) {
    const text = options.record ?? (await io.readStdin()) ?? "";
    let failures = 0;
    for (const line of text.split(/\r?\n/)) {
      if (line.trim() === "") continue;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (error) {
        failures++;
        io.stdout(JSON.stringify({ error: `not a JSON record: ${(error as Error).message}`, line }) + "\n");
        continue;
      }
      io.stdout(JSON.stringify(match(loaded, options.router, record, { at })) + "\n");
    }
    return failures > 0 ? 1 : 0;
  }

  const text = options.record ?? (await io.readStdin());
  if (text === null || text.trim() === "") throw new UsageError("give the record with `--record '<json>'` or on standard input");
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the record is not valid JSON: ${(error as Error).message}`);
  }
  const decision = match(loaded, options.router, record, { at });
  if (options.format === "json") io.stdout(JSON.stringify(decision, null, 2) + "\n");
  else io.stdout(renderDecisionText(decision, options.router, useColor(io), atNote));
  return 0;
}

/** A .route entry is checked and compiled in memory; a .json file is loaded as a table. */
function loadInput(io: Io, input: string, coerce: boolean): LoadedTable | number {
  const file = absolute(io, input);
  if (path.extname(file) === ".json") {
    const text = readText(file);
    if (text === undefined) throw new UsageError(`cannot read \`${input}\`: no such file`);
    try {
      return loadTable(text, { coerce });
    } catch (error) {
      if (!(error instanceof TableError)) throw error;
      io.stderr(`error: ${input} is not a usable routing table:\n${error.problems.map((p) => `  - ${p}`).join("\n")}\n`);
      return 1;
    }
  }
  const host = new DiskHost();
  if (host.readFile(file) === undefined) throw new UsageError(`cannot read \`${input}\`: no such file`);
  const built = buildTable(file, host, io.cwd);
  if (built.table === null) {
    const diagnostics = dedupe(built.diagnostics);
    io.stderr(diagnosticsText(io, host, diagnostics) + `\nnot matched: ${summarize(diagnostics)}\n`);
    return 1;
  }
  return loadTable(built.table, { coerce });
}
