// Architecture invariant: language/format/ is the only folder that imports
// prettier, and what it exports to the shells is plain functions.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import * as plugin from "../../language/format/prettier-plugin";
import { root } from "./harness";

function sourceFiles(): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === "dist" || entry.name.startsWith(".")) continue;
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|mts|js|mjs)$/.test(entry.name) && !entry.name.endsWith(".test.ts")) found.push(full);
    }
  };
  for (const folder of ["language", "compiler", "runtime", "lsp", "scripts", "vscode-extension"]) {
    try {
      walk(join(root, folder));
    } catch {
      // A folder that does not exist yet imports nothing.
    }
  }
  return found;
}

describe("the formatter's boundary", () => {
  it("only language/format/ imports prettier", () => {
    const offenders = sourceFiles()
      .filter((file) => /from\s+["']prettier(\/[^"']*)?["']|import\(\s*["']prettier/.test(readFileSync(file, "utf8")))
      .map((file) => relative(root, file))
      .filter((file) => !file.startsWith("language/format/"));
    expect(offenders).toEqual([]);
  });

  it("the plugin exports languages, parsers, printers and options for .route files", () => {
    expect(plugin.languages[0]).toMatchObject({ name: "Route", parsers: ["route"], extensions: [".route"] });
    expect(Object.keys(plugin.parsers)).toEqual(["route"]);
    expect(Object.keys(plugin.printers)).toEqual(["route"]);
    expect(plugin.options).toEqual({});
    expect(plugin.defaultOptions).toEqual({ printWidth: 100 });
  });
});
