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

// The date part is checked by `isDate`, seconds and the offset by Date.parse.
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT([01]\d|2[0-3]):[0-5]\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)$/;

/**
 * The instant to route at: a Date, or an ISO instant with a zone (`Z` or
 * `±HH:MM`; a zone-less string would mean the host's local time, which differs
 * between machines, so it is refused). Null/undefined means "no instant".
 */
export function parseInstant(at: unknown): { instant: Date | null; problem: string | null } {
  const instant = at instanceof Date ? at : typeof at === "string" && ISO_INSTANT.test(at) && isDate(at.slice(0, 10)) ? new Date(at) : null;
  if (at == null || (instant && Number.isFinite(instant.getTime()))) return { instant, problem: null };
  return {
    instant: null,
    problem:
      at instanceof Date
        ? "the instant given is an invalid Date"
        : typeof at === "string"
          ? `the instant ${JSON.stringify(at)} is not an ISO instant like "2026-12-01T09:00Z"`
          : "the instant given is neither a Date nor an ISO string",
  };
}

/** A real calendar date written YYYY-MM-DD (years from 0100: `Date.UTC` reads 0–99 as 1900–1999). */
export function isDate(text: unknown): text is string {
  return typeof text === "string" && /^\d{4}-\d\d-\d\d$/.test(text) && shiftDate(text, 0) === text;
}

/** `date` (YYYY-MM-DD) moved by `days`, through `Date.UTC`, so an impossible date comes out as another. */
function shiftDate(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return dateText(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

function dateText(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** A formatter for the zone, or null when the zone is not one this engine knows. */
function formatterFor(zone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(zone)) {
    let formatter: Intl.DateTimeFormat | null = null;
    try {
      const digits = "2-digit";
      formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: digits, day: digits, hour: digits, minute: digits });
    } catch {}
    formatters.set(zone, formatter);
  }
  return formatters.get(zone)!;
}

export function isTimeZone(zone: unknown): zone is string {
  return typeof zone === "string" && zone.length > 0 && formatterFor(zone) !== null;
}

/** The wall clock in `zone` at `instant`; UTC arithmetic when the zone is null (or unknown: loadTable refuses those). */
export function localTime(instant: Date, zone: string | null): LocalTime {
  const formatter = zone === null ? null : formatterFor(zone);
  const fields: Record<string, number> = { year: instant.getUTCFullYear(), month: instant.getUTCMonth() + 1, day: instant.getUTCDate(), hour: instant.getUTCHours(), minute: instant.getUTCMinutes() };
  if (formatter) for (const part of formatter.formatToParts(instant)) fields[part.type] = Number(part.value);
  const { year, month, day, hour, minute } = fields as Record<"year" | "month" | "day" | "hour" | "minute", number>;
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  // Some engines print midnight as 24 even with h23; it is the same day's 00.
  return { date: dateText(year, month, day), weekday, minute: (hour % 24) * 60 + minute };
}

/**
 * Whether the calendar is open at `local`: a window of today holds the
 * minute and today is not closed, or an overnight window of yesterday runs
 * past midnight over it and yesterday is not closed (an overnight window
 * belongs, for `closed`, to the day it starts on).
 */
export function isOpen(hours: TableHours, local: LocalTime): boolean {
  return (
    (windowHolds(hours, local.weekday, local.minute) && !hours.closed.includes(local.date)) ||
    (windowHolds(hours, (local.weekday + 6) % 7, local.minute + 1440) && !hours.closed.includes(shiftDate(local.date, -1)))
  );
}

/** A window of `day` holds `minute` (past 1440: the next day's, for overnight windows). */
function windowHolds(hours: TableHours, day: number, minute: number): boolean {
  return hours.windows.some((window) => window.day === day && window.start <= minute && minute < window.end);
}

const WEEKDAYS = "Mon Tue Wed Thu Fri Sat Sun".split(" ");

/** "Fri 2026-12-25 10:00 Europe/Berlin", for traces. */
export function showLocal(local: LocalTime, zone: string): string {
  return `${WEEKDAYS[local.weekday]} ${local.date} ${pad(Math.floor(local.minute / 60))}:${pad(local.minute % 60)} ${zone}`;
}
