// docs/diagnostics.md has a section per catalog code, with an invalid example
// that yields exactly that code and a valid example that yields nothing.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog } from "../../language/diagnostics/catalog";
import { analyzeProgram } from "../../compiler/analyze";
import { hasErrors } from "../../language/diagnostics/diagnostic";
import { checkProgram } from "../../language/semantics/check";
import { MemoryHost, splitFiles } from "../harness/memory-host";

const docs = readFileSync(resolve(__dirname, "../../docs/diagnostics.md"), "utf8");


interface Section {
  invalid: string | null;
  valid: string | null;
}

function sections(): Map<string, Section> {
  const result = new Map<string, Section>();
  const parts = docs.split(/^## /m).slice(1);
  for (const part of parts) {
    const code = part.slice(0, part.indexOf("\n")).trim();
    const block = (heading: string) => {
      const at = part.search(new RegExp(`^### ${heading}\\s*$`, "m"));
      if (at < 0) return null;
      const rest = part.slice(at).split(/^### /m)[1] ?? "";
      const fence = /```route\n([\s\S]*?)```/.exec(rest);
      return fence ? fence[1]! : null;
    };
    result.set(code, { invalid: block("Invalid"), valid: block("Valid") });
  }
  return result;
}

function codesOf(text: string): string[] {
  const host = new MemoryHost(splitFiles(text));
  const result = checkProgram("/docs/main.route", host);
  // As `route check` does: the analysis runs once the program has no errors.
  const analysis = hasErrors(result.diagnostics) ? [] : analyzeProgram(result.value);
  return [...result.diagnostics, ...analysis].map((d) => `${d.code} (${d.severity}): ${d.message}`);
}

const found = sections();

describe("docs/diagnostics.md", () => {
  it("has a section for every code in the catalog, and no other", () => {
    expect([...found.keys()].sort()).toEqual(Object.keys(catalog).sort());
  });

  for (const code of Object.keys(catalog)) {
    const section = found.get(code);
    if (code !== "internal-error") {
      it(`${code}: the invalid example yields exactly ${code}`, () => {
        expect(section?.invalid, "an ### Invalid block").toBeTruthy();
        const codes = codesOf(section!.invalid!);
        expect(codes.length).toBeGreaterThan(0);
        expect(codes.filter((c) => !c.startsWith(`${code} `))).toEqual([]);
      });
    }
    it(`${code}: the valid example yields nothing`, () => {
      expect(section?.valid, "a ### Valid block").toBeTruthy();
      expect(codesOf(section!.valid!)).toEqual([]);
    });
  }
});
