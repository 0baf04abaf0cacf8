// The problem collector `loadTable` validates with: typed readers that record
// "path: expected …" instead of throwing, so one pass reports every problem.

import { describe, isObject } from "./text";

export class Problems {
  readonly list: string[] = [];

  add(path: string, message: string): void {
    const line = `${path}: ${message}`;
    if (!this.list.includes(line)) this.list.push(line);
  }

  object(path: string, value: unknown): Record<string, unknown> | null {
    if (isObject(value)) return value;
    this.add(path, value === undefined ? "missing; expected an object" : `expected an object, got ${describe(value)}`);
    return null;
  }

  array(path: string, value: unknown): unknown[] | null {
    if (Array.isArray(value)) return value;
    this.add(path, value === undefined ? "missing; expected a list" : `expected a list, got ${describe(value)}`);
    return null;
  }

  string(path: string, value: unknown): string | null {
    if (typeof value === "string") return value;
    this.add(path, value === undefined ? "missing; expected text" : `expected text, got ${describe(value)}`);
    return null;
  }

  /** Text or null; `undefined` (absent) is a problem, since the format always writes the member. */
  nullableString(path: string, value: unknown): string | null | undefined {
    if (value === null || typeof value === "string") return value;
    this.add(path, value === undefined ? "missing; expected text or null" : `expected text or null, got ${describe(value)}`);
    return undefined;
  }

  boolean(path: string, value: unknown): boolean | null {
    if (typeof value === "boolean") return value;
    this.add(path, value === undefined ? "missing; expected true or false" : `expected true or false, got ${describe(value)}`);
    return null;
  }

  number(path: string, value: unknown, rule: { integer?: boolean; min?: number; positive?: boolean } = {}): number | null {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      this.add(path, value === undefined ? "missing; expected a number" : `expected a number, got ${describe(value)}`);
      return null;
    }
    if (rule.integer && !Number.isInteger(value)) return this.fail(path, `expected a whole number, got ${value}`);
    if (rule.min !== undefined && value < rule.min) return this.fail(path, `expected a number ≥ ${rule.min}, got ${value}`);
    if (rule.positive && value <= 0) return this.fail(path, `expected a number > 0, got ${value}`);
    return value;
  }

  /** One of the given words. */
  oneOf<T extends string>(path: string, value: unknown, allowed: readonly T[], what: string): T | null {
    if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
    if (value === undefined) return this.fail(path, `missing; expected ${what}`);
    return this.fail(path, `unknown ${what} ${typeof value === "string" ? JSON.stringify(value) : describe(value)}; expected one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`);
  }

  /** Record `what` at path when `name` is not among `known`, with a "did you mean" from the known names. */
  reference(path: string, name: string, known: Iterable<string>, what: string, where?: string): boolean {
    const names = [...known];
    if (names.includes(name)) return true;
    const near = nearest(name, names);
    this.add(path, `unknown ${what} ${JSON.stringify(name)}${where ? ` in ${where}` : ""}${near ? `; did you mean ${JSON.stringify(near)}?` : ""}`);
    return false;
  }

  private fail(path: string, message: string): null {
    this.add(path, message);
    return null;
  }
}

/** The known name closest to `name` by edit distance, when it is close enough to be a typo. */
export function nearest(name: string, known: string[]): string | null {
  let best: string | null = null;
  // Up to two edits (a transposition is two), more for long names.
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance && distance < Math.max(name.length, candidate.length)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
