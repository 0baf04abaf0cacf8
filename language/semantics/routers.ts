// Routers: the record they route, their rules and `otherwise` (clauses, at
// most one of each single clause, targets, requires, SLA, fallbacks), rule
// names, priorities and the findings that need no analysis: unreachable
// fallbacks and an unreachable `otherwise`.

import type { Fix, Span } from "../diagnostics/diagnostic";
import type { AssignClause, Clause, FallbackClause, OtherwiseDecl, RouterDecl, RuleDecl, SlaClause, WhenClause, ReasonClause } from "../syntax/ast";
import { checkCondition } from "./conditions";
import type { Checker, Unit } from "./context";
import type { OutcomeModel, RouterModel, RuleModel, SlaModel, TargetModel } from "./model";
import { makeDiagnostic } from "./report";
import { checkRequire, repMeets } from "./requires";
import { alwaysPlaces, checkTarget, describeTarget, type TargetScope } from "./targets";

const unitSeconds = { second: 1, minute: 60, hour: 3600, day: 86400 } as const;

export function checkRouter(checker: Checker, unit: Unit, declaration: RouterDecl): RouterModel {
  const record = checker.resolve(unit, declaration.record, ["record"]) ?? null;
  const scope: TargetScope = { unit, record };
  reportDuplicateRules(checker, declaration.rules);
  reportPriorities(checker, unit, declaration.rules);

  const rules: RuleModel[] = declaration.rules.map((rule) => checkRule(checker, scope, rule));
  const otherwise = declaration.otherwise ? checkOutcome(checker, scope, declaration.otherwise.clauses, declaration.otherwise, "`otherwise`") : null;

  if (declaration.otherwise) {
    // A rule that lost clauses to a syntax error may have lost its `when`: no claim about it (no cascades).
    const catchAll = declaration.rules.find(
      (rule) => !rule.disabled && !rule.incomplete && !rule.clauses.some((clause) => clause.kind === "when"),
    );
    if (catchAll) {
      checker.report(
        makeDiagnostic(
          "unreachable-otherwise",
          declaration.otherwise.header,
          `\`otherwise\` is never reached: rule "${catchAll.name.value}" has no \`when\`, so it takes every record`,
          { labels: [{ span: catchAll.header, message: "takes every record" }] },
        ),
      );
    }
  }
  return { id: declaration.name.text, record: record ?? declaration.record.text, rules, otherwise, span: declaration.span };
}

function checkRule(checker: Checker, scope: TargetScope, rule: RuleDecl): RuleModel {
  if (rule.disabled) {
    checker.report(makeDiagnostic("disabled-rule", rule.disabled, `rule "${rule.name.value}" is disabled: it is kept in the table but never matches`));
  }
  const outcome = checkOutcome(checker, scope, rule.clauses, rule, `rule "${rule.name.value}"`);
  const when = rule.clauses.find((clause): clause is WhenClause => clause.kind === "when");
  const priority = rule.priority && Number.isInteger(rule.priority.value) && rule.priority.value >= 0 ? rule.priority.value : null;
  // The outcome's fields written out (same order as a spread): a spread here cost a fifth of checking a large router.
  return {
    assign: outcome.assign,
    requires: outcome.requires,
    notify: outcome.notify,
    sla: outcome.sla,
    fallbacks: outcome.fallbacks,
    reason: outcome.reason,
    header: outcome.header,
    span: outcome.span,
    name: rule.name.value,
    enabled: !rule.disabled,
    priority,
    condition: when
      ? checkCondition(checker, { unit: scope.unit, record: scope.record, scores: [] }, when.condition)
      : rule.incomplete
        ? { kind: "unknown", span: rule.header }
        : { kind: "true" },
  };
}

