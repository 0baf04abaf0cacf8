// `route match --assign`: the person chosen with the explanation (snapshot of
// what a person sees), one in-memory state across --ndjson lines, --unavailable.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Io } from "../../../compiler/cli/io";
import { main } from "../../../compiler/cli/main";

const root = resolve(__dirname, "../../..");
const fixture = "test/fixtures/distribute/people.route";

async function run(args: string[], stdin?: string) {
  let stdout = "";
  let stderr = "";
  const io: Io = { cwd: root, env: {}, isTTY: false, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), readStdin: async () => stdin ?? null };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe("route match --assign", () => {
  it("shows the person chosen and why each other candidate was not", async () => {
    const result = await run(["match", fixture, "--router", "required", "--assign", "--at", "2026-12-04T10:00Z", "--record", '{"region":"EMEA","language":"de"}']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "router required at 2026-12-04T10:00:00.000Z
      outcome   rule "german"
      target    team trio by round robin
      fallbacks queue overflow
      trace
        matched rule "german"
      assignee  rep ben (primary: team trio by round robin)
      people
        placed primary: team trio by round robin
          not    ann: does not meet require languages has language
          not    cat: does not meet require languages has language
          chosen ben: round robin (assigned least recently)
      "
    `);
  });

  it("with --ndjson, every line goes through one in-memory state in turn; --unavailable marks reps away for the run", async () => {
    const lines = Array.from({ length: 4 }, () => '{"region":"x"}').join("\n");
    const result = await run(["match", fixture, "--router", "capacity", "--assign", "--ndjson", "--unavailable", "cap2", "--at", "2026-12-04T10:00Z"], lines);
    expect(result.code).toBe(0);
    const decisions = result.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(decisions.map((decision) => [decision.id, decision.step, decision.assignee.id])).toEqual([
      ["line-1", "primary", "cap1"],
      ["line-2", "primary", "cap1"],
      ["line-3", "fallback-1", "overflow"],
      ["line-4", "fallback-1", "overflow"],
    ]);
    const reasons = decisions[2].trace.filter((entry: { kind: string }) => entry.kind === "candidate").map((entry: { rep: string; why: string }) => `${entry.rep}: ${entry.why}`);
    expect(reasons).toEqual(["cap2: unavailable", "cap1: at capacity 2/2"]);
    expect(result.stderr).toBe(""); // no progress bar when stderr is not a terminal
  });

  it("--unavailable without --assign is a usage error", async () => {
    const result = await run(["match", fixture, "--router", "rr", "--unavailable", "ann", "--record", "{}"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("`--unavailable` needs `--assign`");
  });
});
