// Real VS Code: code-server (installed by scripts/ci/setup-editors.sh) driven
// in Debian's headless Chromium by playwright-core. Installs the packaged
// .vsix, opens a sample workspace and checks what a user sees: the squiggles
// (a typo, a shadowed rule), their hover, a completion list, go to definition
// and Format Document. Screenshots go to test/editors/artifacts/.

import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../lsp/client";
import { codeServerHome, inCi, nameFor, which } from "./tools";

const home = codeServerHome();
const browserPath = which("chromium");
const missing = [...(home ? [] : ["code-server"]), ...(browserPath ? [] : ["chromium"])];
const artifacts = resolve(repoRoot, "test/editors/artifacts");
const modifier = "Control";

async function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForHttp(url: string, timeout: number): Promise<void> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer at ${url}`);
}

/** The visible text of the editor's lines (Monaco renders spaces as no-break spaces). */
async function editorText(page: Page): Promise<string> {
  const lines = await page.locator(".monaco-editor .view-lines .view-line").evaluateAll((nodes) =>
    nodes
      .map((node) => ({ top: parseFloat((node as HTMLElement).style.top || "0"), text: node.textContent ?? "" }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text),
  );
  return lines.join("\n").replace(/\u00a0/g, " ");
}

async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press(`${modifier}+G`);
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press("Enter");
  await page.waitForTimeout(300);
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press(`${modifier}+Shift+P`);
  await page.waitForSelector(".quick-input-widget input", { state: "visible" });
  await page.keyboard.type(title);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label^="${title}"]`, { timeout: 20_000 });
  await page.keyboard.press("Enter");
}

async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press(`${modifier}+P`);
  await page.waitForSelector(".quick-input-widget input", { state: "visible" });
  await page.keyboard.type(name);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`, { timeout: 20_000 });
  await page.keyboard.press("Enter");
  await page.waitForSelector(`.tab.active[aria-label*="${name}"]`, { timeout: 20_000 });
}

describe("VS Code (code-server in headless Chromium)", () => {
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let log = "";

  beforeAll(async () => {
    if (missing.length > 0) return;
    mkdirSync(artifacts, { recursive: true });
    execFileSync("node", [resolve(repoRoot, "scripts/package-vscode.mjs")], { cwd: repoRoot, stdio: "ignore" });
    const scratch = mkdtempSync(join(tmpdir(), "route-code-server-"));
    const userData = join(scratch, "user-data");
    const extensions = join(scratch, "extensions");
    const workspace = join(scratch, "workspace");
    cpSync(resolve(repoRoot, "test/fixtures/lsp"), workspace, { recursive: true });
    mkdirSync(join(userData, "User"), { recursive: true });
    // No auto-save or hot exit: Format Document must change the buffer, not write the file behind our back.
    writeFileSync(
      join(userData, "User/settings.json"),
      JSON.stringify({
        "files.autoSave": "off",
        "files.hotExit": "off",
        "workbench.startupEditor": "none",
        "security.workspace.trust.enabled": false,
        "telemetry.telemetryLevel": "off",
        "workbench.tips.enabled": false,
        "editor.hover.delay": 100,
        "workbench.enableExperiments": false,
        "extensions.autoCheckUpdates": false,
        "extensions.autoUpdate": false,
        "update.mode": "none",
      }),
    );
    const entry = resolve(home!, "out/node/entry.js");
    const common = ["--user-data-dir", userData, "--extensions-dir", extensions, "--config", join(scratch, "config.yaml")];
    execFileSync("node", [entry, ...common, "--install-extension", resolve(repoRoot, "dist/route-lang.vsix")], { stdio: "ignore", timeout: 120_000 });
    const port = await freePort();
    server = spawn("node", [entry, ...common, "--auth", "none", "--bind-addr", `127.0.0.1:${port}`, "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", workspace], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (chunk) => (log += String(chunk)));
    server.stderr!.on("data", (chunk) => (log += String(chunk)));
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);
    browser = await chromium.launch({
      executablePath: browserPath!,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector(".monaco-workbench", { timeout: 60_000 });
    await page.waitForTimeout(2000);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  it(nameFor("shows the squiggles of a typo and a shadowed rule, their hovers, completion, definition and formatting", missing), async () => {
    if (missing.length > 0) {
      expect(inCi, `${missing.join(", ")} required under CI: run scripts/ci/setup-editors.sh`).toBe(false);
      return;
    }
    try {
      // A typo: an error squiggle and its hover with the did-you-mean.
      await openFile(page, "neovim.route");
      await page.waitForSelector(".monaco-editor .squiggly-error", { timeout: 60_000 });
      await goTo(page, 19, 29);
      await page.keyboard.press(`${modifier}+K`);
      await page.keyboard.press(`${modifier}+I`);
      const hover = page.locator(".monaco-hover:visible").first();
      await expect.poll(async () => (await hover.textContent()) ?? "", { timeout: 20_000 }).toContain("did you mean `employees`");
      await page.screenshot({ path: join(artifacts, "code-server-diagnostic-hover.png") });
      await page.keyboard.press("Escape");

      // Completion: the members of the field's enum.
      await goTo(page, 13, 20);
      await page.keyboard.press(`${modifier}+Space`);
      const suggestions = page.locator(".suggest-widget.visible .monaco-list-row");
      await expect.poll(async () => (await suggestions.allTextContents()).join(" "), { timeout: 20_000 }).toContain("APAC");
      await page.screenshot({ path: join(artifacts, "code-server-completion.png") });
      await page.keyboard.press("Escape");

      // Format Document: the over-indented `assign` line in `otherwise` comes back to four spaces.
      // Through the command palette: in a browser, Shift+Alt+F opens the File menu instead.
      await runCommand(page, "Format Document");
      await expect.poll(() => editorText(page), { timeout: 20_000 }).toContain("\n    assign to queue manual_review\n  }\n}");
      await page.screenshot({ path: join(artifacts, "code-server-formatted.png") });

      // Go to definition: a team declared in the imported roster.
      await goTo(page, 14, 22);
      await page.keyboard.press("F12");
      await page.waitForSelector('.tab.active[aria-label*="roster.route"]', { timeout: 20_000 });
      await page.screenshot({ path: join(artifacts, "code-server-definition.png") });

      // The analysis: a shadowed rule gets a warning squiggle, and its hover names the covering rule.
      await openFile(page, "leads.route");
      await page.waitForSelector(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-inline-unnecessary", { timeout: 60_000 });
      await goTo(page, 21, 10);
      await page.keyboard.press(`${modifier}+K`);
      await page.keyboard.press(`${modifier}+I`);
      await expect.poll(async () => (await page.locator(".monaco-hover:visible").first().textContent()) ?? "", { timeout: 20_000 }).toMatch(/EMEA/);
      await page.screenshot({ path: join(artifacts, "code-server-shadowed-rule.png") });
    } catch (error) {
      await page.screenshot({ path: join(artifacts, "code-server-failure.png") }).catch(() => {});
      throw new Error(`${String(error)}\n--- code-server log ---\n${log.slice(-3000)}`);
    }
  }, 240_000);
});
