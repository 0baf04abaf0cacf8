// The schema interpreter `loadTable` validates with: a schema node describes a
// member of the table, and `check` walks a value against it, recording
// "path: problem" lines instead of throwing, so one pass reports every problem.

import { isDate, isTimeZone } from "./calendar";
import type { FieldType } from "./table-format";
import { describe, isObject, member } from "./text";

/**
 * A schema node:
 * - a kind letter (`KINDS`), `@kind` (text naming a declared thing: `@rep`, `@hours`…)
 *   or `what|word|word…` (one of the words); a trailing `?` also allows null, `~` allows absence;
 * - `[node]`: a list of node; `{ member: node, …, $: check }`: an object, `$` run last on it;
 * - a function: a check in code (references resolved against the record, cross-member rules).
 */
export type Node = string | Check | Node[] | { [member: string]: Node };
export type Check = (path: string, value: any, context: Context, key?: string) => void;

/** What references resolve against, keyed by the word messages use ("unknown team …"). Only well-formed entries count. */
export interface Names {
  enum: Map<string, Set<string>>;
  record: Map<string, Map<string, FieldType>>;
  [kind: string]: Map<string, unknown> | Set<string>;
}

export interface Context {
  /** Every problem once, in the order found; `count` also counts repeats, so a check can tell it added one. */
  problems: { lines: Set<string>; count: number };
  names: Names;
  table: Record<string, any>;
  /** The router's record that field paths resolve in; null when checking structure only. */
  record: string | null;
  /** Appended to record-dependent problems' paths: which router a score was checked for. */
  suffix: string;
  /** Scores the conditions checked so far use. */
  scores: Set<string>;
  /** The scalar node a test's values are checked with; null when the subject is unknown. */
  scalar?: Node | null;
}

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
/** A whole number in [0, below). */
export const whole = (value: unknown, below = Infinity) => Number.isInteger(value) && (value as number) >= 0 && (value as number) < below;

/** Kind letter → [test, what it expects]. */
const KINDS: Record<string, [(value: any) => boolean, string]> = {
  s: [(value) => typeof value === "string", "text"],
  n: [isNumber, "a number"],
  b: [(value) => typeof value === "boolean", "true or false"],
  w: [whole, "a whole number ≥ 0"],
  p: [(value) => isNumber(value) && value > 0, "a number > 0"],
  d: [isDate, "a date YYYY-MM-DD"],
  z: [isTimeZone, 'an IANA time zone like "Europe/Berlin"'],
  D: [(value) => whole(value, 7), "a weekday 0 (Monday) to 6 (Sunday)"],
  m: [(value) => whole(value, 1441), "a minute 0 to 1440"],
  o: [isObject, "an object"],
  t: [isObject, "a target"],
  v: [(value) => ["string", "number", "boolean"].includes(typeof value), "text, a number or true/false"],
  F: [(value) => Array.isArray(value) && value.length > 0 && value.every((name) => typeof name === "string"), "a list of field names"],
};

export function add(context: Context, path: string, message: string): void {
  context.problems.count++;
  context.problems.lines.add(`${path}: ${message}`);
}

/** Check `value` at `path` against `node`; true when that added no problem. */
export function check(path: string, value: any, node: Node, context: Context, key?: string): boolean {
  const before = context.problems.count;
  if (typeof node === "function") node(path, value, context, key);
  else if (typeof node === "string") checkWord(path, value, node, context);
  else if (Array.isArray(node)) {
    // `[]` is a list of anything: its items are checked by the caller.
    if (expect(path, value, Array.isArray, "a list", context) && node[0]) value.forEach((item: unknown, i: number) => check(`${path}[${i}]`, item, node[0]!, context));
  } else if (expect(path, value, isObject, "an object", context)) {
    for (const name in node) {
      if (name === "$") (node.$ as Check)(path, value, context);
      else check(`${path}.${name}`, value[name], node[name]!, context);
    }
  }
  return context.problems.count === before;
}

function checkWord(path: string, value: unknown, node: string, context: Context): void {
  const flag = node[node.length - 1];
  if ((flag === "?" && value === null) || (flag === "~" && value === undefined)) return;
  const word = flag === "?" || flag === "~" ? node.slice(0, -1) : node;
  if (word.includes("|")) {
    const [what, ...words] = word.split("|");
    if (words.includes(value as string)) return;
    add(context, path, value === undefined ? `missing; expected ${what}` : `unknown ${what} ${typeof value === "string" ? JSON.stringify(value) : describe(value)}; expected one of ${words.map((w) => JSON.stringify(w)).join(", ")}`);
    return;
  }
  const kind = word.slice(1);
  const [test, what] = KINDS[word[0] === "@" ? "s" : word]!;
  if (expect(path, value, test, what + (flag === "?" ? " or null" : ""), context) && word[0] === "@") reference(context, path, value as string, context.names[kind]!.keys(), kind);
}

/** `test(value)`, or a problem saying what was expected. */
function expect(path: string, value: unknown, test: (value: any) => boolean, what: string, context: Context): boolean {
  if (test(value)) return true;
  add(context, path, expected(value, what));
  return false;
}

/** "missing; expected …" or "expected …, got …". */
export function expected(value: unknown, what: string): string {
  return value === undefined ? `missing; expected ${what}` : `expected ${what}, got ${describe(value)}`;
}

/** Every member of an object of any names, each checked against `node` (which gets the name as `key`). */
export const each =
  (node: Node): Check =>
  (path, value, context) => {
    if (check(path, value, "o", context)) for (const key of Object.keys(value)) check(member(path, key), value[key], node, context, key);
  };

/** An object whose `key` member (one of `what`) chooses which members it has besides `common`. */
export const union =
  (key: string, what: string, cases: Record<string, Node>, common: Node = "o"): Check =>
  (path, value, context) => {
    if (check(path, value, common, context) || isObject(value)) {
      if (check(`${path}.${key}`, value[key], `${what}|${Object.keys(cases).join("|")}`, context)) check(path, value, cases[value[key]]!, context);
    }
  };

/** Null, or a value checked against `node`. */
export const nullable =
  (node: Node): Check =>
  (path, value, context) => {
    if (value !== null) check(path, value, node, context);
  };

/** A problem when `name` is not among `known`, with a "did you mean" the known name closest by edit distance, when close enough to be a typo. */
export function reference(context: Context, path: string, name: string, known: Iterable<string>, what: string, where = ""): boolean {
  let near: string | null = null;
  // Up to two edits (a transposition is two), more for long names.
  let nearest = Math.max(3, (name.length / 3 + 1) | 0);
  for (const candidate of known) {
    if (candidate === name) return true;
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < nearest && distance < Math.max(name.length, candidate.length)) [near, nearest] = [candidate, distance];
  }
  add(context, path, `unknown ${what} ${JSON.stringify(name)}${where && ` in ${where}`}${near ? `; did you mean ${JSON.stringify(near)}?` : ""}`);
  return false;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  const row = [...Array(b.length + 1).keys()];
  for (let i = 0; i < a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i + 1;
    for (let j = 0; j < b.length; j++) {
      const above = row[j + 1]!;
      row[j + 1] = Math.min(above + 1, row[j]! + 1, diagonal + +(a[i] !== b[j]));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
