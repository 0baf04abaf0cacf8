// `match`: which rule takes a record (brief §6.1). Pure and total: scores
// first, then enabled rules in order, first match wins; `otherwise` or
// "unmatched". Never throws — a bug becomes an "unmatched" decision with a note.
// With a decision index the rule is found by lookup (runtime/indexed-match.ts)
// and the trace is the rule walk's, computed when first read
// (runtime/match-decision.ts).

import { localTime, parseInstant, type LocalTime } from "./calendar";
import type { EvalContext } from "./conditions";
import { lookup, type LoadedIndex } from "./indexed-match";
import { MatchDecision, setExplain } from "./match-decision";
import { compiledOf, type CompiledRouter, type CompiledTable, type LoadedTable } from "./loaded-table";
import type { Target, TraceEntry } from "./table-format";
import { describe, isObject } from "./text";

export interface MatchOptions {
  /** The routing instant for `within`; without one, `within` is false (the caller decides what "now" is). */
  at?: Date | string | null;
}

export function match(table: LoadedTable, routerId: string, record: unknown, options?: MatchOptions): MatchDecision {
  try {
    return matchIndexed(table, routerId, record, options) ?? walk(table, routerId, record, options);
  } catch (error) {
    return walk(table, routerId, record, options);
  }
}

// A decision the index found computes its trace, when read, by the walk.
setExplain((table, routerId, record, options) => walk(table as LoadedTable, routerId, record, options as MatchOptions | undefined).trace);

/** The rule walk, which also writes the full trace; never throws. */
function walk(table: LoadedTable, routerId: string, record: unknown, options: MatchOptions | undefined): MatchDecision {
  const trace: TraceEntry[] = [];
  try {
    return matchRecord(table, routerId, record, options, trace);
  } catch (error) {
    trace.push({ kind: "note", message: `internal error while matching (please report): ${error instanceof Error ? error.message : String(error)}` });
    return unmatched(trace, null);
  }
}

/**
 * The table and router of the last indexed match: a service routes record
 * after record through one router, and finding them again (a WeakMap and a
 * Map lookup) cost about a tenth of a match. Loaded tables never change.
 * NOTE: this keeps the last table matched alive until another is matched —
 * one table at most, after a service swaps in a new version.
 */
let lastTable: unknown = null;
let lastRouterId: unknown = null;
let lastCompiled: CompiledTable | null = null;
let lastRouter: CompiledRouter | null = null;

const noScores = { instant: null as Date | null, score: (): number => 0 };
const noInstant = { instant: null, problem: null };
const neverVerified = (): boolean => true;

/**
 * The decision by index lookup, or null when the walk must decide: no index,
 * coercion on, an unknown router, a record that is not an object or an
 * unusable instant (cases whose trace notes are the point).
 */
function matchIndexed(table: LoadedTable, routerId: string, record: unknown, options: MatchOptions | undefined): MatchDecision | null {
  if (!isObject(record)) return null;
  let router: CompiledRouter | undefined;
  let compiled: CompiledTable | null;
  if (table === lastTable && routerId === lastRouterId) {
    compiled = lastCompiled!;
    router = lastRouter!;
  } else {
    compiled = compiledOf(table);
    if (compiled === null || compiled.coerce) return null;
    router = compiled.routers.get(routerId);
    if (!router?.index) return null;
    lastTable = table;
    lastRouterId = routerId;
    lastCompiled = compiled;
    lastRouter = router;
  }
  const index = router.index!;
  const given = options === undefined ? noInstant : parseInstant(isObject(options) ? options.at : undefined);
  if (given.problem) return null;
  const instant = given.instant;
  const holds = index.verify === null ? neverVerified : (position: number) => router.rules[position]!.condition(contextOf(compiled, router, record, instant)).holds;
  const position = lookup(index, record, stateFor(compiled, router, index, record, instant), holds);
  if (position === -2) return null;
  const at = instant === null ? null : instant.toISOString();
  // The trace is the walk's, computed only if someone reads it.
  if (position >= 0) {
    const outcomes = router.outcomes;
    const slot = position * 4;
    const fallbacks = outcomes[slot + 3] as Target[] | null;
    return new MatchDecision("rule", outcomes[slot] as string, outcomes[slot + 1] as number, outcomes[slot + 2] as Target, fallbacks === null ? [] : copied(fallbacks), at, null, table, routerId, record, options);
  }
  const otherwise = router.router.otherwise;
  if (otherwise === null) return new MatchDecision("unmatched", null, null, null, [], at, null, table, routerId, record, options);
  return new MatchDecision("otherwise", null, null, otherwise.assign, copied(otherwise.fallbacks), at, null, table, routerId, record, options);
}

