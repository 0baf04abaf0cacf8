// The checker's one entry point: load the entry file and its imports, build
// each file's scope, check every declaration in its own file's scope, and
// return the checked `Program` with every diagnostic, sorted. Never throws.

import { sortDiagnostics, type Diagnostic, type Result } from "../diagnostics/diagnostic";
import type { NamedDeclaration } from "../syntax/ast";
import { Checker, type Unit } from "./context";
import { checkEnum, checkList, checkQueue, checkRep, checkTeam } from "./declarations";
import { evaluate } from "./evaluate";
import { checkHours } from "./hours";
import type { Program } from "./model";
import { internalError, makeDiagnostic } from "./report";
import { checkRouter } from "./routers";
import { buildScopes } from "./scope";
import { checkScores } from "./scores";
import { checkAssert, checkTest } from "./tests";
import { checkRecord } from "./types";
import { loadWorkspace, type FileHost, type ParseCache } from "./workspace";

export type { FileHost } from "./workspace";

export interface CheckOptions {
  /** Reuse parses of unchanged files between checks (the language server keeps one per workspace). */
  cache?: ParseCache;
}

export function checkProgram(entry: string, host: FileHost, options: CheckOptions = {}): Result<Program> {
  const program = emptyProgram(entry);
  let checker: Checker | undefined;
  try {
    const loaded = loadWorkspace(entry, host, options.cache);
    const { scopes, diagnostics: scopeDiagnostics } = buildScopes(loaded.files);
    const units: Unit[] = loaded.files.map((file, index) => ({
      path: file.path,
      text: file.text,
      file: file.file,
      scope: scopes.get(file.path) ?? new Map(),
      isEntry: index === 0,
    }));
    program.files = loaded.files.map((file) => file.file);
    checker = new Checker(program, units);
    for (const diagnostic of [...loaded.diagnostics, ...scopeDiagnostics]) checker.report(diagnostic);
    checkDeclarations(checker);
    return { value: program, diagnostics: finish(checker.diagnostics) };
  } catch (error) {
    const diagnostics = checker ? [...checker.diagnostics] : [];
    diagnostics.push(internalError({ file: entry, start: 0, end: 0 }, "check", error));
    return { value: program, diagnostics: finish(diagnostics) };
  }
}

function checkDeclarations(checker: Checker): void {
  const { program, units } = checker;
  // The first declaration of a name in file order goes into the program's maps; later ones are checked and reported.
  const winners = new Map<string, NamedDeclaration>();
  for (const unit of units) {
    for (const declaration of unit.file.declarations) {
      if (declaration.kind === "test" || declaration.kind === "assert") continue;
      if (!winners.has(declaration.name.text)) winners.set(declaration.name.text, declaration);
    }
  }
  const wins = (declaration: NamedDeclaration) => winners.get(declaration.name.text) === declaration;
  const each = <K extends NamedDeclaration["kind"]>(kind: K, visit: (unit: Unit, declaration: Extract<NamedDeclaration, { kind: K }>) => void) => {
    for (const unit of units) {
      for (const declaration of unit.file.declarations) {
        if (declaration.kind === kind) visit(unit, declaration as Extract<NamedDeclaration, { kind: K }>);
      }
    }
  };

  // Order matters only for what a check reads: enums before records and lists, the roster before routers.
  each("enum", (_unit, declaration) => {
    const model = checkEnum(checker, declaration);
    if (wins(declaration)) program.enums.set(model.name, model);
  });
  each("record", (unit, declaration) => checkRecord(checker, unit, declaration, wins(declaration)));
  each("list", (unit, declaration) => {
    const model = checkList(checker, unit, declaration);
    if (wins(declaration)) program.lists.set(model.name, model);
  });
  each("hours", (_unit, declaration) => {
    const model = checkHours(checker, declaration);
    if (wins(declaration)) program.hours.set(model.id, model);
  });
  each("queue", (_unit, declaration) => {
    if (wins(declaration)) program.queues.set(declaration.name.text, checkQueue(declaration));
  });
  each("rep", (unit, declaration) => {
    const model = checkRep(checker, unit, declaration);
    if (wins(declaration)) program.reps.set(model.id, model);
  });
  each("team", (unit, declaration) => {
    const model = checkTeam(checker, unit, declaration);
    if (wins(declaration)) program.teams.set(model.id, model);
  });
  const finishScores = checkScores(checker);
  each("router", (unit, declaration) => {
    const model = checkRouter(checker, unit, declaration);
    if (wins(declaration)) program.routers.set(model.id, model);
  });
  finishScores();

  for (const unit of units) {
    for (const declaration of unit.file.declarations) {
      if (declaration.kind === "test") {
        const model = checkTest(checker, unit, declaration);
        if (unit.isEntry) program.tests.push(model);
        if (unit.isEntry && model.at === null && program.routers.has(model.router)) {
          reportNeedsInstant(checker, model, declaration.name.span);
        }
      } else if (declaration.kind === "assert") {
        const model = checkAssert(checker, unit, declaration);
        if (unit.isEntry) program.asserts.push(model);
      }
    }
  }
}

/** `test-needs-instant`: the reference evaluator says whether the test's record reaches a `within`/`outside` test. */
function reportNeedsInstant(checker: Checker, test: Program["tests"][number], span: Diagnostic["span"]): void {
  let reached: boolean;
  try {
    reached = evaluate(checker.program, test.router, test.record, { at: null }).reachedWithin;
  } catch (error) {
    checker.report(internalError(span, "check", error));
    return;
  }
  if (!reached) return;
  checker.report(
    makeDiagnostic("test-needs-instant", span, `test "${test.name}" reaches a \`within\` or \`outside\` test, so it needs an \`at\` instant`, {
      help: "add a line such as `at 2026-12-01T09:00Z`",
    }),
  );
}

/**
 * Drops exact repeats (the same finding reached from two scopes) and any
 * finding on exactly the span of a syntax error (one mistake, one message), then sorts.
 */
function finish(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const syntax = new Set(
    diagnostics.filter((d) => d.code === "syntax-error").map((d) => `${d.span.file}|${d.span.start}|${d.span.end}`),
  );
  const unique = diagnostics.filter((diagnostic) => {
    if (diagnostic.code !== "syntax-error" && syntax.has(`${diagnostic.span.file}|${diagnostic.span.start}|${diagnostic.span.end}`)) return false;
    const key = `${diagnostic.code}|${diagnostic.span.file}|${diagnostic.span.start}|${diagnostic.span.end}|${diagnostic.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return sortDiagnostics(unique);
}

export function emptyProgram(entry: string): Program {
  return {
    entry,
    files: [],
    enums: new Map(),
    lists: new Map(),
    records: new Map(),
    reps: new Map(),
    teams: new Map(),
    queues: new Map(),
    hours: new Map(),
    scores: new Map(),
    routers: new Map(),
    tests: [],
    asserts: [],
  };
}
