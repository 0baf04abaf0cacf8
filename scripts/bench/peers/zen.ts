// Peer: GoRules ZEN (native Rust engine, async Node API) with a first-hit
// decision table — every row carries every input column (a row missing one is
// skipped silently) and every cell is a null-safe expression on `$`, since a
// comparison on a missing value errors and skips the row. Text compares
// ignoring case, as the language says: the cells' constants are folded here,
// each record is folded on its way in (see folded-record.ts).

import { ZenEngine, type ZenDecision } from "@gorules/zen-engine";
import { FIELDS, type BenchRule, type BenchTest } from "../generate";
import { fold, foldedRecord } from "./folded-record";

export interface ZenPeer {
  route(record: Record<string, unknown>): Promise<string | null>;
  dispose(): void;
}

export function zenPeer(rules: BenchRule[]): ZenPeer {
  const inputs = FIELDS.map((field) => ({ id: `in_${field}`, name: field, field }));
  const rows = rules.map((rule) => {
    const row: Record<string, string> = { _id: rule.name, out_rule: JSON.stringify(rule.name) };
    for (const field of FIELDS) row[`in_${field}`] = "";
    for (const test of rule.tests) row[`in_${test.field}`] = cell(test);
    return row;
  });
  const content = {
    nodes: [
      { id: "request", type: "inputNode", name: "request", position: { x: 0, y: 0 } },
      {
        id: "table",
        type: "decisionTableNode",
        name: "routing",
        position: { x: 200, y: 0 },
        content: { hitPolicy: "first", inputs, outputs: [{ id: "out_rule", name: "rule", field: "rule" }], rules: rows },
      },
      { id: "response", type: "outputNode", name: "response", position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: "e1", sourceId: "request", targetId: "table", type: "edge" },
      { id: "e2", sourceId: "table", targetId: "response", type: "edge" },
    ],
  };
  const engine = new ZenEngine();
  const decision: ZenDecision = engine.createDecision(content);
  return {
    async route(record) {
      const response = await decision.evaluate(foldedRecord(record));
      const rule = (response.result as { rule?: unknown } | null)?.rule;
      return typeof rule === "string" ? rule : null;
    },
    dispose: () => engine.dispose(),
  };
}

function cell(test: BenchTest): string {
  const text = (value: string) => JSON.stringify(fold(value));
  const list = (values: readonly string[]) => `[${values.map(text).join(", ")}]`;
  switch (test.op) {
    case "is":
      return `$ == ${text(test.value)}`;
    case "in":
      return `$ != null and $ in ${list(test.values)}`;
    case ">=":
    case "<":
      return `$ != null and $ ${test.op} ${test.value}`;
    case "between":
      return `$ != null and $ >= ${test.low} and $ <= ${test.high}`;
    case "has":
      return `$ != null and contains($, ${text(test.value)})`;
    case "hasAny":
      return `$ != null and some($, # in ${list(test.values)})`;
    case "true":
      return "$ == true";
    case "false":
      return "$ != true";
  }
}
