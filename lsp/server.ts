// The language server: wires LSP requests to the editor-neutral services in
// language/service and pushes diagnostics in two waves — syntax and checks a
// few milliseconds after typing stops, then the analysis findings from the
// analysis runner, which never blocks the requests in between.

import {
  CodeActionKind,
  CompletionItemKind,
  InsertTextFormat,
  LSPErrorCodes,
  ResponseError,
  MarkupKind,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction as LspCodeAction,
  type CompletionItem as LspCompletionItem,
  type Connection,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
  type SymbolInformation,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic, TextEdit } from "../language/diagnostics/diagnostic";
import { sortDiagnostics } from "../language/diagnostics/diagnostic";
import {
  codeActions,
  complete,
  definition,
  documentSymbols,
  foldingRanges,
  hover,
  prepareRename,
  references,
  rename,
  semanticTokenModifiers,
  semanticTokens,
  semanticTokenTypes,
  workspaceSymbols,
  type CompletionKind,
  type OutlineKind,
  type OutlineSymbol,
} from "../language/service/index";
import { AnalysisRunner } from "./analysis";
import { executeCommand, commandIds } from "./commands";
import { location, pathToUri, toLspDiagnostic, uriToPath, type ClientSupport } from "./convert";
import { formatDocument } from "./formatting";
import { ServerWorkspace, type CheckedEntry } from "./workspace";

