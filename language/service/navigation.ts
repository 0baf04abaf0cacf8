// Go to definition, find references and rename, in spans and strings. Rename
// keeps meaning where the name is also a value on the wire: an enum member
// without an explicit wire value keeps its old spelling as `= "Old"`.

import type { Span, TextEdit } from "../diagnostics/diagnostic";
import { keyId, occurrenceAt, type Occurrence, type SymbolIndex } from "./symbol-index";

export function definition(index: SymbolIndex, file: string, offset: number): Span[] {
  const occurrence = occurrenceAt(index, file, offset);
  if (!occurrence) return [];
  const all = index.byKey.get(keyId(occurrence.key)) ?? [];
  return all.filter((candidate) => candidate.declaration).map((candidate) => candidate.span);
}

export function references(index: SymbolIndex, file: string, offset: number, includeDeclaration: boolean): Span[] {
  const occurrence = occurrenceAt(index, file, offset);
  if (!occurrence) return [];
  const all = index.byKey.get(keyId(occurrence.key)) ?? [];
  return all.filter((candidate) => includeDeclaration || !candidate.declaration).map((candidate) => candidate.span);
}

/** The span that a rename at `offset` would change, or undefined when nothing renamable is there. */
export function prepareRename(index: SymbolIndex, file: string, offset: number): { span: Span; placeholder: string } | undefined {
  const occurrence = occurrenceAt(index, file, offset);
  if (!occurrence) return undefined;
  const placeholder = occurrence.key.kind === "rule" ? occurrence.key.rule : nameOf(occurrence);
  return { span: occurrence.span, placeholder };
}

export type RenameResult = { edits: TextEdit[] } | { error: string };

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function rename(index: SymbolIndex, file: string, offset: number, newName: string): RenameResult {
  const occurrence = occurrenceAt(index, file, offset);
  if (!occurrence) return { error: "nothing to rename here: put the cursor on a name" };
  const all = index.byKey.get(keyId(occurrence.key)) ?? [];
  if (occurrence.key.kind === "rule") {
    const quoted = JSON.stringify(newName);
    return { edits: all.map((candidate) => ({ span: candidate.span, newText: quoted })) };
  }
  if (!identifier.test(newName)) return { error: `\`${newName}\` is not a name: use letters, digits and _, starting with a letter` };
  if (occurrence.key.kind === "declaration" && newName !== occurrence.key.name && index.declarations.has(newName)) {
    return { error: `\`${newName}\` is already declared` };
  }
  const edits: TextEdit[] = all.map((candidate) => ({ span: candidate.span, newText: newName }));
  if (occurrence.key.kind === "member") {
    const { enumName, member } = occurrence.key;
    const model = index.program.enums.get(enumName);
    const declared = model?.members.find((candidate) => candidate.name === member);
    // NOTE: a member's wire value defaults to its name; keep the old one so records still match.
    if (declared && declared.wire === member) {
      const declaration = all.find((candidate) => candidate.declaration);
      if (declaration) {
        const at = edits.findIndex((edit) => edit.span.start === declaration.span.start && edit.span.file === declaration.span.file);
        edits[at] = { span: declaration.span, newText: `${newName} = ${JSON.stringify(member)}` };
      }
    }
  }
  return { edits };
}

function nameOf(occurrence: Occurrence): string {
  const key = occurrence.key;
  switch (key.kind) {
    case "declaration":
      return key.name;
    case "field":
      return key.field;
    case "member":
      return key.member;
    case "rule":
      return key.rule;
  }
}
