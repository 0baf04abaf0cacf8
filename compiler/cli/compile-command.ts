// `route compile <entry.route> [-o table.json]`: writes the table, or nothing
// at all when the program has an error (exit 1).

import * as fs from "node:fs";
import * as path from "node:path";
import { hasErrors } from "../../language/diagnostics/diagnostic";
import { summarize } from "../../language/diagnostics/render-text";
import { buildTable } from "./build-table";
import { DiskHost, UsageError } from "./files";
import { absolute, display, type Io } from "./io";
import { dedupe, diagnosticsJson, diagnosticsText, type Format } from "./output";

export function compileCommand(io: Io, entryArg: string, output: string | undefined, format: Format): number {
  const entry = absolute(io, entryArg);
  const host = new DiskHost();
  if (host.readFile(entry) === undefined) throw new UsageError(`cannot read \`${entryArg}\`: no such file`);
  const built = buildTable(entry, host, io.cwd);
  const diagnostics = dedupe(built.diagnostics);
  const failed = hasErrors(diagnostics) || built.table === null;
  if (format === "json" && (failed || output)) {
    io.stdout(JSON.stringify({ diagnostics: diagnosticsJson(io, host, diagnostics), written: failed ? null : output }, null, 2) + "\n");
  } else {
    // Notes (infos) belong to `route check`; compiling shows only what can stop or surprise.
    const shown = diagnostics.filter((d) => d.severity === "error" || d.severity === "warning");
    if (shown.length > 0) io.stderr(diagnosticsText(io, host, shown) + "\n");
  }
  if (failed) {
    if (format === "text") io.stderr(`not compiled: ${summarize(diagnostics)}\n`);
    return 1;
  }
  const json = JSON.stringify(built.table, null, 2) + "\n";
  if (output) {
    const target = absolute(io, output);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, json);
    if (format === "text") {
      const table = built.table!;
      const routers = Object.values(table.routers);
      const rules = routers.reduce((sum, router) => sum + router.rules.length, 0);
      io.stderr(
        `compiled ${display(io, entry)} -> ${display(io, target)}: ${routers.length} router${routers.length === 1 ? "" : "s"}, ` +
          `${rules} rule${rules === 1 ? "" : "s"}, hash ${table.hash.slice(0, 12)}\n`,
      );
    }
  } else {
    io.stdout(json);
  }
  return 0;
}
