// The Redis store, for several service instances sharing one rotation. Each
// claim is ONE Lua script (choice + rotation + open counts + caps + memory),
// and every key of a table shares one hash tag, so it is Redis Cluster-safe.
// The only file of runtime/ that imports a Redis client (built as dist/redis-store.js).

import type { Redis as RedisClient } from "ioredis";
import type { ClaimRequest, ClaimResult, Presence, Store } from "../distribute/store";
import { normalizeResult } from "../distribute/store";
import type { LoadedTable } from "../loaded-table";

export interface RedisStoreOptions {
  /** Keys start with `{route:<namespace>}:`; defaults to the first 16 hex digits of the table's hash. */
  namespace?: string;
  /** Seconds a decision is remembered for idempotency and later events (default 7 days). */
  keepFor?: number;
}

// KEYS[1] decision key, KEYS[2] latest-state key, KEYS[3] open counts, KEYS[4] presence, then the
// team and cap keys the request names by index (`team`, `cap.key` are KEYS positions).
// NOTE: the same algorithm as runtime/stores/memory.ts; keep the two in step.
const CLAIM = `
local done = redis.call('GET', KEYS[1])
if done then return 'R' .. done end
local req = cjson.decode(ARGV[1])
local ttl = tonumber(ARGV[2])
for _, rep in ipairs(req.release) do
  local n = tonumber(redis.call('HGET', KEYS[3], rep) or '0')
  if n > 0 then redis.call('HINCRBY', KEYS[3], rep, -1) end
end
local result = { key = req.key, step = -1, chosen = {}, rejected = {}, memo = req.memo }
for si, step in ipairs(req.steps) do
  if step.always then result.step = si - 1; break end
  local eligible, rejected = {}, {}
  for _, c in ipairs(step.candidates) do
    local open = tonumber(redis.call('HGET', KEYS[3], c.rep) or '0')
    local why = nil
    if not c.force then
      local presence = redis.call('HGET', KEYS[4], c.rep)
      if presence and presence ~= 'online' then why = { rep = c.rep, why = 'presence', value = presence }
      elseif c.capacity and open >= c.capacity then why = { rep = c.rep, why = 'capacity', count = open, limit = c.capacity }
      else
        for _, cap in ipairs(c.caps) do
          local used = tonumber(redis.call('GET', KEYS[cap.key]) or '0')
          if used >= cap.limit then why = { rep = c.rep, why = 'cap', count = used, limit = cap.limit, period = cap.period }; break end
        end
      end
    end
    if why then rejected[#rejected + 1] = why else eligible[#eligible + 1] = { c = c, open = open } end
  end
  result.rejected[si] = rejected
  if #eligible > 0 then
    result.step = si - 1
    if step.method == 'broadcast' then
      for i, e in ipairs(eligible) do result.chosen[i] = e.c.rep end
      break
    end
    local team = step.team and KEYS[step.team]
    local best = eligible[1]
    if team and step.method == 'weighted-round-robin' then
      local total, bestCredit = 0, nil
      for _, e in ipairs(eligible) do
        e.credit = tonumber(redis.call('HGET', team, 'w:' .. e.c.rep) or '0') + e.c.weight
        total = total + e.c.weight
        if bestCredit == nil or e.credit > bestCredit then best = e; bestCredit = e.credit end
      end
      for _, e in ipairs(eligible) do
        local credit = e.credit
        if e == best then credit = credit - total end
        redis.call('HSET', team, 'w:' .. e.c.rep, string.format('%d', credit))
      end
    elseif team and step.method ~= 'first-available' then
      for _, e in ipairs(eligible) do e.last = tonumber(redis.call('HGET', team, 'l:' .. e.c.rep) or '0') end
      for i = 2, #eligible do
        local e = eligible[i]
        if step.method == 'load-balance' and e.open ~= best.open then
          if e.open < best.open then best = e end
        elseif e.last < best.last then best = e end
      end
    end
    local rep = best.c.rep
    if team then
      result.seq = redis.call('HINCRBY', team, 'seq', 1)
      redis.call('HSET', team, 'l:' .. rep, result.seq)
    end
    result.open = redis.call('HINCRBY', KEYS[3], rep, 1)
    for _, cap in ipairs(best.c.caps) do
      if redis.call('INCR', KEYS[cap.key]) == 1 then redis.call('EXPIRE', KEYS[cap.key], cap.ttl) end
    end
    result.chosen = { rep }
    break
  end
end
local text = cjson.encode(result)
redis.call('SET', KEYS[1], text, 'EX', ttl)
redis.call('SET', KEYS[2], text, 'EX', ttl)
return 'N' .. text
`;

type ClaimCommand = (numberOfKeys: number, ...args: (string | number)[]) => Promise<string>;

export class RedisStore implements Store {
  private readonly prefix: string;
  private readonly keepFor: number;

  /** `client`: an ioredis client the host configured (see docs/runtime.md for failure settings). */
  constructor(
    private readonly client: RedisClient,
    table: LoadedTable | { table: { hash: string } },
    options: RedisStoreOptions = {},
  ) {
    const namespace = options.namespace ?? table.table.hash.slice(0, 16);
    // INVARIANT: every key starts with this hash tag, so one script may touch them all in a Cluster.
    this.prefix = `{route:${namespace}}:`;
    this.keepFor = options.keepFor ?? 7 * 86400;
    if (typeof (client as unknown as { routeClaim?: unknown }).routeClaim !== "function") {
      client.defineCommand("routeClaim", { lua: CLAIM });
    }
  }

  async claim(request: ClaimRequest): Promise<ClaimResult> {
    const keys = [this.key(`d:${request.key}`), this.key(`s:${request.id}`), this.key("open"), this.key("presence")];
    const index = new Map<string, number>();
    const position = (key: string) => {
      let found = index.get(key);
      if (found === undefined) {
        keys.push(this.key(key));
        found = keys.length; // Lua's KEYS is 1-based
        index.set(key, found);
      }
      return found;
    };
    const steps = request.steps.map((step) =>
      step.always === true
        ? { always: true }
        : {
            method: step.method,
            ...(step.team === null ? {} : { team: position(`t:${step.team}`) }),
            candidates: step.candidates.map((candidate) => ({ ...candidate, caps: candidate.caps.map((cap) => ({ ...cap, key: position(`c:${cap.key}`) })) })),
          },
    );
    const payload = JSON.stringify({ key: request.key, memo: request.memo, release: request.release, steps });
    const claim = (this.client as unknown as { routeClaim: ClaimCommand }).routeClaim;
    const text = await claim.call(this.client, keys.length, ...keys, payload, this.keepFor);
    // The script marks a result written by an earlier call for the same key ("R"): nothing was counted now.
    return normalizeResult(JSON.parse(text.slice(1)), text.startsWith("R"));
  }

  async latest(id: string): Promise<ClaimResult | null> {
    const text = await this.client.get(this.key(`s:${id}`));
    return text === null ? null : normalizeResult(JSON.parse(text), true);
  }

  async setPresence(rep: string, presence: Presence): Promise<void> {
    await this.client.hset(this.key("presence"), rep, presence);
  }

  async openCounts(): Promise<Record<string, number>> {
    const all = await this.client.hgetall(this.key("open"));
    return Object.fromEntries(Object.entries(all).map(([rep, count]) => [rep, Number(count)] as const).filter(([, count]) => count > 0));
  }

  /** Every key of this table, for tests and clean-ups: `{route:ns}:*`. */
  get keyPattern(): string {
    return `${this.prefix}*`;
  }

  private key(name: string): string {
    return this.prefix + name;
  }
}
