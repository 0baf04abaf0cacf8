// The table's content hash: hex SHA-256 of its canonical JSON (object keys
// sorted at every depth, arrays in order), so equal tables hash equally
// whatever order their members were built in.

import { createHash } from "node:crypto";

/** JSON with every object's keys sorted; `undefined` members are dropped, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The hash of a table: everything but its `hash` member. */
export function hashTable(table: object): string {
  const { hash: _ignored, ...rest } = table as { hash?: unknown };
  return sha256Hex(canonicalJson(rest));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === "object" && value !== null) {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) sorted[key] = sortKeys(member);
    }
    return sorted;
  }
  return value;
}