function checkOutcome(
  checker: Checker,
  scope: TargetScope,
  clauses: Clause[],
  owner: RuleDecl | OtherwiseDecl,
  ownerLabel: string,
): OutcomeModel {
  const single = new Map<string, Clause>();
  for (const clause of clauses) {
    if (clause.kind !== "when" && clause.kind !== "assign" && clause.kind !== "reason" && clause.kind !== "sla") continue;
    const first = single.get(clause.kind);
    if (!first) {
      single.set(clause.kind, clause);
      continue;
    }
    const word = clause.kind === "assign" ? "assign to" : clause.kind;
    checker.report(
      makeDiagnostic("duplicate-clause", clause.span, `${ownerLabel} has more than one \`${word}\`; it takes at most one`, {
        labels: [{ span: first.span, message: "the first one" }],
      }),
    );
  }
  const assignClause = single.get("assign") as AssignClause | undefined;
  // After a syntax error inside the rule, the parser already said what is wrong; a missing
  // `assign to` may just be the clause it could not read.
  if (!assignClause && !owner.incomplete) {
    checker.report(makeDiagnostic("missing-assign", owner.header, `${ownerLabel} has no \`assign to\``, { help: "add a line such as `assign to queue manual_review`" }));
  }
  const assign = assignClause ? checkTarget(checker, scope, assignClause.target, assignClause.method) : null;

  const requires = [];
  for (const clause of clauses) {
    if (clause.kind !== "require") continue;
    const model = checkRequire(checker, scope, clause);
    if (assign && alwaysPlaces(assign)) {
      checker.report(
        makeDiagnostic("invalid-target", clause.span, `\`require\` filters the members of the \`assign to\` target, but ${describeTarget(assign)} has no members`),
      );
      continue;
    }
    if (!model) continue;
    requires.push(model);
    reportUnsatisfiable(checker, assign, model);
  }

  const notify: TargetModel[] = [];
  for (const clause of clauses) {
    if (clause.kind !== "notify") continue;
    const target = checkTarget(checker, scope, clause.target);
    if (target && alwaysPlaces(target)) {
      checker.report(makeDiagnostic("invalid-target", clause.target.span, `\`also notify\` tells people, but ${describeTarget(target)} is not a person or a team`));
      continue;
    }
    if (target) notify.push(target);
  }

  const fallbackClauses = clauses.filter((clause): clause is FallbackClause => clause.kind === "fallback");
  const fallbacks: TargetModel[] = [];
  let placedBy: TargetModel | null = assign && alwaysPlaces(assign) ? assign : null;
  let allResolved = assign !== null;
  for (const clause of fallbackClauses) {
    const target = checkTarget(checker, scope, clause.target, clause.method);
    if (placedBy) {
      checker.report(
        makeDiagnostic("unreachable-fallback", clause.span, `this fallback is never tried: ${describeTarget(placedBy)} always takes the record`, {
          labels: [{ span: placedBy.span, message: "always takes the record" }],
        }),
      );
    }
    if (!target) {
      allResolved = false;
      continue;
    }
    fallbacks.push(target);
    if (!placedBy && alwaysPlaces(target)) placedBy = target;
  }

  const slaClause = single.get("sla") as SlaClause | undefined;
  let sla: SlaModel | null = null;
  if (slaClause) {
    sla = checkSla(checker, scope, slaClause);
    const steps = assign ? [assign, ...fallbacks] : [];
    if (allResolved && steps.length > 0 && steps.every(alwaysPlaces)) {
      checker.report(
        makeDiagnostic("invalid-target", slaClause.span, "an SLA waits for a rep to answer, but every step places the record in a queue, an action or `unassigned`"),
      );
    }
  }
  const reason = single.get("reason") as ReasonClause | undefined;
  return { assign, requires, notify, sla, fallbacks, reason: reason ? reason.text.value : null, header: owner.header, span: owner.span };
}

function checkSla(checker: Checker, scope: TargetScope, clause: SlaClause): SlaModel {
  const amount = clause.duration.amount;
  if (!(amount.value > 0)) checker.report(makeDiagnostic("invalid-value", amount.span, `an SLA must be longer than 0, not ${amount.raw}`));
  const seconds = amount.value * unitSeconds[clause.duration.unit];
  let then: SlaModel["then"] = null;
  if (clause.then?.kind === "reassign") {
    const count = (value: { value: number; raw: string; span: Span } | undefined, what: string): number | null => {
      if (!value) return null;
      if (Number.isInteger(value.value) && value.value >= 1) return value.value;
      checker.report(makeDiagnostic("invalid-value", value.span, `${what} must be a whole number of 1 or more, not ${value.raw}`));
      return null;
    };
    then = { kind: "reassign", excludingLast: count(clause.then.excludingLast, "`excluding last`"), upTo: count(clause.then.upTo, "`up to`") };
  } else if (clause.then?.kind === "escalate") {
    const target = checkTarget(checker, scope, clause.then.target, clause.then.method);
    if (target) then = { kind: "escalate", target };
  }
  return { seconds, business: clause.business !== undefined, then, span: clause.span };
}

