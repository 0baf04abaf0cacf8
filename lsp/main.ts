// The language server's stdio entry, bundled to dist/server.js. The same
// bundle runs as the analysis worker thread, so the analysis never blocks
// typing and needs no second file.

import { fileURLToPath } from "node:url";
import { isMainThread, parentPort } from "node:worker_threads";
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { runAnalysisWorker } from "./analysis";
import { startServer } from "./server";

if (isMainThread) {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection, { workerScript: fileURLToPath(import.meta.url) });
} else if (parentPort) {
  runAnalysisWorker(parentPort);
}
