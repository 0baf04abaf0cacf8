// Builds the bundles: dist/cli.js (the `route` command, Node), dist/runtime.js
// (the self-contained runtime services import, any platform), and — once their
// sources exist — the Redis store, the Prettier plugin and the language server.
import { build } from "esbuild";
import { existsSync } from "node:fs";

const common = { bundle: true, format: "esm", target: "es2022", logLevel: "warning", legalComments: "none" };
// Bundles for Node that pull in CommonJS packages need a `require`.
const nodeRequire = { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" };

const bundles = [
  { entryPoints: ["compiler/cli/run.ts"], outfile: "dist/cli.js", platform: "node", banner: nodeRequire },
  { entryPoints: ["runtime/index.ts"], outfile: "dist/runtime.js", platform: "neutral", minify: true },
  { entryPoints: ["runtime/stores/redis.ts"], outfile: "dist/redis-store.js", platform: "node", external: ["ioredis"], minify: true },
  { entryPoints: ["language/format/prettier-plugin.ts"], outfile: "dist/prettier-plugin.js", platform: "node", external: ["prettier"], banner: nodeRequire },
  { entryPoints: ["lsp/main.ts"], outfile: "dist/server.js", platform: "node", banner: nodeRequire },
];

await Promise.all(bundles.filter((bundle) => existsSync(bundle.entryPoints[0])).map((bundle) => build({ ...common, ...bundle })));
