// The compiled table, run by the runtime, routes exactly as the reference
// evaluator reads the checked model: same outcome and rule on generated
// records for every router of every sample, at random instants (and none),
// with and without coercion.

import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile";
import { hasErrors } from "../../language/diagnostics/diagnostic";
import { checkProgram } from "../../language/semantics/check";
import { evaluate } from "../../language/semantics/evaluate";
import { loadTable, match } from "../../runtime/index";
import { instantArbitrary, recordArbitrary } from "../harness/records";
import { diskHost, repositoryRoot } from "./load-program";

const root = repositoryRoot;
const samplesFolder = join(root, "samples");
/** Generated records per router (so at least that many per sample), each matched with and without coerce. */
const recordsPerRouter = Number(process.env.EQUIVALENCE_RECORDS ?? 100_000);
const seed = 20_261_201;

function routeFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return routeFiles(path);
      return name.endsWith(".route") ? [path] : [];
    });
}

const host = diskHost;

describe("runtime.match agrees with the reference evaluator", () => {
  for (const file of routeFiles(samplesFolder)) {
    const name = relative(root, file);
    it(name, () => {
      const checked = checkProgram(file, host);
      if (hasErrors(checked.diagnostics)) {
        // Samples with errors are the samples test's business; say so rather than pass in silence.
        console.warn(`${name}: skipped, the checker reports errors`);
        return;
      }
      const compiled = compile(checked.value, { root, readFile: host.readFile });
      expect(compiled.diagnostics).toEqual([]);
      const table = compiled.value!;
      const plain = loadTable(table);
      const coercing = loadTable(table, { coerce: true });
      const routers = Object.keys(table.routers);
      if (routers.length === 0) return;
      for (const routerId of routers) {
        const rulesMatched = new Map<string, number>();
        fc.assert(
          fc.property(recordArbitrary(table, routerId), instantArbitrary(table), (record, at) => {
            for (const coerce of [false, true]) {
              const expected = evaluate(checked.value, routerId, record, { at, coerce });
              const actual = match(coerce ? coercing : plain, routerId, record, { at });
              if (actual.outcome !== expected.outcome || actual.rule !== expected.rule) {
                throw new Error(
                  `router ${routerId}, coerce ${coerce}, at ${at?.toISOString() ?? "none"}: ` +
                    `runtime ${actual.outcome} ${JSON.stringify(actual.rule)}, reference ${expected.outcome} ${JSON.stringify(expected.rule)}`,
                );
              }
              if (!coerce && expected.rule !== null) rulesMatched.set(expected.rule, (rulesMatched.get(expected.rule) ?? 0) + 1);
            }
          }),
          { seed, numRuns: recordsPerRouter, endOnFailure: false },
        );
        if (process.env.EQUIVALENCE_COVERAGE) console.log(`${name} ${routerId}: ${recordsPerRouter} records`, Object.fromEntries(rulesMatched));
        // The generator is only useful if rules actually fire.
        const enabled = table.routers[routerId]!.rules.filter((rule) => rule.enabled).length;
        if (enabled > 0) expect(rulesMatched.size, `router ${routerId}: no rule ever matched`).toBeGreaterThan(0);
      }
    });
  }
});
