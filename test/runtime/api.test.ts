// The runtime's API contract beyond the fixtures: inputs JSON cannot express
// (Dates, NaN, Infinity), immutability, forward compatibility and totality.

import { describe, expect, it } from "vitest";
import { loadTable, match, place, TableError, type Decision, type LoadedTable } from "../../runtime/index";
import { readFixture } from "./harness";

const ops = readFixture("ops.json");
const acme = readFixture("acme.json");
const hours = readFixture("hours.json");

describe("loadTable", () => {
  it("accepts the JSON text as well as the object", () => {
    const table = loadTable(JSON.stringify(ops.table));
    expect(match(table, "is_text", { t: "hello" }).outcome).toBe("rule");
  });

  it("ignores unknown members anywhere (a new optional member keeps /1)", () => {
    const table = structuredClone(ops.table) as Record<string, any>;
    table.future = { anything: true };
    table.routers.is_text.rules[0].explain = "new";
    table.routers.is_text.rules[0].condition.weight = 3;
    table.roster.reps.alice.pronouns = "she";
    expect(match(loadTable(table), "is_text", { t: "Hello" }).outcome).toBe("rule");
  });

  it("copies and freezes: later changes to the host's object change nothing", () => {
    const source = structuredClone(ops.table) as Record<string, any>;
    const table = loadTable(source);
    source.routers.is_text.rules[0].condition.value = "Bye";
    expect(match(table, "is_text", { t: "Hello" }).outcome).toBe("rule");
    expect(Object.isFrozen(table.table.routers)).toBe(true);
    expect(() => {
      (table.table.routers as Record<string, unknown>).x = 1;
    }).toThrow();
  });

  it("keeps coerce off unless asked", () => {
    expect(loadTable(ops.table).coerce).toBe(false);
    expect(loadTable(ops.table, { coerce: true }).coerce).toBe(true);
    expect(loadTable(ops.table, "yes" as never).coerce).toBe(false);
  });

  it("throws TableError for values JSON cannot hold", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const input of [undefined, null, 5, cyclic, 10n, () => 1]) {
      expect(() => loadTable(input)).toThrow(TableError);
    }
  });

  it("states one problem alone and numbers several", () => {
    try {
      loadTable({ ...(ops.table as object), format: "route-table/2" });
    } catch (error) {
      expect((error as TableError).message).toBe('this table is format "route-table/2"; this runtime reads route-table/1 — upgrade the runtime');
      expect((error as TableError).name).toBe("TableError");
    }
    try {
      loadTable({ ...(ops.table as object), routers: 1, roster: 2 });
    } catch (error) {
      expect((error as TableError).message).toMatch(/^\d+ problems in the table:\n {2}table\./);
    }
  });
});

describe("match", () => {
  const table = loadTable(ops.table);
  const coercing = loadTable(ops.table, { coerce: true });

  it("takes a Date as the instant", () => {
    const berlin = loadTable(hours.table);
    const decision = match(berlin, "within_berlin", {}, { at: new Date("2026-12-01T09:00:00Z") });
    expect(decision).toMatchObject({ outcome: "rule", at: "2026-12-01T09:00:00.000Z" });
    const invalid = match(berlin, "within_berlin", {}, { at: new Date("nope") });
    expect(invalid).toMatchObject({ outcome: "unmatched", at: null });
    expect(invalid.trace).toContainEqual({ kind: "note", message: "the instant given is an invalid Date; `within` tests are false" });
  });

  it("counts NaN and Infinity as missing, even when coercing", () => {
    for (const n of [NaN, Infinity, -Infinity]) {
      for (const loaded of [table, coercing]) {
        expect(match(loaded, "ge", { n }).outcome).toBe("unmatched");
        expect(match(loaded, "ne", { n }).outcome).toBe("rule");
      }
    }
    const decision = match(table, "ge", { n: NaN });
    expect(decision.trace).toContainEqual(expect.objectContaining({ kind: "note", field: "n" }));
    expect(JSON.parse(JSON.stringify(decision))).toEqual({ ...decision, trace: decision.trace });
  });

  it("never throws on hostile input", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("boom");
        },
        getOwnPropertyDescriptor() {
          throw new Error("boom");
        },
      },
    );
    const decision = match(table, "is_text", hostile);
    expect(decision.outcome).toBe("unmatched");
    expect(decision.trace.some((entry) => entry.kind === "note" && entry.message.includes("internal error"))).toBe(true);
    expect(match({} as LoadedTable, "is_text", {}).outcome).toBe("unmatched");
    expect(match(null as never, "is_text", {}).outcome).toBe("unmatched");
    expect(match(table, 42 as never, {}).trace).toContainEqual(expect.objectContaining({ kind: "note", message: expect.stringContaining("unknown router 42") }));
    expect(match(table, "is_text", {}, "soon" as never).outcome).toBe("unmatched");
  });

  it("is pure: the same record and instant give the same decision", () => {
    const loaded = loadTable(acme.table);
    const record = acme.cases[0]!.record;
    expect(match(loaded, "inbound", record)).toEqual(match(loaded, "inbound", record));
  });

  it("decisions do not share state with the table", () => {
    const loaded = loadTable(acme.table);
    const first = match(loaded, "inbound", acme.cases[0]!.record);
    first.fallbacks.push({ kind: "unassigned" });
    expect(match(loaded, "inbound", acme.cases[0]!.record).fallbacks).toHaveLength(2);
  });
});

describe("place", () => {
  const table = loadTable(acme.table);
  it("never throws on a decision it did not make", () => {
    const junk = [null, {}, { outcome: "rule" }, { outcome: "rule", target: { kind: "team", id: "nope", method: "broadcast" }, fallbacks: "x" }];
    for (const decision of junk) {
      const placement = place(table, "inbound", decision as unknown as Decision, {});
      expect(placement.assignee.kind).toBe("unassigned");
    }
    expect(place({} as LoadedTable, "inbound", match(table, "inbound", {}), {}).step).toBeNull();
    expect(place(table, "inbound", match(table, "inbound", {}), {}, { unavailable: "alice" as never, at: 5 as never }).step).toBe("primary");
  });
});

describe("Architecture Invariant: the runtime imports nothing outside runtime/", () => {
  it("every import in runtime/*.ts is a sibling file or one in runtime/distribute/ or runtime/stores/", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const { fileURLToPath } = await import("node:url");
    const folder = fileURLToPath(new URL("../../runtime/", import.meta.url));
    for (const file of readdirSync(folder).filter((name) => name.endsWith(".ts"))) {
      const source = readFileSync(folder + file, "utf8");
      const specifiers = [...source.matchAll(/(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]);
      for (const specifier of specifiers) expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\/(?:(?:distribute|stores)\/)?[\w-]+$/);
    }
  });
});

describe("docs/table-format.md", () => {
  it("its example table loads and matches as the page says", async () => {
    const { readFileSync } = await import("node:fs");
    const { fileURLToPath } = await import("node:url");
    const page = readFileSync(fileURLToPath(new URL("../../docs/table-format.md", import.meta.url)), "utf8");
    const json = /```json\n([\s\S]*?)```/.exec(page)![1]!.replace('"…"', '"0"');
    const table = loadTable(json);
    expect(match(table, "inbound", { region: "emea" })).toMatchObject({ outcome: "rule", rule: "EMEA big", target: { kind: "team", id: "emea" } });
    const gold = match(table, "inbound", { region: "Gold" });
    expect(gold.outcome).toBe("unmatched");
    expect(gold.trace).toContainEqual({ kind: "note", field: "region", message: 'unknown value "Gold" for Region' });
  });
});
