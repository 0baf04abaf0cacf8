// The formatter's three guarantees, on every fixture and sample: expected
// output (fixture snapshots), idempotence and soundness; every sample a
// fixed point except the brief's two hand-aligned files; files with syntax
// errors returned untouched; a printer that would change meaning refused.

import { describe, expect, it } from "vitest";
import { formatText, formatWith, printParsed } from "../../language/format/format";
import { allRouteFiles, formatCases, formatChecked, handAligned, parsesCleanly, read } from "./harness";

describe("expected output", () => {
  for (const fixture of formatCases()) {
    it(`${fixture.name}: input.route formats to output.route`, async () => {
      const output = formatChecked(read(fixture.input), fixture.options);
      await expect(output).toMatchFileSnapshot(fixture.output);
      // The expected output is itself formatted.
      expect(formatChecked(output, fixture.options)).toBe(output);
    });
  }

  for (const file of handAligned) {
    const name = file.replace(/^samples\/(.*)\.route$/, "$1");
    it(`${file} (hand-aligned, kept as written) formats to ${name}.formatted.route`, async () => {
      const output = formatChecked(read(file));
      expect(output).not.toBe(read(file));
      await expect(output).toMatchFileSnapshot(`../fixtures/format/${name}.formatted.route`);
    });
  }
});

describe("every sample is a fixed point", () => {
  for (const file of allRouteFiles().filter((file) => file.startsWith("samples/") && !handAligned.includes(file))) {
    it(file, () => {
      const text = read(file);
      expect(formatChecked(text)).toBe(text);
    });
  }
});

describe("idempotent and sound on every .route file that parses", () => {
  const files = allRouteFiles().filter((file) => parsesCleanly(read(file)));
  for (const file of files) {
    it(file, () => {
      const text = read(file);
      for (const printWidth of [100, 60, 30]) formatChecked(text, { printWidth });
      // CRLF line ends format to the same LF text.
      expect(formatText(text.replace(/\n/g, "\r\n"), file).value).toBe(formatText(text, file).value);
      // A byte-order mark is kept, once, and the rest formats as without it.
      expect(formatText("\uFEFF" + text, file).value).toBe("\uFEFF" + formatText(text, file).value);
    });
  }

  it("covers the samples, the syntax fixtures and the format fixtures", () => {
    expect(files.filter((file) => file.startsWith("samples/")).length).toBeGreaterThanOrEqual(8);
    expect(files.some((file) => file.startsWith("test/fixtures/syntax/valid/"))).toBe(true);
    expect(files.filter((file) => /^test\/fixtures\/format\/.*\/input\.route$/.test(file)).length).toBe(formatCases().length);
  });
});

describe("refusals", () => {
  const broken = allRouteFiles().filter((file) => !parsesCleanly(read(file)));

  it("has files with syntax errors to try", () => {
    expect(broken.length).toBeGreaterThan(5);
  });

  for (const file of broken) {
    it(`${file}: a syntax error leaves the text untouched and is reported`, () => {
      const text = read(file);
      const result = formatText(text, file);
      expect(result.value).toBe(text);
      expect(result.diagnostics.length).toBeGreaterThan(0);
      expect(result.diagnostics.every((diagnostic) => diagnostic.code === "syntax-error")).toBe(true);
    });
  }

  const text = read("samples/acme.route");
  const wrongPrinters: [string, (printed: string) => string][] = [
    ["drops a rule", (printed) => printed.replace(/  rule "EU compliance" \{[^}]*\}\n\n/, "")],
    ["swaps two fallbacks", (printed) => printed.replace("fallback to team customer_success by round robin\n    fallback to queue manual_review", "fallback to queue manual_review\n    fallback to team customer_success by round robin")],
    ["loses a comment", (printed) => printed.replace("  # Account owners are trusted to sit in the account's region.\n", "")],
    ["joins two comments", (printed) => printed.replace("\n\nimport", " # joined\nimport")],
    ["prints text that does not parse", (printed) => printed.replace("assign to", "assign")],
  ];
  for (const [what, damage] of wrongPrinters) {
    it(`a printer that ${what} is refused: the input comes back with an internal-error`, () => {
      const result = formatWith((parsed, source, options) => {
        const printed = printParsed(parsed, source, options);
        const damaged = damage(printed);
        expect(damaged).not.toBe(printed);
        return damaged;
      }, text, "samples/acme.route");
      expect(result.value).toBe(text);
      expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["internal-error"]);
      expect(result.diagnostics[0]!.message).toMatch(/^the formatter left this file as written because .+: please report$/);
    });
  }

  it("a printer that throws is refused the same way", () => {
    const result = formatWith(() => {
      throw new Error("boom");
    }, text, "samples/acme.route");
    expect(result.value).toBe(text);
    expect(result.diagnostics[0]!.code).toBe("internal-error");
  });
});

describe("options", () => {
  it("prints to the given width", () => {
    const text = 'list EU = ["DE", "FR", "NL", "ES", "IT", "SE", "IE"]\n';
    expect(formatText(text, "x.route", { printWidth: 100 }).value).toBe(text);
    expect(formatText(text, "x.route", { printWidth: 30 }).value.split("\n").length).toBe(10);
  });

  it("indents with the given tab width, or tabs", () => {
    const text = "rep a {\n  weight 2\n}\n";
    expect(formatText(text, "x.route", { tabWidth: 4 }).value).toBe("rep a {\n    weight 2\n}\n");
    expect(formatText(text, "x.route", { useTabs: true }).value).toBe("rep a {\n\tweight 2\n}\n");
  });

  it("an empty file stays empty; a file of comments keeps them", () => {
    expect(formatText("", "x.route").value).toBe("");
    expect(formatText("\n\n  \n", "x.route").value).toBe("");
    expect(formatText("# one   \n\n\n# two\n", "x.route").value).toBe("# one\n\n# two\n");
  });
});
