// Lowering the declaration-level CST to the AST of `ast.ts`: imports, every
// declaration, rules and clauses, tests and asserts. Never throws on a partial
// CST: a node recovery left incomplete is skipped (see ast.ts INVARIANT).

import type { CstNode, IToken } from "chevrotain";
import type { Diagnostic } from "../diagnostics/diagnostic";
import type {
  AssertDecl,
  Clause,
  Declaration,
  DurationUnit,
  EnumMember,
  Expectation,
  FieldDecl,
  HoursDecl,
  HoursEntry,
  ImportDecl,
  Literal,
  Name,
  NameOrString,
  OtherwiseDecl,
  RepAttribute,
  RouterDecl,
  RuleDecl,
  ScoreDecl,
  ScoreLine,
  SlaClause,
  Span,
  Target,
  TeamMember,
  TestDecl,
  TestItem,
  TypeRef,
  Weekday,
} from "./ast";
import { nodeOf, nodesOf, Spans, tokenOf, tokensOf } from "./cst";
import { ExpressionLowering } from "./lower-expressions";

/** The parts of `router id for Record {`. */
export interface RouterHeader {
  name: Name;
  record: Name;
  start: Span;
}

export class Lowering extends ExpressionLowering {
  constructor(
    file: string,
    /** Where lowering reports what the grammar accepts but the language does not. */
    readonly diagnostics: Diagnostic[],
  ) {
    super(new Spans(file));
  }

  importDecl(node: CstNode): ImportDecl | undefined {
    const keyword = tokenOf(node, "Import");
    const path = this.string(tokenOf(node, "path"));
    if (!keyword || !path) return undefined;
    return { kind: "import", path, span: this.spans.join(this.spans.token(keyword), path.span) };
  }

  declaration(node: CstNode): Declaration | undefined {
    const [key, child] = Object.entries(node.children)[0] ?? [];
    const inner = child?.[0];
    if (!key || !inner || "image" in inner) return undefined;
    switch (key) {
      case "enumDecl":
        return this.enumDecl(inner);
      case "listDecl":
        return this.listDecl(inner);
      case "recordDecl":
        return this.recordDecl(inner);
      case "repDecl":
        return this.repDecl(inner);
      case "teamDecl":
        return this.teamDecl(inner);
      case "queueDecl":
        return this.queueDecl(inner);
      case "hoursDecl":
        return this.hoursDecl(inner);
      case "scoreDecl":
        return this.scoreDecl(inner);
      case "routerDecl":
        return this.routerDecl(inner);
      case "testDecl":
        return this.testDecl(inner);
      case "assertDecl":
        return this.assertDecl(inner);
    }
    return undefined;
  }

  // -------------------------------------------------------------------------
  // Declarations

  /** From the keyword to the last real token of the node (the `}` when present). */
  private declSpan(node: CstNode): Span {
    return this.spans.node(node)!;
  }

  private enumDecl(node: CstNode): Declaration | undefined {
    const name = this.name(tokenOf(node, "name"));
    if (!name) return undefined;
    const members = nodesOf(node, "enumMember").flatMap((member): EnumMember[] => {
      const memberName = this.name(tokenOf(member, "name"));
      if (!memberName) return [];
      const hasEquals = tokenOf(member, "Equals") !== undefined;
      const wire = this.string(tokenOf(member, "wire"));
      if (hasEquals && !wire) return [];
      return wire
        ? [{ name: memberName, wire, span: this.spans.join(memberName.span, wire.span) }]
        : [{ name: memberName, span: memberName.span }];
    });
    return { kind: "enum", name, members, span: this.declSpan(node) };
  }

  private listDecl(node: CstNode): Declaration | undefined {
    const name = this.name(tokenOf(node, "name"));
    const list = this.literalList(nodeOf(node, "literalList"));
    if (!name) return undefined;
    return { kind: "list", name, items: list?.items ?? [], span: this.declSpan(node) };
  }

  private recordDecl(node: CstNode): Declaration | undefined {
    const name = this.name(tokenOf(node, "name"));
    if (!name) return undefined;
    const fields = nodesOf(node, "fieldDecl").flatMap((field): FieldDecl[] => {
      const fieldName = this.name(tokenOf(field, "name"));
      const type = this.typeRef(nodeOf(field, "typeRef"));
      if (!fieldName || !type || !tokenOf(field, "Colon")) return [];
      return [{ name: fieldName, type, span: this.spans.join(fieldName.span, type.span) }];
    });
    return { kind: "record", name, fields, span: this.declSpan(node) };
  }

