// Time for the runtime: parsing the routing instant, converting it to a
// calendar's zone with Intl (formatters cached per zone), and deciding whether
// an `hours` calendar is open. No dates library: the runtime runs in browsers.

import type { TableHours } from "./table-format";

/** Wall-clock reading of an instant in one zone. `weekday` 0 = Monday. */
export interface LocalTime {
  date: string; // YYYY-MM-DD
  weekday: number;
  minute: number; // minutes from local midnight
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The instant to route at: a Date, or an ISO instant with a zone (`Z` or
 * `±HH:MM`; a zone-less string would mean the host's local time, which differs
 * between machines, so it is refused). Null/undefined means "no instant".
 */
export function parseInstant(at: unknown): { instant: Date | null; problem: string | null } {
  if (at === undefined || at === null) return { instant: null, problem: null };
  if (at instanceof Date) {
    return Number.isFinite(at.getTime()) ? { instant: at, problem: null } : { instant: null, problem: "the instant given is an invalid Date" };
  }
  if (typeof at === "string") {
    const parts = ISO_INSTANT.exec(at);
    const time = parts ? Date.parse(at) : NaN;
    if (parts && Number.isFinite(time) && validDate(parts[1]!, parts[2]!, parts[3]!) && Number(parts[4]) < 24 && Number(parts[5]) < 60) {
      return { instant: new Date(time), problem: null };
    }
    return { instant: null, problem: `the instant ${JSON.stringify(at)} is not an ISO instant like "2026-12-01T09:00Z"` };
  }
  return { instant: null, problem: "the instant given is neither a Date nor an ISO string" };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isDate(text: unknown): text is string {
  if (typeof text !== "string") return false;
  const parts = DATE.exec(text);
  return parts !== null && validDate(parts[1]!, parts[2]!, parts[3]!);
}

function validDate(year: string, month: string, day: string): boolean {
  const probe = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return probe.getUTCFullYear() === Number(year) && probe.getUTCMonth() === Number(month) - 1 && probe.getUTCDate() === Number(day);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter for the zone, or null when the zone is not one this engine knows. */
export function formatterFor(zone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(zone);
  if (cached) return cached;
  try {
    const formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(zone, formatter);
    return formatter;
  } catch {
    return null;
  }
}

export function isTimeZone(zone: unknown): zone is string {
  return typeof zone === "string" && zone.length > 0 && formatterFor(zone) !== null;
}

/** The wall clock in `zone` at `instant`; UTC arithmetic when the zone is null. */
export function localTime(instant: Date, zone: string | null): LocalTime {
  if (zone === null) {
    return fromFields(instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate(), instant.getUTCHours(), instant.getUTCMinutes());
  }
  const formatter = formatterFor(zone);
  if (formatter === null) return localTime(instant, null); // INVARIANT: loadTable rejected unknown zones.
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  // Some engines print midnight as 24 even with h23; it is the same day's 00.
  const hour = fields.hour === 24 ? 0 : fields.hour!;
  return fromFields(fields.year!, fields.month!, fields.day!, hour, fields.minute!);
}

function fromFields(year: number, month: number, day: number, hour: number, minute: number): LocalTime {
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  return { date: dateText(year, month, day), weekday, minute: hour * 60 + minute };
}

function dateText(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The calendar date before `date` (YYYY-MM-DD). */
export function previousDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const before = new Date(Date.UTC(year, month - 1, day - 1));
  return dateText(before.getUTCFullYear(), before.getUTCMonth() + 1, before.getUTCDate());
}

/**
 * Whether the calendar is open at `local`: a window of today holds the
 * minute and today is not closed, or an overnight window of yesterday runs
 * past midnight over it and yesterday is not closed (an overnight window
 * belongs, for `closed`, to the day it starts on).
 */
export function isOpen(hours: TableHours, local: LocalTime): boolean {
  const yesterday = (local.weekday + 6) % 7;
  let today = false;
  let overnight = false;
  for (const window of hours.windows) {
    if (window.day === local.weekday && window.start <= local.minute && local.minute < window.end) today = true;
    if (window.day === yesterday && window.end > 1440 && window.start <= local.minute + 1440 && local.minute + 1440 < window.end) overnight = true;
  }
  if (today && !hours.closed.includes(local.date)) return true;
  return overnight && !hours.closed.includes(previousDate(local.date));
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** "Fri 2026-12-25 10:00 Europe/Berlin", for traces. */
export function showLocal(local: LocalTime, zone: string | null): string {
  const hour = String(Math.floor(local.minute / 60)).padStart(2, "0");
  const minute = String(local.minute % 60).padStart(2, "0");
  return `${WEEKDAYS[local.weekday]} ${local.date} ${hour}:${minute} ${zone ?? "UTC"}`;
}
