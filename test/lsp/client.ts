// A real LSP client for tests: starts the built server (dist/server.js, or
// `route lsp --stdio`) as a child process and talks JSON-RPC over its stdio
// with vscode-languageserver-protocol's client connection.

import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";

export const repoRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));

export const fullCapabilities: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    hover: { contentFormat: ["markdown", "plaintext"] },
    completion: { completionItem: { snippetSupport: true } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "refactor"] } } },
    rename: { prepareSupport: true },
    foldingRange: {},
    semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ["relative"] },
  },
  workspace: { symbol: {}, executeCommand: {} },
};

export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly process: ChildProcess;
  /** Every diagnostics notification, newest last, per URI. */
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: { test: () => boolean; resolve: () => void }[] = [];
  stderr = "";

  constructor(command: string[] = ["node", resolve(repoRoot, "dist/server.js")]) {
    this.process = spawn(command[0]!, command.slice(1), { stdio: ["pipe", "pipe", "pipe"], cwd: repoRoot });
    this.process.stderr!.on("data", (chunk) => (this.stderr += String(chunk)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      this.waiters = this.waiters.filter((waiter) => (waiter.test() ? (waiter.resolve(), false) : true));
    });
    this.connection.onNotification("window/logMessage", () => {});
    this.connection.listen();
  }

  async initialize(capabilities: ClientCapabilities = fullCapabilities): Promise<Record<string, unknown>> {
    const result = await this.connection.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(repoRoot).href, capabilities, workspaceFolders: null });
    await this.connection.sendNotification("initialized", {});
    return (result as { capabilities: Record<string, unknown> }).capabilities;
  }

  open(path: string, text = readFileSync(path, "utf8")): string {
    const uri = pathToFileURL(path).href;
    void this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "route", version: 1, text } });
    return uri;
  }

  change(uri: string, version: number, changes: unknown[]): void {
    void this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: changes });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  /** Resolves with the first diagnostics for `uri` (after `after` notifications) that satisfy `test`. */
  diagnostics(uri: string, test: (diagnostics: Diagnostic[], params: PublishDiagnosticsParams) => boolean = () => true, timeout = 15_000): Promise<Diagnostic[]> {
    return new Promise((resolvePromise, reject) => {
      const check = () => {
        const latest = this.published.get(uri)?.at(-1);
        return latest !== undefined && test(latest.diagnostics, latest);
      };
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeout} ms; got ${JSON.stringify(this.published.get(uri)?.at(-1))}\n${this.stderr}`)), timeout);
      const done = () => {
        clearTimeout(timer);
        resolvePromise(this.published.get(uri)!.at(-1)!.diagnostics);
      };
      if (check()) done();
      else this.waiters.push({ test: check, resolve: done });
    });
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 2000))]);
      void this.connection.sendNotification("exit");
    } catch {
      // The server may already be gone.
    }
    await new Promise<void>((resolvePromise) => {
      const timer = setTimeout(() => {
        this.process.kill();
        resolvePromise();
      }, 3000);
      this.process.once("exit", () => {
        clearTimeout(timer);
        resolvePromise();
      });
    });
    this.connection.dispose();
  }
}
