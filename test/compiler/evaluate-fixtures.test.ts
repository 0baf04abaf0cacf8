// The reference evaluator on real .route files: each `<name>.cases.json` beside
// a fixture routes records ({ router?, record, at?, coerce?, expect }) and
// states the decision (a partial ReferenceDecision).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../language/semantics/evaluate";
import { loadProgram, repositoryRoot } from "./load-program";

const folder = join(repositoryRoot, "test/fixtures/compiler/evaluate");

interface Case {
  router?: string;
  record: unknown;
  at?: string;
  coerce?: boolean;
  expect: Record<string, unknown>;
}

describe("evaluate (fixtures)", () => {
  for (const name of readdirSync(folder).filter((file) => file.endsWith(".route")).sort()) {
    const cases = JSON.parse(readFileSync(join(folder, name.replace(/\.route$/, ".cases.json")), "utf8")) as Case[];
    it(name, () => {
      const program = loadProgram(join(folder, name));
      const router = [...program.routers.keys()][0]!;
      cases.forEach((item, index) => {
        const at = item.at === undefined ? null : new Date(item.at);
        const decision = evaluate(program, item.router ?? router, item.record, { at, coerce: item.coerce ?? false });
        expect(decision, `case ${index + 1}: ${JSON.stringify(item.record)}`).toMatchObject(item.expect);
      });
    });
  }
});
