// Calendar arithmetic for people: the current hour/day/ISO week/month of a cap
// in a rep's zone, the UTC instant of a local wall-clock time, and business-time
// SLA deadlines that skip nights, weekends and closed dates.

import { localTime, type LocalTime } from "../calendar";
import type { TableHours } from "../table-format";

export type Period = "hour" | "day" | "week" | "month";

/** `2026-12-04T09`, `2026-12-04`, `2026-W49`, `2026-12`: the calendar period holding `local`. */
export function periodKey(period: Period, local: LocalTime): string {
  switch (period) {
    case "hour":
      return `${local.date}T${String(Math.floor(local.minute / 60)).padStart(2, "0")}`;
    case "day":
      return local.date;
    case "month":
      return local.date.slice(0, 7);
    case "week":
      return isoWeek(local.date);
  }
}

/** Seconds a cap counter must live: its period plus a day of slack for zones and clock skew. */
export const PERIOD_TTL: Record<Period, number> = { hour: 2 * 3600, day: 2 * 86400, week: 8 * 86400, month: 32 * 86400 };

/** "this hour's", "today's", … for traces. */
export const PERIOD_WORD: Record<Period, string> = { hour: "this hour's", day: "today's", week: "this week's", month: "this month's" };

function isoWeek(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const time = Date.UTC(year, month - 1, day);
  const weekday = (new Date(time).getUTCDay() + 6) % 7; // 0 = Monday
  const thursday = new Date(time + (3 - weekday) * 86400000); // the ISO year is the year of the week's Thursday
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * 86400000)) + 1;
  return `${weekYear}-W${String(week).padStart(2, "0")}`;
}

function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The UTC instant (ms) at which the wall clock in `zone` reads `date` + `minute` (minute may pass 1440). */
export function instantOf(date: string, minute: number, zone: string): number {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, day) + minute * 60000;
  let guess = wall;
  // Two corrections settle the zone offset, also across a daylight-saving change.
  for (let round = 0; round < 2; round++) {
    const local = localTime(new Date(guess), zone);
    const [y, m, d] = local.date.split("-").map(Number) as [number, number, number];
    const seen = Date.UTC(y, m - 1, d) + local.minute * 60000;
    guess += wall - seen;
  }
  return guess;
}

/** The open intervals (UTC ms) of one local date: its own windows unless closed, merged. */
function openIntervals(hours: TableHours, date: string, weekday: number): [number, number][] {
  if (hours.closed.includes(date)) return [];
  const intervals = hours.windows
    .filter((window) => window.day === weekday)
    .map((window) => [instantOf(date, window.start, hours.timezone), instantOf(date, window.end, hours.timezone)] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
    else merged.push([...interval]);
  }
  return merged;
}

/**
 * When `seconds` of open business time have passed since `start` in `hours`
 * (nights, weekends and closed dates do not count). Null when the calendar
 * never opens within a year.
 */
export function businessDeadline(start: Date, seconds: number, hours: TableHours): Date | null {
  let remaining = seconds * 1000;
  const first = localTime(start, hours.timezone);
  let date = addDays(first.date, -1); // yesterday's overnight windows may still be open
  let weekday = (first.weekday + 6) % 7;
  for (let day = 0; day < 400; day++) {
    for (const [open, close] of openIntervals(hours, date, weekday)) {
      const from = Math.max(open, start.getTime());
      if (from >= close) continue;
      if (remaining <= close - from) return new Date(from + remaining);
      remaining -= close - from;
    }
    date = addDays(date, 1);
    weekday = (weekday + 1) % 7;
  }
  return null;
}

/** Seconds in one business day (the calendar's longest open weekday): `sla 1 day business` counts this much open time. */
export function businessDaySeconds(hours: TableHours): number {
  const perDay = new Array<number>(7).fill(0);
  for (const window of hours.windows) perDay[window.day]! += window.end - window.start;
  return Math.max(...perDay) * 60;
}
