// The one place runtime tests touch the API: load a fixture's table, run each
// case through `match` (and `place`), and compare with the case's partial
// expectations. Fixture shape: docs in test/fixtures/runtime/README.md.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { loadTable, match, place, type Decision, type LoadedTable, type Placement, type TraceEntry } from "../../runtime/index";

export interface RuntimeCase {
  name?: string;
  router: string;
  record: unknown;
  at?: string | null;
  coerce?: boolean;
  /** Partial Decision, plus `traceHas` (entries some trace entry must contain), `notes` (substrings of notes) and `noNotes`. */
  expect: Record<string, unknown> & { traceHas?: unknown[]; notes?: string[]; noNotes?: boolean };
  place?: { unavailable?: string[]; at?: string | null; expect: Record<string, unknown>; rejected?: { rep: string; why: string }[] };
}

export interface RuntimeFixture {
  description?: string;
  table: unknown;
  cases: RuntimeCase[];
}

export const FIXTURES = fileURLToPath(new URL("../fixtures/runtime", import.meta.url));

export function fixtureFiles(folder = FIXTURES): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort();
}

export function readFixture(file: string, folder = FIXTURES): RuntimeFixture {
  return JSON.parse(readFileSync(join(folder, file), "utf8")) as RuntimeFixture;
}

const loaded = new Map<string, LoadedTable>();

/** Run one case; vitest expectations fail with the case's name in the message. */
export function check(fixture: RuntimeFixture, file: string, item: RuntimeCase): { decision: Decision; placement: Placement | null } {
  const coerce = item.coerce === true;
  const key = `${file}\u0000${coerce}`;
  let table = loaded.get(key);
  if (!table) {
    table = loadTable(fixture.table, { coerce });
    loaded.set(key, table);
  }
  const decision = match(table, item.router, item.record, item.at === undefined ? undefined : { at: item.at });
  const { traceHas, notes, noNotes, ...partial } = item.expect;
  expect(decision, "decision").toMatchObject(partial);
  for (const entry of traceHas ?? []) {
    expect(
      decision.trace.some((actual) => containsPartial(actual, entry)),
      `a trace entry like ${JSON.stringify(entry)} in ${JSON.stringify(decision.trace)}`,
    ).toBe(true);
  }
  const messages = decision.trace.filter((entry): entry is Extract<TraceEntry, { kind: "note" }> => entry.kind === "note").map((entry) => entry.message);
  for (const note of notes ?? []) {
    expect(messages.some((message) => message.includes(note)), `a note containing ${JSON.stringify(note)} in ${JSON.stringify(messages)}`).toBe(true);
  }
  if (noNotes) expect(messages, "notes").toEqual([]);
  expect(JSON.parse(JSON.stringify(decision)), "a decision is plain JSON").toEqual({ ...decision, trace: decision.trace });

  if (!item.place) return { decision, placement: null };
  const options: { unavailable?: string[]; at?: string | null } = {};
  if (item.place.unavailable) options.unavailable = item.place.unavailable;
  if (item.place.at !== undefined) options.at = item.place.at;
  const placement = place(table, item.router, decision, item.record, options);
  expect(placement, "placement").toMatchObject(item.place.expect);
  for (const { rep, why } of item.place.rejected ?? []) {
    const rejected = placement.candidates.flatMap((candidate) => candidate.rejected);
    expect(
      rejected.some((entry) => entry.rep === rep && entry.why.includes(why)),
      `a rejection of ${rep} containing ${JSON.stringify(why)} in ${JSON.stringify(rejected)}`,
    ).toBe(true);
  }
  return { decision, placement };
}

/** Whether `actual` has every member `partial` gives, recursively (arrays compare element by element, same length). */
export function containsPartial(actual: unknown, partial: unknown): boolean {
  if (Array.isArray(partial)) {
    return Array.isArray(actual) && actual.length === partial.length && partial.every((item, i) => containsPartial(actual[i], item));
  }
  if (typeof partial === "object" && partial !== null) {
    if (typeof actual !== "object" || actual === null) return false;
    return Object.entries(partial).every(([key, value]) => containsPartial((actual as Record<string, unknown>)[key], value));
  }
  return Object.is(actual, partial);
}
