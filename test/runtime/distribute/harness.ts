// The one place distribution tests build tables: check and compile .route
// fixtures in memory, and hand back a loaded table and a fresh router.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compile } from "../../../compiler/compile";
import { checkProgram } from "../../../language/semantics/check";
import { createRouter, loadTable, type LoadedTable, type Router, type Store } from "../../../runtime/index";
import { MemoryHost } from "../../harness/memory-host";

export const DISTRIBUTE_FIXTURES = fileURLToPath(new URL("../../fixtures/distribute", import.meta.url));

const tables = new Map<string, LoadedTable>();

/** The fixture's table, compiled once per file. */
export function fixtureTable(name: string): LoadedTable {
  let table = tables.get(name);
  if (!table) {
    const text = readFileSync(`${DISTRIBUTE_FIXTURES}/${name}`, "utf8");
    table = tableOf(text);
    tables.set(name, table);
  }
  return table;
}

/** A table from .route text; throws with the checker's errors when the text is not a valid program. */
export function tableOf(text: string): LoadedTable {
  const host = new MemoryHost({ "/fixture/main.route": text });
  const checked = checkProgram("/fixture/main.route", host);
  const errors = checked.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((error) => `${error.code}: ${error.message}`).join("\n"));
  const compiled = compile(checked.value, { root: "/fixture" });
  if (compiled.value === null) throw new Error(compiled.diagnostics.map((d) => d.message).join("\n"));
  return loadTable(compiled.value);
}

export function routerFor(name: string, store?: Store): Router {
  return createRouter(fixtureTable(name), store ? { store } : {});
}

/** Reasons the trace gives for each candidate not chosen, as "rep: why". */
export function whyNot(trace: readonly unknown[]): string[] {
  return trace
    .filter((entry): entry is { kind: "candidate"; rep: string; why: string; chosen: boolean; step: string } => (entry as { kind?: string }).kind === "candidate")
    .filter((entry) => !entry.chosen)
    .map((entry) => `${entry.step} ${entry.rep}: ${entry.why}`);
}
