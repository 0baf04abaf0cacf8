// Editor latency: the built language server (dist/server.js) driven over
// stdio by a protocol client, on a generated 1,000-rule workspace. After each
// one-character edit: time to the syntax + checker diagnostics (the first
// publish for the new version) and to the analysis findings (the second).

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from "vscode-languageserver-protocol/node";
import type { BenchSection } from "../section";

const root = resolve(new URL(".", import.meta.url).pathname, "../../..");
const regions = ["NA", "EMEA", "APAC", "LATAM"];
const tiers = ["Enterprise", "MidMarket", "SMB"];
const sources = ["Inbound", "Partner", "Event", "Webinar"];

/** A router of `rules` rules over five fields, specific to general, with a threshold per rule to edit. */
function workspace(rules: number): { folder: string; text: string; thresholds: number[] } {
  const folder = mkdtempSync(join(tmpdir(), "route-lsp-bench-"));
  const teams = Array.from({ length: 20 }, (_, i) => `team t${i} { members [r${i}, r${(i + 1) % 20}] }`);
  const reps = Array.from({ length: 20 }, (_, i) => `rep r${i} { region ${regions[i % 4]} capacity 10 }`);
  writeFileSync(join(folder, "roster.route"), [...reps, ...teams, "queue manual_review", ""].join("\n"));
  const thresholds: number[] = [];
  const body: string[] = [];
  for (let i = 0; i < rules; i++) {
    const threshold = 10 + ((i * 37) % 5000);
    thresholds.push(threshold);
    const conditions = [`region is ${regions[i % 4]}`, `employees >= ${threshold}`];
    if (i % 3 === 0) conditions.push(`tier is ${tiers[i % 3]}`);
    if (i % 5 === 0) conditions.push(`source in [${sources[i % 4]}, ${sources[(i + 1) % 4]}]`);
    if (i % 7 === 0) conditions.push(`country in ["DE", "FR", "US"]`);
    body.push(`  rule "R${i}" {\n    when ${conditions.join(" and ")}\n    assign to team t${i % 20} by round robin\n    fallback to queue manual_review\n  }\n`);
  }
  const text = [
    'import "roster.route"',
    "",
    "enum Region { NA, EMEA, APAC, LATAM }",
    "enum Tier { Enterprise, MidMarket, SMB }",
    "enum Source { Inbound, Partner, Event, Webinar }",
    "",
    "record Lead {\n  region: Region\n  tier: Tier?\n  employees: number\n  source: Source\n  country: text\n}",
    "",
    "router inbound for Lead {",
    ...body,
    "  otherwise {\n    assign to queue manual_review\n  }",
    "}",
    "",
  ].join("\n");
  writeFileSync(join(folder, "leads.route"), text);
  return { folder, text, thresholds };
}

