// The pipeline behind `compile`, `match` and `test`: check an entry file with
// its imports, and compile it to a table when there is no error.

import { hasErrors, type Diagnostic } from "../../language/diagnostics/diagnostic";
import { checkProgram } from "../../language/semantics/check";
import type { Program } from "../../language/semantics/model";
import type { Table } from "../../runtime/table-format";
import { compile } from "../compile";
import type { DiskHost } from "./files";

export interface Built {
  program: Program;
  table: Table | null;
  diagnostics: Diagnostic[];
}

export function buildTable(entry: string, host: DiskHost, root: string): Built {
  const checked = checkProgram(entry, host);
  if (hasErrors(checked.diagnostics)) return { program: checked.value, table: null, diagnostics: checked.diagnostics };
  const compiled = compile(checked.value, { root });
  return {
    program: checked.value,
    table: compiled.value,
    diagnostics: [...checked.diagnostics, ...compiled.diagnostics],
  };
}
