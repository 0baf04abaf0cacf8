// The language server driven over stdio by a real protocol client
// (vscode-languageserver-protocol), one test per capability, on the fixture
// workspace test/fixtures/lsp/ (leads.route imports roster.route).

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CodeAction, CompletionItem, DocumentSymbol, Hover, Location, SymbolInformation, WorkspaceEdit } from "vscode-languageserver-protocol";
import { repoRoot, TestClient } from "./client";

const folder = resolve(repoRoot, "test/fixtures/lsp");
const leadsPath = resolve(folder, "leads.route");
const leadsText = readFileSync(leadsPath, "utf8");

function messageOf(diagnostic: { message: string | { value: string } }): string {
  return typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value;
}

/** The LSP position of `needle` in `text` (its `at`-th character), 0-based. */
function positionOf(text: string, needle: string, at = 0, occurrence = 0): { line: number; character: number } {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`not found: ${needle}`);
  offset += at;
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  return { line, character: offset - (before.lastIndexOf("\n") + 1) };
}

describe("language server over stdio", () => {
  let client: TestClient;
  let uri: string;
  const doc = () => ({ textDocument: { uri } });

  beforeAll(async () => {
    client = new TestClient();
    await client.initialize();
    uri = client.open(leadsPath);
  }, 30_000);
  afterAll(async () => client.close());

  it("advertises every capability", async () => {
    const other = new TestClient();
    const capabilities = await other.initialize();
    await other.close();
    for (const capability of [
      "hoverProvider",
      "completionProvider",
      "definitionProvider",
      "referencesProvider",
      "renameProvider",
      "documentSymbolProvider",
      "workspaceSymbolProvider",
      "codeActionProvider",
      "documentFormattingProvider",
      "foldingRangeProvider",
      "semanticTokensProvider",
      "executeCommandProvider",
    ]) {
      expect(capabilities, capability).toHaveProperty(capability);
    }
  });

  it("publishes no errors for a correct file", async () => {
    const diagnostics = await client.diagnostics(uri);
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 1)).toEqual([]);
  });

  it("hover: a field's type and what a missing value does", async () => {
    const hover = await client.request<Hover>("textDocument/hover", { ...doc(), position: positionOf(leadsText, "tier is Enterprise", 1) });
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain("tier: Tier?");
    expect(value).toContain("Optional");
  });

  it("hover: a team's members, an enum member's wire value, a rep's attributes, a rule's summary", async () => {
    const team = await client.request<Hover>("textDocument/hover", { ...doc(), position: positionOf(leadsText, "emea_sales by", 2) });
    expect((team.contents as { value: string }).value).toContain("alice (Alice Moreau)");
    const member = await client.request<Hover>("textDocument/hover", { ...doc(), position: positionOf(leadsText, "region is NA", 10) });
    expect((member.contents as { value: string }).value).toContain('"North America"');
    const rule = await client.request<Hover>("textDocument/hover", { ...doc(), position: positionOf(leadsText, '"North America"', 3, 1) });
    expect((rule.contents as { value: string }).value).toContain("Assigns to team `na_sales`");
  });

  it("completion: fields after `when`, members after `is`, teams after `team`, snippets at the top", async () => {
    const labels = async (position: { line: number; character: number }) =>
      (await client.request<CompletionItem[]>("textDocument/completion", { ...doc(), position })).map((item) => item.label);
    expect(await labels(positionOf(leadsText, "when region", 5))).toEqual(expect.arrayContaining(["region", "tier", "employees", "language"]));
    expect(await labels(positionOf(leadsText, "region is EMEA", 10))).toEqual(expect.arrayContaining(["NA", "EMEA", "APAC"]));
    expect(await labels(positionOf(leadsText, "team na_sales", 5))).toEqual(expect.arrayContaining(["emea_sales", "na_sales"]));
    expect(await labels(positionOf(leadsText, "by round", 3))).toEqual(expect.arrayContaining(["round robin", "load balance"]));
    const top = await client.request<CompletionItem[]>("textDocument/completion", { ...doc(), position: positionOf(leadsText, "router inbound", 0) });
    expect(top.find((item) => item.label === "router" && item.insertTextFormat === 2)?.insertText).toContain("${1:inbound}");
  });

  it("definition: a team in another file", async () => {
    const locations = await client.request<Location[]>("textDocument/definition", { ...doc(), position: positionOf(leadsText, "team na_sales", 6) });
    expect(locations).toHaveLength(1);
    expect(locations[0]!.uri).toMatch(/roster\.route$/);
    expect(locations[0]!.range.start.line).toBe(6);
  });

  it("references: every use of a field, across rules and tests", async () => {
    const locations = await client.request<Location[]>("textDocument/references", { ...doc(), position: positionOf(leadsText, "region: Region", 1), context: { includeDeclaration: true } });
    expect(locations.length).toBe(5);
  });

  it("rename: a queue in both files, and refuses a name that is not one", async () => {
    const position = positionOf(leadsText, "queue manual_review", 8);
    const prepared = await client.request<{ placeholder: string }>("textDocument/prepareRename", { ...doc(), position });
    expect(prepared.placeholder).toBe("manual_review");
    const edit = await client.request<WorkspaceEdit>("textDocument/rename", { ...doc(), position, newName: "triage" });
    const files = Object.keys(edit.changes!);
    expect(files.some((file) => file.endsWith("roster.route"))).toBe(true);
    expect(Object.values(edit.changes!).flat()).toHaveLength(4);
    await expect(client.request("textDocument/rename", { ...doc(), position, newName: "not a name" })).rejects.toThrow(/is not a name/);
  });

  it("rename: an enum member keeps its wire value", async () => {
    const edit = await client.request<WorkspaceEdit>("textDocument/rename", { ...doc(), position: positionOf(leadsText, "Enterprise,", 1), newName: "Large" });
    const texts = Object.values(edit.changes!).flat().map((change) => change.newText);
    expect(texts).toContain('Large = "Enterprise"');
  });

  it("document symbols: declarations with the router's rules inside", async () => {
    const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", doc());
    const router = symbols.find((symbol) => symbol.name === "inbound")!;
    expect(router.children!.map((child) => child.name)).toEqual(["EMEA", "EMEA enterprise", "North America"]);
  });

  it("workspace symbols: declarations and rules of every loaded file", async () => {
    const symbols = await client.request<SymbolInformation[]>("workspace/symbol", { query: "sales" });
    expect(symbols.map((symbol) => symbol.name).sort()).toEqual(["emea_sales", "na_sales"]);
  });

  it("folding: declarations and rules", async () => {
    const ranges = await client.request<{ startLine: number; endLine: number }[]>("textDocument/foldingRange", doc());
    expect(ranges).toContainEqual(expect.objectContaining({ startLine: positionOf(leadsText, 'rule "EMEA" {').line }));
  });

  it("semantic tokens: keywords, fields, members and teams classified", async () => {
    const tokens = await client.request<{ data: number[] }>("textDocument/semanticTokens/full", doc());
    expect(tokens.data.length % 5).toBe(0);
    expect(tokens.data.length / 5).toBeGreaterThan(50);
  });

  it("code actions: add `otherwise` to a router without one", async () => {
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", {
      ...doc(),
      range: { start: positionOf(leadsText, "rule \"North America\""), end: positionOf(leadsText, "rule \"North America\"") },
      context: { diagnostics: [] },
    });
    const add = actions.find((action) => action.title.startsWith("Add `otherwise`"))!;
    expect(Object.values(add.edit!.changes!)[0]![0]!.newText).toContain("assign to queue manual_review");
  });

  it("commands: compile the file, run its tests, show a router's table", async () => {
    const compiled = await client.request<{ ok: boolean; text: string }>("workspace/executeCommand", { command: "route.server.compile", arguments: [uri] });
    expect(JSON.parse(compiled.text).format).toBe("route-table/1");
    const tests = await client.request<{ ok: boolean; text: string }>("workspace/executeCommand", { command: "route.server.runTests", arguments: [uri] });
    expect(tests.text).toContain("pass German lead");
    const table = await client.request<{ ok: boolean; text: string; routers: string[] }>("workspace/executeCommand", { command: "route.server.showTable", arguments: [uri, "inbound"] });
    expect(table.routers).toEqual(["inbound"]);
    expect(JSON.parse(table.text).rules).toHaveLength(3);
  });

  it("analysis: a shadowed rule names its covering rule, unmatched records carry an example record", async () => {
    const diagnostics = await client.diagnostics(uri, (list) => list.some((diagnostic) => diagnostic.code === "shadowed-rule"));
    const shadowed = diagnostics.find((diagnostic) => diagnostic.code === "shadowed-rule")!;
    expect(shadowed.range.start.line).toBe(positionOf(leadsText, 'rule "EMEA enterprise"').line);
    expect(shadowed.relatedInformation![0]!.location.range.start.line).toBe(positionOf(leadsText, 'rule "EMEA" {').line);
    const unmatched = diagnostics.find((diagnostic) => diagnostic.code === "unmatched-records")!;
    expect(messageOf(unmatched)).toMatch(/example record: \{.*"region"/);
  });

  it("analysis: the rule's hover says what shadows it; code actions move or delete it", async () => {
    const diagnostics = await client.diagnostics(uri, (list) => list.some((diagnostic) => diagnostic.code === "shadowed-rule"));
    const hover = await client.request<Hover>("textDocument/hover", { ...doc(), position: positionOf(leadsText, '"EMEA enterprise"', 2) });
    expect((hover.contents as { value: string }).value).toMatch(/shadowed-rule[\s\S]*routes these leads first/);
    const shadowed = diagnostics.find((diagnostic) => diagnostic.code === "shadowed-rule")!;
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { ...doc(), range: shadowed.range, context: { diagnostics: [shadowed] } });
    const titles = actions.map((action) => action.title);
    expect(titles).toContain('Move rule "EMEA enterprise" above "EMEA" (changes which rule matches first)');
    expect(titles).toContain('Delete rule "EMEA enterprise" (it never matches)');
  });

  it("formatting: the whole document, canonical", async () => {
    const messy = resolve(folder, "neovim.route");
    const messyUri = client.open(messy);
    const edits = await client.request<{ newText: string }[]>("textDocument/formatting", { textDocument: { uri: messyUri }, options: { tabSize: 8, insertSpaces: true } });
    expect(edits).toHaveLength(1);
    expect(edits[0]!.newText).toContain("  otherwise {\n    assign to queue manual_review\n  }\n}");
    void client.connection.sendNotification("textDocument/didClose", { textDocument: { uri: messyUri } });
  });

  it("edits: a typo gets an unknown-name error and a did-you-mean fix, undoing it clears it", async () => {
    const typo = positionOf(leadsText, "employees >= 100");
    client.change(uri, 2, [{ range: { start: typo, end: { line: typo.line, character: typo.character + 9 } }, text: "employes" }]);
    const diagnostics = await client.diagnostics(uri, (list) => list.some((diagnostic) => diagnostic.code === "unknown-name"));
    const error = diagnostics.find((diagnostic) => diagnostic.code === "unknown-name")!;
    expect(error.message).toContain("employes");
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { ...doc(), range: error.range, context: { diagnostics: [error] } });
    expect(actions.some((action) => action.kind === "quickfix" && /employees/.test(action.title))).toBe(true);
    client.change(uri, 3, [{ range: { start: typo, end: { line: typo.line, character: typo.character + 8 } }, text: "employees" }]);
    await client.diagnostics(uri, (list) => !list.some((diagnostic) => diagnostic.code === "unknown-name"));
  });

  it("multi-file: editing the imported roster re-checks the file that imports it", async () => {
    const rosterPath = resolve(folder, "roster.route");
    const rosterText = readFileSync(rosterPath, "utf8");
    const rosterUri = client.open(rosterPath, rosterText.replace("team na_sales", "team us_sales"));
    const diagnostics = await client.diagnostics(uri, (list) => list.some((diagnostic) => messageOf(diagnostic).includes("na_sales")));
    expect(diagnostics.find((diagnostic) => messageOf(diagnostic).includes("na_sales"))!.severity).toBe(1);
    client.change(rosterUri, 2, [{ text: rosterText }]);
    await client.diagnostics(uri, (list) => !list.some((diagnostic) => messageOf(diagnostic).includes("na_sales")));
  });

  it("latency: a request sent right after an edit gets its answer after the edit's diagnostics, not before", async () => {
    const at = positionOf(leadsText, "employees >= 100");
    client.change(uri, 4, [{ range: { start: at, end: at }, text: " " }]);
    await client.request("textDocument/semanticTokens/full", doc());
    // Over one pipe the order is the server's: the quick diagnostics were written before the tokens.
    expect(client.published.get(uri)?.some((params) => params.version === 4)).toBe(true);
    client.change(uri, 5, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: "" }]);
    await client.diagnostics(uri, (_list, params) => params.version === 5);
  });
});

describe("a client without optional capabilities (as Neovim 0.7 or a bare editor)", () => {
  let client: TestClient;
  let uri: string;
  beforeAll(async () => {
    client = new TestClient(["node", resolve(repoRoot, "bin/route.js"), "lsp", "--stdio"]);
    await client.initialize({});
    uri = client.open(leadsPath);
  }, 30_000);
  afterAll(async () => client.close());

  it("gets plain-text hovers, flat symbols and snippets as plain text, through `route lsp --stdio`", async () => {
    await client.diagnostics(uri);
    const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position: positionOf(leadsText, "tier is Enterprise", 1) });
    expect((hover.contents as { kind: string }).kind).toBe("plaintext");
    expect((hover.contents as { value: string }).value).not.toContain("```");
    const symbols = await client.request<SymbolInformation[]>("textDocument/documentSymbol", { textDocument: { uri } });
    expect(symbols.find((symbol) => symbol.name === "EMEA enterprise")?.containerName).toBe("inbound");
    const top = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: positionOf(leadsText, "router inbound", 0) });
    const snippet = top.find((item) => item.label === "router" && item.insertText)!;
    expect(snippet.insertTextFormat).toBe(1);
    expect(snippet.insertText).not.toContain("${");
  });
});
