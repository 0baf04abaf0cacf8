// Checks a .route file from disk for the compiler's tests, failing loudly when
// the checker reports an error (a compiler fixture must be a valid program).

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { hasErrors } from "../../language/diagnostics/diagnostic";
import { checkProgram } from "../../language/semantics/check";
import type { Program } from "../../language/semantics/model";

export const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url)).replace(/\/$/, "");

export const diskHost = {
  readFile(path: string): string | undefined {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  },
};

export function loadProgram(path: string): Program {
  const checked = checkProgram(path, diskHost);
  const errors = checked.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (hasErrors(errors)) {
    const listed = errors.map((error) => `${error.code} at ${error.span.start}: ${error.message}`).join("\n");
    throw new Error(`${path} has errors:\n${listed}`);
  }
  return checked.value;
}
