// Document formatting through the formatter in language/format. Undefined
// means "leave the text alone" (the formatter refused or is not available).

export function formatDocument(text: string, path: string, tabSize: number): string | undefined {
  void text;
  void path;
  void tabSize;
  // FIXME: call formatText from language/format once it lands.
  return undefined;
}
