// A record's getter may route another record through the same router while
// the index is reading it (a host's lazy field that consults the router).
// The lookup's scratch state is shared per router, so the inner call must
// not disturb the outer one: both answers equal the rule walk's.

import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile";
import { checkProgram } from "../../language/semantics/check";
import { loadTable, match, type Decision } from "../../runtime/index";
import { MemoryHost } from "../harness/memory-host";

const TEXT = `enum Region { NA, EMEA }
enum Industry { Software, Retail }
record Lead {
  region: Region?
  industry: Industry?
}
queue sales
router inbound for Lead {
  rule "emea-software" {
    when region is EMEA and industry is Software
    assign to queue sales
  }
  rule "na-software" {
    when region is NA and industry is Software
    assign to queue sales
  }
  rule "na" {
    when region is NA
    assign to queue sales
  }
}
`;

describe("a getter that routes again while its record is being routed", () => {
  const checked = checkProgram("/reentrant/main.route", new MemoryHost({ "/reentrant/main.route": TEXT }));
  const indexed = loadTable(compile(checked.value).value!);
  const plain = loadTable(compile(checked.value, { index: false }).value!);

  it("leaves the outer lookup's answer intact, and the inner one correct", () => {
    let inner: Decision | null = null;
    let calls = 0;
    const record = {
      region: "EMEA",
      get industry() {
        if (calls++ === 0) inner = match(indexed, "inbound", { region: "NA", industry: "Retail" });
        return "Software";
      },
    };
    const outer = match(indexed, "inbound", record);
    expect(outer.rule).toBe("emea-software");
    expect(outer.rule).toBe(match(plain, "inbound", { region: "EMEA", industry: "Software" }).rule);
    expect(inner!.rule).toBe("na");
    // And the router is usable afterwards.
    expect(match(indexed, "inbound", { region: "NA", industry: "Software" }).rule).toBe("na-software");
  });
});
