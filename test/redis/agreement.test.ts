// The Redis Lua script and the MemoryStore implement one algorithm twice:
// random sequences of claims, releases, replays and presence changes must give
// identical results in both.
import fc from "fast-check";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryStore } from "../../runtime/index";
import { RedisStore } from "../../runtime/stores/redis";
import { apply, operations } from "../runtime/distribute/claims";
import { hasRedisServer, RedisServer } from "./server";

const available = hasRedisServer();
if (!available && process.env.CI === "true") throw new Error("CI needs redis-server (scripts/ci/setup-redis.sh installs it)");

describe("RedisStore and MemoryStore agree", () => {
  if (!available) {
    it("SKIPPED: no redis-server on this machine (install it, or run under CI)", () => expect(available).toBe(false));
    return;
  }
  let server: RedisServer;
  let client: Redis;
  beforeAll(async () => {
    server = await RedisServer.start();
    client = new Redis({ port: server.port, host: "127.0.0.1" });
  });
  afterAll(async () => {
    client?.disconnect();
    await server?.stop();
  });

  it("on 150 random sequences of store operations", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(operations, async (ops) => {
        run += 1;
        const redis = new RedisStore(client, { table: { hash: "" } }, { namespace: `agree-${run}` });
        expect(await apply(redis, ops)).toEqual(await apply(new MemoryStore(), ops));
      }),
      { numRuns: 150 },
    );
  });
});
