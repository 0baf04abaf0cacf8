// `npm run bench`: runs every section in scripts/bench/sections/, prints the
// results and writes them to docs/performance.md (not with --quick).
import { readdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { BenchResult, BenchSection } from "./section";

const root = resolve(new URL(".", import.meta.url).pathname, "../..");
const quick = process.argv.includes("--quick");
const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const log = (message: string) => process.stderr.write(`${message}\n`);

const folder = join(root, "scripts/bench/sections");
const files = readdirSync(folder).filter((name) => name.endsWith(".ts") && (!only || name.includes(only))).sort();
const sections: { name: string; section: BenchSection }[] = [];
for (const name of files) {
  const module = (await import(pathToFileURL(join(folder, name)).href)) as { default: BenchSection };
  sections.push({ name, section: module.default });
}
sections.sort((a, b) => a.section.order - b.section.order || a.name.localeCompare(b.name));

const results: BenchResult[] = [];
for (const { name, section } of sections) {
  log(`== ${name}`);
  results.push(await section.run({ quick, log }));
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const document = [
  "# Performance",
  "",
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${machine}).`,
  "Every figure in a table comes from the same run; compare ratios, not absolute times across machines.",
  "",
  ...results.flatMap((result) => [`## ${result.title}`, "", result.markdown.trim(), ""]),
].join("\n");
process.stdout.write(document);
if (!quick && !only) writeFileSync(join(root, "docs/performance.md"), document);
