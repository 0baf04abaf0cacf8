// The checker's shared state: the program being built, each file's scope, the
// diagnostics sink, and name resolution with did-you-mean. Every check module
// takes a `Checker` and a `Unit` (the file whose scope applies).

import type { Diagnostic, Span } from "../diagnostics/diagnostic";
import type { Name, SourceFile } from "../syntax/ast";
import type { FieldType, Program } from "./model";
import { unknownName } from "./report";
import { kindNoun, type DeclarationKind, type Scope, type ScopeEntry } from "./scope";
import { suggestName } from "./suggest";

/** One loaded file as the checker sees it. */
export interface Unit {
  path: string;
  text: string;
  file: SourceFile;
  scope: Scope;
  isEntry: boolean;
}

/** A record as declared, with unresolved field types kept as null so that tests on them stay silent. */
export interface RecordInfo {
  name: string;
  unit: Unit;
  fields: Map<string, { type: FieldType | null; span: Span }>;
}

/** Checks a score's use under a router's record; set by the score module (see scores.ts). */
export type ScoreUseHook = (score: string, record: string | null, use: Span, stack: readonly string[]) => void;

export class Checker {
  readonly records = new Map<string, RecordInfo>();
  scoreUse: ScoreUseHook = () => {};
  private sink: Diagnostic[] = [];

  constructor(
    readonly program: Program,
    readonly units: Unit[],
  ) {}

  get diagnostics(): Diagnostic[] {
    return this.sink;
  }

  report(diagnostic: Diagnostic): void {
    this.sink.push(diagnostic);
  }

  /** Runs `work` collecting its diagnostics apart instead of reporting them. */
  capture<T>(work: () => T): { value: T; diagnostics: Diagnostic[] } {
    const saved = this.sink;
    const captured: Diagnostic[] = [];
    this.sink = captured;
    try {
      return { value: work(), diagnostics: captured };
    } finally {
      this.sink = saved;
    }
  }

  unitOf(path: string): Unit | undefined {
    return this.units.find((unit) => unit.path === path);
  }

  /** The declaration a name refers to in `unit`'s scope (the first, when it is declared twice). */
  lookup(unit: Unit, name: string): ScopeEntry | undefined {
    return unit.scope.get(name)?.[0];
  }

  /** The declaration of one of `kinds` that a name refers to in `unit`'s scope. */
  lookupKind(unit: Unit, name: string, kinds: readonly DeclarationKind[]): ScopeEntry | undefined {
    return unit.scope.get(name)?.find((entry) => kinds.includes(entry.kind));
  }

  /** Names of the given kinds visible in `unit`. */
  namesOf(unit: Unit, kinds: readonly DeclarationKind[]): string[] {
    const names: string[] = [];
    for (const [name, entries] of unit.scope) {
      if (entries.some((entry) => kinds.includes(entry.kind))) names.push(name);
    }
    return names;
  }

  /**
   * Resolves `name` to a declaration of one of `kinds`, or reports
   * `unknown-name` ("unknown team `x`") and returns undefined.
   */
  resolve(unit: Unit, name: Name, kinds: readonly DeclarationKind[]): string | undefined {
    // A name declared twice (already a `duplicate-name`) still resolves to the declaration of the wanted kind.
    if (this.lookupKind(unit, name.text, kinds)) return name.text;
    const entry = this.lookup(unit, name.text);
    const noun = kinds.map((kind) => kindNoun[kind]).join(" or ");
    const candidates = this.namesOf(unit, kinds);
    const otherKind =
      entry && !suggestName(name.text, candidates) ? `\`${name.text}\` is ${article(kindNoun[entry.kind])}, not ${article(noun)}` : undefined;
    this.report(unknownName(name.span, name.text, `unknown ${noun} \`${name.text}\``, candidates, "unknown-name", otherKind));
    return undefined;
  }

  /** Source text of a span in `unit`. */
  slice(unit: Unit, span: Span): string {
    return unit.text.slice(span.start, span.end);
  }
}

/** "a rep", "an enum", "hours" (a mass noun takes no article). */
function article(noun: string): string {
  if (noun === "hours") return "hours";
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
