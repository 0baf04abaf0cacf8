// Builds small checked models by hand for unit tests, so the compiler and the
// reference evaluator can be tested without the parser and checker.

import type { Span } from "../../language/diagnostics/diagnostic";
import { emptyProgram as checkerEmptyProgram } from "../../language/semantics/check";
import type {
  ConditionModel,
  FieldType,
  HoursModel,
  Program,
  RepModel,
  RuleModel,
  Subject,
  TargetModel,
  TestOp,
} from "../../language/semantics/model";

export const span: Span = { file: "main.route", start: 0, end: 0 };

export function emptyProgram(): Program {
  return { ...checkerEmptyProgram("main.route"), files: [{ kind: "file", path: "main.route", imports: [], declarations: [], span }] };
}

export function field(path: string | string[], test: TestOp, text = ""): ConditionModel {
  const subject: Subject = { kind: "field", path: typeof path === "string" ? path.split(".") : path };
  return { kind: "test", subject, test, text, span };
}

export function score(id: string, test: TestOp): ConditionModel {
  return { kind: "test", subject: { kind: "score", score: id }, test, text: "", span };
}

export const and = (...items: ConditionModel[]): ConditionModel => ({ kind: "and", items, span });
export const or = (...items: ConditionModel[]): ConditionModel => ({ kind: "or", items, span });
export const not = (operand: ConditionModel): ConditionModel => ({ kind: "not", operand, span });
export const within = (hours: string): ConditionModel => ({ kind: "within", hours, span });

export function record(program: Program, name: string, fields: Record<string, FieldType>): void {
  program.records.set(name, { name, span, fields: new Map(Object.entries(fields).map(([key, type]) => [key, { ...type, span }])) });
}

export function enumeration(program: Program, name: string, members: (string | [string, string])[]): void {
  program.enums.set(name, {
    name,
    span,
    members: members.map((member) => (typeof member === "string" ? { name: member, wire: member, span } : { name: member[0], wire: member[1], span })),
  });
}

export function rep(program: Program, id: string, attributes: Partial<RepModel> = {}): void {
  program.reps.set(id, {
    id, name: null, email: null, ids: [], skills: [], languages: [], region: null, hours: null, capacity: null,
    caps: [], weight: 1, manager: null, unavailable: [], span, ...attributes,
  });
}

export function hours(program: Program, id: string, timezone: string, windows: HoursModel["windows"], closed: string[] = []): void {
  program.hours.set(id, { id, timezone, windows, closed, span });
}

export const queue = (id: string): TargetModel => ({ kind: "queue", id, span });

export function rule(name: string, condition: ConditionModel, options: Partial<RuleModel> = {}): RuleModel {
  return {
    name, enabled: true, priority: null, condition, assign: queue("q"), requires: [], notify: [], sla: null,
    fallbacks: [], reason: null, header: span, span, ...options,
  };
}

export function router(program: Program, id: string, recordName: string, rules: RuleModel[], otherwise = false): void {
  program.queues.set("q", { id: "q", span });
  program.routers.set(id, {
    id, record: recordName, rules, span,
    otherwise: otherwise
      ? { assign: queue("q"), requires: [], notify: [], sla: null, fallbacks: [], reason: null, header: span, span }
      : null,
  });
}

/** A score `fit`: +40.5 when region is EMEA, +10 when customer. */
export function scores(program: Program): void {
  program.scores.set("fit", {
    id: "fit",
    record: null,
    span,
    lines: [
      { weight: 40.5, condition: field("region", { op: "is", value: "EMEA" }), span },
      { weight: 10, condition: field("customer", { op: "truthy" }), span },
    ],
  });
}
