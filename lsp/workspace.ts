// The server's view of the files: open documents (their text wins over the
// disk), one checked program per open document as entry, its symbol index,
// and the diagnostics last published for it. Re-checking after a keystroke
// re-parses only the changed file (one ParseCache for the workspace).

import { readFileSync } from "node:fs";
import type { Diagnostic } from "../language/diagnostics/diagnostic";
import { checkProgram } from "../language/semantics/check";
import type { Program } from "../language/semantics/model";
import { ParseCache } from "../language/semantics/workspace";
import { indexProgram, type SymbolIndex } from "../language/service/symbol-index";
import type { Comment, SourceFile } from "../language/syntax/ast";
import { TextPositions } from "./convert";
import { IncrementalParseCache } from "./incremental-parse";

export interface OpenDocument {
  uri: string;
  path: string;
  text: string;
  version: number;
}

export interface CheckedEntry {
  /** The text of every loaded file when this check ran, by path. */
  texts: Map<string, string>;
  program: Program;
  /** Syntax and checker diagnostics. */
  diagnostics: Diagnostic[];
  /** Built on first use: publishing diagnostics after a keystroke does not need it. */
  readonly index: SymbolIndex;
  /** Analysis findings for exactly these texts, once they arrive. */
  analysis?: Diagnostic[];
}

export class ServerWorkspace {
  readonly documents = new Map<string, OpenDocument>();
  readonly cache: ParseCache = new IncrementalParseCache();
  private readonly checked = new Map<string, CheckedEntry>();
  private readonly positions = new Map<string, TextPositions>();
  private readonly comments = new Map<string, { text: string; comments: Comment[] }>();

  /** The text the server uses for a path: the open document's, else the disk's. */
  readFile = (path: string): string | undefined => {
    const open = this.documents.get(path);
    if (open) return open.text;
    try {
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  };

  open(document: OpenDocument): void {
    this.documents.set(document.path, document);
  }

  close(path: string): void {
    this.documents.delete(path);
    this.checked.delete(path);
    this.cache.forget(path);
  }

  /** The entry's check for the current texts, re-checking when any file it loaded has changed. */
  check(entry: string): CheckedEntry {
    const previous = this.checked.get(entry);
    if (previous && this.isCurrent(previous)) return previous;
    const result = checkProgram(entry, { readFile: this.readFile }, { cache: this.cache });
    const texts = new Map<string, string>();
    for (const file of result.value.files) texts.set(file.path, file.text ?? this.readFile(file.path) ?? "");
    let index: SymbolIndex | undefined;
    const entryResult: CheckedEntry = {
      texts,
      program: result.value,
      diagnostics: result.diagnostics,
      get index() {
        return (index ??= indexProgram(result.value));
      },
    };
    this.checked.set(entry, entryResult);
    return entryResult;
  }

  /** The last check of an entry, current or not (for requests that can live with a stale answer). */
  lastCheck(entry: string): CheckedEntry | undefined {
    return this.checked.get(entry);
  }

  isCurrent(entry: CheckedEntry): boolean {
    for (const [path, text] of entry.texts) if (this.readFile(path) !== text) return false;
    return true;
  }

  /** Open documents whose last check loaded `path` (itself included). */
  dependents(path: string): string[] {
    const out = [path].filter((candidate) => this.documents.has(candidate));
    for (const [entry, checked] of this.checked) if (entry !== path && checked.texts.has(path) && this.documents.has(entry)) out.push(entry);
    return out;
  }

  positionsOf = (path: string): TextPositions => {
    const text = this.readFile(path) ?? "";
    const cached = this.positions.get(path);
    if (cached && cached.text === text) return cached;
    const positions = new TextPositions(text);
    this.positions.set(path, positions);
    return positions;
  };

  sourceFile(entry: CheckedEntry, path: string): SourceFile | undefined {
    return entry.program.files.find((file) => file.path === path);
  }

  /** The comments of a file (for folding), from the shared parse cache. */
  commentsOf(path: string): Comment[] {
    const text = this.readFile(path) ?? "";
    const cached = this.comments.get(path);
    if (cached && cached.text === text) return cached.comments;
    const comments = this.cache.parse(path, text).comments;
    this.comments.set(path, { text, comments });
    return comments;
  }

  /** Every file the server knows: open documents and what their checks loaded. */
  knownFiles(): SourceFile[] {
    const files = new Map<string, SourceFile>();
    for (const entry of this.documents.keys()) {
      for (const file of this.check(entry).program.files) if (!files.has(file.path)) files.set(file.path, file);
    }
    return [...files.values()];
  }
}
