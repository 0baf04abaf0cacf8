// Peer: json-rules-engine 7 set up for first match: `allowUndefinedFacts` (a
// missing field would throw), a unique priority per rule (higher runs first)
// and `engine.stop()` on the first success. One engine routes one record at a time.

import { Engine, type RuleProperties } from "json-rules-engine";
import type { BenchRule, BenchTest } from "../generate";

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
      await engine.run({ ...record });
      return matched;
    },
  };
}

function conditions(test: BenchTest): { fact: string; operator: string; value: unknown }[] {
  const fact = test.field;
  switch (test.op) {
    case "is":
      return [{ fact, operator: "equal", value: test.value }];
    case "in":
      return [{ fact, operator: "in", value: test.values }];
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
      return [{ fact, operator: "contains", value: test.value }];
    case "hasAny":
      return [{ fact, operator: "containsAny", value: test.values }];
    case "true":
      return [{ fact, operator: "equal", value: true }];
    case "false":
      return [{ fact, operator: "notEqual", value: true }];
  }
}
