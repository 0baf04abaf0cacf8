// `route match <entry.route | table.json> --router <id> [--record '<json>' | stdin]
// [--at <ISO instant>] [--format text|json] [--ndjson] [--coerce] [--assign [--unavailable a,b]]`:
// pure matching, or with --assign the person chosen (one in-memory state across
// every --ndjson line, so a day of leads can be replayed).

import * as path from "node:path";
import cliProgress from "cli-progress";
import pc from "picocolors";
import { createRouter, loadTable, match, TableError, type LoadedTable, type PeopleTraceEntry, type RoutedDecision } from "../../runtime/index";
import type { Decision, TraceEntry } from "../../runtime/table-format";
import { summarize } from "../../language/diagnostics/render-text";
import { buildTable } from "./build-table";
import { DiskHost, UsageError } from "./files";
import { absolute, readText, useColor, type Io } from "./io";
import { dedupe, diagnosticsText, type Format } from "./output";
import { describeTargetWithMethod as describeTarget, renderDecisionText } from "./render-decision";

export interface MatchOptions {
  router: string | undefined;
  record: string | undefined;
  at: string | undefined;
  format: Format;
  ndjson: boolean;
  coerce: boolean;
  /** Choose the person too (distribution with an in-memory store). */
  assign?: boolean;
  /** Reps away for the whole run (ids, emails or CRM ids), with --assign. */
  unavailable?: string[];
}

/** Lines of --ndjson input above which a terminal gets a progress bar on stderr. */
const PROGRESS_THRESHOLD = 2000;

export async function matchCommand(io: Io, input: string, options: MatchOptions): Promise<number> {
  if (!options.router) throw new UsageError("`route match` needs `--router <id>`");
  if (options.unavailable !== undefined && !options.assign) throw new UsageError("`--unavailable` needs `--assign`: it marks reps away while choosing the person");
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

  const people = options.assign ? createRouter(loaded) : null;
  const routeOptions = { at, unavailable: options.unavailable ?? [] };

  if (options.ndjson) {
    const text = options.record ?? (await io.readStdin()) ?? "";
    const lines = text.split(/\r?\n/);
    let failures = 0;
    const bar = progressBar(io, lines.length, people !== null);
    let number = 0;
    for (const line of lines) {
      number++;
      bar?.update(number);
      if (line.trim() === "") continue;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (error) {
        failures++;
        io.stdout(JSON.stringify({ error: `not a JSON record: ${(error as Error).message}`, line }) + "\n");
        continue;
      }
      // One in-memory state across the lines, in turn: rotation, open counts and caps carry over.
      const decision = people ? await people.route(options.router, record, { ...routeOptions, id: `line-${number}` }) : match(loaded, options.router, record, { at });
      io.stdout(JSON.stringify(decision) + "\n");
    }
    bar?.stop();
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
  if (people) return printRouted(io, await people.route(options.router, record, { ...routeOptions, id: "record-1" }), options, atNote);
  const decision = match(loaded, options.router, record, { at });
  if (options.format === "json") io.stdout(JSON.stringify(decision, null, 2) + "\n");
  else io.stdout(renderDecisionText(decision, options.router, useColor(io), atNote));
  return 0;
}

function printRouted(io: Io, decision: RoutedDecision, options: MatchOptions, atNote: string): number {
  if (options.format === "json") {
    io.stdout(JSON.stringify(decision, null, 2) + "\n");
    return 0;
  }
  const color = useColor(io);
  const c = pc.createColors(color);
  const peopleKinds = new Set(["step", "candidate", "event"]);
  const matchTrace = decision.trace.filter((entry) => !peopleKinds.has(entry.kind)) as TraceEntry[];
  const peopleTrace = decision.trace.filter((entry) => peopleKinds.has(entry.kind)) as PeopleTraceEntry[];
  const matched: Decision = { outcome: decision.outcome, rule: decision.rule, priority: decision.priority, target: decision.target, fallbacks: decision.fallbacks, trace: matchTrace, at: decision.at };
  const lines = [renderDecisionText(matched, options.router!, color, atNote).trimEnd()];
  const assignee = decision.assignee;
  const who = assignee.kind === "offered" ? `offered to ${decision.offeredTo.join(", ")}` : assignee.id === undefined ? assignee.kind : `${assignee.kind} ${assignee.id}`;
  lines.push(`${c.bold("assignee")}  ${assignee.kind === "unassigned" ? c.yellow(who) : c.green(who)}${decision.placedBy ? ` (${decision.step}: ${describeTarget(decision.placedBy)})` : ""}`);
  if (decision.notified.length > 0) lines.push(`${c.bold("notified")}  ${decision.notified.join(", ")}`);
  if (decision.slaDeadline) lines.push(`${c.bold("sla due")}   ${decision.slaDeadline}`);
  if (peopleTrace.length > 0) {
    lines.push(c.bold("people"));
    for (const entry of peopleTrace) {
      if (entry.kind === "step") lines.push(`  ${entry.placed ? c.green("placed") : c.dim("tried ")} ${entry.step}: ${describeTarget(entry.target)}`);
      else if (entry.kind === "candidate") lines.push(`    ${entry.chosen ? c.green("chosen") : c.dim("not   ")} ${entry.rep}: ${entry.why}`);
      else lines.push(`  ${c.yellow(entry.event)} ${entry.message}`);
    }
  }
  io.stdout(lines.join("\n") + "\n");
  return 0;
}

/** A progress bar on stderr, only for a terminal and a long input (piped output stays clean). */
function progressBar(io: Io, total: number, assigning: boolean): cliProgress.SingleBar | null {
  if (!assigning || total < PROGRESS_THRESHOLD || !io.isTTY || !process.stderr.isTTY) return null;
  const bar = new cliProgress.SingleBar({ stream: process.stderr, format: "routing {bar} {value}/{total} leads", hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  bar.start(total, 0);
  return bar;
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