function stateFor(compiled: CompiledTable, router: CompiledRouter, index: LoadedIndex, record: Record<string, unknown>, instant: Date | null) {
  if (!index.usesScores) {
    noScores.instant = instant;
    return noScores;
  }
  let context: EvalContext | null = null;
  return { instant, score: (id: string) => (context ??= contextOf(compiled, router, record, instant)).score(id) };
}

/** A scratch context for scores and verified rows: its notes are dropped (the trace comes from the walk). */
function contextOf(compiled: CompiledTable, router: CompiledRouter, record: Record<string, unknown>, instant: Date | null): EvalContext {
  return evalContext(compiled, router, record, instant, false, []);
}

function matchRecord(table: LoadedTable, routerId: string, record: unknown, options: MatchOptions | undefined, trace: TraceEntry[]): MatchDecision {
  const compiled = compiledOf(table);
  const given = parseInstant(isObject(options) ? options.at : undefined);
  const at = given.instant?.toISOString() ?? null;
  if (given.problem) trace.push({ kind: "note", message: `${given.problem}; \`within\` tests are false` });
  if (compiled === null) {
    trace.push({ kind: "note", message: "this is not a table returned by loadTable; nothing can match" });
    return unmatched(trace, at);
  }
  const router = typeof routerId === "string" ? compiled.routers.get(routerId) : undefined;
  if (router === undefined) {
    const known = [...compiled.routers.keys()].map((id) => JSON.stringify(id)).join(", ");
    trace.push({ kind: "note", message: `unknown router ${JSON.stringify(routerId)}; the table has ${known || "no routers"}` });
    return unmatched(trace, at);
  }
  if (!isObject(record)) trace.push({ kind: "note", message: `the record is not an object (got ${describe(record)}); every field counts as missing` });
  const context = evalContext(compiled, router, isObject(record) ? record : null, given.instant, given.problem !== null, trace);

  for (const score of router.scoreOrder) trace.push({ kind: "score", score, value: context.score(score) });
  for (const { rule, condition } of router.rules) {
    if (!rule.enabled) {
      trace.push({ kind: "skipped", rule: rule.name, why: "disabled" });
      continue;
    }
    const verdict = condition(context);
    if (verdict.holds) {
      trace.push({ kind: "rule", rule: rule.name, matched: true });
      return walked("rule", rule.name, rule.priority, rule.assign, rule.fallbacks, at, trace);
    }
    trace.push({ kind: "rule", rule: rule.name, matched: false, failed: { test: verdict.test, value: verdict.value } });
  }
  const otherwise = router.router.otherwise;
  if (otherwise === null) return unmatched(trace, at);
  trace.push({ kind: "otherwise" });
  return walked("otherwise", null, null, otherwise.assign, otherwise.fallbacks, at, trace);
}

/** A caller's own copy of a table array. A loop, because slice() on a frozen array takes V8's slow path (~100 ns). */
function copied<T>(items: readonly T[]): T[] {
  const copy: T[] = [];
  for (let i = 0; i < items.length; i++) copy.push(items[i]!);
  return copy;
}

function unmatched(trace: TraceEntry[], at: string | null): MatchDecision {
  return walked("unmatched", null, null, null, [], at, trace);
}

/** A decision the walk made, with its trace already written. */
function walked(outcome: MatchDecision["outcome"], rule: string | null, priority: number | null, target: Target | null, fallbacks: readonly Target[], at: string | null, trace: TraceEntry[]): MatchDecision {
  return new MatchDecision(outcome, rule, priority, target, copied(fallbacks), at, trace, null, "", null, null);
}

/** The state of one match: cached field values, scores and local times, and the trace notes go to. */
export function evalContext(
  compiled: CompiledTable,
  router: CompiledRouter,
  record: Record<string, unknown> | null,
  instant: Date | null,
  instantInvalid: boolean,
  trace: TraceEntry[],
): EvalContext {
  const scores = new Map<string, number>();
  const locals = new Map<string, LocalTime>();
  const noted = new Set<string>();
  const context: EvalContext = {
    record,
    values: new Map(),
    coerce: compiled.coerce,
    enumWires: compiled.enumWires,
    repHandles: compiled.repHandles,
    note(field, message) {
      const key = `${field}\u0000${message}`;
      if (noted.has(key)) return;
      noted.add(key);
      trace.push(field === null ? { kind: "note", message } : { kind: "note", field, message });
    },
    instant,
    instantInvalid,
    notedWithin: new Set(),
    local(zone) {
      let local = locals.get(zone);
      if (!local) {
        local = localTime(instant!, zone);
        locals.set(zone, local);
      }
      return local;
    },
    score(id) {
      const cached = scores.get(id);
      if (cached !== undefined) return cached;
      // A score is never missing: a line whose condition does not hold adds 0.
      let sum = 0;
      for (const line of router.scores.get(id) ?? []) if (line.condition(context).holds) sum += line.weight;
      scores.set(id, sum);
      return sum;
    },
  };
  return context;
}
