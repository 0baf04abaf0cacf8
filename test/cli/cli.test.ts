// The `route` command as users and CI scripts call it: exit codes, output
// shapes, and snapshots of what a person sees. Commands run in-process.
import { mkdtempSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { Io } from "../../compiler/cli/io";
import { main } from "../../compiler/cli/main";

const root = resolve(__dirname, "../..");

async function run(args: string[], options: { stdin?: string; tty?: boolean; env?: Record<string, string> } = {}) {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    cwd: root,
    env: options.env ?? {},
    isTTY: options.tty ?? false,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => options.stdin ?? null,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const lead = JSON.stringify({
  region: "EMEA", country: "DE", employees: 5000, products: ["Payroll"],
  source: "Inbound", is_customer: false, language: "en", email: "cfo@bigco.de",
});

describe("route check", () => {
  it("finds no error in the samples", async () => {
    const result = await run(["check", "samples/"]);
    expect(result.stdout).toMatch(/checked \d+ files: 0 errors/);
    expect(result.code).toBe(0);
  });

  it("shows each mistake with its line, an underline and a suggestion", async () => {
    const result = await run(["check", "test/fixtures/cli/mistakes.route"]);
    expect(result.code).toBe(1);
    await expect(result.stdout).toMatchFileSnapshot("../fixtures/cli/mistakes.check.txt");
  });

  it("prints JSON with 1-based lines and columns", async () => {
    const result = await run(["check", "test/fixtures/cli/mistakes.route", "--format", "json"]);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as { diagnostics: Record<string, unknown>[] };
    expect(parsed.diagnostics.length).toBe(4);
    for (const d of parsed.diagnostics) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(["file", "line", "column", "endLine", "endColumn", "severity", "code", "message"]));
    }
    expect(parsed.diagnostics[0]).toMatchObject({ file: "test/fixtures/cli/mistakes.route", line: 13, column: 10, code: "unknown-name" });
  });

  it("colours only on a terminal, and never with NO_COLOR", async () => {
    const tty = await run(["check", "test/fixtures/cli/mistakes.route"], { tty: true });
    expect(tty.stdout).toContain("\u001b[");
    const noColor = await run(["check", "test/fixtures/cli/mistakes.route"], { tty: true, env: { NO_COLOR: "1" } });
    expect(noColor.stdout).not.toContain("\u001b[");
  });
});

describe("route compile", () => {
  it("writes a versioned table for the brief's files", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "route-")), "acme.json");
    const result = await run(["compile", "samples/acme.route", "-o", out]);
    expect(result.code).toBe(0);
    const table = JSON.parse(readFileSync(out, "utf8"));
    expect(table.format).toBe("route-table/1");
    expect(Object.keys(table.routers)).toEqual(["inbound", "pounce"]);
    expect(result.stderr).toMatch(/compiled samples\/acme.route -> .*: 2 routers/);
  });

  it("writes nothing when there is an error", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "route-")), "bad.json");
    const result = await run(["compile", "test/fixtures/cli/mistakes.route", "-o", out]);
    expect(result.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(result.stderr).toContain("not compiled: 4 errors");
  });
});

describe("route match", () => {
  it("matches a record against a .route file, as JSON", async () => {
    const result = await run(["match", "samples/acme.route", "--router", "inbound", "--record", lead, "--at", "2026-12-01T09:00Z", "--format", "json"]);
    expect(result.code).toBe(0);
    const decision = JSON.parse(result.stdout);
    expect(decision).toMatchObject({ outcome: "rule", rule: "ENT | EMEA | Payroll", target: { kind: "team", id: "payroll_emea" } });
    expect(Array.isArray(decision.trace)).toBe(true);
  });

  it("explains a decision in text, reading the record from standard input", async () => {
    const result = await run(["match", "samples/acme.route", "--router", "inbound", "--at", "2026-12-01T09:00Z"], { stdin: lead });
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot("../fixtures/cli/match.txt");
  });

  it("uses the current instant without --at and says so", async () => {
    const result = await run(["match", "samples/acme.route", "--router", "inbound", "--record", lead]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("no --at given");
  });

  it("replays one record per line with --ndjson, reporting a bad line without losing the others", async () => {
    const stdin = `${lead}\n{not json}\n${JSON.stringify({ region: "APAC" })}\n`;
    const result = await run(["match", "samples/acme.route", "--router", "inbound", "--ndjson", "--at", "2026-12-01T09:00Z"], { stdin });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);
    expect(lines[0].rule).toBe("ENT | EMEA | Payroll");
    expect(lines[1].error).toContain("not a JSON record");
    expect(lines[2].outcome).toBe("otherwise");
  });

  it("refuses a malformed table with a clear message", async () => {
    const dir = mkdtempSync(join(tmpdir(), "route-"));
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ format: "route-table/9" }));
    const result = await run(["match", bad, "--router", "inbound", "--record", "{}"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("route-table/9");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("route test", () => {
  it("passes every sample test", async () => {
    const result = await run(["test", "samples/"]);
    expect(result.stdout).toMatch(/\d+ passed, 0 failed/);
    expect(result.code).toBe(0);
  });

  it("reports a failing test and exits 1", async () => {
    const result = await run(["test", "test/fixtures/cli/failing.route"]);
    expect(result.code).toBe(1);
    await expect(result.stdout).toMatchFileSnapshot("../fixtures/cli/failing.test.txt");
  });

  it("prints the JSON shape CI scripts read", async () => {
    const result = await run(["test", "test/fixtures/cli/failing.route", "--format", "json"]);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.tests).toHaveLength(2);
    expect(parsed.tests[1]).toMatchObject({ file: "test/fixtures/cli/failing.route", line: 27, status: "failed" });
    expect(parsed.tests[1].failures.length).toBeGreaterThan(0);
    expect(Array.isArray(parsed.unreached)).toBe(true);
  });
});

describe("usage errors exit 2 without a stack trace", () => {
  const cases: [string, string[]][] = [
    ["no command", []],
    ["an unknown command", ["frobnicate"]],
    ["an unknown flag", ["check", "samples/", "--colour"]],
    ["a missing file argument", ["check"]],
    ["a file that does not exist", ["check", "nowhere.route"]],
    ["a wrong format", ["check", "samples/", "--format", "xml"]],
    ["match without --router", ["match", "samples/acme.route", "--record", "{}"]],
    ["a record that is not JSON", ["match", "samples/acme.route", "--router", "inbound", "--record", "{oops"]],
    ["an instant that is not one", ["match", "samples/acme.route", "--router", "inbound", "--record", "{}", "--at", "tomorrow"]],
    ["an unknown router", ["match", "samples/acme.route", "--router", "inboud", "--record", "{}"]],
  ];
  for (const [what, args] of cases) {
    it(what, async () => {
      const result = await run(args);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe("the built bin", () => {
  it("runs as `route`", () => {
    const result = spawnSync(process.execPath, [join(root, "bin/route.js"), "--version"], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
