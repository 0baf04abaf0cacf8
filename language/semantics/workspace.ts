// Loading a workspace: the entry file and every file it imports, transitively,
// each parsed once. Owns import resolution, `missing-import`, `import-cycle`
// and the parse cache the language server reuses between keystrokes.

import type { Diagnostic, Span } from "../diagnostics/diagnostic";
import type { Comment, ImportDecl, SourceFile } from "../syntax/ast";
import { parse } from "../syntax/parse";
import { makeDiagnostic, internalError } from "./report";
import { baseName, resolveImport } from "./paths";

export interface FileHost {
  /** The file's text, or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
}

export interface ResolvedImport {
  declaration: ImportDecl;
  /** The path the host was asked for. */
  path: string;
  /** False when the file could not be read (a `missing-import` was reported). */
  loaded: boolean;
}

export interface LoadedFile {
  path: string;
  text: string;
  file: SourceFile;
  comments: Comment[];
  imports: ResolvedImport[];
}

export interface LoadedWorkspace {
  /** Every file reached from the entry, the entry first (depth-first, in import order). */
  files: LoadedFile[];
  diagnostics: Diagnostic[];
}

interface ParsedText {
  text: string;
  file: SourceFile;
  comments: Comment[];
  diagnostics: Diagnostic[];
}

/**
 * Remembers the parse of each path while its text is unchanged, so re-checking
 * after one keystroke re-parses only the edited file.
 */
export class ParseCache {
  private readonly entries = new Map<string, ParsedText>();

  parse(path: string, text: string): ParsedText {
    const cached = this.entries.get(path);
    if (cached && cached.text === text) return cached;
    const parsed = parseSafely(path, text);
    this.entries.set(path, parsed);
    return parsed;
  }

  /** Forgets a file (closed in the editor, deleted on disk). */
  forget(path: string): void {
    this.entries.delete(path);
  }
}

/** Loads `entry` and its imports. An unreadable entry is reported and checked as an empty file. */
export function loadWorkspace(entry: string, host: FileHost, cache: ParseCache = new ParseCache()): LoadedWorkspace {
  const diagnostics: Diagnostic[] = [];
  const files: LoadedFile[] = [];
  const loaded = new Map<string, LoadedFile>();
  /** Paths on the current import chain, to tell a cycle from a diamond. */
  const chain: string[] = [];

  const read = (path: string): string | undefined => {
    try {
      return host.readFile(path);
    } catch {
      return undefined;
    }
  };

  const load = (path: string, text: string): void => {
    const parsed = cache.parse(path, text);
    diagnostics.push(...parsed.diagnostics);
    const unit: LoadedFile = { path, text, file: parsed.file, comments: parsed.comments, imports: [] };
    files.push(unit);
    loaded.set(path, unit);
    chain.push(path);
    for (const declaration of parsed.file.imports) {
      const target = resolveImport(path, declaration.path.value);
      if (chain.includes(target)) {
        diagnostics.push(
          makeDiagnostic("import-cycle", declaration.span, cycleMessage([...chain.slice(chain.indexOf(target)), target]), {
            help: "move the shared declarations into a file that both import",
          }),
        );
        unit.imports.push({ declaration, path: target, loaded: true });
        continue;
      }
      if (loaded.has(target)) {
        unit.imports.push({ declaration, path: target, loaded: true });
        continue;
      }
      const importedText = read(target);
      if (importedText === undefined) {
        diagnostics.push(
          makeDiagnostic("missing-import", declaration.path.span, `cannot read \`${declaration.path.value}\` (looked for \`${target}\`)`),
        );
        unit.imports.push({ declaration, path: target, loaded: false });
        continue;
      }
      unit.imports.push({ declaration, path: target, loaded: true });
      load(target, importedText);
    }
    chain.pop();
  };

  const entryText = read(entry);
  if (entryText === undefined) {
    diagnostics.push(makeDiagnostic("missing-import", { file: entry, start: 0, end: 0 }, `cannot read \`${entry}\``));
    load(entry, "");
  } else {
    load(entry, entryText);
  }
  return { files, diagnostics };
}

function cycleMessage(paths: string[]): string {
  return `import cycle: ${paths.map((path) => `\`${baseName(path)}\``).join(" imports ")}`;
}

function parseSafely(path: string, text: string): ParsedText {
  try {
    const result = parse(text, path);
    // The text travels with the tree so later stages (the compiler's rule
    // locations, renderers) need no disk access of their own.
    return { text, file: { ...result.value.file, text }, comments: result.value.comments, diagnostics: result.diagnostics };
  } catch (error) {
    const span: Span = { file: path, start: 0, end: 0 };
    return {
      text,
      file: { kind: "file", path, imports: [], declarations: [], span: { file: path, start: 0, end: text.length } },
      comments: [],
      diagnostics: [internalError(span, "parse", error)],
    };
  }
}
