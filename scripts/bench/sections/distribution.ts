// Bench section: choosing the person. Assignments per second with the
// MemoryStore and with Redis (one Lua script per route), beside the raw PING
// round-trip rate of the same Redis in the same run, and the gzip size of
// dist/runtime.js with distribution (matching alone is measured in matching.ts).
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { Redis } from "ioredis";
import { compile } from "../../../compiler/compile";
import { checkProgram } from "../../../language/semantics/check";
import { createRouter, loadTable, type LoadedTable, type Router } from "../../../runtime/index";
import { RedisStore } from "../../../runtime/stores/redis";
import { hasRedisServer, RedisServer } from "../../../test/redis/server";
import type { BenchSection } from "../section";

const SOURCE = `
record Lead { region: text }
rep r1 { capacity 100000 cap 100000 per day }
rep r2 { capacity 100000 cap 100000 per day }
rep r3 { capacity 100000 cap 100000 per day }
rep r4 { capacity 100000 cap 100000 per day }
rep r5 { capacity 100000 cap 100000 per day }
team five { members [r1, r2, r3, r4, r5] }
queue overflow
router inbound for Lead {
  rule "emea" { when region is "EMEA" assign to team five by round robin fallback to queue overflow }
  otherwise { assign to queue overflow }
}
`;

function table(): LoadedTable {
  const checked = checkProgram("/bench/main.route", { readFile: (path) => (path === "/bench/main.route" ? SOURCE : undefined) });
  return loadTable(compile(checked.value, { root: "/bench" }).value!);
}

/** Sequential calls (each awaited before the next) and, separately, `parallel` in flight; returns calls per second for each. */
async function rate(count: number, parallel: number, call: (i: number) => Promise<unknown>): Promise<{ sequential: number; concurrent: number }> {
  let start = performance.now();
  for (let i = 0; i < count; i++) await call(i);
  const sequential = count / ((performance.now() - start) / 1000);
  let next = 0;
  start = performance.now();
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < count) await call(count + next++);
  }));
  const concurrent = count / ((performance.now() - start) / 1000);
  return { sequential, concurrent };
}

async function gzipSize(contents: string): Promise<number> {
  const result = await build({ stdin: { contents, resolveDir: process.cwd(), loader: "ts" }, bundle: true, format: "esm", platform: "neutral", minify: true, write: false, legalComments: "none" });
  return gzipSync(result.outputFiles[0]!.contents).length;
}

const fmt = (value: number) => Math.round(value).toLocaleString("en-US");

const section: BenchSection = {
  order: 30,
  async run({ quick, log }) {
    const count = quick ? 2_000 : 20_000;
    const loaded = table();
    const lead = { region: "EMEA" };
    const at = "2026-12-04T10:00Z";
    const routeWith = (router: Router, prefix: string) => (i: number) => router.route("inbound", lead, { id: `${prefix}-${i}`, at });

    log(`distribution: ${count} routes with the MemoryStore`);
    const memory = await rate(count, 32, routeWith(createRouter(loaded), "m"));

    let redisRows: string[] = [];
    if (hasRedisServer()) {
      const server = await RedisServer.start();
      const client = new Redis({ port: server.port, host: "127.0.0.1" });
      try {
        log(`distribution: ${count} routes and ${count} PINGs against redis-server on port ${server.port}`);
        const redis = await rate(count, 32, routeWith(createRouter(loaded, { store: new RedisStore(client, loaded) }), "r"));
        const ping = await rate(count, 32, () => client.ping());
        redisRows = [
          `| RedisStore (one Lua script per route) | ${fmt(redis.sequential)} | ${fmt(redis.concurrent)} |`,
          `| raw PING round trips, same Redis, same client | ${fmt(ping.sequential)} | ${fmt(ping.concurrent)} |`,
          `| **RedisStore ÷ PING** | **${(redis.sequential / ping.sequential).toFixed(2)}** | **${(redis.concurrent / ping.concurrent).toFixed(2)}** |`,
        ];
      } finally {
        client.disconnect();
        await server.stop();
      }
    } else {
      redisRows = ["| RedisStore | not measured: no redis-server (scripts/ci/setup-redis.sh installs it) | |"];
    }

    log("distribution: bundle sizes");
    const full = await gzipSize(`export * from "./runtime/index";`);
    const store = (await build({ entryPoints: ["runtime/stores/redis.ts"], bundle: true, format: "esm", platform: "node", external: ["ioredis"], minify: true, write: false })).outputFiles[0]!.contents;

    const markdown = [
      `${count.toLocaleString("en-US")} routes of one record through \`router.route\` (match + choose among a team of 5 by round robin, with capacity and a daily cap), each with a new decision id; sequential = each awaited before the next, concurrent = 32 in flight. The Redis server is a private \`redis-server\` on loopback started by this run (append-only, fsync always, data in /dev/shm).`,
      "",
      "| store | assignments/s sequential | assignments/s concurrent |",
      "|---|---:|---:|",
      `| MemoryStore (in process) | ${fmt(memory.sequential)} | ${fmt(memory.concurrent)} |`,
      ...redisRows,
      "",
      "Bundle sizes (minified, gzipped; the matching-only bundle is measured in the matching section):",
      "",
      "| bundle | gzip | goal |",
      "|---|---:|---|",
      `| \`dist/runtime.js\` with distribution (everything \`runtime/index.ts\` exports) | ${(full / 1024).toFixed(1)} KB | < 20 KB |`,
      `| \`dist/redis-store.js\` (ioredis external) | ${(gzipSync(store).length / 1024).toFixed(1)} KB | |`,
    ].join("\n");
    return { title: "Choosing the person: assignments per second and runtime size", markdown };
  },
};

export default section;
