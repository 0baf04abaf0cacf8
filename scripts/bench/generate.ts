// The benchmark's workload, seeded: a realistic lead router of N rules over the
// nine lead fields (most rules test 2–4 fields, some refine a later, broader
// rule, a catch-all last), as `.route` text and as plain rules the peers are
// generated from; and incoming records with missing fields and many shapes.

import { random } from "../../test/index/random-program";

export const REGIONS = ["NA", "EMEA", "APAC", "LATAM"] as const;
export const INDUSTRIES = ["Software", "Finance", "Retail", "Health", "Manufacturing", "Education", "Energy", "Media", "Logistics", "Government", "Telecom", "Travel"] as const;
export const PRODUCTS = ["Payroll", "HRIS", "Benefits", "Time", "Recruiting", "Support"] as const;
export const SOURCES = ["Inbound", "Partner", "Event", "Webinar", "Outbound", "Referral"] as const;
export const COUNTRIES = ["US", "CA", "MX", "BR", "AR", "GB", "DE", "FR", "NL", "ES", "IT", "SE", "IE", "PL", "IN", "JP", "AU", "SG", "ZA", "AE"] as const;
export const LANGUAGES = ["en", "de", "fr", "es", "pt", "ja"] as const;
const EMPLOYEE_STEPS = [10, 50, 100, 200, 500, 1000, 2000, 5000, 10000];
const REVENUE_STEPS = [1e6, 5e6, 1e7, 5e7, 1e8, 5e8, 1e9];

/** One test of a generated rule; every rule is a conjunction of tests on distinct fields. */
export type BenchTest =
  | { field: "region" | "industry" | "source"; op: "is"; value: string }
  | { field: "region" | "industry" | "source" | "country" | "language"; op: "in"; values: string[] }
  | { field: "country" | "language"; op: "is"; value: string }
  | { field: "employees" | "revenue"; op: ">=" | "<"; value: number }
  | { field: "employees" | "revenue"; op: "between"; low: number; high: number }
  | { field: "products"; op: "has"; value: string }
  | { field: "products"; op: "hasAny"; values: string[] }
  | { field: "is_customer"; op: "true" | "false" };

export interface BenchRule {
  name: string;
  tests: BenchTest[];
}

export const FIELDS = ["region", "country", "employees", "revenue", "industry", "products", "source", "is_customer", "language"] as const;

/**
 * N overlap-heavy rules, the analysis benchmark's stress case: random
 * conjunctions of broad tests, so many rules overlap and many are shadowed.
 * The last is the catch-all (no tests).
 */
export function generateOverlappingRules(count: number, seed: number): BenchRule[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const some = <T>(items: readonly T[], most: number): T[] => {
    const chosen = new Set<T>();
    const size = 1 + Math.floor(next() * most);
    while (chosen.size < size) chosen.add(pick(items));
    return [...chosen];
  };
  const testOf = (field: (typeof FIELDS)[number]): BenchTest => {
    switch (field) {
      case "region":
      case "industry":
      case "source": {
        const values = field === "region" ? REGIONS : field === "industry" ? INDUSTRIES : SOURCES;
        return next() < 0.7 ? { field, op: "is", value: pick(values) } : { field, op: "in", values: some(values, 2) };
      }
      case "country":
        return next() < 0.5 ? { field, op: "is", value: pick(COUNTRIES) } : { field, op: "in", values: some(COUNTRIES, 4) };
      case "language":
        return { field, op: "is", value: pick(LANGUAGES) };
      case "employees":
      case "revenue": {
        const steps = field === "employees" ? EMPLOYEE_STEPS : REVENUE_STEPS;
        // Size bands, as territories are cut: mostly one step wide, sometimes open-ended at the top or bottom.
        const roll = next();
        if (roll < 0.2) return { field, op: ">=", value: steps[steps.length - 1 - Math.floor(next() * 2)]! };
        if (roll < 0.35) return { field, op: "<", value: steps[Math.floor(next() * 2)]! };
        const low = Math.floor(next() * (steps.length - 1));
        return { field, op: "between", low: steps[low]!, high: steps[low + 1]! };
      }
      case "products":
        return next() < 0.7 ? { field, op: "has", value: pick(PRODUCTS) } : { field, op: "hasAny", values: some(PRODUCTS, 2) };
      case "is_customer":
        return { field, op: next() < 0.5 ? "true" : "false" };
    }
  };
  // Region, size and product carry most routing; the rest appear less often.
  const weights: Record<(typeof FIELDS)[number], number> = { region: 5, country: 2, employees: 4, revenue: 2, industry: 3, products: 4, source: 2, is_customer: 2, language: 1 };
  const weighted = FIELDS.flatMap((field) => Array.from({ length: weights[field] }, () => field));
  const rules: BenchRule[] = [];
  while (rules.length < count - 1) {
    // Most rules test 3–4 fields, some 2: each matches a small share of leads, so a record usually travels deep.
    const size = next() < 0.2 ? 2 : 3 + Math.floor(next() * 2);
    const fields = new Set<(typeof FIELDS)[number]>();
    while (fields.size < size) fields.add(pick(weighted));
    const tests = [...fields].map(testOf);
    // A refinement: the same tests plus one more field, placed before its broader rule (specific → general).
    if (rules.length < count - 2 && next() < 0.2 && fields.size < FIELDS.length) {
      let extra = pick(FIELDS);
      while (fields.has(extra)) extra = pick(FIELDS);
      rules.push({ name: "", tests: [...tests, testOf(extra)] });
    }
    rules.push({ name: "", tests });
  }
  rules.length = count - 1;
  rules.push({ name: "", tests: [] });
  rules.forEach((rule, i) => (rule.name = `r${i + 1}`));
  return rules;
}

