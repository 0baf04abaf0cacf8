// The commands the VS Code extension (or any client) runs through
// workspace/executeCommand: compile the current file, run its tests, show one
// router's table. Each answers { ok, text } — text ready to show the user.

import { dirname } from "node:path";
import { hasErrors } from "../language/diagnostics/diagnostic";
import { LineIndex } from "../language/diagnostics/line-index";
import { compile } from "../compiler/compile";
import { runTests } from "../compiler/test-runner";
import { loadTable } from "../runtime/index";
import type { ServerWorkspace } from "./workspace";

// NOTE: not the extension's own command ids: the VS Code client registers these too.
export const commandIds = ["route.server.compile", "route.server.runTests", "route.server.showTable"] as const;

export interface CommandResult {
  ok: boolean;
  text: string;
  /** For route.showTable without a router: the routers to choose from. */
  routers?: string[];
}

export function executeCommand(command: string, workspace: ServerWorkspace, path: string, args: string[]): CommandResult {
  const checked = workspace.check(path);
  const errors = checked.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (hasErrors(checked.diagnostics)) {
    const lines = errors.map((diagnostic) => {
      const at = new LineIndex(workspace.readFile(diagnostic.span.file) ?? "").position(diagnostic.span.start);
      return `${diagnostic.span.file}:${at.line}:${at.column}: error[${diagnostic.code}]: ${diagnostic.message}`;
    });
    return { ok: false, text: `The file has ${errors.length} error${errors.length === 1 ? "" : "s"}; fix ${errors.length === 1 ? "it" : "them"} first:\n${lines.join("\n")}\n` };
  }
  const compiled = compile(checked.program, { root: dirname(path), readFile: workspace.readFile });
  const table = compiled.value;
  if (!table) return { ok: false, text: compiled.diagnostics.map((diagnostic) => diagnostic.message).join("\n") + "\n" };
  switch (command) {
    case "route.server.compile":
      return { ok: true, text: JSON.stringify(table, null, 2) + "\n" };
    case "route.server.showTable": {
      const routers = Object.keys(table.routers);
      const router = args[0];
      if (!router || !(router in table.routers)) return { ok: routers.length > 0 && router === undefined, text: router ? `no router \`${router}\` in this file; routers: ${routers.join(", ")}\n` : "", routers };
      return { ok: true, text: JSON.stringify(table.routers[router], null, 2) + "\n", routers };
    }
    case "route.server.runTests": {
      const report = runTests(checked.program, loadTable(table));
      const lines: string[] = [];
      for (const test of report.tests) {
        lines.push(`${test.status === "passed" ? "pass" : "FAIL"} ${test.name}`);
        for (const failure of test.failures) lines.push(`     ${failure}`);
      }
      const failed = report.tests.filter((test) => test.status === "failed").length;
      lines.push("", `${report.tests.length - failed} passed, ${failed} failed`);
      for (const unreached of report.unreached) lines.push(`no test reaches rule "${unreached.rule}" of router ${unreached.router}`);
      return { ok: failed === 0, text: lines.join("\n") + "\n" };
    }
    default:
      return { ok: false, text: `unknown command ${command}\n` };
  }
}
