// Each error fixture states its syntax errors inline (`#  ^^^ error
// syntax-error: …`) and ends with `queue survivor`; what survived recovery is checked in as NAME.outline.txt.

import { describe, expect, it } from "vitest";
import { compareExpectations, readExpectations } from "../harness/expectations";
import { fixtures, outline, parseFixture } from "./harness";

describe("syntax errors", () => {
  for (const [name, path] of fixtures("errors")) {
    it(name, async () => {
      const { text, parsed, diagnostics } = parseFixture(path);
      const problems = compareExpectations(readExpectations(path, text), diagnostics, new Map([[path, text]]));
      expect(problems).toEqual([]);
      for (const diagnostic of diagnostics) {
        expect(diagnostic.message).not.toMatch(/\.$|\n/);
        expect(diagnostic.message).not.toMatch(/LCurly|RCurly|Identifier|StringLiteral|NumberLiteral|EOF/);
      }
      // Every error fixture ends with `queue survivor`: recovery must reach it.
      expect(parsed.file.declarations.at(-1)).toMatchObject({ kind: "queue", name: { text: "survivor" } });
      await expect(outline(parsed.file)).toMatchFileSnapshot(path.replace(/\.route$/, ".outline.txt"));
    });
  }
});
