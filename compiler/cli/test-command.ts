// `route test <files or dirs…> [--format text|json]`: runs the `test` blocks of
// every file, reports failures and, per router, the rules no test reaches.

import { hasErrors, type Diagnostic } from "../../language/diagnostics/diagnostic";
import { LineIndex } from "../../language/diagnostics/line-index";
import { loadTable } from "../../runtime/index";
import { runTests, type TestOutcome } from "../test-runner";
import { buildTable } from "./build-table";
import { collectRouteFiles, DiskHost } from "./files";
import { display, useColor, type Io } from "./io";
import pc from "picocolors";
import { dedupe, diagnosticsJson, diagnosticsText, type Format } from "./output";

interface Unreached {
  router: string;
  rule: string;
  file: string;
  line: number;
}

export function testCommand(io: Io, paths: string[], format: Format): number {
  const files = collectRouteFiles(io, paths);
  const host = new DiskHost();
  const outcomes: { file: string; outcome: TestOutcome }[] = [];
  const diagnostics: Diagnostic[] = [];
  // A rule is unreached only if no entry file that loads its router reaches it.
  const seen = new Map<string, { unreached: number; runs: number; entry: Unreached }>();
  const lineOf = (file: string, offset: number) => new LineIndex(host.readFile(file) ?? "").position(offset).line;

  for (const file of files) {
    const built = buildTable(file, host, io.cwd);
    diagnostics.push(...built.diagnostics);
    if (built.table === null || hasErrors(built.diagnostics)) continue;
    const report = runTests(built.program, loadTable(built.table));
    for (const outcome of report.tests) outcomes.push({ file, outcome });
    const unreachedHere = new Set(report.unreached.map((u) => `${u.span.file}\0${u.router}\0${u.rule}`));
    for (const router of built.program.routers.values()) {
      for (const rule of router.rules) {
        if (!rule.enabled) continue;
        const key = `${rule.span.file}\0${router.id}\0${rule.name}`;
        const entry = seen.get(key) ?? {
          unreached: 0,
          runs: 0,
          entry: { router: router.id, rule: rule.name, file: display(io, rule.span.file), line: lineOf(rule.span.file, rule.span.start) },
        };
        entry.runs++;
        if (unreachedHere.has(key)) entry.unreached++;
        seen.set(key, entry);
      }
    }
  }
  const unreached = [...seen.values()].filter((s) => s.unreached === s.runs).map((s) => s.entry);
  const problems = dedupe(diagnostics);
  const failed = outcomes.filter((o) => o.outcome.status === "failed").length;
  const passed = outcomes.length - failed;
  const broken = hasErrors(problems);

  if (format === "json") {
    const tests = outcomes.map(({ outcome }) => ({
      file: display(io, outcome.span.file),
      line: lineOf(outcome.span.file, outcome.span.start),
      name: outcome.name,
      status: outcome.status,
      failures: outcome.failures,
    }));
    io.stdout(JSON.stringify({ tests, unreached, diagnostics: diagnosticsJson(io, host, problems.filter((d) => d.severity === "error")) }, null, 2) + "\n");
  } else {
    const c = pc.createColors(useColor(io));
    const errors = problems.filter((d) => d.severity === "error");
    if (errors.length > 0) io.stdout(diagnosticsText(io, host, errors) + "\n");
    let lastFile = "";
    for (const { outcome } of outcomes) {
      const file = display(io, outcome.span.file);
      if (file !== lastFile) io.stdout(`${c.bold(file)}\n`);
      lastFile = file;
      const mark = outcome.status === "passed" ? c.green("pass") : c.red("FAIL");
      io.stdout(`  ${mark} ${outcome.name}\n`);
      for (const failure of outcome.failures) io.stdout(`       ${c.red(failure)}\n`);
    }
    if (unreached.length > 0) {
      io.stdout(`\n${c.yellow("rules no test reaches")}:\n`);
      for (const u of unreached) io.stdout(`  router ${u.router}: rule ${JSON.stringify(u.rule)} (${u.file}:${u.line})\n`);
    }
    io.stdout(`\n${passed} passed, ${failed} failed\n`);
  }
  return failed > 0 || broken ? 1 : 0;
}
