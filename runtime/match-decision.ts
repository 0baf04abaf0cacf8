// The object `match` returns. Its data members are own fields; `trace` is a
// getter on the class, so a decision the index found costs no rule walk
// until someone reads why. `toJSON` writes every member in the brief's §9
// order, trace included, so logging a decision needs nothing special.

import type { Decision, TraceEntry } from "./table-format";

/** Computes a trace on first read (the rule walk) from what `match` was given; called at most once per decision. */
export type Explain = (table: unknown, routerId: string, record: unknown, options: unknown) => TraceEntry[];

/** The rule walk, set once by runtime/match.ts (which imports this file, not the other way round). */
let explain: Explain = () => [];

export function setExplain(walk: Explain): void {
  explain = walk;
}


export class MatchDecision implements Decision {
  outcome: Decision["outcome"];
  rule: string | null;
  priority: number | null;
  target: Decision["target"];
  fallbacks: Decision["fallbacks"];
  at: string | null;
  /** Null until first read when the index decided: then the walk computes it from the fields below. */
  #trace: TraceEntry[] | null;
  // What a lazy trace is computed from, as fields: a closure and its context would cost two allocations per decision.
  #table: unknown;
  #routerId: string;
  #record: unknown;
  #options: unknown;

  constructor(
    outcome: Decision["outcome"],
    rule: string | null,
    priority: number | null,
    target: Decision["target"],
    fallbacks: Decision["fallbacks"],
    at: string | null,
    trace: TraceEntry[] | null,
    table: unknown,
    routerId: string,
    record: unknown,
    options: unknown,
  ) {
    this.outcome = outcome;
    this.rule = rule;
    this.priority = priority;
    this.target = target;
    this.fallbacks = fallbacks;
    this.at = at;
    this.#trace = trace;
    this.#table = table;
    this.#routerId = routerId;
    this.#record = record;
    this.#options = options;
  }

  /** Why: each rule tried, each test that failed and on which value. NOTE: a lazy trace explains the record as it is when first read. */
  get trace(): TraceEntry[] {
    if (this.#trace === null) {
      this.#trace = explain(this.#table, this.#routerId, this.#record, this.#options);
      this.#table = this.#record = this.#options = null;
    }
    return this.#trace;
  }

  set trace(value: TraceEntry[]) {
    this.#table = this.#record = this.#options = null;
    this.#trace = value;
  }

  /** A plain copy with the trace, for JSON, structuredClone or spreading. */
  toJSON(): Decision {
    return { outcome: this.outcome, rule: this.rule, priority: this.priority, target: this.target, fallbacks: this.fallbacks, trace: this.trace, at: this.at };
  }
}
