// Document formatting through the formatter in language/format. Undefined
// means "leave the text alone": the file does not parse, or the formatter
// refused (its soundness check reports an internal error instead of output).

import { hasErrors } from "../language/diagnostics/diagnostic";
import { formatText } from "../language/format/format";

/**
 * NOTE: the editor's tab size is ignored on purpose: `route fmt`, Prettier and
 * the editor must print the same canonical text, or a team's diffs flip-flop.
 */
export function formatDocument(text: string, path: string): string | undefined {
  const result = formatText(text, path);
  if (hasErrors(result.diagnostics)) return undefined;
  return result.value;
}
