// `route fmt` as users and CI call it (in-process, on temporary copies), and
// `prettier --plugin ./dist/prettier-plugin.js --write` with the built plugin.

import { spawnSync } from "node:child_process";

// Prettier colours its messages when it thinks it runs in CI; the assertions read plain text.
const plainEnv = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Io } from "../../compiler/cli/io";
import { main } from "../../compiler/cli/main";
import { formatText } from "../../language/format/format";
import { root } from "./harness";

async function run(cwd: string, args: string[]) {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    cwd,
    env: {},
    isTTY: false,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => null,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** A temporary copy of samples/ to format. */
function samplesCopy(): string {
  const folder = mkdtempSync(join(tmpdir(), "route-fmt-"));
  cpSync(join(root, "samples"), join(folder, "samples"), { recursive: true });
  return folder;
}

function routeFiles(folder: string, name = /\.route$/): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (name.test(entry.name)) found.push(full);
    }
  };
  walk(folder);
  return found.sort();
}

const unformatted = 'rep bob   { skills [payroll]   region EMEA }\nqueue   review\n';
const formatted = "rep bob { skills [payroll] region EMEA }\nqueue review\n";

describe("route fmt", () => {
  it("keeps a byte-order mark, once", async () => {
    const folder = mkdtempSync(join(tmpdir(), "route-fmt-"));
    writeFileSync(join(folder, "a.route"), "\uFEFF" + unformatted);
    writeFileSync(join(folder, "b.route"), "\uFEFF" + formatted);
    const result = await run(folder, ["fmt", "a.route", "b.route"]);
    expect(result.stdout).toBe("a.route\nformatted 2 files: 1 changed\n");
    expect(readFileSync(join(folder, "a.route"), "utf8")).toBe("\uFEFF" + formatted);
    expect(readFileSync(join(folder, "b.route"), "utf8")).toBe("\uFEFF" + formatted);
  });

  it("rewrites only the files that change, and lists them", async () => {
    const folder = samplesCopy();
    const before = Object.fromEntries(routeFiles(folder).map((file) => [file, statSync(file).mtimeMs]));
    const result = await run(folder, ["fmt", "samples"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("samples/acme.route\nsamples/people.route\nformatted 8 files: 2 changed\n");
    for (const file of routeFiles(folder)) {
      const text = readFileSync(file, "utf8");
      expect(formatText(text, file).value).toBe(text);
      const changed = file.endsWith("/acme.route") || file.endsWith("/people.route");
      if (!changed) expect(statSync(file).mtimeMs).toBe(before[file]);
    }
    expect(readFileSync(join(folder, "samples/acme.route"), "utf8")).toBe(readFileSync(join(root, "test/fixtures/format/acme.formatted.route"), "utf8"));
  });

  it("--check lists the files that would change, writes nothing and exits 1", async () => {
    const folder = samplesCopy();
    const acme = readFileSync(join(folder, "samples/acme.route"), "utf8");
    const result = await run(folder, ["fmt", "--check", "samples"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("samples/acme.route\nsamples/people.route\nchecked 8 files: 2 would be reformatted\n");
    expect(readFileSync(join(folder, "samples/acme.route"), "utf8")).toBe(acme);
    const clean = await run(folder, ["fmt", "--check", "samples/chat", "samples/support/cases.route"]);
    expect(clean).toEqual({ code: 0, stdout: "checked 3 files: all formatted\n", stderr: "" });
  });

  it("never writes a file with a syntax error, and says why", async () => {
    const folder = mkdtempSync(join(tmpdir(), "route-fmt-"));
    const broken = "router r for Lead {\n  rule \"x\" {\n    assign team t\n  }\n}\n";
    writeFileSync(join(folder, "broken.route"), broken);
    writeFileSync(join(folder, "fine.route"), unformatted);
    const result = await run(folder, ["fmt", "."]);
    expect(result.code).toBe(1);
    expect(readFileSync(join(folder, "broken.route"), "utf8")).toBe(broken);
    expect(readFileSync(join(folder, "fine.route"), "utf8")).toBe(formatted);
    await expect(result.stdout).toMatchFileSnapshot("../fixtures/format/cli-syntax-error.txt");
  });

  it("takes --print-width", async () => {
    const folder = mkdtempSync(join(tmpdir(), "route-fmt-"));
    writeFileSync(join(folder, "a.route"), unformatted);
    expect((await run(folder, ["fmt", "--print-width", "30", "a.route"])).code).toBe(0);
    expect(readFileSync(join(folder, "a.route"), "utf8")).toBe("rep bob {\n  skills [payroll]\n  region EMEA\n}\nqueue review\n");
  });

  it("exits 2 on a wrong command line", async () => {
    for (const args of [["fmt"], ["fmt", "--nope", "x.route"], ["fmt", "--print-width", "wide", "samples"], ["fmt", "no/such/folder"]]) {
      const result = await run(root, args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(/^route: .+\nRun `route --help` for usage\.\n$/);
    }
  });
});

describe("prettier --plugin ./dist/prettier-plugin.js", () => {
  const plugin = join(root, "dist/prettier-plugin.js");
  const prettier = join(root, "node_modules/prettier/bin/prettier.cjs");

  beforeAll(() => {
    // `npm test` builds first; a lone `vitest run` after an edit builds here.
    const stale = !existsSync(plugin) || routeFiles(join(root, "language"), /\.ts$/).some((file) => statSync(file).mtimeMs > statSync(plugin).mtimeMs);
    if (stale) expect(spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root }).status).toBe(0);
  });

  it("--write formats every sample as route fmt does", () => {
    const folder = samplesCopy();
    const result = spawnSync(process.execPath, [prettier, "--plugin", plugin, "--write", "samples/**/*.route"], { cwd: folder, encoding: "utf8", env: plainEnv });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    for (const file of routeFiles(folder)) {
      const text = readFileSync(file, "utf8");
      expect(formatText(text, file).value, file).toBe(text);
    }
    expect(readFileSync(join(folder, "samples/people.route"), "utf8")).toBe(readFileSync(join(root, "test/fixtures/format/people.formatted.route"), "utf8"));
  });

  it("--check passes on formatted files; a syntax error is reported and the file left alone", () => {
    const folder = samplesCopy();
    const check = spawnSync(process.execPath, [prettier, "--plugin", plugin, "--check", "samples/chat/*.route"], { cwd: folder, encoding: "utf8", env: plainEnv });
    expect(check.status).toBe(0);
    const broken = "queue\n";
    writeFileSync(join(folder, "broken.route"), broken);
    const write = spawnSync(process.execPath, [prettier, "--plugin", plugin, "--write", "broken.route"], { cwd: folder, encoding: "utf8", env: plainEnv });
    expect(write.status).toBe(2);
    expect(write.stderr).toContain("[error] broken.route: SyntaxError: expected");
    expect(readFileSync(join(folder, "broken.route"), "utf8")).toBe(broken);
  });

  it("keeps a byte-order mark, once", () => {
    const folder = mkdtempSync(join(tmpdir(), "route-fmt-"));
    writeFileSync(join(folder, "a.route"), "\uFEFF" + unformatted);
    const result = spawnSync(process.execPath, [prettier, "--plugin", plugin, "--write", "a.route"], { cwd: folder, encoding: "utf8", env: plainEnv });
    expect(result.status).toBe(0);
    expect(readFileSync(join(folder, "a.route"), "utf8")).toBe("\uFEFF" + formatted);
  });

  it("honours Prettier's printWidth", () => {
    const folder = mkdtempSync(join(tmpdir(), "route-fmt-"));
    writeFileSync(join(folder, "a.route"), unformatted);
    const result = spawnSync(process.execPath, [prettier, "--plugin", plugin, "--print-width", "30", "a.route"], { cwd: folder, encoding: "utf8", env: plainEnv });
    expect(result.stdout).toBe("rep bob {\n  skills [payroll]\n  region EMEA\n}\nqueue review\n");
  });
});
