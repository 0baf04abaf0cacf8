// The benchmark's peers against the reference evaluator on records whose text
// arrives in other cases: the folding if-chain and json-rules-engine are "the
// same rules" (the language compares text ignoring case), the exact-spelling
// chain is not — and the records really carry case variants that tell them
// apart. ZEN is left to the bench itself (native worker threads).

import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile";
import { checkProgram } from "../../language/semantics/check";
import { evaluate } from "../../language/semantics/evaluate";
import { loadTable, match } from "../../runtime/index";
import { COUNTRIES, generateRecords, generateRules, INDUSTRIES, LANGUAGES, PRODUCTS, REGIONS, routeText, SOURCES } from "../../scripts/bench/generate";
import { exactIfChainPeer, ifChainPeer } from "../../scripts/bench/peers/if-chain";
import { jsonRulesEnginePeer } from "../../scripts/bench/peers/json-rules-engine";
import { MemoryHost } from "../harness/memory-host";

const rules = generateRules(100, 5);
const checked = checkProgram("/bench/leads.route", new MemoryHost({ "/bench/leads.route": routeText(rules) }));
const records = generateRecords(2_000, 17);
const reference = (record: Record<string, unknown>) => evaluate(checked.value, "inbound", record, { at: null }).rule;

/** Each text field's declared spellings ("ES" is a country's, not a language's). */
const DECLARED: Record<string, readonly string[]> = { region: REGIONS, country: COUNTRIES, industry: INDUSTRIES, source: SOURCES, language: LANGUAGES, products: PRODUCTS };

/** Every text value of a record, products' elements included, with whether it is spelled as declared. */
function texts(record: Record<string, unknown>): { value: string; declared: boolean }[] {
  return Object.entries(DECLARED).flatMap(([field, spellings]) =>
    [record[field]]
      .flat()
      .filter((value): value is string => typeof value === "string")
      .map((value) => ({ value, declared: spellings.includes(value) })),
  );
}

describe("the benchmark's peers on case variants", () => {
  it("the generated router checks and compiles, and the runtime agrees with the reference", () => {
    expect(checked.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const loaded = loadTable(compile(checked.value).value!);
    const wrong = records.filter((record) => match(loaded, "inbound", record).rule !== reference(record));
    expect(wrong).toEqual([]);
  });

  it("the records carry lower-case and upper-case variants of the declared spellings", () => {
    const variants = records.flatMap(texts).filter(({ declared }) => !declared).map(({ value }) => value);
    expect(variants.filter((value) => value === value.toLowerCase()).length).toBeGreaterThan(0);
    expect(variants.filter((value) => value === value.toUpperCase()).length).toBeGreaterThan(0);
    // Every variant is all lower-case or all upper-case of a declared spelling of its field, nothing else.
    for (const record of records) {
      for (const [field, spellings] of Object.entries(DECLARED)) {
        for (const value of [record[field]].flat().filter((item): item is string => typeof item === "string")) {
          expect(spellings.some((spelling) => value === spelling || value === spelling.toLowerCase() || value === spelling.toUpperCase())).toBe(true);
        }
      }
    }
  });

  it("the folding if-chain names the reference's rule on every record", () => {
    const route = ifChainPeer(rules);
    const wrong = records.filter((record) => route(record) !== reference(record));
    expect(wrong).toEqual([]);
  });

  it("json-rules-engine names the reference's rule on the first 300 records", async () => {
    const engine = jsonRulesEnginePeer(rules);
    const wrong: Record<string, unknown>[] = [];
    for (const record of records.slice(0, 300)) if ((await engine.route(record)) !== reference(record)) wrong.push(record);
    expect(wrong).toEqual([]);
  });

  it("the exact-spelling chain disagrees with the reference on some record: the records exercise case", () => {
    const route = exactIfChainPeer(rules);
    const wrong = records.filter((record) => route(record) !== reference(record));
    expect(wrong.length).toBeGreaterThan(0);
    // It is wrong only where text arrives in another case: on records in the declared spellings it agrees.
    expect(wrong.filter((record) => texts(record).every(({ declared }) => declared))).toEqual([]);
  });
});