  private typeRef(node: CstNode | undefined): TypeRef | undefined {
    if (!node) return undefined;
    const set = tokenOf(node, "Set");
    if (set && !tokenOf(node, "Of")) return undefined;
    const rep = tokenOf(node, "rep");
    const named = this.name(tokenOf(node, "name"));
    const base: TypeRef["base"] | undefined = rep
      ? { kind: "rep", span: this.spans.token(rep) }
      : named
        ? { kind: "named", name: named }
        : undefined;
    if (!base) return undefined;
    const question = tokenOf(node, "Question");
    const baseSpan = base.kind === "rep" ? base.span : base.name.span;
    const start = set ? this.spans.token(set) : baseSpan;
    const end = question ? this.spans.token(question) : baseSpan;
    return { base, set: set !== undefined, optional: question !== undefined, span: this.spans.join(start, end) };
  }

  private repDecl(node: CstNode): Declaration | undefined {
    const name = this.name(tokenOf(node, "name"));
    if (!name) return undefined;
    const attributes = nodesOf(node, "repAttribute").flatMap((attribute) => {
      const lowered = this.repAttribute(attribute);
      return lowered ? [lowered] : [];
    });
    return { kind: "rep", name, attributes, span: this.declSpan(node) };
  }

  private repAttribute(node: CstNode): RepAttribute | undefined {
    const span = this.spans.node(node);
    if (!span) return undefined;
    const strings = tokensOf(node, "string").map((token) => this.string(token)!);
    const number = this.numberToken(tokenOf(node, "number"));
    const name = this.name(tokenOf(node, "name"));
    const has = (key: string) => (node.children[key] ?? []).length > 0;
    if (has("Name")) return strings[0] ? { kind: "name", value: strings[0], span } : undefined;
    if (has("Email")) return strings[0] ? { kind: "email", value: strings[0], span } : undefined;
    if (has("Ids")) return tokenOf(node, "RBracket") ? { kind: "ids", values: strings, span } : undefined;
    if (has("Skills") || has("Languages")) {
      const list = nodeOf(node, "nameList");
      if (!list || !tokenOf(list, "RBracket")) return undefined;
      const values = nodesOf(list, "nameOrString").flatMap((item) => {
        const value = this.nameOrString(item);
        return value ? [value] : [];
      });
      return { kind: has("Skills") ? "skills" : "languages", values, span };
    }
    if (has("Region")) {
      const value = this.nameOrString(nodeOf(node, "nameOrString"));
      return value ? { kind: "region", value, span } : undefined;
    }
    if (has("Hours")) return name ? { kind: "hours", hours: name, span } : undefined;
    if (has("Capacity")) return number ? { kind: "capacity", value: number, span } : undefined;
    if (has("Weight")) return number ? { kind: "weight", value: number, span } : undefined;
    if (has("Manager")) return name ? { kind: "manager", manager: name, span } : undefined;
    if (has("Cap")) {
      const period = tokenOf(node, "period");
      if (!number || !period || !tokenOf(node, "Per")) return undefined;
      const value = period.image as "hour" | "day" | "week" | "month";
      return { kind: "cap", value: number, period: { value, span: this.spans.token(period) }, span };
    }
    if (has("Unavailable")) {
      const from = tokenOf(node, "from");
      const to = tokenOf(node, "to");
      if (!from || !to || !tokenOf(node, "From")) return undefined;
      return {
        kind: "unavailable",
        from: { kind: "date", value: from.image, span: this.spans.token(from) },
        to: { kind: "date", value: to.image, span: this.spans.token(to) },
        span,
      };
    }
    return undefined;
  }

  private nameOrString(node: CstNode | undefined): NameOrString | undefined {
    const name = this.name(tokenOf(node, "name"));
    if (name) return { kind: "name", name, span: name.span };
    return this.string(tokenOf(node, "string"));
  }

  private teamDecl(node: CstNode): Declaration | undefined {
    const name = this.name(tokenOf(node, "name"));
    if (!name) return undefined;
    const members = nodesOf(node, "teamMember").flatMap((member): TeamMember[] => {
      const rep = this.name(tokenOf(member, "name"));
      if (!rep) return [];
      if (tokenOf(member, "Weight")) {
        const weight = this.numberToken(tokenOf(member, "weight"));
        return weight ? [{ rep, weight, span: this.spans.join(rep.span, weight.span) }] : [];
      }
      return [{ rep, span: rep.span }];
    });
    return { kind: "team", name, members, span: this.declSpan(node) };
  }

  private queueDecl(node: CstNode): Declaration | undefined {
    const name = this.name(tokenOf(node, "name"));
    return name ? { kind: "queue", name, span: this.declSpan(node) } : undefined;
  }

