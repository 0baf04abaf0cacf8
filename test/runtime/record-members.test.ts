// A record's fields are its own enumerable members — what JSON carries — in
// the decision index, the rule walk and the reference evaluator alike: a
// non-enumerable or inherited property (prototype pollution, a class getter)
// is missing; a null-prototype object and a very wide record read as usual.

import { afterEach, describe, expect, it, vi } from "vitest";
import { compile } from "../../compiler/compile";
import { hasErrors } from "../../language/diagnostics/diagnostic";
import { checkProgram } from "../../language/semantics/check";
import { evaluate } from "../../language/semantics/evaluate";
import { loadTable, match } from "../../runtime/index";
import { MemoryHost } from "../harness/memory-host";

// The index lookup, passed through and watched: `match` falls back to the walk
// when the lookup throws, and that would hide an index that cannot read a record.
const lookups = vi.hoisted(() => ({ calls: 0, failures: 0 }));
vi.mock("../../runtime/indexed-match", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../runtime/indexed-match")>();
  return {
    ...original,
    lookup(...args: Parameters<typeof original.lookup>) {
      lookups.calls++;
      try {
        return original.lookup(...args);
      } catch (error) {
        lookups.failures++;
        throw error;
      }
    },
  };
});

const text = `enum Region { NA, EMEA }
record Account {
  tier: text?
}
record Lead {
  region: Region?
  employees: number?
  partner: boolean?
  products: set of text?
  account: Account?
  constructor: text?
}
queue emea
queue big
queue partners
queue gold
queue crm
queue named
queue rest
router inbound for Lead {
  rule "emea" {
    when region is EMEA
    assign to queue emea
  }
  rule "big" {
    when employees >= 500
    assign to queue big
  }
  rule "partner" {
    when partner
    assign to queue partners
  }
  rule "gold" {
    when account.tier is "gold"
    assign to queue gold
  }
  rule "crm" {
    when products has "crm"
    assign to queue crm
  }
  rule "named" {
    when constructor is set
    assign to queue named
  }
  otherwise {
    assign to queue rest
  }
}
`;

const checked = checkProgram("/members/main.route", new MemoryHost({ "/members/main.route": text }));
const program = checked.value;
const indexedTable = compile(program).value!;
const indexed = loadTable(indexedTable);
const plain = loadTable(compile(program, { index: false }).value!);

interface Routed {
  indexed: Record<string, unknown>;
  plain: Record<string, unknown>;
  reference: { outcome: string; rule: string | null };
  lookupsFailed: number;
  lookupsRan: number;
}

/** Routes one record three ways, traces included, so everything is read while the record (and any pollution) is as given. */
function route(record: unknown): Routed {
  const calls = lookups.calls;
  const failures = lookups.failures;
  const fast = match(indexed, "inbound", record).toJSON();
  const ran = lookups.calls - calls;
  const failed = lookups.failures - failures;
  const walked = match(plain, "inbound", record).toJSON();
  const { outcome, rule } = evaluate(program, "inbound", record, { at: null });
  return { indexed: { ...fast }, plain: { ...walked }, reference: { outcome, rule }, lookupsRan: ran, lookupsFailed: failed };
}

/** The rule all three agree on ("otherwise" when none matched), with the indexed trace equal to the walk's. */
function expectRoutedTo(routed: Routed, expected: string): void {
  expect(routed.lookupsRan, "the index lookup ran").toBe(1);
  expect(routed.lookupsFailed, "the index lookup threw and the walk decided").toBe(0);
  const outcome = expected === "otherwise" ? { outcome: "otherwise", rule: null } : { outcome: "rule", rule: expected };
  expect(routed.reference).toEqual(outcome);
  expect(routed.plain).toMatchObject(outcome);
  expect(routed.indexed).toEqual(routed.plain);
}

/** The same members (with their prototype and attributes) after 200 other keys: classify.ts reads such a record by name. */
function widened(record: object): object {
  const wide = Object.create(Object.getPrototypeOf(record) as object | null) as Record<string, unknown>;
  for (let i = 0; i < 200; i++) wide[`extra_${i}`] = i;
  Object.defineProperties(wide, Object.getOwnPropertyDescriptors(record));
  return wide;
}

/** One field per kind the index classifies: enum text, number, boolean, set, a related record. */
const fields = [
  { field: "region", value: "EMEA", rule: "emea" },
  { field: "employees", value: 900, rule: "big" },
  { field: "partner", value: true, rule: "partner" },
  { field: "products", value: ["CRM"], rule: "crm" },
  { field: "account", value: { tier: "Gold" }, rule: "gold" },
] as const;

