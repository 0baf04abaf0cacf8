// Scores: weights and conditions, `score-cycle`, and scores without `for`,
// which are checked against the record of each router that uses them with
// the errors reported at the use.

import type { Diagnostic, Span } from "../diagnostics/diagnostic";
import type { Condition, ScoreDecl } from "../syntax/ast";
import { checkCondition } from "./conditions";
import type { Checker, Unit } from "./context";
import type { ScoreModel } from "./model";
import { makeDiagnostic } from "./report";

interface ScoreEntry {
  declaration: ScoreDecl;
  unit: Unit;
}

/** Checks every score declaration and installs the hook that checks their uses. Returns a finisher to run after routers. */
export function checkScores(checker: Checker): () => void {
  const first = new Map<string, ScoreEntry>();
  const all: ScoreEntry[] = [];
  for (const unit of checker.units) {
    for (const declaration of unit.file.declarations) {
      if (declaration.kind !== "score") continue;
      const entry = { declaration, unit };
      all.push(entry);
      if (!first.has(declaration.name.text)) first.set(declaration.name.text, entry);
    }
  }

  reportCycles(checker, all);

  /** Diagnostics the standalone check already reported, so a use does not repeat them. */
  const standalone = new Set<string>();
  /** The record each `for`-less score was first used with, to build its model. */
  const firstUse = new Map<string, string>();
  const perRecord = new Map<string, Diagnostic[]>();

  checker.scoreUse = (score, record, use, stack) => {
    if (stack.includes(score)) return; // a cycle: reported once as `score-cycle`
    const entry = first.get(score);
    if (!entry || record === null) return;
    const written = entry.declaration.record?.text;
    if (written !== undefined) {
      if (written !== record && checker.records.has(written)) {
        checker.report(makeDiagnostic("type-mismatch", use, `score \`${score}\` is for \`${written}\` records, but this reads \`${record}\` records`));
      }
      return;
    }
    if (!firstUse.has(score)) firstUse.set(score, record);
    const memoKey = `${score}\u0000${record}\u0000${stack.join(",")}`;
    let found = perRecord.get(memoKey);
    if (!found) {
      found = checker.capture(() => buildModel(checker, entry, record, [...stack, score])).diagnostics.filter((d) => !standalone.has(key(d)));
      perRecord.set(memoKey, found);
    }
    for (const diagnostic of found) checker.report(atUse(diagnostic, score, record, use));
  };

  // Scores without `for` first, so their own findings are known before another score's use repeats them.
  const ordered = [...all.filter((entry) => !entry.declaration.record), ...all.filter((entry) => entry.declaration.record)];
  for (const entry of ordered) {
    const record = entry.declaration.record ? checker.resolve(entry.unit, entry.declaration.record, ["record"]) ?? null : null;
    const { value, diagnostics } = checker.capture(() => buildModel(checker, entry, record, [entry.declaration.name.text]));
    for (const diagnostic of diagnostics) {
      standalone.add(key(diagnostic));
      checker.report(diagnostic);
    }
    if (first.get(entry.declaration.name.text) === entry) checker.program.scores.set(value.id, value);
  }

  return () => {
    // A score without `for` reads whatever record its router routes; its model takes the first user's.
    for (const [score, record] of firstUse) {
      const entry = first.get(score)!;
      const model = checker.capture(() => buildModel(checker, entry, record, [score])).value;
      checker.program.scores.set(score, model);
    }
  };
}

function buildModel(checker: Checker, entry: ScoreEntry, record: string | null, stack: string[]): ScoreModel {
  const { declaration, unit } = entry;
  return {
    id: declaration.name.text,
    record: declaration.record?.text ?? null,
    lines: declaration.lines.map((line) => ({
      weight: line.sign === "-" ? -line.weight.value : line.weight.value,
      condition: checkCondition(checker, { unit, record, scores: stack }, line.condition),
      span: line.span,
    })),
    span: declaration.span,
  };
}

function key(diagnostic: Diagnostic): string {
  return `${diagnostic.code}|${diagnostic.span.file}|${diagnostic.span.start}|${diagnostic.span.end}|${diagnostic.message}`;
}

function atUse(diagnostic: Diagnostic, score: string, record: string, use: Span): Diagnostic {
  return {
    code: diagnostic.code,
    severity: diagnostic.severity,
    message: `in score \`${score}\` (reading \`${record}\` records): ${diagnostic.message}`,
    span: use,
    labels: [{ span: diagnostic.span, message: "here in the score" }, ...(diagnostic.labels ?? [])],
    ...(diagnostic.help ? { help: diagnostic.help } : {}),
  };
}

/** `score-cycle` on each score that depends on itself, naming the loop. */
function reportCycles(checker: Checker, all: ScoreEntry[]): void {
  const edges = new Map<string, string[]>();
  for (const { declaration, unit } of all) {
    if (edges.has(declaration.name.text)) continue;
    const record = declaration.record ? checker.records.get(declaration.record.text) : undefined;
    const used = new Set<string>();
    const visit = (condition: Condition): void => {
      switch (condition.kind) {
        case "or":
        case "and":
          condition.items.forEach(visit);
          return;
        case "not":
          visit(condition.operand);
          return;
        case "paren":
          visit(condition.inner);
          return;
        case "test": {
          const segments = condition.subject.segments;
          const name = segments[0]?.text;
          if (segments.length !== 1 || name === undefined || record?.fields.has(name)) return;
          if (checker.lookupKind(unit, name, ["score"])) used.add(name);
          return;
        }
        default:
          return;
      }
    };
    for (const line of declaration.lines) visit(line.condition);
    edges.set(declaration.name.text, [...used]);
  }
  for (const { declaration } of all) {
    const start = declaration.name.text;
    const path = loopFrom(start, edges);
    if (!path) continue;
    checker.report(
      makeDiagnostic("score-cycle", declaration.name.span, `score \`${start}\` depends on itself: ${path.map((p) => `\`${p}\``).join(" uses ")}`, {
        help: "a score may use other scores, but not in a loop",
      }),
    );
  }
}

/** The shortest path start → … → start, or undefined. */
function loopFrom(start: string, edges: Map<string, string[]>): string[] | undefined {
  const previous = new Map<string, string>();
  const queue: string[] = [start];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const next of edges.get(current) ?? []) {
      if (next === start) {
        const path = [start];
        for (let node = current; node !== start; node = previous.get(node)!) path.splice(1, 0, node);
        path.push(start);
        return path;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      previous.set(next, current);
      queue.push(next);
    }
  }
  return undefined;
}
