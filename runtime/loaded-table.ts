// A validated table with everything matching needs precomputed: enum wire
// maps, rep handles, typed field paths and compiled conditions per router.
// Hosts see only `table` and `coerce`; the rest stays behind a WeakMap.

import { compileCondition, type CompileEnv, type Evaluator } from "./conditions";
import { loadIndex, type LoadedIndex } from "./indexed-match";
import type { Condition, FieldType, Table, TableRouter, TableRule } from "./table-format";
import { fold } from "./text";
import type { PathReader } from "./values";

export interface LoadedTable {
  readonly table: Table;
  readonly coerce: boolean;
}

export interface CompiledRouter {
  id: string;
  router: TableRouter;
  /** Scores the enabled rules use, directly or through other scores, dependencies first. */
  scoreOrder: string[];
  scores: Map<string, { weight: number; condition: Evaluator }[]>;
  rules: { rule: TableRule; condition: Evaluator }[];
  reader(path: string[]): PathReader;
  /** The router's decision index as bitsets; null when the table carries none. */
  index: LoadedIndex | null;
  /**
   * Per rule position, four slots: its name, priority, target and fallbacks
   * (null when none). One flat array, so building a decision reads one cache
   * line instead of chasing rule objects spread over the heap.
   */
  outcomes: unknown[];
}

export interface CompiledTable {
  table: Table;
  coerce: boolean;
  enumWires: Map<string, Map<string, string>>;
  repHandles: Map<string, string>;
  routers: Map<string, CompiledRouter>;
}

const compiled = new WeakMap<object, CompiledTable>();

/** The precomputed form of a table `loadTable` returned; null for anything else. */
export function compiledOf(loaded: unknown): CompiledTable | null {
  return typeof loaded === "object" && loaded !== null ? (compiled.get(loaded) ?? null) : null;
}

/** INVARIANT: `table` passed validation, so every reference and path resolves. */
export function buildLoadedTable(table: Table, coerce: boolean): LoadedTable {
  const enumWires = new Map<string, Map<string, string>>();
  for (const [name, declared] of Object.entries(table.enums)) {
    enumWires.set(name, new Map(declared.members.map((member) => [fold(member.wire), member.name])));
  }
  const repHandles = new Map<string, string>();
  for (const [id, rep] of Object.entries(table.roster.reps)) {
    for (const handle of [id, ...(rep.email === null ? [] : [rep.email]), ...rep.ids]) repHandles.set(fold(handle), id);
  }
  const routers = new Map<string, CompiledRouter>();
  for (const [id, router] of Object.entries(table.routers)) routers.set(id, compileRouter(id, router, table, enumWires, repHandles));
  const loaded: LoadedTable = Object.freeze({ table, coerce });
  compiled.set(loaded, { table, coerce, enumWires, repHandles, routers });
  return loaded;
}

function compileRouter(id: string, router: TableRouter, table: Table, enumWires: Map<string, Map<string, string>>, repHandles: Map<string, string>): CompiledRouter {
  const readers = new Map<string, PathReader>();
  const reader = (path: string[]): PathReader => {
    const key = path.join("\u0000");
    let found = readers.get(key);
    if (!found) {
      found = { key, segments: path, types: typesAlong(table, router.record, path), text: path.join(".") };
      readers.set(key, found);
    }
    return found;
  };
  const env: CompileEnv = { reader, hours: table.hours };
  const rules = router.rules.map((rule) => ({ rule, condition: compileCondition(rule.condition, env) }));
  const scoreOrder = usedScores(router.rules.filter((rule) => rule.enabled).map((rule) => rule.condition), table);
  const scores = new Map(
    scoreOrder.map((score) => [score, table.scores[score]!.lines.map((line) => ({ weight: line.weight, condition: compileCondition(line.condition, env) }))]),
  );
  const index = router.index ? loadIndex(router.index, { table, record: router.record, enumWires, repHandles }) : null;
  const outcomes = router.rules.flatMap((rule) => [rule.name, rule.priority, rule.assign, rule.fallbacks.length === 0 ? null : rule.fallbacks]);
  return { id, router, scoreOrder, scores, rules, reader, index, outcomes };
}

function typesAlong(table: Table, record: string, path: string[]): FieldType[] {
  const types: FieldType[] = [];
  let current = record;
  for (const segment of path) {
    const type = table.records[current]!.fields[segment]!;
    types.push(type);
    if (type.type === "record") current = type.record;
  }
  return types;
}

/** Scores reachable from the conditions, in an order where a score comes after the scores it uses. */
function usedScores(conditions: Condition[], table: Table): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visitScore = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const line of table.scores[id]!.lines) visit(line.condition);
    order.push(id);
  };
  const visit = (condition: Condition): void => {
    switch (condition.op) {
      case "and":
        return condition.all.forEach(visit);
      case "or":
        return condition.any.forEach(visit);
      case "not":
        return visit(condition.cond);
      case "true":
      case "within":
        return;
      default:
        if ("score" in condition) visitScore(condition.score);
    }
  };
  conditions.forEach(visit);
  return order;
}
