// Editor-neutral services over a checked workspace, in offsets and strings:
// the language server (lsp/) converts these to LSP types; nothing here knows LSP.
export { indexProgram, occurrenceAt, keyId, fieldTypeOf, type SymbolIndex, type SymbolKey, type Occurrence } from "./symbol-index";
export { definition, references, prepareRename, rename, type RenameResult } from "./navigation";
export { hover, type HoverResult } from "./hover";
export { complete, type CompletionItem, type CompletionKind } from "./completion";
export { documentSymbols, workspaceSymbols, foldingRanges, type OutlineSymbol, type OutlineKind, type WorkspaceSymbol, type FoldingRange } from "./outline";
export { semanticTokens, semanticTokenTypes, semanticTokenModifiers, type SemanticToken } from "./semantic-tokens";
export { codeActions, type CodeAction } from "./code-actions";
