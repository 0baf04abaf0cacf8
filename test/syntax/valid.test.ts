// Valid fixtures parse with no diagnostics, and their AST (spans stripped) is
// checked in beside them as NAME.ast.json.

import { describe, expect, it } from "vitest";
import { parse } from "../../language/syntax/parse";
import { astSnapshot, fixtures, parseFixture } from "./harness";

describe("valid .route files", () => {
  for (const [name, path] of fixtures("valid")) {
    it(`${name} parses without diagnostics`, async () => {
      const { parsed, diagnostics } = parseFixture(path);
      expect(diagnostics).toEqual([]);
      await expect(astSnapshot(parsed.file)).toMatchFileSnapshot(path.replace(/\.route$/, ".ast.json"));
    });

    it(`${name} parses the same with CRLF line ends`, () => {
      const { text, parsed } = parseFixture(path);
      const crlf = parse(text.replace(/\r?\n/g, "\r\n"), path);
      expect(crlf.diagnostics).toEqual([]);
      expect(astSnapshot(crlf.value.file)).toBe(astSnapshot(parsed.file));
    });
  }
});
