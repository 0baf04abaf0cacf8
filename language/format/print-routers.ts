// Printing routers, rules and `otherwise`, whose clauses come out in the
// canonical order of the language brief — when, assign, require, also notify,
// sla, fallback, reason — each kind keeping its written order (fallbacks are
// tried in order). A clause's own-line comments move with it.

import type { Clause, OtherwiseDecl, RouterDecl, RuleDecl } from "../syntax/ast";
import { sequence, type Context, type Sequence, type Slot } from "./context";
import type { Doc } from "./doc";
import { block } from "./layout";
import { condition, element, predicate, routed } from "./print-expressions";

/** The canonical rank of each clause kind. */
export const clauseRank: Record<Clause["kind"], number> = {
  when: 0,
  assign: 1,
  require: 2,
  notify: 3,
  sla: 4,
  fallback: 5,
  reason: 6,
};

/** Clauses in canonical order; a stable sort, so each kind keeps its written order. */
export function canonicalClauses<T extends Clause>(clauses: readonly T[]): T[] {
  return clauses
    .map((clause, index) => ({ clause, index }))
    .sort((a, b) => clauseRank[a.clause.kind] - clauseRank[b.clause.kind] || a.index - b.index)
    .map((entry) => entry.clause);
}

export function router(context: Context, value: RouterDecl): Doc {
  const parts: (RuleDecl | OtherwiseDecl)[] = value.otherwise ? [...value.rules, value.otherwise] : [...value.rules];
  const open = context.source.next("{", value.record.span.end);
  const body = sequence(
    context,
    parts.map((part) => element(part.span, () => (part.kind === "rule" ? rule(context, part) : otherwise(context, part)))),
    open + 1,
    value.span.end - 1,
  );
  return ["router ", value.name.text, " for ", value.record.text, " ", block(body)];
}

function rule(context: Context, value: RuleDecl): Doc {
  const header: Doc[] = ["rule ", context.source.slice(value.name.span)];
  if (value.priority) header.push(" priority ", value.priority.raw);
  if (value.disabled) header.push(" disabled");
  const after = value.disabled ?? value.priority?.span ?? value.name.span;
  return [header, " ", clauses(context, value.clauses, context.source.next("{", after.end), value.span.end - 1)];
}

function otherwise(context: Context, value: OtherwiseDecl): Doc {
  return ["otherwise ", clauses(context, value.clauses, context.source.next("{", value.header.end), value.span.end - 1)];
}

/** A rule body: comments placed in written order, then each clause (with its comments above it) moved to its rank. */
function clauses(context: Context, list: readonly Clause[], open: number, close: number): Doc {
  const body = sequence(context, list.map((item) => element(item.span, () => clause(context, item))), open + 1, close);
  return block(reorder(body, list));
}

function reorder(body: Sequence, list: readonly Clause[]): Sequence {
  // Each group: the own-line comments above a clause, then the clause.
  const groups: { slots: Slot[]; rank: number; index: number }[] = [];
  const dangling: Slot[] = [];
  let pending: Slot[] = [];
  let elementIndex = 0;
  for (const slot of body.slots) {
    if (slot.kind === "comment") {
      pending.push(slot);
      continue;
    }
    const clauseKind = list[elementIndex]!.kind;
    groups.push({ slots: [...pending, slot], rank: clauseRank[clauseKind], index: elementIndex });
    pending = [];
    elementIndex++;
  }
  dangling.push(...pending);
  groups.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return { ...body, slots: [...groups.flatMap((group) => group.slots), ...dangling] };
}

function clause(context: Context, value: Clause): Doc {
  switch (value.kind) {
    case "when":
      return ["when ", condition(context, value.condition)];
    case "assign":
      return ["assign to ", routed(context, value.target, value.method)];
    case "require":
      return ["require ", value.attribute.value, " ", predicate(context, value.predicate)];
    case "notify":
      return ["also notify ", routed(context, value.target, undefined)];
    case "sla": {
      const parts: Doc[] = ["sla ", value.duration.amount.raw, " ", value.duration.unitWord];
      if (value.business) parts.push(" business");
      const then = value.then;
      if (then?.kind === "reassign") {
        parts.push(" then reassign");
        if (then.excludingLast) parts.push(" excluding last ", then.excludingLast.raw);
        if (then.upTo) parts.push(" up to ", then.upTo.raw, " times");
      } else if (then?.kind === "escalate") {
        parts.push(" then escalate to ", routed(context, then.target, then.method));
      }
      return parts;
    }
    case "fallback":
      return ["fallback to ", routed(context, value.target, value.method)];
    case "reason":
      return ["reason ", context.source.slice(value.text.span)];
  }
}
