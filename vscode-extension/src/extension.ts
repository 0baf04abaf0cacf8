// The VS Code extension: starts the bundled language server (dist/server.mjs)
// over stdio and adds three commands that ask the server to compile the
// current file, run its tests, or show one router's compiled table.

import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

interface CommandResult {
  ok: boolean;
  text: string;
  routers?: string[];
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath("dist/server.mjs");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: "file", language: "route" }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.route") },
  };
  client = new LanguageClient("route", "Route language server", serverOptions, clientOptions);
  const output = vscode.window.createOutputChannel("Route");
  context.subscriptions.push(output);

  const run = async (command: string, args: string[] = []): Promise<CommandResult | undefined> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== "route" || !client) {
      void vscode.window.showWarningMessage("Open a .route file first.");
      return undefined;
    }
    return (await client.sendRequest("workspace/executeCommand", { command, arguments: [editor.document.uri.toString(), ...args] })) as CommandResult;
  };
  const show = async (text: string, language: string) => {
    const document = await vscode.workspace.openTextDocument({ content: text, language });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  };

  context.subscriptions.push(
    vscode.commands.registerCommand("route.compile", async () => {
      const result = await run("route.server.compile");
      if (!result) return;
      if (result.ok) await show(result.text, "json");
      else {
        output.appendLine(result.text);
        output.show(true);
      }
    }),
    vscode.commands.registerCommand("route.test", async () => {
      const result = await run("route.server.runTests");
      if (!result) return;
      output.clear();
      output.appendLine(result.text);
      output.show(true);
      void vscode.window.showInformationMessage(result.ok ? "Route: every test passed." : "Route: some tests failed; see the Route output.");
    }),
    vscode.commands.registerCommand("route.showTable", async () => {
      const listed = await run("route.server.showTable");
      if (!listed) return;
      if (!listed.routers || listed.routers.length === 0) {
        output.appendLine(listed.text || "No router in this file.");
        output.show(true);
        return;
      }
      const router = listed.routers.length === 1 ? listed.routers[0] : await vscode.window.showQuickPick(listed.routers, { placeHolder: "Which router?" });
      if (!router) return;
      const result = await run("route.server.showTable", [router]);
      if (result?.ok) await show(result.text, "json");
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
