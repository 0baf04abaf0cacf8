// Finds the real editors the editor tests drive, installed by
// scripts/ci/setup-editors.sh. Under CI a missing tool fails the test; on a
// laptop the test passes with a name that says it was skipped.

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export const inCi = process.env.CI === "true";

export function which(command: string): string | undefined {
  try {
    return execFileSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** code-server's folder: $ROUTE_CODE_SERVER, else the setup script's cache. */
export function codeServerHome(): string | undefined {
  const candidates = [process.env.ROUTE_CODE_SERVER, resolve(process.env.ROUTE_EDITORS_CACHE ?? "/opt/route-ci", "code-server")];
  return candidates.find((candidate): candidate is string => candidate !== undefined && existsSync(resolve(candidate, "out/node/entry.js")));
}

/** The test's name: as given when the tools are there, else "SKIPPED: …" (or a failure under CI). */
export function nameFor(name: string, missing: string[]): string {
  if (missing.length === 0) return name;
  return inCi ? `${name} (FAILS under CI: missing ${missing.join(", ")})` : `SKIPPED: no ${missing.join(", ")} — ${name}`;
}
