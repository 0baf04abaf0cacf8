// Real Neovim (Debian's `neovim`, its built-in vim.lsp client, headless)
// opens a file through `route lsp --stdio`: diagnostics, hover, completion,
// definition and formatting must arrive.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../lsp/client";
import { inCi, nameFor, which } from "./tools";

const nvim = which("nvim");
const missing = nvim ? [] : ["nvim"];

describe("Neovim", () => {
  it(nameFor("diagnostics, hover, completion, definition and formatting arrive in Neovim's LSP client", missing), () => {
    if (!nvim) {
      expect(inCi, "nvim is required under CI: run scripts/ci/setup-editors.sh").toBe(false);
      return;
    }
    const out = join(mkdtempSync(join(tmpdir(), "route-nvim-")), "out.json");
    execFileSync(nvim, ["--headless", "--clean", "-n", "-c", `luafile ${resolve(repoRoot, "test/editors/neovim-client.lua")}`], {
      env: { ...process.env, ROUTE_FILE: resolve(repoRoot, "test/fixtures/lsp/neovim.route"), ROUTE_BIN: resolve(repoRoot, "bin/route.js"), ROUTE_OUT: out },
      timeout: 60_000,
      stdio: "ignore",
    });
    const result = JSON.parse(readFileSync(out, "utf8"));
    expect(result.errors).toEqual([]);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ line: 18, message: expect.stringContaining("employes") }));
    expect(String(result.hover)).toContain("region: Region");
    expect(result.completion).toEqual(expect.arrayContaining(["NA", "EMEA", "APAC"]));
    expect(result.definition[0].uri).toMatch(/roster\.route$/);
    expect(Array.isArray(result.formatting)).toBe(true);
  }, 90_000);
});
