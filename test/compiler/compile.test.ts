// compile on real .route files: each fixture's table is checked in beside it
// (`<name>.table.json`, accepted with `npx vitest run -u`); compiling twice gives
// the same bytes; the brief's acme.route compiles.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile";
import { hashTable } from "../../compiler/hash";
import { loadTable } from "../../runtime/index";
import { diskHost, loadProgram, repositoryRoot } from "./load-program";

const fixtures = join(repositoryRoot, "test/fixtures/compiler");

function emit(path: string): string {
  const compiled = compile(loadProgram(path), { root: repositoryRoot, readFile: diskHost.readFile });
  expect(compiled.diagnostics).toEqual([]);
  return JSON.stringify(compiled.value, null, 2) + "\n";
}

describe("compile", () => {
  for (const name of readdirSync(fixtures).filter((file) => file.endsWith(".route")).sort()) {
    it(`${name} compiles to its checked-in table`, async () => {
      const path = join(fixtures, name);
      const emitted = emit(path);
      await expect(emitted).toMatchFileSnapshot(join(fixtures, name.replace(/\.route$/, ".table.json")));
      // Deterministic: the same bytes, and so the same hash, every time.
      expect(emit(path)).toBe(emitted);
      const table = JSON.parse(emitted);
      expect(hashTable(table)).toBe(table.hash);
      // The runtime accepts what the compiler writes.
      expect(() => loadTable(table)).not.toThrow();
    });
  }

  it("compiles the brief's acme.route with its roster", () => {
    const program = loadProgram(join(repositoryRoot, "samples/acme.route"));
    const { value, diagnostics } = compile(program, { root: repositoryRoot, readFile: diskHost.readFile });
    expect(diagnostics).toEqual([]);
    expect(value!.source).toEqual({ entry: "samples/acme.route", files: ["samples/acme.route", "samples/people.route"] });
    expect(Object.keys(value!.routers)).toEqual(["inbound", "pounce"]);
    const inbound = value!.routers.inbound!;
    expect(inbound.rules.map((rule) => [rule.name, rule.enabled, rule.source.line])).toEqual([
      ["Existing customer -> account owner", true, 40],
      ["ENT | EMEA | Payroll", true, 48],
      ["EU compliance", true, 61],
      ["High payroll fit", true, 67],
      ["Partners", false, 73],
    ]);
    expect(inbound.rules[2]!.condition).toEqual({
      path: ["country"], op: "in", values: ["DE", "FR", "NL", "ES", "IT", "SE", "IE"], list: "EU", text: "country in EU",
    });
    expect(value!.roster.teams.emea_sdr).toEqual({ members: [{ rep: "erin", weight: 2 }, { rep: "frank", weight: null }] });
    expect(emit(join(repositoryRoot, "samples/acme.route"))).toBe(JSON.stringify(value, null, 2) + "\n");
    expect(() => loadTable(value)).not.toThrow();
  });
});