function stats(values: number[]): { median: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

const section: BenchSection = {
  order: 40,
  async run({ quick, log }) {
    const server = resolve(root, "dist/server.js");
    if (!existsSync(server)) throw new Error("dist/server.js is missing: run `npm run build` first");
    const sizes = quick ? [100, 1000] : [100, 1000];
    const edits = quick ? 10 : 30;
    const rows: string[] = [];
    for (const size of sizes) {
      const { folder, text, thresholds } = workspace(size);
      const child = spawn("node", [server], { stdio: ["pipe", "pipe", "inherit"] });
      const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      const waiting: { version: number; count: number; resolve: (at: number) => void }[] = [];
      const seen = new Map<number, number>();
      const errors: string[] = [];
      connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
        const now = performance.now();
        const version = params.version ?? -1;
        const count = (seen.get(version) ?? 0) + 1;
        seen.set(version, count);
        // The edits keep the workspace valid: an error means the benchmark edited the wrong place.
        const error = params.diagnostics.find((diagnostic) => diagnostic.severity === 1);
        if (error) errors.push(`version ${version}: ${error.message}`);
        for (const waiter of waiting.filter((candidate) => candidate.version === version && candidate.count === count)) waiter.resolve(now);
      });
      connection.onNotification("window/logMessage", () => {});
      connection.listen();
      const publish = (version: number, count: number) =>
        new Promise<number>((resolvePublish, reject) => {
          const timer = setTimeout(() => reject(new Error(`no diagnostics #${count} for version ${version} within 60 s`)), 60_000);
          waiting.push({ version, count, resolve: (at) => (clearTimeout(timer), resolvePublish(at)) });
        });
      await connection.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {}, workspaceFolders: null });
      await connection.sendNotification("initialized", {});
      const uri = pathToFileURL(join(folder, "leads.route")).href;
      const opened = performance.now();
      const firstQuick = publish(1, 1);
      const firstFull = publish(1, 2);
      await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "route", version: 1, text } });
      const openQuick = (await firstQuick) - opened;
      const openFull = (await firstFull) - opened;
      log(`lsp-latency: ${size} rules opened: diagnostics ${openQuick.toFixed(0)} ms, analysis ${openFull.toFixed(0)} ms`);

      const quickTimes: number[] = [];
      const fullTimes: number[] = [];
      let version = 1;
      for (let edit = 0; edit < edits; edit++) {
        // One character in one rule's threshold, a different rule each time (so positions taken from the
        // opening text stay valid): even edits replace its last digit, odd ones type a digit after it.
        const rule = (edit * 7919) % size;
        const anchor = text.indexOf("employees >= ", text.indexOf(`rule "R${rule}" {`)) + "employees >= ".length;
        const offset = anchor + String(thresholds[rule]).length - 1;
        const line = text.slice(0, offset).split("\n").length - 1;
        const character = offset - (text.lastIndexOf("\n", offset - 1) + 1);
        // Never the digit already there: every edit changes the text.
        const digit = String((Number(text[offset]) + 1 + (edit % 9)) % 10);
        const typed = edit % 2 === 1;
        const range = typed ? { start: { line, character: character + 1 }, end: { line, character: character + 1 } } : { start: { line, character }, end: { line, character: character + 1 } };
        version += 1;
        const quickAt = publish(version, 1);
        const fullAt = publish(version, 2);
        const sent = performance.now();
        await connection.sendNotification("textDocument/didChange", {
          textDocument: { uri, version },
          contentChanges: [{ range, text: digit }],
        });
        quickTimes.push((await quickAt) - sent);
        fullTimes.push((await fullAt) - sent);
      }
      await Promise.race([connection.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 2000))]);
      await connection.sendNotification("exit");
      connection.dispose();
      child.kill();
      if (errors.length > 0) throw new Error(`lsp-latency: the edited workspace has errors (${errors.length}), first: ${errors[0]}`);
      const quickStats = stats(quickTimes);
      const fullStats = stats(fullTimes);
      log(`lsp-latency: ${size} rules, ${edits} edits: diagnostics median ${quickStats.median.toFixed(0)} ms, analysis median ${fullStats.median.toFixed(0)} ms`);
      rows.push(
        `| ${size.toLocaleString("en")} | ${edits} | ${quickStats.median.toFixed(0)} ms | ${quickStats.p95.toFixed(0)} ms | ${fullStats.median.toFixed(0)} ms | ${fullStats.p95.toFixed(0)} ms | ${openQuick.toFixed(0)} ms / ${openFull.toFixed(0)} ms |`,
      );
    }
    const markdown = [
      "The built server (`dist/server.js`) over stdio, driven by `vscode-languageserver-protocol`'s client connection,",
      "on a generated router (rules over region, employees, tier, source and country; 20 teams; an import of the roster).",
      "Each edit changes one rule's threshold by one character (replacing its last digit, or typing one more), a different rule each time;",
      "times run from sending `didChange` to the diagnostics notification",
      "for that version. The first notification carries syntax and checker diagnostics (goal: < 100 ms median at 1,000 rules);",
      "the second adds the analysis findings, computed in a worker thread after 50 ms without typing (goal: < 500 ms median).",
      "",
      "| rules | edits | diagnostics median | diagnostics p95 | analysis median | analysis p95 | on open (diagnostics / analysis) |",
      "|---:|---:|---:|---:|---:|---:|---:|",
      ...rows,
    ].join("\n");
    return { title: "Editor latency (language server)", markdown };
  },
};

export default section;
