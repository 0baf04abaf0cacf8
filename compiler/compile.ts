// compile: the checked model → the JSON decision table (runtime/table-format).
// Deterministic: declarations sorted by name, members in declaration order,
// and `hash` the SHA-256 of the canonical JSON of everything else.

import { relative, sep } from "node:path";
import type { Diagnostic, Result, Span } from "../language/diagnostics/diagnostic";
import { LineIndex } from "../language/diagnostics/line-index";
import type { Program } from "../language/semantics/model";
import {
  TABLE_FORMAT,
  type SourceLocation,
  type Table,
  type TableEnum,
  type TableHours,
  type TableList,
  type TableRecord,
  type TableRep,
  type TableRouter,
  type TableScore,
  type TableTeam,
  type FieldType,
} from "../runtime/table-format";
import { hashTable } from "./hash";
import { indexRouter } from "./table-index/build";
import { lowerCondition, lowerOutcome, RefusedModel } from "./lower";

export interface CompileOptions {
  /** Paths in the table (`source`, each rule's `source.file`) are written relative to this folder. */
  root?: string;
  /**
   * A source file's text, to turn rule spans into lines and columns. Without it the compiler uses
   * `SourceFile.text` when the parser kept it, and otherwise writes line and column 0 ("unknown").
   * NOTE: the compiler never reads the disk itself (only compiler/cli does); pass the checker's host.
   */
  readFile?: (path: string) => string | undefined;
  /** Attach a decision index to every router (default true); without it the runtime walks the rules. */
  index?: boolean;
}

/** Lowers an error-free program to a table. A program the checker would reject yields null and an `internal-error`. */
export function compile(program: Program, options: CompileOptions = {}): Result<Table | null> {
  try {
    return { value: compileOrRefuse(program, options), diagnostics: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const span: Span = program.files[0]?.span ?? { file: program.entry, start: 0, end: 0 };
    const diagnostic: Diagnostic = {
      code: "internal-error",
      severity: "error",
      message: `the compiler could not build a table: ${message}`,
      span,
      help: "please report this with the file that caused it",
    };
    return { value: null, diagnostics: [diagnostic] };
  }
}

function compileOrRefuse(program: Program, options: CompileOptions): Table {
  const locate = sourceLocator(program, options);
  const displayPath = (path: string) => relativePath(path, options.root);

  const enums: Record<string, TableEnum> = named();
  for (const name of sortedKeys(program.enums)) {
    enums[name] = { members: program.enums.get(name)!.members.map((member) => ({ name: member.name, wire: member.wire })) };
  }

  const lists: Record<string, TableList> = named();
  for (const name of sortedKeys(program.lists)) {
    const list = program.lists.get(name)!;
    if (list.type === null) throw new RefusedModel(`list \`${name}\` has items of mixed types`);
    lists[name] = { type: { ...list.type }, items: [...list.items] };
  }

  const records: Record<string, TableRecord> = named();
  for (const name of sortedKeys(program.records)) {
    const fields: Record<string, FieldType> = named();
    for (const [field, type] of program.records.get(name)!.fields) fields[field] = lowerFieldType(type);
    records[name] = { fields };
  }

  const hours: Record<string, TableHours> = named();
  for (const id of sortedKeys(program.hours)) {
    const calendar = program.hours.get(id)!;
    hours[id] = {
      timezone: calendar.timezone,
      windows: calendar.windows.map((window) => ({ day: window.day, start: window.start, end: window.end })),
      closed: [...calendar.closed],
    };
  }

  const scores: Record<string, TableScore> = named();
  for (const id of sortedKeys(program.scores)) {
    scores[id] = {
      lines: program.scores.get(id)!.lines.map((line) => ({ weight: line.weight, condition: lowerCondition(line.condition) })),
    };
  }

  const reps: Record<string, TableRep> = named();
  for (const id of sortedKeys(program.reps)) {
    const rep = program.reps.get(id)!;
    reps[id] = {
      name: rep.name,
      email: rep.email,
      ids: [...rep.ids],
      skills: [...rep.skills],
      languages: [...rep.languages],
      region: rep.region,
      hours: rep.hours,
      capacity: rep.capacity,
      caps: rep.caps.map((cap) => ({ count: cap.count, period: cap.period })),
      weight: rep.weight,
      manager: rep.manager,
      unavailable: rep.unavailable.map((range) => ({ from: range.from, to: range.to })),
    };
  }

  const teams: Record<string, TableTeam> = named();
  for (const id of sortedKeys(program.teams)) {
    teams[id] = { members: program.teams.get(id)!.members.map((member) => ({ rep: member.rep, weight: member.weight })) };
  }

  const routers: Record<string, TableRouter> = named();
  for (const id of sortedKeys(program.routers)) {
    const router = program.routers.get(id)!;
    routers[id] = {
      record: router.record,
      rules: router.rules.map((rule) => {
        const outcome = lowerOutcome(rule, locate(rule.header));
        return {
          name: rule.name,
          enabled: rule.enabled,
          priority: rule.priority,
          condition: lowerCondition(rule.condition),
          ...outcome,
        };
      }),
      otherwise: router.otherwise ? lowerOutcome(router.otherwise, locate(router.otherwise.header)) : null,
    };
  }

  const withoutHash = {
    format: TABLE_FORMAT as typeof TABLE_FORMAT,
    source: { entry: displayPath(program.entry), files: program.files.map((file) => displayPath(file.path)) },
    enums,
    lists,
    records,
    hours,
    scores,
    roster: { reps, teams, queues: sortedKeys(program.queues) },
    routers,
  };
  if (options.index !== false) {
    for (const router of Object.values(routers)) router.index = indexRouter(withoutHash as Omit<Table, "hash"> as Table, router);
  }
  const hash = hashTable(withoutHash);
  const { format, ...rest } = withoutHash;
  return { format, hash, ...rest };
}

function lowerFieldType(type: FieldType & { span?: unknown }): FieldType {
  const { span: _span, ...rest } = type;
  return JSON.parse(JSON.stringify(rest)) as FieldType;
}

function sortedKeys(map: Map<string, unknown>): string[] {
  return [...map.keys()].sort();
}

/** Turns a span's start into 1-based line and column, finding each file's text once; 0 and 0 when no text is known. */
function sourceLocator(program: Program, options: CompileOptions): (span: Span) => SourceLocation {
  const indexes = new Map<string, LineIndex | null>();
  const textOf = (path: string): string | undefined =>
    options.readFile?.(path) ?? program.files.find((file) => file.path === path)?.text;
  return (span) => {
    let index = indexes.get(span.file);
    if (index === undefined) {
      const text = textOf(span.file);
      index = text === undefined ? null : new LineIndex(text);
      indexes.set(span.file, index);
    }
    const file = relativePath(span.file, options.root);
    if (index === null) return { file, line: 0, column: 0 };
    const position = index.position(span.start);
    return { file, line: position.line, column: position.column };
  };
}

/** `path` relative to `root`, with forward slashes; unchanged without a root. */
function relativePath(path: string, root: string | undefined): string {
  if (root === undefined) return path;
  return relative(root, path).split(sep).join("/");
}

/**
 * An object for user-named keys, without a prototype: a name such as
 * `__proto__` becomes an ordinary key instead of replacing the prototype
 * (JSON writes and reads it as one).
 */
function named<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
