// Random `.route` programs for the index's property tests: one router over a
// record with every field type (optional fields, related records, sets larger
// than one index feature, reps, scores, hours), random rule conditions with
// nested and/or/not, disabled rules, rules without `when`, and sometimes no otherwise.

/** A small seeded generator (mulberry32), so a failing program is reproduced from its seed. */
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

const HEADER = `
enum Color { Red, Green = "green-ish", Blue, Teal = "TEAL" }
enum Tag { A, B, C, D, E, F, G, H, I, J }
list WARM = [Red, Green]
list CODES = ["de", "FR", "nl"]
list SMALL = [0, 2.5, -2]
record Account {
  tier: Color
  owner: rep?
  name: text?
}
record Lead {
  color: Color
  color2: Color?
  country: text?
  n: number?
  m: number
  flag: boolean?
  tags: set of Tag?
  words: set of text?
  owner: rep?
  account: Account?
}
hours biz {
  timezone "Europe/Berlin"
  mon-fri 09:00-17:00
  sat 22:00-02:00
}
rep alice { email "Alice@Example.com" ids ["005A"] }
rep bob { }
rep carol { }
queue q
score s for Lead {
  +10 when color is Red
  -5 when n > 3
  +2.5 when tags has A or country is "de"
}
`;

const NUMBERS = ["-2", "0", "1", "2.5", "3", "5", "10"];

export function randomProgram(seed: number): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const number = () => pick(NUMBERS);
  const atoms: (() => string)[] = [
    () => `color is ${pick(["Red", "Green", "Blue", "Teal"])}`,
    () => `color is not ${pick(["Red", "Blue"])}`,
    () => `color in [${pick(["Red, Blue", "Green", "Teal, Green, Red"])}]`,
    () => `color ${pick(["in", "not in"])} WARM`,
    () => `color2 ${pick(["is set", "is not set", "is Blue", "in [Red, Teal]"])}`,
    () => `country ${pick(['is "DE"', 'is "fr"', "in CODES", 'not in ["nl"]', "is set"])}`,
    () => `country ${pick(["starts with", "ends with", "contains"])} ${pick(['"d"', '"E"', '"r"', '"de"'])}`,
    () => `n ${pick(["<", "<=", ">", ">=", "=", "!="])} ${number()}`,
    () => `n between ${pick(["-2 and 1", "0 and 3", "2.5 and 10"])}`,
    () => `n ${pick(["in", "not in"])} SMALL`,
    () => `m ${pick([">", "<="])} ${number()}`,
    () => pick(["flag", "not flag", "flag is true", "flag is false", "flag is set"]),
    () => `tags ${pick(["has A", "has J", "has any of [A, I]", "has all of [B, J]", "has none of [C, D]", "is empty", "is not empty", "is set"])}`,
    () => `words ${pick(['has "x"', 'has any of ["Y", "z"]', "is empty"])}`,
    () => `owner ${pick(["is alice", "is not bob", "is set", "in [bob, carol]"])}`,
    () => `account ${pick(["is set", "is not set"])}`,
    () => `account.tier ${pick(["is Red", "in [Blue, Teal]"])}`,
    () => `account.owner ${pick(["is alice", "is set"])}`,
    () => `account.name ${pick(['starts with "ac"', 'is "Acme"'])}`,
    () => `s ${pick([">=", "<", "="])} ${pick(["10", "0", "-5", "12.5"])}`,
    () => pick(["within biz", "outside biz"]),
  ];
  const condition = (depth: number): string => {
    const roll = next();
    if (depth >= 3 || roll < 0.45) return pick(atoms)();
    if (roll < 0.7) return `${condition(depth + 1)} and ${condition(depth + 1)}`;
    if (roll < 0.88) return `(${condition(depth + 1)} or ${condition(depth + 1)})`;
    return `not (${condition(depth + 1)})`;
  };
  const rules: string[] = [];
  const count = 1 + Math.floor(next() * 15);
  for (let i = 0; i < count; i++) {
    const disabled = next() < 0.1 ? " disabled" : "";
    const when = next() < 0.06 ? "" : `when ${condition(0)}`;
    rules.push(`  rule "r${i}"${disabled} {\n    ${when}\n    assign to queue q\n  }`);
  }
  const otherwise = next() < 0.7 ? "  otherwise {\n    assign to queue q\n  }\n" : "";
  return `${HEADER}\nrouter main for Lead {\n${rules.join("\n")}\n${otherwise}}\n`;
}
