// Targets of `assign to`, `fallback to`, `also notify`, `escalate to` and
// asserts: teams, reps, queues, actions, `unassigned`, a rep-typed field path
// and `manager of` a path. Methods apply to teams only.

import type { Method, Target } from "../syntax/ast";
import type { Checker, Unit } from "./context";
import type { TargetModel } from "./model";
import { makeDiagnostic } from "./report";
import { describeType, resolvePath } from "./types";

export interface TargetScope {
  unit: Unit;
  /** The router's record; null when unknown (field targets then resolve silently to nothing). */
  record: string | null;
}

/** Resolves a target; null when it does not resolve (a diagnostic was reported unless the record was unknown). */
export function checkTarget(checker: Checker, scope: TargetScope, target: Target, method?: Method): TargetModel | null {
  const model = resolveTarget(checker, scope, target);
  if (method && model && model.kind !== "team") {
    checker.report(
      makeDiagnostic("invalid-target", method.span, `\`by ${method.kind.replace(/-/g, " ")}\` chooses among a team's members, but ${describeTarget(model)} is not a team`, {
        fixes: [{ title: "Remove the method", edits: [{ span: method.span, newText: "" }] }],
      }),
    );
  }
  if (model?.kind === "team" && method) model.method = method.kind;
  return model;
}

function resolveTarget(checker: Checker, scope: TargetScope, target: Target): TargetModel | null {
  const { unit } = scope;
  switch (target.kind) {
    case "team": {
      const id = checker.resolve(unit, target.name, ["team"]);
      return id === undefined ? null : { kind: "team", id, method: "round-robin", span: target.span };
    }
    case "rep": {
      const id = checker.resolve(unit, target.name, ["rep"]);
      return id === undefined ? null : { kind: "rep", id, span: target.span };
    }
    case "queue": {
      const id = checker.resolve(unit, target.name, ["queue"]);
      return id === undefined ? null : { kind: "queue", id, span: target.span };
    }
    case "action":
      return { kind: "action", id: target.name.value, span: target.span };
    case "unassigned":
      return { kind: "unassigned", span: target.span };
    case "field":
    case "manager": {
      const resolved = resolvePath(checker, scope.record, target.path);
      if (resolved.kind === "unknown") return null;
      if (resolved.type.type !== "rep") {
        const written = `\`${resolved.path.join(".")}\``;
        const message =
          target.kind === "manager"
            ? `\`manager of\` needs a rep field, but ${written} is ${describeType(resolved.type)}`
            : `${written} is ${describeType(resolved.type)}, not a rep, so it cannot take the record`;
        checker.report(
          makeDiagnostic("invalid-target", target.path.span, message, {
            help: target.kind === "field" ? "a target is `team x`, `rep x`, `queue x`, `action \"x\"`, `unassigned`, a rep field or `manager of` a rep field" : undefined,
          }),
        );
        return null;
      }
      return { kind: target.kind, path: resolved.path, span: target.span };
    }
  }
}

/** A queue, an action and `unassigned` always take the record: nothing after them is reached. */
export function alwaysPlaces(target: TargetModel): boolean {
  return target.kind === "queue" || target.kind === "action" || target.kind === "unassigned";
}

export function describeTarget(target: TargetModel): string {
  switch (target.kind) {
    case "team":
    case "rep":
    case "queue":
      return `\`${target.kind} ${target.id}\``;
    case "action":
      return `\`action "${target.id}"\``;
    case "unassigned":
      return "`unassigned`";
    case "field":
      return `\`${target.path.join(".")}\``;
    case "manager":
      return `\`manager of ${target.path.join(".")}\``;
  }
}