  private hoursDecl(node: CstNode): Declaration | undefined {
    const name = this.name(tokenOf(node, "name"));
    if (!name) return undefined;
    const timezone = this.string(tokenOf(node, "timezone"));
    if (!timezone && tokenOf(node, "LCurly") && !node.recoveredNode) {
      this.diagnostics.push({
        code: "syntax-error",
        severity: "error",
        message: `hours \`${name.text}\` needs a \`timezone\` first, such as \`timezone "Europe/Berlin"\``,
        span: name.span,
      });
    }
    const entries: HoursEntry[] = [];
    for (const line of nodesOf(node, "dayLine")) {
      const days = nodesOf(line, "dayRange").flatMap((range) => {
        const from = tokenOf(range, "from");
        if (!from) return [];
        const to = tokenOf(range, "to");
        if (tokenOf(range, "Minus") && !to) return [];
        const fromDay = { value: from.image as Weekday, span: this.spans.token(from) };
        if (!to) return [{ from: fromDay, span: fromDay.span }];
        const toDay = { value: to.image as Weekday, span: this.spans.token(to) };
        return [{ from: fromDay, to: toDay, span: this.spans.join(fromDay.span, toDay.span) }];
      });
      const windows = nodesOf(line, "timeWindow").flatMap((window) => {
        const start = tokenOf(window, "start");
        const end = tokenOf(window, "end");
        if (!start || !end) return [];
        return [
          {
            start: { kind: "time" as const, value: start.image, span: this.spans.token(start) },
            end: { kind: "time" as const, value: end.image, span: this.spans.token(end) },
            span: this.spans.between(start, end),
          },
        ];
      });
      const span = this.spans.node(line);
      if (days.length === 0 || windows.length === 0 || !span) continue;
      entries.push({ kind: "days", days, windows, span });
    }
    for (const line of nodesOf(node, "closedLine")) {
      const dates = tokensOf(line, "date").map((date) => ({
        kind: "date" as const,
        value: date.image,
        span: this.spans.token(date),
      }));
      const span = this.spans.node(line);
      if (dates.length === 0 || !span) continue;
      entries.push({ kind: "closed", dates, span });
    }
    entries.sort((a, b) => a.span.start - b.span.start);
    const declaration: HoursDecl = { kind: "hours", name, entries, span: this.declSpan(node) };
    if (timezone) declaration.timezone = timezone;
    return declaration;
  }

  private scoreDecl(node: CstNode): Declaration | undefined {
    const name = this.name(tokenOf(node, "name"));
    if (!name) return undefined;
    const lines = nodesOf(node, "scoreLine").flatMap((line): ScoreLine[] => {
      const sign = tokenOf(line, "sign");
      const weight = this.numberToken(tokenOf(line, "weight"));
      const condition = this.condition(nodeOf(line, "condition"));
      if (!sign || !weight || !condition || !tokenOf(line, "When")) return [];
      return [
        {
          sign: sign.image as "+" | "-",
          weight,
          condition,
          span: this.spans.join(this.spans.token(sign), condition.span),
        },
      ];
    });
    const record = this.name(tokenOf(node, "record"));
    const declaration: ScoreDecl = { kind: "score", name, lines, span: this.declSpan(node) };
    if (record) declaration.record = record;
    return declaration;
  }

  // -------------------------------------------------------------------------
  // Routers

  routerHeader(node: CstNode | undefined): RouterHeader | undefined {
    const keyword = tokenOf(node, "Router");
    const name = this.name(tokenOf(node, "name"));
    const record = this.name(tokenOf(node, "record"));
    if (!keyword || !name || !record) return undefined;
    return { name, record, start: this.spans.token(keyword) };
  }

  private routerDecl(node: CstNode): RouterDecl | undefined {
    const header = this.routerHeader(nodeOf(node, "routerHeader"));
    if (!header) return undefined;
    const rules = nodesOf(node, "ruleDecl").flatMap((rule) => {
      const lowered = this.rule(rule);
      return lowered ? [lowered] : [];
    });
    const otherwise = this.otherwise(nodeOf(node, "otherwiseDecl"));
    return this.router(header, rules, otherwise, this.declSpan(node));
  }

  /** Assembles a router from its parts (also used by recovery in parse.ts). */
  router(header: RouterHeader, rules: RuleDecl[], otherwise: OtherwiseDecl | undefined, span: Span): RouterDecl {
    const router: RouterDecl = { kind: "router", name: header.name, record: header.record, rules, span };
    if (otherwise) router.otherwise = otherwise;
    return router;
  }