/** Ways a record can hold `field`: whether it counts, and the record. */
const shapes: { name: string; present: boolean; build(field: string, value: unknown): object }[] = [
  { name: "an own enumerable field", present: true, build: (field, value) => ({ [field]: value }) },
  {
    name: "a non-enumerable own field",
    present: false,
    build: (field, value) => Object.defineProperty({}, field, { value, enumerable: false, writable: true, configurable: true }),
  },
  { name: "an inherited enumerable field (Object.create)", present: false, build: (field, value) => Object.create({ [field]: value }) as object },
  {
    name: "a class instance whose field is a getter on the prototype",
    present: false,
    build: (field, value) =>
      new (class Lead {
        get [field]() {
          return value;
        }
      })(),
  },
  {
    name: "a class instance whose field is an own class field",
    present: true,
    build: (field, value) =>
      new (class Lead {
        [field] = value;
      })(),
  },
  { name: "a null-prototype record", present: true, build: (field, value) => Object.assign(Object.create(null) as object, { [field]: value }) },
];

describe("a record's fields are its own enumerable members: indexed, walked and reference agree", () => {
  afterEach(() => {
    // A failed assertion must not leave Object.prototype polluted for later tests.
    for (const { field } of fields) delete (Object.prototype as Record<string, unknown>)[field];
  });

  it("the program checks and the indexed table carries an index", () => {
    expect(hasErrors(checked.diagnostics)).toBe(false);
    expect(indexedTable.routers.inbound!.index).toBeDefined();
  });

  for (const { field, value, rule } of fields) {
    for (const shape of shapes) {
      const expected = shape.present ? rule : "otherwise";
      it(`${field}: ${shape.name} → ${expected}`, () => {
        expectRoutedTo(route(shape.build(field, value)), expected);
      });
      it(`${field}: ${shape.name}, after 200 other keys → ${expected}`, () => {
        expectRoutedTo(route(widened(shape.build(field, value))), expected);
      });
    }

    it(`${field}: set on Object.prototype while matching stays missing, in narrow and wide records`, () => {
      const prototype = Object.prototype as Record<string, unknown>;
      let narrow: Routed;
      let wide: Routed;
      let control: Routed;
      try {
        prototype[field] = value;
        narrow = route({});
        wide = route(widened({}));
        control = route({ [field]: value });
      } finally {
        delete prototype[field];
      }
      expectRoutedTo(narrow, "otherwise");
      expectRoutedTo(wide, "otherwise");
      expectRoutedTo(control, rule);
    });
  }

  describe("a field of a related record", () => {
    for (const shape of shapes) {
      const expected = shape.present ? "gold" : "otherwise";
      it(`account.tier: ${shape.name} → ${expected}`, () => {
        expectRoutedTo(route({ account: shape.build("tier", "Gold") }), expected);
        expectRoutedTo(route(widened({ account: shape.build("tier", "Gold") })), expected);
      });
    }

    it("account.tier set on Object.prototype while matching stays missing", () => {
      const prototype = Object.prototype as Record<string, unknown>;
      let routed: Routed;
      try {
        prototype.tier = "Gold";
        routed = route({ account: {} });
      } finally {
        delete prototype.tier;
      }
      expectRoutedTo(routed, "otherwise");
    });
  });

  describe("__proto__ and constructor keys in JSON.parse'd records", () => {
    it("an own `constructor` key is the declared field; the inherited Object.prototype.constructor is not", () => {
      expectRoutedTo(route(JSON.parse('{"constructor": "Acme"}')), "named");
      expectRoutedTo(route(JSON.parse("{}")), "otherwise");
      expectRoutedTo(route(widened(JSON.parse('{"constructor": "Acme"}'))), "named");
    });

    it("a `__proto__` key is an own member of that name, not a prototype: the fields inside it stay missing", () => {
      const record = JSON.parse('{"__proto__": {"region": "EMEA", "employees": 900, "constructor": "Acme"}}') as object;
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
      expectRoutedTo(route(record), "otherwise");
      expectRoutedTo(route(widened(record)), "otherwise");
    });

    it("a `__proto__` key next to real fields does not hide them", () => {
      expectRoutedTo(route(JSON.parse('{"__proto__": {"region": "NA"}, "region": "EMEA"}')), "emea");
      expectRoutedTo(route(JSON.parse('{"__proto__": null, "constructor": "Acme"}')), "named");
    });

    it("`__proto__` in an object literal does set the prototype, so its fields are inherited and missing", () => {
      const record = { __proto__: { region: "EMEA", constructor: "Acme" } };
      expectRoutedTo(route(record), "otherwise");
    });
  });
});
