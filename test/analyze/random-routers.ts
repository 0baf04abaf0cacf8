// Random routers over small finite domains, written as .route text, and the
// enumeration of every record that matters for them: the brute force the
// analysis is compared with.

import type { JsonValue, RecordValue } from "../../language/semantics/model";

export const header = `
enum Region { A, B, C }
enum Tier { X, Y }
enum Tag { P, Q, R }
record Acct { size: number  owner: rep? }
record Item {
  region: Region
  tier: Tier?
  n: number
  flag: boolean?
  tags: set of Tag?
  name: text?
  acct: Acct?
}
rep alice { }
rep bob { }
queue q1
queue q2
queue q3
score s for Item {
  +10 when region is A
  +15 when flag
  -5 when n > 2
}
`;

type Field = "region" | "tier" | "n" | "flag" | "tags" | "name" | "acct" | "score";

// Every string over a, b, c up to five letters: enough to show each combination of the text tests below.
const strings: string[] = [""];
for (let length = 1, layer = [""]; length <= 5; length++) {
  layer = layer.flatMap((prefix) => ["a", "b", "c"].map((letter) => prefix + letter));
  strings.push(...layer);
}

const MISSING = Symbol("missing");
type Value = JsonValue | typeof MISSING;

/** Every value of each field that can make a difference to the tests below. */
const domains: Record<Exclude<Field, "score">, Value[]> = {
  region: ["A", "B", "C"],
  tier: [MISSING, "X", "Y"],
  n: [-1, 0, 0.5, 1, 1.5, 2, 2.5, 3, 4],
  flag: [MISSING, true, false],
  tags: [MISSING, ...subsets(["P", "Q", "R"])],
  name: [MISSING, ...strings],
  acct: [MISSING, ...[0, 1, 2].flatMap((size) => [null, "alice", "bob", "zed@example.com"].map((owner): JsonValue => (owner === null ? { size } : { size, owner })))],
};

function subsets(items: string[]): string[][] {
  return items.reduce<string[][]>((all, item) => [...all, ...all.map((set) => [...set, item])], [[]]);
}

/** A small seeded generator (mulberry32), so a failing seed can be replayed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const leaves: Record<Field, string[]> = {
  region: ["region is A", "region is B", "region in [A, C]", "region is not C"],
  tier: ["tier is X", "tier is Y", "tier is set", "tier is not X"],
  n: ["n > 1", "n >= 2", "n < 3", "n = 1", "n between 1 and 3", "n != 2", "n in [0, 3]"],
  flag: ["flag", "not flag", "flag is set", "flag is false"],
  tags: ["tags has P", "tags has any of [Q, R]", "tags has all of [P, Q]", "tags is empty", "tags is set", "tags has none of [P]"],
  name: ['name starts with "a"', 'name starts with "ab"', 'name ends with "b"', 'name ends with "ba"', 'name contains "b"', 'name contains "bb"', 'name is "ab"', 'name in ["a", "ba"]', "name is set"],
  acct: ["acct is set", "acct.size > 0", "acct.size = 2", "acct.owner is set", "acct.owner is alice", "acct.owner in [alice, bob]"],
  score: ["s >= 10", "s > 20", "s = 5", "s between 5 and 20", "s < 0"],
};

const scoreFields: Field[] = ["region", "flag", "n"];

export interface RandomRouter {
  text: string;
  /** The record fields the router reads. */
  fields: Exclude<Field, "score">[];
  ruleCount: number;
}

export function randomRouter(seed: number): RandomRouter {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const all: Field[] = ["region", "tier", "n", "flag", "tags", "name", "acct", "score"];
  let chosen: Field[] = [];
  for (;;) {
    chosen = [];
    const count = 1 + Math.floor(next() * 3);
    while (chosen.length < count) {
      const field = pick(all);
      if (!chosen.includes(field)) chosen.push(field);
    }
    if (recordCount(fieldsOf(chosen)) <= 3000) break;
  }
  const condition = (depth: number): string => {
    const roll = next();
    if (depth >= 2 || roll < 0.45) return pick(leaves[pick(chosen)]);
    if (roll < 0.65) return `not (${condition(depth + 1)})`;
    const joiner = roll < 0.85 ? " and " : " or ";
    return `(${condition(depth + 1)}${joiner}${condition(depth + 1)})`;
  };
  const ruleCount = 2 + Math.floor(next() * 5);
  const lines = ["router main for Item {"];
  for (let index = 0; index < ruleCount; index++) {
    const when = next() < 0.1 ? "" : `when ${condition(0)}`;
    lines.push(`  rule "r${index}"${next() < 0.05 ? " disabled" : ""} { ${when} assign to queue ${pick(["q1", "q2", "q3"])} }`);
  }
  if (next() < 0.3) lines.push("  otherwise { assign to queue q1 }");
  lines.push("}");
  return { text: header + lines.join("\n") + "\n", fields: fieldsOf(chosen), ruleCount };
}

function fieldsOf(chosen: Field[]): Exclude<Field, "score">[] {
  const fields = new Set<Exclude<Field, "score">>();
  for (const field of chosen) {
    if (field === "score") scoreFields.forEach((item) => fields.add(item as Exclude<Field, "score">));
    else fields.add(field);
  }
  return [...fields];
}

function recordCount(fields: Exclude<Field, "score">[]): number {
  return fields.reduce((product, field) => product * domains[field].length, 1);
}

/** Every record over `fields` (the others at a fixed value: they are never read). */
export function* records(fields: Exclude<Field, "score">[]): Generator<RecordValue> {
  const base: RecordValue = { region: "A", n: 0 };
  const walk = function* (index: number, record: RecordValue): Generator<RecordValue> {
    if (index === fields.length) {
      yield record;
      return;
    }
    const field = fields[index]!;
    for (const value of domains[field]) {
      const copy = { ...record };
      if (value === MISSING) delete copy[field];
      else copy[field] = value;
      yield* walk(index + 1, copy);
    }
  };
  yield* walk(0, base);
}
