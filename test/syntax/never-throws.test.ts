// Property: `parse` never fails on any input — random strings of the token
// alphabet and valid fixtures with tokens deleted, duplicated, swapped and
// inserted. No internal-error, every span inside the text and in the file.

import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lex } from "../../language/syntax/tokens";
import { parse } from "../../language/syntax/parse";
import { fixtures } from "./harness";

const alphabet = [
  ..."import enum list record rep team queue hours score router for rule otherwise test assert when assign require also notify sla fallback reason priority disabled expect route with at only never always action manager".split(" "),
  ..."and or not is in has between within outside of to by set empty any all none true false unassigned".split(" "),
  ..."skills languages region capacity cap per weight name email ids members timezone closed mon fri sun round robin weighted load balance broadcast first available then reassign excluding last up times escalate business starts ends contains assigned unmatched seconds minute hours day".split(" "),
  ..."{ } [ ] ( ) , : . ? + - = != < <= > >=".split(" "),
  "Lead", "EMEA", "x", "_", "a.b", "42", "3.5", "10_000", "1__0", "08:00", "24:00", "2026-12-25", "2026-12-01T09:00Z", "2026-12-01T09:00",
  '"text"', '"esc \\" \\n \\u{e9}"', '"bad \\q"', '"unterminated', "'single'", "# comment", "\n", "\r\n", "\t", "@", "é", "😀", "\\",
];

const token = fc.constantFrom(...alphabet);
const randomText = fc.array(token, { maxLength: 60 }).chain((tokens) =>
  fc.array(fc.constantFrom(" ", "", "\n"), { minLength: tokens.length, maxLength: tokens.length }).map((gaps) =>
    tokens.map((item, index) => item + gaps[index]).join(""),
  ),
);

const sources = fixtures("valid").map(([, path]) => readFileSync(path, "utf8"));
/** Token boundaries of each source, so mutations cut where a typo would. */
const boundaries = sources.map((text) => [0, ...lex(text).tokens.flatMap((item) => [item.startOffset, item.startOffset + item.image.length]), text.length]);

type Mutation = { kind: "delete" | "duplicate" | "swap" | "insert" | "char"; a: number; b: number; text: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom("delete", "duplicate", "swap", "insert", "char"),
  a: fc.nat(),
  b: fc.nat(),
  text: token,
});

function mutate(source: number, mutations: Mutation[]): string {
  let text = sources[source]!;
  const cuts = boundaries[source]!;
  for (const { kind, a, b, text: inserted } of mutations) {
    const [from, to] = [cuts[a % cuts.length]!, cuts[b % cuts.length]!].sort((x, y) => x - y) as [number, number];
    const piece = text.slice(from, Math.min(to, from + 40));
    if (kind === "delete") text = text.slice(0, from) + text.slice(from + piece.length);
    else if (kind === "duplicate") text = text.slice(0, from) + piece + text.slice(from);
    else if (kind === "insert") text = text.slice(0, from) + " " + inserted + " " + text.slice(from);
    else if (kind === "char") text = text.slice(0, a % (text.length + 1)) + text.slice((a % (text.length + 1)) + 1);
    else {
      const end = Math.min(to, text.length);
      const other = text.slice(end, end + piece.length);
      text = text.slice(0, from) + other + text.slice(from + piece.length, end) + piece + text.slice(end + other.length);
    }
  }
  return text;
}

function checkParse(text: string): void {
  const path = "fuzz.route";
  const result = parse(text, path);
  for (const diagnostic of result.diagnostics) {
    expect(diagnostic.code, diagnostic.message).toBe("syntax-error");
    expect(diagnostic.span.file).toBe(path);
    expect(diagnostic.span.start).toBeGreaterThanOrEqual(0);
    expect(diagnostic.span.end).toBeGreaterThanOrEqual(diagnostic.span.start);
    expect(diagnostic.span.end).toBeLessThanOrEqual(text.length);
  }
  // Every span in the tree lies inside the text and names this file.
  JSON.stringify(result.value, (key, value) => {
    if ((key === "span" || key === "header") && value && typeof value === "object") {
      if (value.file !== path || !(value.start >= 0 && value.start <= value.end && value.end <= text.length)) {
        throw new Error(`bad span ${JSON.stringify(value)} for ${key}`);
      }
    }
    return value;
  });
}

describe("parse never throws", () => {
  it("on random token soup", () => {
    fc.assert(fc.property(randomText, (text) => checkParse(text)), { numRuns: 4000 });
  });

  it("on valid files with tokens deleted, duplicated, swapped and inserted", () => {
    const source = fc.nat({ max: sources.length - 1 });
    fc.assert(
      fc.property(source, fc.array(mutation, { minLength: 1, maxLength: 4 }), (index, mutations) => checkParse(mutate(index, mutations))),
      { numRuns: 6000 },
    );
  });
});
