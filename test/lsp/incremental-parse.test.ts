// The language server's incremental re-parse must give exactly what a full
// parse gives: random one- and few-character edits on every sample, compared.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../../language/syntax/parse";
import { IncrementalParseCache } from "../../lsp/incremental-parse";
import { repoRoot } from "./client";

function routeFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = join(folder, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name.endsWith(".route") ? [full] : [];
  });
}

const samples = [...routeFiles(join(repoRoot, "samples")), ...routeFiles(join(repoRoot, "test/fixtures/lsp"))].map((path) => ({ path, text: readFileSync(path, "utf8") }));

function full(path: string, text: string) {
  const result = parse(text, path);
  return { file: { ...result.value.file, text }, comments: result.value.comments, diagnostics: result.diagnostics };
}

describe("incremental re-parse", () => {
  it("equals a full parse after random edits of every sample", () => {
    let pieces = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom("", "1", "a", " ", "\n", "}", "{", '"', "#", "x_", " and region is EMEA"),
        ({ path, text }, where, removed, inserted) => {
          const cache = new IncrementalParseCache();
          cache.parse(path, text);
          const offset = where % (text.length + 1);
          const edited = text.slice(0, offset) + inserted + text.slice(offset + removed);
          const incremental = cache.parse(path, edited);
          if (cache.lastMode.get(path) === "piece") pieces++;
          const expected = full(path, edited);
          expect({ file: incremental.file, comments: incremental.comments, diagnostics: incremental.diagnostics }).toEqual(expected);
        },
      ),
      { numRuns: 250, seed: 5 },
    );
    // Most edits land inside one rule or declaration: the fast path must be taken, not only the fallback.
    expect(pieces).toBeGreaterThan(30);
  });

  it("equals a full parse after every edit of a typing session (later spans are moved in place)", () => {
    let pieces = 0;
    const edit = fc.record({ where: fc.integer({ min: 0, max: 1_000_000 }), removed: fc.integer({ min: 0, max: 2 }), inserted: fc.constantFrom("", "1", "a", " ", "\n", "}", '"', "#", " and tier is SMB") });
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(edit, { minLength: 2, maxLength: 8 }), ({ path, text }, session) => {
        const cache = new IncrementalParseCache();
        cache.parse(path, text);
        let current = text;
        for (const { where, removed, inserted } of session) {
          const offset = where % (current.length + 1);
          current = current.slice(0, offset) + inserted + current.slice(offset + removed);
          const incremental = cache.parse(path, current);
          if (cache.lastMode.get(path) === "piece") pieces++;
          expect({ file: incremental.file, comments: incremental.comments, diagnostics: incremental.diagnostics }).toEqual(full(path, current));
        }
      }),
      { numRuns: 80, seed: 7 },
    );
    expect(pieces).toBeGreaterThan(30);
  });
});