export interface ServerOptions {
  /** A script that runs the analysis worker (the server bundle itself); without it the analysis runs in the server thread. */
  workerScript?: string;
  /** Quiet time after an edit before the quick checks run, in ms. */
  checkDelay?: number;
  /** Quiet time after an edit before the analysis starts, in ms. */
  analysisDelay?: number;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new ServerWorkspace();
  const checkDelay = options.checkDelay ?? 5;
  // The analysis runs in a worker, so starting it soon costs typing nothing; the delay only spares runs a keystroke would supersede.
  const analysisDelay = options.analysisDelay ?? 50;
  const log = (message: string) => connection.console.log(message);
  let analysis: AnalysisRunner | undefined;
  let support: ClientSupport = { relatedInformation: false, markdown: false, snippets: false, hierarchicalSymbols: false, codeActionLiterals: false, prepareRename: false };
  const checkTimers = new Map<string, NodeJS.Timeout>();
  const analysisTimers = new Map<string, NodeJS.Timeout>();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const text = params.capabilities.textDocument;
    support = {
      relatedInformation: text?.publishDiagnostics?.relatedInformation === true,
      markdown: (text?.hover?.contentFormat ?? []).includes(MarkupKind.Markdown),
      snippets: text?.completion?.completionItem?.snippetSupport === true,
      hierarchicalSymbols: text?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
      codeActionLiterals: text?.codeAction?.codeActionLiteralSupport !== undefined,
      prepareRename: text?.rename?.prepareSupport === true,
    };
    analysis = new AnalysisRunner(options.workerScript, log);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [".", " ", "["] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: support.prepareRename ? { prepareProvider: true } : true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: support.codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor] } : true,
        documentFormattingProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: [...semanticTokenTypes], tokenModifiers: [...semanticTokenModifiers] }, full: true },
        executeCommandProvider: { commands: [...commandIds] },
      },
      serverInfo: { name: "route-lsp", version: "0.1.0" },
    };
  });

  connection.onShutdown(() => analysis?.dispose());

  // --- documents and diagnostics -------------------------------------------

  const sync = (document: TextDocument) => {
    const path = uriToPath(document.uri);
    workspace.open({ uri: document.uri, path, text: document.getText(), version: document.version });
    for (const entry of workspace.dependents(path)) schedule(entry);
  };
  documents.onDidOpen((event) => sync(event.document));
  documents.onDidChangeContent((event) => sync(event.document));
  documents.onDidClose((event) => {
    const path = uriToPath(event.document.uri);
    workspace.close(path);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  const schedule = (entry: string) => {
    clearTimeout(checkTimers.get(entry));
    clearTimeout(analysisTimers.get(entry));
    checkTimers.set(entry, setTimeout(() => publishQuick(entry), checkDelay));
  };

  const publish = (entry: string, checked: CheckedEntry) => {
    const document = workspace.documents.get(entry);
    if (!document) return;
    const all = sortDiagnostics([...checked.diagnostics, ...(checked.analysis ?? [])]).filter((diagnostic) => diagnostic.span.file === entry);
    void connection.sendDiagnostics({
      uri: document.uri,
      version: document.version,
      diagnostics: all.map((diagnostic) => toLspDiagnostic(diagnostic, workspace.positionsOf, support)),
    });
  };

  const publishQuick = (entry: string) => {
    checkTimers.delete(entry);
    if (!workspace.documents.has(entry)) return;
    const checked = workspace.check(entry);
    publish(entry, checked);
    if (checked.analysis) return;
    analysisTimers.set(
      entry,
      setTimeout(() => {
        analysisTimers.delete(entry);
        if (!workspace.isCurrent(checked) || !analysis) return;
        void analysis.analyze(entry, Object.fromEntries(checked.texts)).then((findings) => {
          if (findings === undefined || !workspace.isCurrent(checked)) return;
          checked.analysis = findings;
          publish(entry, checked);
        });
      }, analysisDelay),
    );
  };

  // --- requests --------------------------------------------------------------

  /** The check a request works on: the current one (computed now if an edit is pending). */
  const at = (uri: string, position?: { line: number; character: number }) => {
    const path = uriToPath(uri);
    // A request that arrives before the quick diagnostics are out needs the same check: publish them first,
    // so semantic tokens or symbols asked for after every keystroke never hold the squiggles back.
    if (checkTimers.has(path)) {
      clearTimeout(checkTimers.get(path));
      publishQuick(path);
    }
    const checked = workspace.check(path);
    const offset = position ? workspace.positionsOf(path).offset(position) : 0;
    return { path, checked, offset };
  };
  const allDiagnostics = (checked: CheckedEntry): Diagnostic[] => [...checked.diagnostics, ...(checked.analysis ?? [])];
  const edits = (list: TextEdit[]): WorkspaceEdit => {
    const changes: Record<string, LspTextEdit[]> = {};
    for (const edit of list) {
      const uri = workspace.documents.get(edit.span.file)?.uri ?? pathToUri(edit.span.file);
      (changes[uri] ??= []).push({ range: workspace.positionsOf(edit.span.file).range(edit.span.start, edit.span.end), newText: edit.newText });
    }
    return { changes };
  };

  connection.onHover((params) => {
    const { path, checked, offset } = at(params.textDocument.uri, params.position);
    const result = hover(checked.index, allDiagnostics(checked), path, offset);
    if (!result) return null;
    const value = support.markdown ? result.markdown : result.markdown.replace(/```route\n|```json\n|```/g, "").replace(/\*\*/g, "");
    return { contents: { kind: support.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value }, range: workspace.positionsOf(path).range(result.span.start, result.span.end) };
  });

  connection.onCompletion((params) => {
    const path = uriToPath(params.textDocument.uri);
    const text = workspace.readFile(path) ?? "";
    // Completion must not wait for a re-check of a half-typed line: the last good index is enough.
    const checked = workspace.lastCheck(path) ?? workspace.check(path);
    const offset = workspace.positionsOf(path).offset(params.position);
    return complete(checked.index, text, offset, path).map((item): LspCompletionItem => {
      const out: LspCompletionItem = { label: item.label, kind: completionKinds[item.kind] };
      if (item.detail) out.detail = item.detail;
      if (item.snippet) {
        if (support.snippets) Object.assign(out, { insertText: item.snippet, insertTextFormat: InsertTextFormat.Snippet });
        else Object.assign(out, { insertText: item.snippet.replace(/\$\{\d+:([^}]*)\}/g, "$1"), insertTextFormat: InsertTextFormat.PlainText });
      }
      return out;
    });
  });

  connection.onDefinition((params) => {
    const { path, checked, offset } = at(params.textDocument.uri, params.position);
    return definition(checked.index, path, offset).map((span) => location(span, workspace.positionsOf));
  });

  connection.onReferences((params) => {
    const { path, checked, offset } = at(params.textDocument.uri, params.position);
    return references(checked.index, path, offset, params.context.includeDeclaration).map((span) => location(span, workspace.positionsOf));
  });

  connection.onPrepareRename((params) => {
    const { path, checked, offset } = at(params.textDocument.uri, params.position);
    const result = prepareRename(checked.index, path, offset);
    if (!result) return null;
    return { range: workspace.positionsOf(path).range(result.span.start, result.span.end), placeholder: result.placeholder };
  });

  connection.onRenameRequest((params) => {
    const { path, checked, offset } = at(params.textDocument.uri, params.position);
    const result = rename(checked.index, path, offset, params.newName);
    if ("error" in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
    return edits(result.edits);
  });

  connection.onDocumentSymbol((params) => {
    const { path, checked } = at(params.textDocument.uri);
    const file = workspace.sourceFile(checked, path);
    if (!file) return [];
    const symbols = documentSymbols(file);
    const positions = workspace.positionsOf(path);
    if (support.hierarchicalSymbols) {
      const convert = (symbol: OutlineSymbol): DocumentSymbol => ({
        name: symbol.name,
        kind: symbolKinds[symbol.kind],
        range: positions.range(symbol.span.start, symbol.span.end),
        selectionRange: positions.range(symbol.selection.start, symbol.selection.end),
        children: symbol.children.map(convert),
        ...(symbol.detail ? { detail: symbol.detail } : {}),
      });
      return symbols.map(convert);
    }
    const flat: SymbolInformation[] = [];
    const add = (symbol: OutlineSymbol, container?: string) => {
      flat.push({ name: symbol.name, kind: symbolKinds[symbol.kind], location: { uri: params.textDocument.uri, range: positions.range(symbol.span.start, symbol.span.end) }, ...(container ? { containerName: container } : {}) });
      symbol.children.forEach((child) => add(child, symbol.name));
    };
    symbols.forEach((symbol) => add(symbol));
    return flat;
  });

  connection.onWorkspaceSymbol((params) =>
    workspaceSymbols(workspace.knownFiles(), params.query).map((symbol) => ({
      name: symbol.name,
      kind: symbolKinds[symbol.kind],
      location: location(symbol.selection, workspace.positionsOf),
      ...(symbol.container ? { containerName: symbol.container } : {}),
    })),
  );

  connection.onCodeAction((params) => {
    const { path, checked } = at(params.textDocument.uri);
    const file = workspace.sourceFile(checked, path);
    if (!file) return [];
    const positions = workspace.positionsOf(path);
    const start = positions.offset(params.range.start);
    const end = positions.offset(params.range.end);
    const actions = codeActions(file, workspace.readFile(path) ?? "", allDiagnostics(checked), start, end, [...checked.program.queues.keys()]);
    return actions.map((action): LspCodeAction => ({
      title: action.title,
      kind: action.kind === "quickfix" ? CodeActionKind.QuickFix : CodeActionKind.Refactor,
      edit: edits(action.edits),
      ...(action.diagnostic ? { diagnostics: [toLspDiagnostic(action.diagnostic, workspace.positionsOf, support)] } : {}),
      ...(action.preferred ? { isPreferred: true } : {}),
    }));
  });

  connection.onDocumentFormatting((params) => {
    const path = uriToPath(params.textDocument.uri);
    const text = workspace.readFile(path) ?? "";
    const formatted = formatDocument(text, path);
    if (formatted === undefined || formatted === text) return [];
    return [{ range: workspace.positionsOf(path).range(0, text.length), newText: formatted }];
  });

  connection.onFoldingRanges((params) => {
    const { path, checked } = at(params.textDocument.uri);
    const file = workspace.sourceFile(checked, path);
    if (!file) return [];
    const positions = workspace.positionsOf(path);
    return foldingRanges(file, workspace.commentsOf(path), workspace.readFile(path) ?? "").map((range) => ({
      startLine: positions.position(range.start).line,
      endLine: positions.position(range.end).line,
      kind: range.kind,
    }));
  });

  connection.languages.semanticTokens.on((params) => {
    const { path, checked } = at(params.textDocument.uri);
    const text = workspace.readFile(path) ?? "";
    const positions = workspace.positionsOf(path);
    const data: number[] = [];
    let line = 0;
    let character = 0;
    for (const token of semanticTokens(checked.index, path, text)) {
      const start = positions.position(token.start);
      const end = positions.position(token.start + token.length);
      if (end.line !== start.line) continue; // LSP tokens may not span lines
      data.push(start.line - line, start.line === line ? start.character - character : start.character, token.length, semanticTokenTypes.indexOf(token.type), token.declaration ? 1 : 0);
      line = start.line;
      character = start.character;
    }
    return { data };
  });

  connection.onExecuteCommand((params) => {
    const [uri, ...rest] = (params.arguments ?? []) as string[];
    if (typeof uri !== "string") return { ok: false, text: "no file given" };
    return executeCommand(params.command, workspace, uriToPath(uri), rest);
  });

  documents.listen(connection);
  connection.listen();
}

const completionKinds: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  field: CompletionItemKind.Field,
  member: CompletionItemKind.EnumMember,
  rep: CompletionItemKind.Variable,
  team: CompletionItemKind.Variable,
  queue: CompletionItemKind.Variable,
  hours: CompletionItemKind.Module,
  score: CompletionItemKind.Function,
  list: CompletionItemKind.Constant,
  router: CompletionItemKind.Function,
  enum: CompletionItemKind.Enum,
  record: CompletionItemKind.Struct,
  snippet: CompletionItemKind.Snippet,
  method: CompletionItemKind.Keyword,
};

const symbolKinds: Record<OutlineKind, SymbolKind> = {
  enum: SymbolKind.Enum,
  list: SymbolKind.Array,
  record: SymbolKind.Struct,
  rep: SymbolKind.Object,
  team: SymbolKind.Object,
  queue: SymbolKind.Object,
  hours: SymbolKind.Module,
  score: SymbolKind.Function,
  router: SymbolKind.Class,
  test: SymbolKind.Event,
  assert: SymbolKind.Event,
  rule: SymbolKind.Method,
  otherwise: SymbolKind.Method,
  field: SymbolKind.Field,
  member: SymbolKind.EnumMember,
};