  rule(node: CstNode | undefined): RuleDecl | undefined {
    const keyword = tokenOf(node, "Rule");
    const name = this.string(tokenOf(node, "name"));
    if (!node || !keyword || !name) return undefined;
    const open = tokenOf(node, "LCurly");
    const priority = tokenOf(node, "Priority") ? this.numberToken(tokenOf(node, "priority")) : undefined;
    const disabled = tokenOf(node, "Disabled");
    const headerEnd = open ?? disabled ?? tokenOf(node, "priority") ?? tokenOf(node, "name")!;
    const rule: RuleDecl = {
      kind: "rule",
      name,
      clauses: this.clauses(node, false),
      header: this.spans.between(keyword, headerEnd),
      span: this.spans.node(node)!,
    };
    if (priority) rule.priority = priority;
    if (disabled) rule.disabled = this.spans.token(disabled);
    return rule;
  }

  otherwise(node: CstNode | undefined): OtherwiseDecl | undefined {
    const keyword = tokenOf(node, "Otherwise");
    if (!node || !keyword) return undefined;
    return {
      kind: "otherwise",
      clauses: this.clauses(node, true),
      header: this.spans.token(keyword),
      span: this.spans.node(node)!,
    };
  }

  private clauses(node: CstNode, inOtherwise: boolean): Clause[] {
    return nodesOf(node, "clause").flatMap((clause) => {
      const when = tokenOf(nodeOf(clause, "whenClause"), "When");
      if (inOtherwise && when) {
        this.diagnostics.push({
          code: "syntax-error",
          severity: "error",
          message: "`otherwise` takes no `when`: it catches every record that no rule matched",
          span: this.spans.token(when),
          help: "move this condition into a `rule`, or delete it",
        });
        return [];
      }
      const lowered = this.clause(clause);
      return lowered ? [lowered] : [];
    });
  }

  private clause(node: CstNode): Clause | undefined {
    const [key, child] = Object.entries(node.children)[0] ?? [];
    const inner = child?.[0];
    if (!key || !inner || "image" in inner) return undefined;
    const span = this.spans.node(inner);
    if (!span) return undefined;
    switch (key) {
      case "whenClause": {
        const condition = this.condition(nodeOf(inner, "condition"));
        return condition ? { kind: "when", condition, span } : undefined;
      }
      case "assignClause":
      case "fallbackClause": {
        if (!tokenOf(inner, "To")) return undefined;
        const target = this.target(nodeOf(inner, "target"));
        if (!target) return undefined;
        const methodNode = nodeOf(inner, "method");
        const method = this.method(methodNode);
        if (methodNode && !method) return undefined;
        const kind = key === "assignClause" ? "assign" : "fallback";
        return method ? { kind, target, method, span } : { kind, target, span };
      }
      case "requireClause": {
        const attribute = tokenOf(inner, "attribute");
        const predicate = this.predicate(nodeOf(inner, "predicate"));
        if (!attribute || !predicate) return undefined;
        const value = attribute.image as "skills" | "languages" | "region";
        return { kind: "require", attribute: { value, span: this.spans.token(attribute) }, predicate, span };
      }
      case "notifyClause": {
        const target = tokenOf(inner, "Notify") ? this.target(nodeOf(inner, "target")) : undefined;
        return target ? { kind: "notify", target, span } : undefined;
      }
      case "slaClause":
        return this.slaClause(inner, span);
      case "reasonClause": {
        const text = this.string(tokenOf(inner, "text"));
        return text ? { kind: "reason", text, span } : undefined;
      }
    }
    return undefined;
  }

