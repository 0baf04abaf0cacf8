// The one place the syntax tests touch the parser API: read a fixture, parse
// it, strip spans for snapshots, and outline what survived recovery.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../../language/diagnostics/diagnostic";
import type { SourceFile } from "../../language/syntax/ast";
import { parse, type ParsedFile } from "../../language/syntax/parse";

export const fixtureRoot = fileURLToPath(new URL("../fixtures/syntax", import.meta.url));

/** The `.route` files of one fixture family, as [name, path]. */
export function fixtures(family: "valid" | "errors"): [string, string][] {
  const folder = join(fixtureRoot, family);
  return readdirSync(folder)
    .filter((name) => name.endsWith(".route"))
    .sort()
    .map((name) => [name.replace(/\.route$/, ""), join(folder, name)]);
}

export function parseFixture(path: string): { text: string; parsed: ParsedFile; diagnostics: Diagnostic[] } {
  const text = readFileSync(path, "utf8");
  const result = parse(text, path);
  return { text, parsed: result.value, diagnostics: result.diagnostics };
}

/** The AST as JSON without spans (and without the host's path), for snapshots. */
export function astSnapshot(file: SourceFile): string {
  const stripped = JSON.parse(
    JSON.stringify(file, (key, value) => {
      if (key === "span" || key === "header") return undefined;
      // Spans kept as markers (`disabled`, `business`) say only that the word is there.
      if (value && typeof value === "object" && "file" in value && "start" in value && "end" in value) return true;
      return value;
    }),
  );
  stripped.path = "<path>";
  return JSON.stringify(stripped, null, 2) + "\n";
}

/** One line per declaration (and rule) that survived: what recovery kept. */
export function outline(file: SourceFile): string {
  const lines = file.imports.map((entry) => `import ${JSON.stringify(entry.path.value)}`);
  for (const declaration of file.declarations) {
    const name = "name" in declaration ? ("text" in declaration.name ? declaration.name.text : JSON.stringify(declaration.name.value)) : "";
    const mark = declaration.incomplete ? " (incomplete)" : "";
    lines.push(`${declaration.kind} ${name}${mark}`);
    if (declaration.kind === "router") {
      for (const rule of declaration.rules) {
        lines.push(`  rule ${JSON.stringify(rule.name.value)}: ${rule.clauses.map((clause) => clause.kind).join(", ")}${rule.incomplete ? " (incomplete)" : ""}`);
      }
      const otherwise = declaration.otherwise;
      if (otherwise) lines.push(`  otherwise: ${otherwise.clauses.map((clause) => clause.kind).join(", ")}${otherwise.incomplete ? " (incomplete)" : ""}`);
    }
  }
  return lines.join("\n") + "\n";
}
