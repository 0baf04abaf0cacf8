// `route fmt [--check] [--print-width N] <files or folders…>`: formats .route
// files in place, writing only those that change. `--check` writes nothing and
// exits 1 when some file would change. A file with a syntax error is reported
// and never written.

import * as fs from "node:fs";
import type { Diagnostic } from "../../language/diagnostics/diagnostic";
import { formatText } from "../../language/format/format";
import { collectRouteFiles, DiskHost } from "./files";
import { display, type Io } from "./io";
import { diagnosticsText } from "./output";

export interface FmtOptions {
  check: boolean;
  printWidth?: number;
}

export function fmtCommand(io: Io, paths: string[], options: FmtOptions): number {
  const files = collectRouteFiles(io, paths);
  const host = new DiskHost();
  const problems: Diagnostic[] = [];
  const changed: string[] = [];
  let unreadable = 0;
  for (const file of files) {
    const text = host.readFile(file);
    if (text === undefined) {
      io.stderr(`route: cannot read \`${display(io, file)}\`\n`);
      unreadable++;
      continue;
    }
    const result = formatText(text, file, options.printWidth === undefined ? {} : { printWidth: options.printWidth });
    if (result.diagnostics.length > 0) {
      problems.push(...result.diagnostics);
      continue;
    }
    if (result.value === text) continue;
    changed.push(file);
    if (!options.check) fs.writeFileSync(file, result.value);
  }

  for (const file of changed) io.stdout(`${display(io, file)}\n`);
  if (problems.length > 0) io.stdout(diagnosticsText(io, host, problems) + "\n");
  const noun = files.length === 1 ? "file" : "files";
  const failed = problems.length > 0 ? new Set(problems.map((problem) => problem.span.file)).size + unreadable : unreadable;
  const notFormatted = failed > 0 ? `; ${failed} not formatted (fix the errors above first)` : "";
  if (options.check) {
    const verdict = changed.length === 0 ? "all formatted" : `${changed.length} would be reformatted`;
    io.stdout(`checked ${files.length} ${noun}: ${verdict}${notFormatted}\n`);
    return changed.length > 0 || failed > 0 ? 1 : 0;
  }
  io.stdout(`formatted ${files.length} ${noun}: ${changed.length} changed${notFormatted}\n`);
  return failed > 0 ? 1 : 0;
}
