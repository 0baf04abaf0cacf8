// Hover text (Markdown) for a name: a field's type and what a missing value
// does, an enum's members, a rep's attributes, a team's members, a rule's
// summary and what the analysis found about it ("shadowed by …").

import type { Diagnostic, Span } from "../diagnostics/diagnostic";
import type { FieldType, OutcomeModel, Program, RuleModel, TargetModel } from "../semantics/model";
import { occurrenceAt, spanText, type SymbolIndex } from "./symbol-index";

export interface HoverResult {
  markdown: string;
  span: Span;
}

export function hover(index: SymbolIndex, diagnostics: readonly Diagnostic[], file: string, offset: number): HoverResult | undefined {
  const occurrence = occurrenceAt(index, file, offset);
  if (!occurrence) return undefined;
  const { program } = index;
  const key = occurrence.key;
  let markdown: string | undefined;
  switch (key.kind) {
    case "field": {
      const field = program.records.get(key.record)?.fields.get(key.field);
      if (field) markdown = fieldHover(key.record, key.field, field);
      break;
    }
    case "member": {
      const model = program.enums.get(key.enumName);
      const member = model?.members.find((candidate) => candidate.name === key.member);
      if (model && member) {
        markdown = code(`${key.enumName}.${key.member}`) + `\n\nMember of enum \`${key.enumName}\`; matches the value \`${JSON.stringify(member.wire)}\`, ignoring case.`;
      }
      break;
    }
    case "rule": {
      const router = program.routers.get(key.router);
      const rule = router?.rules.find((candidate) => candidate.name === key.rule);
      if (rule) markdown = ruleHover(program, key.router, rule, diagnostics);
      break;
    }
    case "declaration":
      markdown = declarationHover(program, key.name);
      break;
  }
  return markdown === undefined ? undefined : { markdown, span: occurrence.span };
}

// ---------------------------------------------------------------------------

function code(text: string): string {
  return "```route\n" + text + "\n```";
}

export function describeFieldType(type: FieldType): string {
  const base = (() => {
    switch (type.type) {
      case "enum":
        return type.enum;
      case "record":
        return type.record;
      case "set":
        return `set of ${type.element.type === "enum" ? type.element.enum : type.element.type}`;
      default:
        return type.type;
    }
  })();
  return type.optional ? `${base}?` : base;
}

function fieldHover(record: string, field: string, type: FieldType): string {
  const lines = [code(`${field}: ${describeFieldType(type)}`), "", `Field of \`${record}\`.`];
  if (type.optional) {
    lines.push(
      "",
      "**Optional.** When the value is missing, every positive test is false (`is`, `in`, `=`, `has`, `starts with`, …), " +
        "and `is not`, `not in`, `!=`, `has none of`, `is not empty`, `is not set` are true. " +
        "Use `is set` to test that a value is there.",
    );
  } else {
    lines.push("", "Required by the record type; a record that lacks it still routes, and every positive test on it is false.");
  }
  return lines.join("\n");
}

