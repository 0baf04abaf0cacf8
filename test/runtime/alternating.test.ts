// `match` remembers the last table and router it looked up (runtime/match.ts):
// alternating between tables, routers and a table loaded with coercion must
// still give each its own answer.

import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile";
import { checkProgram } from "../../language/semantics/check";
import { loadTable, match } from "../../runtime/index";
import { MemoryHost } from "../harness/memory-host";

function tableOf(text: string) {
  const checked = checkProgram("/alternate/main.route", new MemoryHost({ "/alternate/main.route": text }));
  return compile(checked.value).value!;
}

const HEADER = `enum Region { NA, EMEA }\nrecord Lead {\n  region: Region?\n  employees: number?\n}\nqueue east\nqueue west\n`;
const router = (name: string, first: string, second: string) =>
  `router ${name} for Lead {\n  rule "${first}" {\n    when region is EMEA\n    assign to queue east\n  }\n  rule "${second}" {\n    assign to queue west\n  }\n}\n`;

describe("matching alternately through several tables and routers", () => {
  const one = tableOf(HEADER + router("inbound", "one-emea", "one-rest") + router("outbound", "out-emea", "out-rest"));
  const two = tableOf(HEADER + router("inbound", "two-emea", "two-rest"));
  const first = loadTable(one);
  const second = loadTable(two);
  const same = loadTable(one);
  const coercing = loadTable(one, { coerce: true });

  it("each table and router answers for itself, record after record", () => {
    const emea = { region: "emea" };
    const na = { region: "NA" };
    for (let round = 0; round < 3; round++) {
      expect(match(first, "inbound", emea).rule).toBe("one-emea");
      expect(match(first, "outbound", emea).rule).toBe("out-emea");
      expect(match(second, "inbound", emea).rule).toBe("two-emea");
      expect(match(same, "inbound", na).rule).toBe("one-rest");
      expect(match(second, "inbound", na).rule).toBe("two-rest");
      expect(match(first, "outbound", na).rule).toBe("out-rest");
      expect(match(coercing, "inbound", { region: "EMEA", employees: "12" }).rule).toBe("one-emea");
      expect(match(first, "missing-router", emea).outcome).toBe("unmatched");
      expect(match(first, "inbound", emea).rule).toBe("one-emea");
    }
  });
});
