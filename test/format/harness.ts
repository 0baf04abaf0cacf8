// The one place the formatter tests touch the formatter API: the fixture
// cases, every .route file of the repository, and the two guarantees
// (soundness, idempotence) checked in one call.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { expect } from "vitest";
import { formatText, type FormatOptions } from "../../language/format/format";
import { normalize } from "../../language/format/verify";
import { parse } from "../../language/syntax/parse";

export const root = resolve(__dirname, "../..");
export const fixtureRoot = join(root, "test/fixtures/format");

/** The brief's hand-aligned files: never edited, their formatted output kept as snapshots. */
export const handAligned = ["samples/acme.route", "samples/people.route"];

export interface FormatCase {
  name: string;
  input: string;
  output: string;
  options: FormatOptions;
}

/** `test/fixtures/format/<case>/input.route` → `output.route`, with an optional `options.json`. */
export function formatCases(): FormatCase[] {
  return readdirSync(fixtureRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const folder = join(fixtureRoot, name);
      const optionsFile = join(folder, "options.json");
      const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, "utf8")) as FormatOptions) : {};
      return { name, input: join(folder, "input.route"), output: join(folder, "output.route"), options };
    });
}

/** Every .route file under samples/ and test/fixtures/, relative to the root, sorted. */
export function allRouteFiles(): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".route")) found.push(relative(root, full));
    }
  };
  walk(join(root, "samples"));
  walk(join(root, "test/fixtures"));
  return found.sort();
}

export function read(file: string): string {
  return readFileSync(resolve(root, file), "utf8");
}

export function parsesCleanly(text: string): boolean {
  return parse(text, "input.route").diagnostics.length === 0;
}

/**
 * Formats text that parses, asserting the guarantees: no diagnostic (the
 * built-in soundness check passed), the same AST modulo spans and clause
 * order, every comment kept, and formatting again changes nothing.
 */
export function formatChecked(text: string, options: FormatOptions = {}, path = "input.route"): string {
  const first = formatText(text, path, options);
  expect(first.diagnostics).toEqual([]);
  const before = parse(text, path).value;
  const after = parse(first.value, path);
  expect(after.diagnostics).toEqual([]);
  expect(normalize(after.value.file)).toEqual(normalize(before.file));
  const texts = (comments: { text: string }[]) => comments.map((comment) => comment.text.trimEnd()).sort();
  expect(texts(after.value.comments)).toEqual(texts(before.comments));
  const second = formatText(first.value, path, options);
  expect(second.diagnostics).toEqual([]);
  expect(second.value).toBe(first.value);
  return first.value;
}