function declarationHover(program: Program, name: string): string | undefined {
  const enumModel = program.enums.get(name);
  if (enumModel) {
    const members = enumModel.members.map((member) => (member.wire === member.name ? member.name : `${member.name} = ${JSON.stringify(member.wire)}`));
    return code(`enum ${name} { ${members.join(", ")} }`) + `\n\n${enumModel.members.length} members; values match ignoring case.`;
  }
  const record = program.records.get(name);
  if (record) {
    const fields = [...record.fields].map(([field, type]) => `  ${field}: ${describeFieldType(type)}`);
    return code(`record ${name} {\n${fields.join("\n")}\n}`);
  }
  const list = program.lists.get(name);
  if (list) return code(`list ${name} = [${list.items.map((item) => JSON.stringify(item)).join(", ")}]`) + `\n\n${list.items.length} items.`;
  const rep = program.reps.get(name);
  if (rep) {
    const parts: string[] = [];
    if (rep.name) parts.push(`**${rep.name}**${rep.email ? ` <${rep.email}>` : ""}`);
    if (rep.skills.length) parts.push(`skills: ${rep.skills.join(", ")}`);
    if (rep.languages.length) parts.push(`languages: ${rep.languages.join(", ")}`);
    if (rep.region) parts.push(`region: ${rep.region}`);
    if (rep.hours) parts.push(`hours: ${rep.hours}`);
    if (rep.capacity !== null) parts.push(`capacity: ${rep.capacity} open at once`);
    for (const cap of rep.caps) parts.push(`cap: ${cap.count} per ${cap.period}`);
    if (rep.weight !== 1) parts.push(`weight: ${rep.weight}`);
    if (rep.manager) parts.push(`manager: ${rep.manager}`);
    for (const range of rep.unavailable) parts.push(`unavailable ${range.from} to ${range.to}`);
    const teams = [...program.teams.values()].filter((team) => team.members.some((member) => member.rep === name)).map((team) => team.id);
    if (teams.length) parts.push(`teams: ${teams.join(", ")}`);
    return code(`rep ${name}`) + "\n\n" + (parts.length ? parts.map((part) => `- ${part}`).join("\n") : "No attributes: always available, no limits.");
  }
  const team = program.teams.get(name);
  if (team) {
    const members = team.members.map((member) => {
      const rep = program.reps.get(member.rep);
      const weight = member.weight ?? rep?.weight ?? 1;
      return `- ${member.rep}${rep?.name ? ` (${rep.name})` : ""}${weight !== 1 ? `, weight ${weight}` : ""}`;
    });
    return code(`team ${name}`) + `\n\n${team.members.length} member${team.members.length === 1 ? "" : "s"}, in order:\n${members.join("\n")}`;
  }
  if (program.queues.has(name)) return code(`queue ${name}`) + "\n\nA holding queue: always takes the record.";
  const hours = program.hours.get(name);
  if (hours) {
    return code(`hours ${name}`) + `\n\nTime zone ${hours.timezone}; ${hours.windows.length} opening window${hours.windows.length === 1 ? "" : "s"} a week` + (hours.closed.length ? `; closed ${hours.closed.join(", ")}` : "");
  }
  const score = program.scores.get(name);
  if (score) {
    const lines = score.lines.map((line) => `- ${line.weight >= 0 ? "+" : ""}${line.weight} when ${spanText(program, line.condition.kind === "true" ? line.span : line.condition.span) ?? "…"}`);
    return code(`score ${name}${score.record ? ` for ${score.record}` : ""}`) + `\n\nThe sum of the weights whose conditions hold (never missing):\n${lines.join("\n")}`;
  }
  const router = program.routers.get(name);
  if (router) {
    const enabled = router.rules.filter((rule) => rule.enabled).length;
    return code(`router ${name} for ${router.record}`) + `\n\n${router.rules.length} rules (${enabled} enabled), ${router.otherwise ? "with" : "without"} \`otherwise\`. First match wins, in file order.`;
  }
  return undefined;
}

function ruleHover(program: Program, router: string, rule: RuleModel, diagnostics: readonly Diagnostic[]): string {
  const lines = [code(`rule ${JSON.stringify(rule.name)}${rule.priority !== null ? ` priority ${rule.priority}` : ""}${rule.enabled ? "" : " disabled"}`), ""];
  lines.push(`In router \`${router}\`. ${outcomeSummary(program, rule)}`);
  const when = rule.condition.kind === "true" ? "always (no `when`)" : `\`${spanText(program, rule.condition.span) ?? "…"}\``;
  lines.push("", `**When:** ${when}`);
  const findings = diagnostics.filter(
    (diagnostic) => diagnostic.span.file === rule.header.file && diagnostic.span.start >= rule.span.start && diagnostic.span.start < rule.header.end + 1 && diagnostic.code !== "disabled-rule",
  );
  for (const finding of findings) {
    lines.push("", `**${finding.severity} \`${finding.code}\`:** ${finding.message}`);
    for (const label of finding.labels ?? []) {
      const named = spanText(program, label.span);
      lines.push(`- ${label.message}${named ? `: \`${named.split("\n")[0]}\`` : ""}`);
    }
    if (finding.witness) lines.push("", "Example record:", "```json\n" + JSON.stringify(finding.witness, null, 2) + "\n```");
  }
  return lines.join("\n");
}

function outcomeSummary(program: Program, outcome: OutcomeModel): string {
  const steps = [outcome.assign, ...outcome.fallbacks].filter((target): target is TargetModel => target !== null).map(targetText);
  const parts = [`Assigns to ${steps[0] ?? "nothing yet"}`];
  if (steps.length > 1) parts.push(`then falls back to ${steps.slice(1).join(", then ")}`);
  if (outcome.notify.length) parts.push(`notifies ${outcome.notify.map(targetText).join(", ")}`);
  if (outcome.sla) parts.push(`SLA ${outcome.sla.seconds} s${outcome.sla.business ? " (business time)" : ""}`);
  void program;
  return parts.join("; ") + ".";
}

function targetText(target: TargetModel): string {
  switch (target.kind) {
    case "team":
      return `team \`${target.id}\` by ${target.method.replace(/-/g, " ")}`;
    case "rep":
    case "queue":
      return `${target.kind} \`${target.id}\``;
    case "action":
      return `action "${target.id}"`;
    case "unassigned":
      return "unassigned";
    case "field":
      return `\`${target.path.join(".")}\``;
    case "manager":
      return `manager of \`${target.path.join(".")}\``;
  }
}
