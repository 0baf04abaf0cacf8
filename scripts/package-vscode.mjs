// `npm run package:vscode`: builds the VS Code extension (its client bundled
// by esbuild, the language server bundle copied beside it) and packages it
// into dist/route-lang.vsix with @vscode/vsce — offline, no registry access.
import { build } from "esbuild";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createVSIX } from "@vscode/vsce";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const extension = resolve(root, "vscode-extension");
const out = resolve(extension, "dist");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// VS Code loads extensions with require(): the client is CommonJS, `vscode` is provided by the editor.
await build({
  entryPoints: [resolve(extension, "src/extension.ts")],
  outfile: resolve(out, "extension.js"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node18",
  external: ["vscode"],
  minify: true,
  logLevel: "warning",
});

// The server is the ESM bundle `npm run build` makes; .mjs so Node loads it as ESM without a package.json type.
await build({
  entryPoints: [resolve(root, "lsp/main.ts")],
  outfile: resolve(out, "server.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "es2022",
  minify: true,
  logLevel: "warning",
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

const packagePath = resolve(root, "dist/route-lang.vsix");
mkdirSync(dirname(packagePath), { recursive: true });
if (existsSync(packagePath)) rmSync(packagePath);
await createVSIX({ cwd: extension, packagePath, dependencies: false, allowMissingRepository: true, allowStarActivation: false });
console.log(`packaged ${packagePath}`);
