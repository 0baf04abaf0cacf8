// Names a user may write that mean something to JavaScript objects —
// `__proto__`, `constructor` — compile into ordinary keys of the table and
// route like any other name.

import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile";
import { checkProgram } from "../../language/semantics/check";
import { evaluate } from "../../language/semantics/evaluate";
import { loadTable, match } from "../../runtime/index";
import { MemoryHost } from "../harness/memory-host";

const text = `enum constructor { __proto__, toString }
record __proto__ {
  __proto__: constructor?
  constructor: number?
}
queue hasOwnProperty
queue valueOf
router isPrototypeOf for __proto__ {
  rule "proto" {
    when __proto__ is toString and constructor >= 5
    assign to queue hasOwnProperty
  }
  otherwise {
    assign to queue valueOf
  }
}
`;

describe("names JavaScript objects treat specially", () => {
  const checked = checkProgram("/names/main.route", new MemoryHost({ "/names/main.route": text }));
  it("check without errors", () => {
    expect(checked.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  });

  for (const index of [true, false]) {
    it(`compile to a table that loads and routes (${index ? "with" : "without"} the index)`, () => {
      const table = compile(checked.value, { index }).value!;
      expect(Object.keys(JSON.parse(JSON.stringify(table)).records)).toEqual(["__proto__"]);
      const loaded = loadTable(JSON.stringify(table));
      const records = [JSON.parse('{"__proto__": "toString", "constructor": 7}'), JSON.parse('{"__proto__": "__proto__", "constructor": 7}'), { constructor: 7 }];
      for (const record of records) {
        const expected = evaluate(checked.value, "isPrototypeOf", record, { at: null }).rule;
        expect(match(loaded, "isPrototypeOf", record).rule).toBe(expected);
      }
      expect(match(loaded, "isPrototypeOf", records[0]).rule).toBe("proto");
    });
  }
});