/** `unsatisfiable-require` when the target's members are known and none meets a literal requirement. */
function reportUnsatisfiable(checker: Checker, assign: TargetModel | null, requirement: OutcomeModel["requires"][number]): void {
  if (!assign || (assign.kind !== "team" && assign.kind !== "rep")) return;
  const ids = assign.kind === "team" ? (checker.program.teams.get(assign.id)?.members.map((member) => member.rep) ?? []) : [assign.id];
  const reps = ids.map((id) => checker.program.reps.get(id)).filter((rep) => rep !== undefined);
  if (reps.length === 0) return;
  const answers = reps.map((rep) => repMeets(rep, requirement));
  if (answers.some((answer) => answer !== false)) return;
  const who = assign.kind === "team" ? `no member of team \`${assign.id}\`` : `rep \`${assign.id}\` does not`;
  checker.report(
    makeDiagnostic("unsatisfiable-require", requirement.span, `${who} ${assign.kind === "team" ? "meets" : "meet"} this requirement, so the fallbacks always run`, {
      labels: [{ span: assign.span, message: "the target" }],
    }),
  );
}

function reportDuplicateRules(checker: Checker, rules: RuleDecl[]): void {
  const byName = new Map<string, RuleDecl[]>();
  for (const rule of rules) {
    const list = byName.get(rule.name.value);
    if (list) list.push(rule);
    else byName.set(rule.name.value, [rule]);
  }
  for (const [name, list] of byName) {
    if (list.length < 2) continue;
    for (const rule of list) {
      checker.report(
        makeDiagnostic("duplicate-name", rule.name.span, `rule "${name}" is declared more than once in this router`, {
          labels: list.filter((other) => other !== rule).map((other) => ({ span: other.name.span, message: "also declared here" })),
        }),
      );
    }
  }
}

/** Priorities must be whole numbers ≥ 0 and strictly increasing among the rules that carry one. */
function reportPriorities(checker: Checker, unit: Unit, rules: RuleDecl[]): void {
  const carrying: { rule: RuleDecl; value: number; span: Span }[] = [];
  for (const rule of rules) {
    if (!rule.priority) continue;
    const { value, raw, span } = rule.priority;
    if (!Number.isInteger(value) || value < 0) {
      checker.report(makeDiagnostic("invalid-value", span, `a priority is a whole number of 0 or more, not ${raw}`));
      continue;
    }
    carrying.push({ rule, value, span });
  }
  // Renumbering keeps every priority that is already in order and lifts each offender just above its predecessor.
  const renumber: Fix = { title: "Renumber the priorities in file order", edits: [] };
  let previous = -Infinity;
  for (const item of carrying) {
    const next = item.value > previous ? item.value : previous + 1;
    if (next !== item.value) renumber.edits.push({ span: item.span, newText: String(next) });
    previous = next;
  }
  let highest = -Infinity;
  let highestRule: RuleDecl | undefined;
  for (const item of carrying) {
    if (item.value > highest) {
      highest = item.value;
      highestRule = item.rule;
      continue;
    }
    const fixes: Fix[] = [renumber];
    const above = carrying.find((other) => other.value > item.value && other.rule.span.start < item.rule.span.start);
    if (above) fixes.push(moveFix(unit, item.rule, above.rule));
    checker.report(
      makeDiagnostic(
        "priority-order",
        item.span,
        `priority ${item.value} is not greater than priority ${highest} of rule "${highestRule!.name.value}" above it`,
        {
          help: "priorities are labels that must increase down the file; the file's order decides which rule matches first",
          labels: [{ span: carrying.find((other) => other.rule === highestRule)!.span, message: `priority ${highest}` }],
          fixes,
        },
      ),
    );
  }
}

/** Moves `rule` (whole lines) above `above`: this changes which rule matches first, and the title says so. */
function moveFix(unit: Unit, rule: RuleDecl, above: RuleDecl): Fix {
  const text = unit.text;
  const start = lineStartIfBlank(text, rule.span.start);
  let end = rule.span.end;
  const newline = text.indexOf("\n", end);
  if (newline >= 0 && text.slice(end, newline).trim() === "") end = newline + 1;
  const block = text.slice(start, end);
  const insertAt = lineStartIfBlank(text, above.span.start);
  const moved = block.endsWith("\n") ? block : `${block}\n`;
  return {
    title: `Move rule "${rule.name.value}" above rule "${above.name.value}" (changes routing: it will match first)`,
    edits: [
      { span: { file: unit.path, start: insertAt, end: insertAt }, newText: moved },
      { span: { file: unit.path, start, end }, newText: "" },
    ],
  };
}

function lineStartIfBlank(text: string, offset: number): number {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return text.slice(lineStart, offset).trim() === "" ? lineStart : offset;
}