  private slaClause(node: CstNode, span: Span): Clause | undefined {
    const amount = this.numberToken(tokenOf(node, "amount"));
    const unitToken = tokenOf(nodeOf(node, "durationUnit"), "unit");
    if (!amount || !unitToken) return undefined;
    const unit = unitToken.image.replace(/s$/, "") as DurationUnit;
    const clause: SlaClause = {
      kind: "sla",
      duration: { amount, unit, unitWord: unitToken.image, span: this.spans.join(amount.span, this.spans.token(unitToken)) },
      span,
    };
    const business = tokenOf(node, "Business");
    if (business) clause.business = this.spans.token(business);
    if (tokenOf(node, "Then")) {
      const reassign = nodeOf(node, "reassign");
      const escalate = nodeOf(node, "escalate");
      if (reassign) {
        const reassignSpan = this.spans.node(reassign);
        if (!reassignSpan) return undefined;
        const then: NonNullable<typeof clause.then> = { kind: "reassign", span: reassignSpan };
        if (tokenOf(reassign, "Excluding")) {
          const last = tokenOf(reassign, "Last") ? this.numberToken(tokenOf(reassign, "excludingLast")) : undefined;
          if (!last) return undefined;
          then.excludingLast = last;
        }
        if (tokenOf(reassign, "Up")) {
          const upTo = this.numberToken(tokenOf(reassign, "upTo"));
          if (!upTo || !tokenOf(reassign, "Times") || !tokenOf(reassign, "To")) return undefined;
          then.upTo = upTo;
        }
        clause.then = then;
      } else if (escalate) {
        const target = tokenOf(escalate, "To") ? this.target(nodeOf(escalate, "target")) : undefined;
        const escalateSpan = this.spans.node(escalate);
        if (!target || !escalateSpan) return undefined;
        const methodNode = nodeOf(escalate, "method");
        const method = this.method(methodNode);
        if (methodNode && !method) return undefined;
        clause.then = method
          ? { kind: "escalate", target, method, span: escalateSpan }
          : { kind: "escalate", target, span: escalateSpan };
      } else {
        return undefined;
      }
    }
    return clause;
  }

  // -------------------------------------------------------------------------
  // Tests and asserts

  private testDecl(node: CstNode): TestDecl | undefined {
    const name = this.string(tokenOf(node, "name"));
    const router = this.name(tokenOf(node, "router"));
    const record = this.recordLiteral(nodeOf(node, "recordLiteral"));
    if (!name || !router || !record) return undefined;
    const items: TestItem[] = [];
    for (const line of nodesOf(node, "unavailableLine")) {
      const span = this.spans.node(line);
      if (!span || !tokenOf(line, "Unavailable") || !tokenOf(line, "RBracket")) continue;
      items.push({ kind: "unavailable", reps: tokensOf(line, "rep").map((rep) => this.name(rep)!), span });
    }
    for (const line of nodesOf(node, "atLine")) {
      const instant = tokenOf(line, "instant");
      const at = tokenOf(line, "At");
      if (!instant || !at) continue;
      items.push({
        kind: "at",
        instant: { kind: "instant", value: instant.image, span: this.spans.token(instant) },
        span: this.spans.between(at, instant),
      });
    }
    for (const line of nodesOf(node, "expectLine")) {
      const expectation = this.expectation(line);
      if (expectation) items.push({ kind: "expect", expectation, span: this.spans.node(line)! });
    }
    items.sort((a, b) => a.span.start - b.span.start);
    return { kind: "test", name, router, record, items, span: this.declSpan(node) };
  }

  private expectation(node: CstNode): Expectation | undefined {
    const kind = tokenOf(node, "kind");
    if (!kind) return undefined;
    const span = this.spans.node(node)!;
    const startSpan = this.spans.token(kind);
    switch (kind.image) {
      case "rule":
      case "action": {
        const name = this.string(tokenOf(node, "string"));
        return name ? { kind: kind.image, name, span: this.spans.join(startSpan, name.span) } : undefined;
      }
      case "team":
      case "rep":
      case "queue": {
        const name = this.name(tokenOf(node, "name"));
        return name ? { kind: kind.image, name, span: this.spans.join(startSpan, name.span) } : undefined;
      }
      case "otherwise":
      case "unmatched":
      case "unassigned":
        return { kind: kind.image, span: startSpan };
    }
    void span;
    return undefined;
  }

  private assertDecl(node: CstNode): AssertDecl | undefined {
    const name = this.string(tokenOf(node, "name"));
    const router = this.name(tokenOf(node, "router"));
    const claimToken = tokenOf(node, "claim");
    if (!name || !router || !claimToken) return undefined;
    let claim: AssertDecl["claim"];
    if (claimToken.image === "always") {
      const assigned = tokenOf(node, "Assigned");
      if (!assigned) return undefined;
      claim = { kind: "always-assigned", span: this.spans.between(claimToken, assigned) };
    } else {
      const targets = nodesOf(node, "target").flatMap((target): Target[] => {
        const lowered = this.target(target);
        return lowered ? [lowered] : [];
      });
      if (targets.length === 0 || !tokenOf(node, "To")) return undefined;
      const kind = claimToken.image as "only" | "never";
      claim = { kind, targets, span: this.spans.join(this.spans.token(claimToken), targets[targets.length - 1]!.span) };
    }
    const assertion: AssertDecl = { kind: "assert", name, router, claim, span: this.declSpan(node) };
    if (tokenOf(node, "When")) {
      const when = this.condition(nodeOf(node, "condition"));
      if (!when) return undefined;
      assertion.when = when;
    }
    return assertion;
  }
}

export type { IToken, Literal };