/** One value of a field a territory plan cuts by: the test (a size band's `between`, a channel's `in`) a cell's rule gets for it. */
type Cut = BenchTest[];

const EMPLOYEE_BANDS: Cut[] = [
  [{ field: "employees", op: "<", value: 50 }],
  [{ field: "employees", op: "between", low: 50, high: 199 }],
  [{ field: "employees", op: "between", low: 200, high: 999 }],
  [{ field: "employees", op: "between", low: 1000, high: 4999 }],
  [{ field: "employees", op: ">=", value: 5000 }],
];

const cutsOf = {
  region: REGIONS.map((value): Cut => [{ field: "region", op: "is", value }]),
  customer: [[{ field: "is_customer", op: "true" }], [{ field: "is_customer", op: "false" }]] as Cut[],
  employees: EMPLOYEE_BANDS,
  industry: INDUSTRIES.map((value): Cut => [{ field: "industry", op: "is", value }]),
  // Sources in three channels, each one `in` test.
  channel: [
    ["Inbound", "Webinar"],
    ["Partner", "Referral"],
    ["Event", "Outbound"],
  ].map((values): Cut => [{ field: "source", op: "in", values }]),
  country: COUNTRIES.map((value): Cut => [{ field: "country", op: "is", value }]),
  language: LANGUAGES.map((value): Cut => [{ field: "language", op: "is", value }]),
};

/** The fields a territory table of about N rules is cut by, coarse to fine: 2–4 fields, so each cell's rule tests 2–4 fields. */
function planFor(count: number): Cut[][] {
  if (count <= 12) return [cutsOf.region, cutsOf.customer]; // 8 cells
  if (count <= 150) return [cutsOf.region, cutsOf.employees, cutsOf.channel]; // 60
  if (count <= 1_500) return [cutsOf.region, cutsOf.employees, cutsOf.industry, cutsOf.channel]; // 720
  return [cutsOf.country, cutsOf.employees, cutsOf.industry, cutsOf.language]; // 7,200
}

/**
 * N rules as rev-ops teams write territory tables: every combination of a
 * few fields' values (region × size band × industry × channel, say) gets its
 * rule, grouped as the table is read; the rest of the N are exceptions, each
 * just before its cell (the cell's tests plus one more: customers, a
 * language, a source, big revenue); a catch-all comes last. Cells do not
 * overlap, so no rule is shadowed and a lead travels down the table to its
 * cell; leads missing a field the table cuts by reach the catch-all.
 */
export function generateRules(count: number, seed: number): BenchRule[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const exceptionTests: (() => BenchTest)[] = [
    () => ({ field: "is_customer", op: "true" }),
    () => ({ field: "language", op: "is", value: pick(LANGUAGES) }),
    () => ({ field: "revenue", op: ">=", value: pick(REVENUE_STEPS.slice(3)) }),
    () => ({ field: "products", op: "has", value: pick(PRODUCTS) }),
    () => ({ field: "source", op: "is", value: pick(SOURCES) }),
  ];
  const cells: BenchTest[][] = [];
  const expand = (plan: Cut[][], tests: BenchTest[]): void => {
    if (plan.length === 0) cells.push(tests);
    else for (const cut of plan[0]!) expand(plan.slice(1), [...tests, ...cut]);
  };
  expand(planFor(count), []);
  cells.length = Math.min(cells.length, count - 1);
  // Exactly N − 1 rules before the catch-all: the cells, and exceptions spread over random cells.
  const exceptions = new Array<number>(cells.length).fill(0);
  for (let extra = count - 1 - cells.length; extra > 0; extra--) exceptions[Math.floor(next() * cells.length)]!++;
  const rules: BenchRule[] = [];
  cells.forEach((tests, cell) => {
    const fields = new Set(tests.map((test) => test.field));
    for (let i = 0; i < exceptions[cell]!; i++) {
      let extra = pick(exceptionTests)();
      while (fields.has(extra.field)) extra = pick(exceptionTests)();
      rules.push({ name: "", tests: [...tests, extra] });
    }
    rules.push({ name: "", tests });
  });
  rules.push({ name: "", tests: [] });
  rules.forEach((rule, i) => (rule.name = `r${i + 1}`));
  return rules;
}

