// A decision as a person reads it: the outcome, the target and fallbacks, and
// the trace of every rule tried with the test that failed and the value seen.

import pc from "picocolors";
import type { Decision, Target, TraceEntry } from "../../runtime/table-format";
import { describeTarget } from "../describe-target";

/** A target as written, with the method for a team (`team x by round robin`). */
export function describeTargetWithMethod(target: Target): string {
  return target.kind === "team" ? `${describeTarget(target)} by ${target.method.replace(/-/g, " ")}` : describeTarget(target);
}

export function renderDecisionText(decision: Decision, routerId: string, color: boolean, atNote: string): string {
  const c = pc.createColors(color);
  const lines: string[] = [];
  lines.push(`${c.bold("router")} ${routerId}${atNote}`);
  const outcome =
    decision.outcome === "rule"
      ? `rule ${JSON.stringify(decision.rule)}${decision.priority === null ? "" : ` (priority ${decision.priority})`}`
      : decision.outcome;
  lines.push(`${c.bold("outcome")}   ${decision.outcome === "unmatched" ? c.yellow(outcome) : c.green(outcome)}`);
  if (decision.target) lines.push(`${c.bold("target")}    ${describeTargetWithMethod(decision.target)}`);
  if (decision.fallbacks.length > 0) lines.push(`${c.bold("fallbacks")} ${decision.fallbacks.map(describeTargetWithMethod).join(", then ")}`);
  if (decision.trace.length > 0) {
    lines.push(c.bold("trace"));
    for (const entry of decision.trace) lines.push(`  ${traceLine(entry, c)}`);
  }
  return lines.join("\n") + "\n";
}

function traceLine(entry: TraceEntry, c: ReturnType<typeof pc.createColors>): string {
  switch (entry.kind) {
    case "rule":
      if (entry.matched) return `${c.green("matched")} rule ${JSON.stringify(entry.rule)}`;
      return (
        `${c.dim("no")}      rule ${JSON.stringify(entry.rule)}` +
        (entry.failed ? c.dim(`: ${entry.failed.test} — was ${showValue(entry.failed.value)}`) : "")
      );
    case "skipped":
      return `${c.dim("skipped")} rule ${JSON.stringify(entry.rule)} (${entry.why})`;
    case "score":
      return `${c.dim("score")}   ${entry.score} = ${entry.value}`;
    case "otherwise":
      return `${c.green("matched")} otherwise`;
    case "note":
      return `${c.yellow("note")}    ${entry.field ? `${entry.field}: ` : ""}${entry.message}`;
  }
}

function showValue(value: unknown): string {
  if (value === undefined || value === "missing") return "missing";
  return JSON.stringify(value);
}
