// Builds the bundles: dist/cli.js (the `route` command, Node) and
// dist/runtime.js (the self-contained runtime services import, any platform).
import { build } from "esbuild";

const common = { bundle: true, format: "esm", target: "es2022", logLevel: "warning", legalComments: "none" };

await Promise.all([
  build({
    ...common,
    entryPoints: ["compiler/cli/run.ts"],
    outfile: "dist/cli.js",
    platform: "node",
    // chevrotain and picocolors are bundled in, so the bin needs nothing at run time.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: ["runtime/index.ts"],
    outfile: "dist/runtime.js",
    platform: "neutral",
    minify: true,
  }),
]);
