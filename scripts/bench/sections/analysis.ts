// Bench section: the rule analysis (compiler/analyze) on overlap-heavy lead
// routers of 100, 1,000 and 10,000 rules over nine fields, beside parse+check
// time in the same run. Rules are spread over eight queues so overlaps are real
// work (with one queue every rule has the same outcome and overlaps are free).
// CPU time of this process, median of a few runs.

import { analyzeFindings, type AnalyzeOptions } from "../../../compiler/analyze";
import { toDiagnostic } from "../../../compiler/analyze/messages";
import type { Program } from "../../../language/semantics/model";
import { checkProgram } from "../../../language/semantics/check";
import { MemoryHost } from "../../../test/harness/memory-host";
import { generateOverlappingRules, routeText } from "../generate";
import type { BenchContext, BenchSection } from "../section";

const SEED = 20_260_301;
const QUEUES = 8;

/** The benchmark router with its rules assigned round the eight queues. */
export function analysisWorkload(count: number): string {
  let rule = 0;
  const text = routeText(generateOverlappingRules(count, SEED)).replace(/assign to queue sales/g, () => `assign to queue q${rule++ % QUEUES}`);
  const queues = Array.from({ length: QUEUES }, (_, index) => `queue q${index}`).join("\n");
  return text.replace("queue sales", queues);
}

/** What `route check` does: the findings, worded as diagnostics (each with its example record). */
function analyze(program: Program, options: AnalyzeOptions) {
  const result = analyzeFindings(program, options);
  for (const finding of result.findings) toDiagnostic(program, finding);
  return result;
}

function cpuSeconds<T>(run: () => T): { seconds: number; value: T } {
  const start = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(start);
  return { seconds: (used.user + used.system) / 1e6, value };
}

function median<T>(runs: number, run: () => T): { seconds: number; value: T } {
  const results = Array.from({ length: runs }, () => cpuSeconds(run));
  results.sort((a, b) => a.seconds - b.seconds);
  return results[Math.floor(results.length / 2)]!;
}

const format = (seconds: number) => (seconds >= 1 ? `${seconds.toFixed(2)} s` : `${(seconds * 1000).toFixed(0)} ms`);

const section: BenchSection = {
  order: 20,
  async run(context: BenchContext) {
    const { quick, log } = context;
    const sizes = quick ? [100, 1_000] : [100, 1_000, 10_000];
    const rows: string[] = [];
    for (const size of sizes) {
      const text = analysisWorkload(size);
      const host = new MemoryHost({ "/bench/leads.route": text });
      const runs = size >= 10_000 || quick ? 1 : 3;
      log(`analysis: ${size} rules, parse+check`);
      const checked = median(runs, () => checkProgram("/bench/leads.route", host));
      const program = checked.value.value;
      log(`analysis: ${size} rules, without overlaps`);
      const fast = median(runs, () => analyze(program, { overlaps: false }));
      log(`analysis: ${size} rules, with overlaps`);
      const full = median(runs, () => analyze(program, {}));
      const count = (code: string) => full.value.findings.filter((finding) => finding.code === code).length;
      rows.push(
        `| ${size.toLocaleString("en-US")} | ${format(checked.seconds)} | ${format(fast.seconds)} | ${format(full.seconds)} | ` +
          `${count("shadowed-rule")} | ${count("never-matches")} | ${count("overlapping-rules")} | ${count("unmatched-records")} | ${full.value.undecided.length} |`,
      );
    }
    const markdown = [
      "Overlap-heavy lead routers — the analysis's stress case, not the territory tables of the matching section: random conjunctions of broad tests on nine optional fields (rules testing 2–4 of them, a catch-all last), so many rules overlap and many are shadowed — their rules spread over eight queues. CPU time of this process (median of 3 runs; 1 run at 10,000 rules).",
      "Analysis time includes wording every finding as a diagnostic with its example record, as `route check` does. \"Without overlaps\" is `route check --no-overlaps`: never-matching and shadowed rules (with their covering rules and example records), the gap, asserts. \"With overlaps\" adds, for every rule, the earlier rules that send some of its records elsewhere: each rule's taken records are worked out once as disjoint regions, so most pairs are settled by a cube meet, and only pairs past that bound get their own exact question.",
      "",
      "| rules | parse+check | analysis without overlaps | analysis with overlaps | shadowed | never match | overlapping | unmatched | undecided |",
      "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
      ...rows,
      "",
      "Undecided counts rules whose question ran out of its budget (200,000 search steps each); they get no finding rather than a guess.",
    ].join("\n");
    return { title: "Rule analysis", markdown };
  },
};

export default section;
