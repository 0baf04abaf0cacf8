// Builds a router's decision index (runtime/table-format `TableIndex`) from
// its compiled rules: features from every test, each rule's condition expanded
// into rows (one per `or` branch), and per feature the regions each row allows.

import type { Table, TableIndex, TableRouter } from "../../runtime/table-format";
import { FeatureSet, Unindexable, type Formula } from "./features";

/** Above this many rows a rule keeps one verified row: the index narrows, its condition decides. */
export const MAX_ROWS_PER_RULE = 32;

/** A row before numbering: feature → the regions it allows (absent = every region). */
type Term = Map<number, number[]>;

export interface IndexOptions {
  /** Rows one rule may expand to before it keeps a single verified row (default MAX_ROWS_PER_RULE). */
  maxRowsPerRule?: number;
}

/** The table with an index on every router; the input is not changed. */
export function indexTable<T extends Table>(table: T, options: IndexOptions = {}): T {
  const routers: Record<string, TableRouter> = {};
  for (const [id, router] of Object.entries(table.routers)) routers[id] = { ...router, index: indexRouter(table, router, options) };
  return { ...table, routers };
}

export function indexRouter(table: Table, router: TableRouter, options: IndexOptions = {}): TableIndex {
  const limit = options.maxRowsPerRule ?? MAX_ROWS_PER_RULE;
  const features = new FeatureSet(table, router.record);
  const enabled = router.rules.map((rule, position) => ({ rule, position })).filter(({ rule }) => rule.enabled);
  for (const { rule } of enabled) features.collect(rule.condition);
  features.splitSets();
  features.freeze();

  const rows: number[] = [];
  const verify: number[] = [];
  const constraints: number[][][] = features.features().map(() => []);
  for (const { rule, position } of enabled) {
    let terms: Term[] | null;
    try {
      terms = expand(features.formula(rule.condition), false, features, limit);
    } catch (error) {
      if (!(error instanceof Unindexable)) throw error;
      terms = null;
    }
    if (terms === null) {
      verify.push(rows.length);
      rows.push(position);
      continue;
    }
    for (const term of terms) {
      const row = rows.length;
      rows.push(position);
      for (const [feature, regions] of [...term].sort((a, b) => a[0] - b[0])) constraints[feature]!.push([row, ...regions]);
    }
  }
  // `constraints` last, so the table reads feature, then its rows.
  const list = features.features().map(({ constraints: _empty, ...feature }, i) => ({ ...feature, constraints: constraints[i]! }) as TableIndex["features"][number]);
  return { features: list, rows, verify };
}

/**
 * The formula (negated when `negated`) as a disjunction of terms; null when
 * it needs more than `limit` terms. A literal that allows every
 * region of its feature constrains nothing; one that allows none drops its term.
 */
function expand(formula: Formula, negated: boolean, features: FeatureSet, limit: number): Term[] | null {
  switch (formula.kind) {
    case "constant":
      return formula.value !== negated ? [new Map()] : [];
    case "not":
      return expand(formula.item, !negated, features, limit);
    case "literal": {
      const count = features.regionCount(formula.feature);
      let regions = formula.regions;
      if (negated) {
        const allowed = new Set(regions);
        regions = [];
        for (let region = 0; region < count; region++) if (!allowed.has(region)) regions.push(region);
      }
      if (regions.length === 0) return [];
      if (regions.length === count) return [new Map()];
      return [new Map([[formula.feature, regions]])];
    }
    case "and":
    case "or": {
      const conjunction = (formula.kind === "and") !== negated;
      let result: Term[] = conjunction ? [new Map()] : [];
      for (const item of formula.items) {
        const terms = expand(item, negated, features, limit);
        if (terms === null) return null;
        result = conjunction ? product(result, terms) : [...result, ...terms];
        if (result.length > limit) return null;
      }
      return dedupe(result);
    }
  }
}

function product(left: Term[], right: Term[]): Term[] {
  const result: Term[] = [];
  for (const a of left) {
    for (const b of right) {
      const term = meet(a, b);
      if (term !== null) result.push(term);
    }
  }
  return result;
}

/** Both terms at once; null when some feature is left with no region. */
function meet(a: Term, b: Term): Term | null {
  const term: Term = new Map(a);
  for (const [feature, regions] of b) {
    const existing = term.get(feature);
    if (existing === undefined) {
      term.set(feature, regions);
      continue;
    }
    const allowed = new Set(existing);
    const both = regions.filter((region) => allowed.has(region));
    if (both.length === 0) return null;
    term.set(feature, both);
  }
  return term;
}

function dedupe(terms: Term[]): Term[] {
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = JSON.stringify([...term].sort((a, b) => a[0] - b[0]));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
