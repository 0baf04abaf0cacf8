#!/usr/bin/env node
// The `route` command: runs the bundled CLI (built by `npm run build`).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write("route: the CLI is not built yet; run `npm run build` in the package folder\n");
  process.exit(2);
}
await import(cli);
