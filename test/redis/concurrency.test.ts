// Concurrency on a real Redis: 4 processes × 2,500 routes against one team of
// 5 with capacity limits, every route sent twice (by two processes), and
// redis-server killed and restarted mid-run. Checks: capacity never exceeded,
// round-robin counts within 1, each id assigned exactly once, errors surfaced.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { RedisStore } from "../../runtime/stores/redis";
import { fixtureTable } from "../runtime/distribute/harness";
import { hasRedisServer, RedisServer } from "./server";

const available = hasRedisServer();
if (!available && process.env.CI === "true") throw new Error("CI needs redis-server (scripts/ci/setup-redis.sh installs it)");

const WORKERS = 4;
const PER_WORKER = 2500;
const CAPACITY = 1500;
const REPS = ["r1", "r2", "r3", "r4", "r5"];

interface WorkerOutput {
  worker: number;
  errors: number;
  results: { id: string; assignee: string; seq: number | null; open: number | null }[];
}

describe("Redis store under concurrency", () => {
  if (!available) {
    it("SKIPPED: no redis-server on this machine (install it, or run under CI)", () => expect(available).toBe(false));
    return;
  }

  it("4 processes × 2,500 routes, each sent twice, with a redis-server kill and restart: no capacity exceeded, rotation even, each id once", async () => {
    const server = await RedisServer.start();
    const folder = mkdtempSync(join(tmpdir(), "route-concurrency-"));
    try {
      const table = fixtureTable("concurrency.route");
      const tableFile = join(folder, "table.json");
      writeFileSync(tableFile, JSON.stringify(table.table));
      const workerFile = fileURLToPath(new URL("./worker.ts", import.meta.url));
      let progress = 0;
      let restarted = false;
      let restarting: Promise<void> | null = null;
      const runs = Array.from({ length: WORKERS }, (_, worker) => {
        const out = join(folder, `worker-${worker}.json`);
        const child = spawn(process.execPath, ["--import", "tsx", workerFile, String(server.port), tableFile, String(worker), String(WORKERS), String(PER_WORKER), out], {
          stdio: ["ignore", "pipe", "inherit"],
        });
        child.stdout.setEncoding("utf8");
        child.stdout.on("data", (chunk: string) => {
          progress += (chunk.match(/progress/g) ?? []).length * 500;
          // Kill the server once about a quarter of all calls are done, then bring it back on the same data.
          if (!restarted && progress >= (WORKERS * PER_WORKER * 2) / 4) {
            restarted = true;
            restarting = (async () => {
              await server.kill();
              await new Promise((resolve) => setTimeout(resolve, 300));
              await server.boot();
            })();
          }
        });
        return new Promise<WorkerOutput>((resolve, reject) => {
          child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(readFileSync(out, "utf8")) as WorkerOutput) : reject(new Error(`worker ${worker} exited with ${code}`))));
        });
      });
      const outputs = await Promise.all(runs);
      await restarting;
      expect(restarted, "the server was killed and restarted mid-run").toBe(true);

      // Errors surfaced to the callers (who retried with the same id).
      expect(outputs.reduce((sum, output) => sum + output.errors, 0)).toBeGreaterThan(0);

      // Every id answered twice, the same way both times.
      const byId = new Map<string, WorkerOutput["results"]>();
      for (const output of outputs) for (const result of output.results) byId.set(result.id, [...(byId.get(result.id) ?? []), result]);
      expect(byId.size).toBe(WORKERS * PER_WORKER);
      for (const [id, answers] of byId) {
        expect(answers.length, id).toBe(2);
        expect(answers[1], id).toEqual(answers[0]);
      }

      // Team assignments: rotation numbers 1..n with no gap or repeat (none lost, none duplicated)…
      const assigned = [...byId.values()].map((answers) => answers[0]!).filter((result) => result.assignee !== "overflow");
      const seqs = assigned.map((result) => result.seq!).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: assigned.length }, (_, i) => i + 1));
      // …capacity never exceeded at the moment of any assignment…
      expect(Math.max(...assigned.map((result) => result.open!))).toBeLessThanOrEqual(CAPACITY);
      expect(assigned.length).toBe(REPS.length * CAPACITY);
      // …round-robin counts within 1 of each other at every prefix of the rotation.
      const counts = Object.fromEntries(REPS.map((rep) => [rep, 0]));
      for (const result of [...assigned].sort((a, b) => a.seq! - b.seq!)) {
        counts[result.assignee]! += 1;
        const values = Object.values(counts);
        expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
      }
      // The store's open counts agree with the assignments (no double counting across retries and replays).
      const client = new Redis({ port: server.port, host: "127.0.0.1" });
      const open = await new RedisStore(client, table).openCounts();
      client.disconnect();
      expect(open).toEqual(Object.fromEntries(REPS.map((rep) => [rep, CAPACITY])));
    } finally {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
