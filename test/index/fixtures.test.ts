// Every sample and every `.route` fixture that checks without errors routes
// the same with its decision index as by the rule walk and the reference
// evaluator, on generated records at random instants.

import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile";
import { hasErrors } from "../../language/diagnostics/diagnostic";
import { checkProgram } from "../../language/semantics/check";
import { evaluate } from "../../language/semantics/evaluate";
import { loadTable, match } from "../../runtime/index";
import { diskHost, repositoryRoot } from "../compiler/load-program";
import { instantArbitrary, recordArbitrary } from "../harness/records";

const RECORDS_PER_ROUTER = 2_000;

function routeFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return routeFiles(path);
      return name.endsWith(".route") ? [path] : [];
    });
}

const files = [...routeFiles(join(repositoryRoot, "samples")), ...routeFiles(join(repositoryRoot, "test/fixtures"))];

describe(`indexed matching on every sample and fixture (${RECORDS_PER_ROUTER} records per router, each also through the reference)`, () => {
  for (const file of files) {
    const name = relative(repositoryRoot, file);
    const checked = checkProgram(file, diskHost);
    if (hasErrors(checked.diagnostics) || checked.value.routers.size === 0) continue;
    it(name, () => {
      const indexed = compile(checked.value).value!;
      const plain = compile(checked.value, { index: false }).value!;
      const fast = loadTable(indexed);
      const slow = loadTable(plain);
      for (const routerId of Object.keys(indexed.routers)) {
        expect(indexed.routers[routerId]!.index).toBeDefined();
        const records = fc.sample(fc.tuple(recordArbitrary(indexed, routerId), instantArbitrary(indexed)), { seed: 7, numRuns: RECORDS_PER_ROUTER });
        for (const [record, instant] of records) {
          const got = match(fast, routerId, record, { at: instant });
          const walked = match(slow, routerId, record, { at: instant });
          const reference = evaluate(checked.value, routerId, record, { at: instant });
          const summary = (d: { outcome: string; rule: string | null }) => `${d.outcome} ${d.rule}`;
          expect(summary(got), `${routerId} ${JSON.stringify(record)} at ${instant?.toISOString()}`).toBe(summary(walked));
          expect(summary(got)).toBe(summary(reference));
        }
      }
    });
  }
});
