// One of the concurrency test's processes: routes its share of decision ids
// (each id is also sent by a neighbour process) against a shared redis-server,
// retrying a call with the same id after any error, and writes what it got.
// argv: <port> <table.json> <worker> <workers> <routes per worker> <out.json>
import { readFileSync, writeFileSync } from "node:fs";
import { Redis } from "ioredis";
import { createRouter, loadTable, type ClaimResult, type Store } from "../../runtime/index";
import { RedisStore } from "../../runtime/stores/redis";

const [port, tableFile, workerText, workersText, perWorkerText, outFile] = process.argv.slice(2) as [string, string, string, string, string, string];
const worker = Number(workerText);
const workers = Number(workersText);
const perWorker = Number(perWorkerText);

// Fail fast while Redis is down, so errors reach the caller instead of waiting in a queue.
const client = new Redis({ port: Number(port), host: "127.0.0.1", enableOfflineQueue: false, maxRetriesPerRequest: 0, autoResendUnfulfilledCommands: false, retryStrategy: () => 50 });
client.on("error", () => {}); // reported per call instead
await new Promise((resolve) => client.once("ready", resolve));
const table = loadTable(readFileSync(tableFile, "utf8"));
const redisStore = new RedisStore(client, table);
// Records each claim's rotation sequence number and open count as the script returned them.
const claims = new Map<string, ClaimResult>();
const store: Store = {
  claim: async (request) => {
    const result = await redisStore.claim(request);
    claims.set(request.key, result);
    return result;
  },
  latest: (id) => redisStore.latest(id),
  setPresence: (rep, presence) => redisStore.setPresence(rep, presence),
  openCounts: () => redisStore.openCounts(),
};
const router = createRouter(table, { store });

// Own ids first, then the neighbour's: every id is sent by two processes.
const ids: string[] = [];
for (const owner of [worker, (worker + 1) % workers]) for (let i = 0; i < perWorker; i++) ids.push(`lead-${owner}-${i}`);

const results: { id: string; assignee: string; seq: number | null; open: number | null }[] = [];
let errors = 0;
let done = 0;
async function send(id: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    try {
      const decision = await router.route("inbound", { region: "EMEA" }, { id, at: "2026-12-04T10:00Z" });
      const claim = claims.get(id);
      results.push({ id, assignee: decision.assignee.id ?? decision.assignee.kind, seq: claim?.seq ?? null, open: claim?.open ?? null });
      done++;
      if (done % 500 === 0) process.stdout.write(`progress ${done}\n`);
      return;
    } catch {
      errors++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`gave up on ${id}`);
}

let next = 0;
await Promise.all(
  Array.from({ length: 16 }, async () => {
    while (next < ids.length) await send(ids[next++]!);
  }),
);
writeFileSync(outFile, JSON.stringify({ worker, errors, results }));
client.disconnect();
process.stdout.write("done\n");