/** The workspace as `.route` text: declarations, one router `inbound` of the rules. */
export function routeText(rules: BenchRule[]): string {
  const lines = [
    `enum Region { ${REGIONS.join(", ")} }`,
    `enum Industry { ${INDUSTRIES.join(", ")} }`,
    `enum Product { ${PRODUCTS.join(", ")} }`,
    `enum Source { ${SOURCES.join(", ")} }`,
    "record Lead {",
    "  region: Region?",
    "  country: text?",
    "  employees: number?",
    "  revenue: number?",
    "  industry: Industry?",
    "  products: set of Product?",
    "  source: Source?",
    "  is_customer: boolean?",
    "  language: text?",
    "}",
    "queue sales",
    "router inbound for Lead {",
  ];
  for (const rule of rules) {
    const when = rule.tests.map(testText).join(" and ");
    lines.push(`  rule "${rule.name}" {`, ...(when ? [`    when ${when}`] : []), "    assign to queue sales", "  }");
  }
  lines.push("}", "");
  return lines.join("\n");
}

function testText(test: BenchTest): string {
  const quote = (value: string) => (test.field === "country" || test.field === "language" ? JSON.stringify(value) : value);
  switch (test.op) {
    case "is":
      return `${test.field} is ${quote(test.value)}`;
    case "in":
      return `${test.field} in [${test.values.map(quote).join(", ")}]`;
    case ">=":
    case "<":
      return `${test.field} ${test.op} ${test.value}`;
    case "between":
      return `${test.field} between ${test.low} and ${test.high}`;
    case "has":
      return `products has ${test.value}`;
    case "hasAny":
      return `products has any of [${test.values.join(", ")}]`;
    case "true":
      return "is_customer";
    case "false":
      return "not is_customer";
  }
}

/**
 * Records as CRMs send them: each field missing 2–20% of the time (its own
 * rate), so a few hundred object shapes — the research notes' workload. About
 * one text value in ten (region, country, industry, source, language, each
 * product) is sent in another case than declared — 6% all lower-case, 4% all
 * upper-case (a no-op for "EMEA" or "en" in their own case) — as web forms and
 * hand-typed CRM fields send them; the language compares text ignoring case,
 * so every engine must route "emea" as "EMEA".
 * With `mixed`, records also come from many integrations: keys in varying
 * order and now and then an extra field, thousands of shapes.
 */
export function generateRecords(count: number, seed: number, mixed = false): Record<string, unknown>[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const missing: Record<string, number> = {};
  FIELDS.forEach((field, i) => (missing[field] = 0.02 + (0.18 * i) / (FIELDS.length - 1)));
  const extras = ["email", "utm_campaign", "owner_id", "score"];
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const values: [string, unknown][] = [];
    // One draw per text value sets its case, from a stream of its own seeded by the record's position:
    // the main stream — numbers, booleans, missing fields, key order, hence the shapes — stays as it
    // was, and a record's case draws cannot drift between the two workloads.
    const nextCase = random(Math.imul(i + 1, 0x9e3779b9) ^ seed);
    const cased = (text: string): string => {
      const roll = nextCase();
      return roll < 0.06 ? text.toLowerCase() : roll < 0.1 ? text.toUpperCase() : text;
    };
    const value = (field: (typeof FIELDS)[number]): unknown => {
      switch (field) {
        case "region":
          return cased(pick(REGIONS));
        case "country":
          return cased(pick(COUNTRIES));
        case "employees":
          return Math.round(Math.exp(next() * Math.log(20000)));
        case "revenue":
          return Math.round(Math.exp(next() * Math.log(2e9)));
        case "industry":
          return cased(pick(INDUSTRIES));
        case "products": {
          const chosen = new Set<string>();
          const size = Math.floor(next() * 3);
          while (chosen.size < size) chosen.add(pick(PRODUCTS));
          return [...chosen].map(cased);
        }
        case "source":
          return cased(pick(SOURCES));
        case "is_customer":
          return next() < 0.3;
        case "language":
          return cased(pick(LANGUAGES));
      }
    };
    for (const field of FIELDS) if (next() >= missing[field]!) values.push([field, value(field)]);
    // The same random draws either way, so both workloads hold the same values.
    const extra = next() < 0.3 ? pick(extras) : null;
    if (mixed && extra !== null) values.push([extra, "x"]);
    // Shuffle the first few keys: records built by different integrations list fields in different orders.
    for (let k = Math.min(values.length, 4) - 1; k > 0; k--) {
      const j = Math.floor(next() * (k + 1));
      if (mixed) [values[k], values[j]] = [values[j]!, values[k]!];
    }
    records.push(Object.fromEntries(values));
  }
  return records;
}
