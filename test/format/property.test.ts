// Property tests: over generated programs the formatter stays sound (the
// output parses to the same AST, every comment kept) and idempotent, at any
// print width. Three sources: random rules and conditions printed as text;
// fixtures re-spaced with random blanks, line breaks and comments between
// tokens; fixtures mutated by token edits that still parse.

import fc from "fast-check";
import { describe, it } from "vitest";
import { lex } from "../../language/syntax/tokens";
import { allRouteFiles, formatChecked, parsesCleanly, read } from "./harness";

const widths = fc.constantFrom(20, 40, 60, 80, 100, 140);

// ---------------------------------------------------------------------------
// Random programs

const leaf = fc.constantFrom(
  "region is EMEA",
  "region is not NA",
  "employees >= 1000",
  "employees between 10 and 500",
  "score < -5",
  "tags has payroll",
  "tags has any of [a, b, c]",
  "tags has none of EU",
  "country in EU",
  "country not in [\"DE\", \"FR\"]",
  "email ends with \"@gmail.com\"",
  "account.owner is set",
  "tags is not empty",
  "is_customer",
  "within emea_business",
  "outside us_business",
);

const { condition } = fc.letrec((tie) => ({
  condition: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.tuple(tie("condition"), fc.constantFrom(" and ", " or ", "\n  and ", "\n   or "), tie("condition")).map(([a, op, b]) => `${a}${op}${b}`),
    tie("condition").map((inner) => `not ${inner}`),
    tie("condition").map((inner) => `(${inner})`),
  ),
})) as { condition: fc.Arbitrary<string> };

const clause = fc.oneof(
  fc.constantFrom(
    "assign to team payroll by load balance",
    "require skills has payroll",
    "require languages has language",
    "also notify rep dana",
    "sla 5 minutes business then reassign excluding last 2",
    "sla 30 seconds then escalate to action \"book\"",
    "fallback to team emea by round robin",
    "fallback to queue review",
    "fallback to manager of account.owner",
    "reason \"why\"",
  ),
  condition.map((text) => `when ${text}`),
);

const rule = fc
  .tuple(fc.string({ unit: fc.constantFrom("a", "b", " ", "-", "é"), minLength: 1, maxLength: 12 }), fc.array(clause, { maxLength: 6 }), fc.boolean(), fc.boolean())
  .map(([name, clauses, oneLine, disabled]) => {
    const header = `rule ${JSON.stringify(name)}${disabled ? " disabled" : ""} {`;
    return oneLine ? `${header} ${clauses.join(" ")} }` : `${header}\n${clauses.map((item) => `    ${item}`).join("\n")}\n  }`;
  });

const literalList = fc.array(fc.constantFrom("1", "-2.5", "\"x\"", "EMEA", "Region.NA", "true"), { maxLength: 5 }).chain((items) =>
  fc.boolean().map((broken) => (broken ? `[\n  ${items.join(",\n  ")}\n]` : `[${items.join(", ")}]`)),
);

const recordLiteral = fc
  .array(fc.constantFrom("region: EMEA", "employees: 5000", "tags: [a, b]", "email: \"x@y.z\"", "account: { owner: dana, tier: SMB }"), { maxLength: 5 })
  .chain((entries) => fc.constantFrom(`{ ${entries.join(", ")} }`, `{\n    ${entries.join("\n    ")}\n  }`, `{ ${entries.join(" ")} }`));

const program = fc
  .tuple(
    fc.array(rule, { maxLength: 5 }),
    fc.boolean(),
    literalList,
    recordLiteral,
    fc.array(fc.constantFrom("skills [payroll, hris]", "languages [\"en\"]", "region EMEA", "capacity 3", "cap 2 per day", "weight 0.5", "manager dana"), { maxLength: 5 }),
    fc.boolean(),
    condition,
  )
  .map(([rules, otherwise, list, record, attributes, repOneLine, assertion]) =>
    [
      "# generated",
      `list EU = ${list}`,
      repOneLine ? `rep ada { ${attributes.join(" ")} }` : `rep ada {\n  ${attributes.join("\n  ")}\n}`,
      `router inbound for Lead {\n  ${rules.join("\n  ")}\n${otherwise ? "  otherwise { assign to queue review }\n" : ""}}`,
      `test "t" {\n  route inbound ${record}\n  expect otherwise\n}`,
      `assert "a" {\n  in inbound when ${assertion}\n  never to rep dana, team payroll, queue review\n}`,
      "",
    ].join("\n"),
  );

// ---------------------------------------------------------------------------
// Re-spaced and mutated fixtures

const sources = allRouteFiles()
  .filter((file) => !file.startsWith("test/fixtures/format/"))
  .map(read)
  .filter(parsesCleanly)
  .filter((text) => text.length < 12_000);

/** Tokens and comments of a text, in order, as their images. */
const pieces = sources.map((text) => {
  const lexed = lex(text);
  return [...lexed.tokens, ...lexed.comments].sort((a, b) => a.startOffset - b.startOffset).map((token) => token.image);
});

// Lines after the first are indented: a declaration word in column 1 starts a
// new declaration for the parser's recovery, which is not what we test here.
const gap = fc.constantFrom(" ", "  ", "\n  ", "\n\n  ", "\n\n\n ", "\t", " # note\n  ", "\n  # own line\n  ");

function respace(index: number, gaps: string[]): string {
  const list = pieces[index]!;
  return list
    .map((image, at) => {
      const after = gaps[at % gaps.length]!;
      // A comment runs to the end of its line: what follows it must start a new one.
      return image + (image.startsWith("#") && !after.includes("\n") ? "\n  " : after);
    })
    .join("");
}

function mutate(index: number, edits: { kind: "delete" | "duplicate" | "swap"; a: number; b: number }[]): string {
  let list = [...pieces[index]!];
  for (const { kind, a, b } of edits) {
    const from = a % list.length;
    const length = 1 + (b % 6);
    const piece = list.slice(from, from + length);
    if (kind === "delete") list.splice(from, length);
    else if (kind === "duplicate") list.splice(from, 0, ...piece);
    else {
      const to = b % list.length;
      [list[from], list[to]] = [list[to]!, list[from]!];
    }
  }
  list = list.length > 0 ? list : ["# empty"];
  return list.map((image) => image + (image.startsWith("#") ? "\n" : " ")).join("");
}

describe("formatting generated programs is sound and idempotent", () => {
  it("random rules, conditions, lists and bodies", () => {
    fc.assert(
      fc.property(program, widths, (text, printWidth) => {
        if (parsesCleanly(text)) formatChecked(text, { printWidth });
      }),
      { numRuns: 150 },
    );
  });

  it("fixtures re-spaced with random blanks, line breaks and comments", () => {
    fc.assert(
      fc.property(fc.nat(sources.length - 1), fc.array(gap, { minLength: 1, maxLength: 40 }), widths, (index, gaps, printWidth) => {
        const text = respace(index, gaps);
        if (parsesCleanly(text)) formatChecked(text, { printWidth });
      }),
      { numRuns: 100 },
    );
  });

  it("fixtures mutated by token edits that still parse", () => {
    const edit = fc.record({ kind: fc.constantFrom("delete" as const, "duplicate" as const, "swap" as const), a: fc.nat(), b: fc.nat() });
    fc.assert(
      fc.property(fc.nat(sources.length - 1), fc.array(edit, { minLength: 1, maxLength: 3 }), widths, (index, edits, printWidth) => {
        const text = mutate(index, edits);
        if (parsesCleanly(text)) formatChecked(text, { printWidth });
      }),
      { numRuns: 400 },
    );
  });
});
