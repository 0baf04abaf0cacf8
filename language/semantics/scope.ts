// Per-file scopes: each file sees its own declarations plus those declared in
// the files it imports directly (not transitively). Owns `duplicate-name` for
// declarations, within a scope and across files one program loads together.

import type { Diagnostic, Label } from "../diagnostics/diagnostic";
import type { ImportDecl, NamedDeclaration } from "../syntax/ast";
import { baseName } from "./paths";
import { makeDiagnostic } from "./report";
import type { LoadedFile } from "./workspace";

export type DeclarationKind = NamedDeclaration["kind"];

export interface ScopeEntry {
  kind: DeclarationKind;
  declaration: NamedDeclaration;
  /** The file that declares it. */
  file: string;
  /** For an imported name: the import that brought it in. */
  via?: ImportDecl;
}

/** Names visible in one file, each with every declaration that claims it (more than one is an error). */
export type Scope = Map<string, ScopeEntry[]>;

/** What users call each kind in messages. */
export const kindNoun: Record<DeclarationKind, string> = {
  enum: "enum",
  list: "list",
  record: "record type",
  rep: "rep",
  team: "team",
  queue: "queue",
  hours: "hours",
  score: "score",
  router: "router",
};

export function localEntries(file: LoadedFile): ScopeEntry[] {
  const entries: ScopeEntry[] = [];
  for (const declaration of file.file.declarations) {
    if (declaration.kind === "test" || declaration.kind === "assert") continue;
    entries.push({ kind: declaration.kind, declaration, file: file.path });
  }
  return entries;
}

export function buildScopes(files: LoadedFile[]): { scopes: Map<string, Scope>; diagnostics: Diagnostic[] } {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const locals = new Map(files.map((file) => [file.path, localEntries(file)]));
  const scopes = new Map<string, Scope>();
  const diagnostics: Diagnostic[] = [];
  /** Which files each file sees, itself included, to find clashes no scope reports. */
  const visible = new Map<string, Set<string>>();

  for (const file of files) {
    const scope: Scope = new Map();
    const add = (entry: ScopeEntry) => {
      const list = scope.get(entry.declaration.name.text);
      if (list) list.push(entry);
      else scope.set(entry.declaration.name.text, [entry]);
    };
    for (const entry of locals.get(file.path) ?? []) add(entry);
    const seen = new Set<string>([file.path]);
    for (const resolved of file.imports) {
      if (!resolved.loaded || seen.has(resolved.path) || !byPath.has(resolved.path)) continue;
      seen.add(resolved.path);
      for (const entry of locals.get(resolved.path) ?? []) add({ ...entry, via: resolved.declaration });
    }
    visible.set(file.path, seen);
    scopes.set(file.path, scope);
    for (const [name, entries] of scope) {
      if (entries.length > 1) diagnostics.push(...scopeClash(file.path, name, entries));
    }
  }

  diagnostics.push(...programClashes(files, locals, visible));
  return { scopes, diagnostics };
}

function scopeClash(path: string, name: string, entries: ScopeEntry[]): Diagnostic[] {
  const result: Diagnostic[] = [];
  const hasLocal = entries.some((entry) => !entry.via);
  for (const entry of entries) {
    const others = entries.filter((other) => other !== entry);
    const labels: Label[] = others.map((other) => ({ span: other.declaration.name.span, message: "also declared here" }));
    if (!entry.via) {
      const imported = others.find((other) => other.via);
      const message = imported
        ? `\`${name}\` is declared here and also imported from \`${baseName(imported.file)}\``
        : `\`${name}\` is declared more than once`;
      result.push(makeDiagnostic("duplicate-name", entry.declaration.name.span, message, { labels, help: "rename one of them" }));
    } else if (hasLocal) {
      result.push(
        makeDiagnostic(
          "duplicate-name",
          entry.declaration.name.span,
          `\`${name}\` is also declared in \`${baseName(path)}\`, which imports this file`,
          { labels, help: "rename one of them" },
        ),
      );
    } else {
      const files = [...new Set(entries.map((other) => baseName(other.file)))];
      result.push(
        makeDiagnostic("duplicate-name", entry.via.path.span, `\`${name}\` is declared in ${files.map((f) => `\`${f}\``).join(" and ")}`, {
          labels,
          help: "rename one of them",
        }),
      );
    }
  }
  return result;
}

/**
 * Names declared in two loaded files that no single scope sees together still
 * clash in the program (its maps hold one declaration per name).
 */
function programClashes(files: LoadedFile[], locals: Map<string, ScopeEntry[]>, visible: Map<string, Set<string>>): Diagnostic[] {
  const byName = new Map<string, ScopeEntry[]>();
  for (const file of files) {
    for (const entry of locals.get(file.path) ?? []) {
      const list = byName.get(entry.declaration.name.text);
      if (list) list.push(entry);
      else byName.set(entry.declaration.name.text, [entry]);
    }
  }
  const result: Diagnostic[] = [];
  for (const [name, entries] of byName) {
    for (const a of entries) {
      for (const b of entries) {
        if (a === b || a.file === b.file) continue;
        const together = [...visible.values()].some((seen) => seen.has(a.file) && seen.has(b.file));
        if (together) continue;
        result.push(
          makeDiagnostic(
            "duplicate-name",
            a.declaration.name.span,
            `\`${name}\` is also declared in \`${baseName(b.file)}\`, and one program loads both files`,
            { labels: [{ span: b.declaration.name.span, message: "also declared here" }], help: "rename one of them" },
          ),
        );
      }
    }
  }
  return result;
}
