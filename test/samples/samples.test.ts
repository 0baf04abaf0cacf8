// The sample programs under samples/: each file checks clean (no error, no
// warning; only the infos a sample states on purpose), compiles, and its own
// `test` blocks pass through the runtime. Our own workspaces must also have a
// test reaching every enabled rule of every router.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeProgram } from "../../compiler/analyze";
import { compile } from "../../compiler/compile";
import { runTests } from "../../compiler/test-runner";
import type { Diagnostic } from "../../language/diagnostics/diagnostic";
import { LineIndex } from "../../language/diagnostics/line-index";
import { checkProgram, type FileHost } from "../../language/semantics/check";
import { loadTable } from "../../runtime/index";

const root = resolve(__dirname, "../..");
const samplesFolder = join(root, "samples");

// Infos a sample may carry on purpose: a rule kept switched off, a `require`
// that reads an optional field (the brief's own acme.route has both), and
// rules that overlap earlier ones on purpose (specific above general), which
// the analysis notes. Warnings from the analysis (shadowed rules, gaps) are
// not allowed, nor failing asserts.
const allowedInfos = new Set(["disabled-rule", "require-on-optional-field", "overlapping-rules"]);

// The brief's example is copied byte for byte, so it keeps its untested rules;
// every sample of our own has a test for each enabled rule.
const mayLeaveRulesUntested = new Set(["samples/acme.route"]);

/** Every .route file under samples/, as a repo-relative POSIX path, sorted. */
function routeFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...routeFiles(full));
    else if (entry.name.endsWith(".route")) found.push(relative(root, full).split("\\").join("/"));
  }
  return found.sort();
}

const host: FileHost = {
  readFile(path: string): string | undefined {
    try {
      return readFileSync(join(root, path), "utf8");
    } catch {
      return undefined;
    }
  },
};

function describeDiagnostic(d: Diagnostic): string {
  const position = new LineIndex(host.readFile(d.span.file) ?? "").position(d.span.start);
  return `${d.span.file}:${position.line}:${position.column} ${d.severity} ${d.code}: ${d.message}`;
}

// Our own workspaces' entry files: each must carry tests and at least one assert.
const workspaces = ["samples/chat/chat.route", "samples/territories/leads.route", "samples/support/cases.route"];

const files = routeFiles(samplesFolder);

describe("samples", () => {
  it("includes the brief's example and our own workspaces", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "samples/acme.route",
        "samples/people.route",
        ...workspaces,
      ]),
    );
  });

  for (const entry of workspaces) {
    it(`${entry} has tests, an assert, and a test for every router`, () => {
      const program = checkProgram(entry, host).value;
      expect(program.tests.length).toBeGreaterThan(0);
      expect(program.asserts.length).toBeGreaterThan(0);
      const tested = new Set(program.tests.map((t) => t.router));
      expect([...program.routers.keys()].filter((id) => !tested.has(id))).toEqual([]);
    });
  }

  for (const file of files) {
    describe(file, () => {
      const checked = checkProgram(file, host);

      it("checks and analyses with no error or warning, and only deliberate infos", () => {
        const analysis = analyzeProgram(checked.value);
        const unexpected = [...checked.diagnostics, ...analysis].filter((d) => d.severity !== "info" || !allowedInfos.has(d.code));
        expect(unexpected.map(describeDiagnostic)).toEqual([]);
      });

      it("compiles, and its tests pass", () => {
        const compiled = compile(checked.value, { root });
        expect(compiled.diagnostics.map(describeDiagnostic)).toEqual([]);
        expect(compiled.value).not.toBeNull();
        const report = runTests(checked.value, loadTable(compiled.value));
        const failures = report.tests.filter((t) => t.status === "failed").map((t) => `${t.name}: ${t.failures.join("; ")}`);
        expect(failures).toEqual([]);
        if (!mayLeaveRulesUntested.has(file)) {
          expect(report.unreached.map((u) => `router ${u.router}: rule "${u.rule}"`)).toEqual([]);
        }
      });
    });
  }
});
