// `route lsp --stdio`: runs the language server on standard input and output,
// for editors that start a server by command (Neovim, Helix, Emacs, Zed…).
// NOTE: compiler/ must not import lsp/ (the server sits on top of the
// compiler), so this loads the built server bundle that lies beside the CLI
// bundle in dist/; loading it starts the server on this process's stdio.

import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { UsageError } from "./files";

export async function lspCommand(stdio: boolean): Promise<number> {
  if (!stdio) throw new UsageError("`route lsp` talks to the editor over standard input and output: run `route lsp --stdio`");
  const server = fileURLToPath(new URL("./server.js", import.meta.url));
  if (!existsSync(server)) throw new UsageError(`the language server is not built (no ${server}): run \`npm run build\``);
  await import(/* @vite-ignore */ pathToFileURL(server).href);
  // The server keeps the process alive and exits it when the editor says `exit`.
  return new Promise<number>(() => {});
}
