// Peer: json-rules-engine 7 set up for first match: `allowUndefinedFacts` (a
// missing field would throw), a unique priority per rule (higher runs first)
// and `engine.stop()` on the first success. One engine routes one record at a time.
// Text compares ignoring case, as the language says: the rules' constants are
// folded here, each record is folded on its way in (see folded-record.ts).

import { Engine, type RuleProperties } from "json-rules-engine";
import type { BenchRule, BenchTest } from "../generate";
import { fold, foldedRecord } from "./folded-record";

export interface RulesEnginePeer {
  route(record: Record<string, unknown>): Promise<string | null>;
}

export function jsonRulesEnginePeer(rules: BenchRule[]): RulesEnginePeer {
  const engine = new Engine([], { allowUndefinedFacts: true });
  // `has any of`: no built-in operator intersects two lists.
  engine.addOperator("containsAny", (fact: unknown, wanted: unknown) => Array.isArray(fact) && Array.isArray(wanted) && wanted.some((item) => fact.includes(item)));
  let matched: string | null = null;
  rules.forEach((rule, i) => {
    const properties: RuleProperties = {
      name: rule.name,
      priority: rules.length - i,
      conditions: { all: rule.tests.flatMap(conditions) },
      event: { type: rule.name },
      onSuccess: (event) => {
        matched ??= event.type;
        engine.stop();
      },
    };
    engine.addRule(properties);
  });
  return {
    async route(record) {
      matched = null;
      // A folded copy, which also keeps the engine from writing facts into the caller's record.
      await engine.run(foldedRecord(record));
      return matched;
    },
  };
}

function conditions(test: BenchTest): { fact: string; operator: string; value: unknown }[] {
  const fact = test.field;
  switch (test.op) {
    case "is":
      return [{ fact, operator: "equal", value: fold(test.value) }];
    case "in":
      return [{ fact, operator: "in", value: test.values.map(fold) }];
    case ">=":
      return [{ fact, operator: "greaterThanInclusive", value: test.value }];
    case "<":
      return [{ fact, operator: "lessThan", value: test.value }];
    case "between":
      return [
        { fact, operator: "greaterThanInclusive", value: test.low },
        { fact, operator: "lessThanInclusive", value: test.high },
      ];
    case "has":
      return [{ fact, operator: "contains", value: fold(test.value) }];
    case "hasAny":
      return [{ fact, operator: "containsAny", value: test.values.map(fold) }];
    case "true":
      return [{ fact, operator: "equal", value: true }];
    case "false":
      return [{ fact, operator: "notEqual", value: true }];
  }
}
