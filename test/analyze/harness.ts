// Shared helpers for the analysis tests: check a text into a program, and
// replay an example record through the reference evaluator, rule by rule.

import { hasErrors } from "../../language/diagnostics/diagnostic";
import { checkProgram } from "../../language/semantics/check";
import { evaluate } from "../../language/semantics/evaluate";
import type { Program, RecordValue } from "../../language/semantics/model";
import { MemoryHost, splitFiles } from "../harness/memory-host";

export function programOf(text: string, folder = "/t"): Program {
  const result = checkProgram(`${folder}/main.route`, new MemoryHost(splitFiles(text, folder)));
  if (hasErrors(result.diagnostics)) {
    throw new Error(`program has errors:\n${result.diagnostics.map((d) => `${d.code}: ${d.message}`).join("\n")}\n${text}`);
  }
  return result.value;
}

/** Whether rule `index` of the router holds for the record on its own (ignoring earlier rules). */
export function ruleHolds(program: Program, routerId: string, index: number, record: RecordValue, at: string | null): boolean {
  const router = program.routers.get(routerId)!;
  const rule = { ...router.rules[index]!, enabled: true };
  const single = { ...router, id: "__single", rules: [rule], otherwise: null };
  const copy: Program = { ...program, routers: new Map([...program.routers, ["__single", single]]) };
  return evaluate(copy, "__single", record, { at: at ? new Date(at) : null }).outcome === "rule";
}

/** The rule index (or null) the router picks for the record. */
export function firstMatch(program: Program, routerId: string, record: RecordValue, at: string | null): number | null {
  return evaluate(program, routerId, record, { at: at ? new Date(at) : null }).ruleIndex;
}
