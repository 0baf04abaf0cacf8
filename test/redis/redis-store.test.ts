// The distribution scenarios against a real redis-server started for this
// file (the same numbers as the MemoryStore). Without redis-server outside CI,
// one test says clearly that it was skipped; under CI it must run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { RedisStore } from "../../runtime/stores/redis";
import { fixtureTable } from "../runtime/distribute/harness";
import { distributionScenarios } from "../runtime/distribute/scenarios";
import { hasRedisServer, RedisServer } from "./server";

const available = hasRedisServer();
if (!available && process.env.CI === "true") throw new Error("CI needs redis-server (scripts/ci/setup-redis.sh installs it)");

if (!available) {
  describe("Redis store", () => {
    it("SKIPPED: no redis-server on this machine (install it, or run under CI)", () => {
      expect(available).toBe(false);
    });
  });
} else {
  describe("choosing the person with the RedisStore", () => {
    let server: RedisServer;
    const clients: Redis[] = [];
    let namespace = 0;
    beforeAll(async () => {
      server = await RedisServer.start();
    });
    afterAll(async () => {
      for (const client of clients) client.disconnect();
      await server?.stop();
    });
    // A fresh namespace per test is a fresh state, as with a new MemoryStore.
    distributionScenarios(() => {
      const client = new Redis({ port: server.port, host: "127.0.0.1", lazyConnect: false });
      clients.push(client);
      namespace += 1;
      return new RedisStore(client, fixtureTable("people.route"), { namespace: `test-${namespace}` });
    });

    it("keeps every key of a table under one Cluster hash tag", async () => {
      const client = new Redis({ port: server.port, host: "127.0.0.1" });
      clients.push(client);
      const store = new RedisStore(client, fixtureTable("people.route"));
      const { createRouter } = await import("../../runtime/index");
      const router = createRouter(fixtureTable("people.route"), { store });
      await router.route("caps", { region: "x" }, { id: "k1", at: "2026-12-04T10:00Z" });
      await router.route("rr", { region: "x" }, { id: "k2", at: "2026-12-04T10:00Z" });
      const keys = await client.keys(store.keyPattern);
      expect(keys.length).toBeGreaterThanOrEqual(5);
      const tags = new Set(keys.map((key) => /^\{[^}]+\}/.exec(key)![0]));
      expect([...tags]).toEqual([`{route:${fixtureTable("people.route").table.hash.slice(0, 16)}}`]);
    });
  });
}
