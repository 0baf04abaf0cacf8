// `route check` runs the analysis: text and JSON carry its findings, with
// example records; `--no-overlaps` drops the overlap notes but never asserts.

import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Io } from "../../compiler/cli/io";
import { main } from "../../compiler/cli/main";

const root = resolve(__dirname, "../..");

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const io: Io = { cwd: root, env: {}, isTTY: false, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), readStdin: async () => null };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe("route check with the analysis", () => {
  it("reports shadowed rules, gaps and failing asserts in text, exit 1 for the failing assert", async () => {
    const result = await run(["check", "test/fixtures/analyze/asserts.route"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("error[assert-failed]");
    expect(result.stdout).toContain("info[overlapping-rules]");
    expect(result.stdout).toContain("example record");
  });

  it("gives findings with their witness in JSON", async () => {
    const result = await run(["check", "test/fixtures/analyze/three-rule-cover.route", "--format", "json"]);
    const parsed = JSON.parse(result.stdout) as { diagnostics: { code: string; witness?: Record<string, unknown>; labels?: unknown[] }[] };
    const shadowed = parsed.diagnostics.find((d) => d.code === "shadowed-rule")!;
    expect(shadowed.witness).toMatchObject({ region: "West" });
    expect(shadowed.labels).toHaveLength(3);
    expect(result.code).toBe(0);
  });

  it("--no-overlaps drops the overlap notes and keeps asserts", async () => {
    const result = await run(["check", "test/fixtures/analyze/asserts.route", "--no-overlaps"]);
    expect(result.stdout).not.toContain("overlapping-rules");
    expect(result.stdout).toContain("error[assert-failed]");
    expect(result.code).toBe(1);
  });
});
