// Totality, by property: `match` and `place` never throw for any record, and
// `loadTable` throws nothing but TableError for any JSON — including valid
// tables with one member replaced by arbitrary JSON.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadTable, match, place, TableError } from "../../runtime/index";
import { fixtureFiles, readFixture } from "./harness";

const fixtures = fixtureFiles().map((file) => readFixture(file));
const tables = fixtures.flatMap((fixture) => [loadTable(fixture.table), loadTable(fixture.table, { coerce: true })]);
const routerIds = [...new Set(fixtures.flatMap((fixture) => Object.keys((fixture.table as { routers: object }).routers))), "missing-router"];

/** Records shaped like the fixtures' fields, so the arbitrary values reach real tests. */
const fieldNames = ["t", "n", "b", "e", "r", "ts", "es", "rs", "sub", "region", "country", "employees", "products", "source", "is_customer", "language", "email", "account", "owner", "lang", "langs", "skill", "x"];
const shapedRecord = fc.dictionary(fc.constantFrom(...fieldNames), fc.oneof(fc.anything(), fc.string(), fc.array(fc.string()), fc.dictionary(fc.constantFrom("tier", "owner", "e", "n"), fc.anything())));
const instant = fc.oneof(fc.constant(undefined), fc.constant(null), fc.date({ noInvalidDate: false }), fc.string(), fc.date().map((d) => (Number.isFinite(d.getTime()) ? d.toISOString() : "x")));

describe("totality", () => {
  it("match and place never throw, and decisions are well-formed", () => {
    fc.assert(
      fc.property(fc.nat(tables.length - 1), fc.constantFrom(...routerIds), fc.oneof(fc.anything(), shapedRecord), instant, fc.array(fc.string()), (which, router, record, at, away) => {
        const table = tables[which]!;
        const decision = match(table, router, record, { at });
        expect(["rule", "otherwise", "unmatched"]).toContain(decision.outcome);
        expect(decision.outcome === "rule").toBe(decision.rule !== null);
        expect(JSON.stringify(decision.trace)).not.toContain("internal error");
        const placement = place(table, router, decision, record, { unavailable: away });
        expect(["rep", "queue", "action", "unassigned", "offered"]).toContain(placement.assignee.kind);
      }),
      { numRuns: 600 },
    );
  });

  it("loadTable throws only TableError for arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expectOnlyTableError(() => loadTable(json));
        expectOnlyTableError(() => loadTable(JSON.stringify(json)));
      }),
      { numRuns: 300 },
    );
  });

  it("loadTable throws only TableError when one member of a valid table is replaced", () => {
    const bases = fixtures.map((fixture) => ({ table: fixture.table, paths: pathsOf(fixture.table) }));
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.nat(), fc.oneof(fc.jsonValue(), fc.constant(undefined)), shapedRecord, (which, pick, replacement, record) => {
        const base = bases[which]!;
        const path = base.paths[pick % base.paths.length]!;
        const mutated = replaceAt(structuredClone(base.table), path, replacement);
        let loaded = null;
        try {
          loaded = loadTable(mutated);
        } catch (error) {
          expect(error).toBeInstanceOf(TableError);
          expect((error as TableError).problems.length).toBeGreaterThan(0);
          expect((error as TableError).message).not.toContain("internal error");
        }
        if (!loaded) return;
        for (const router of Object.keys(loaded.table.routers)) {
          const decision = match(loaded, router, record, { at: "2026-12-01T09:00Z" });
          expect(JSON.stringify(decision.trace)).not.toContain("internal error");
        }
      }),
      { numRuns: 800 },
    );
  });
});

function expectOnlyTableError(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TableError);
    // The catch-all in loadTable turns bugs into TableError too; a bug must still fail this test.
    expect((error as TableError).message).not.toContain("internal error");
  }
}

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const path = [...prefix, Array.isArray(value) ? Number(key) : key];
      out.push(path);
      pathsOf(item, path, out);
    }
  }
  return out;
}

function replaceAt(root: unknown, path: Path, replacement: unknown): unknown {
  let current = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) current = current[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined && !Array.isArray(current)) delete current[last];
  else current[last] = replacement;
  return root;
}
