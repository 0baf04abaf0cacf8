// The routing instant as a region variable: which combinations of `within H`
// answers occur at some instant, each with an instant that shows it.
//
// NOTE: the answers of every calendar change only at a window edge or a local
// midnight (closed dates) of some calendar. Every such edge over four weeks
// (two in winter, two in summer, for daylight saving) and around each closed
// date is tried; each combination that occurs between edges occurs at one.

import { isOpen, localTime } from "../../runtime/calendar";
import type { HoursModel } from "../../language/semantics/model";

export interface InstantRegion {
  /** Per calendar id (in the order given), whether it is open. */
  open: boolean[];
  /** An ISO instant (UTC) at which exactly these calendars are open. */
  at: string;
}

const DAY = 86_400_000;

/** The combinations of open/closed calendars that occur at some instant, in a stable order. */
export function instantRegions(calendars: readonly HoursModel[]): InstantRegion[] {
  const found = new Map<string, InstantRegion>();
  const days = candidateDays(calendars);
  for (const day of days) {
    for (const calendar of calendars) {
      const edges = new Set<number>([0]);
      for (const window of calendar.windows) {
        edges.add(window.start % 1440);
        edges.add(window.end % 1440);
      }
      for (const minute of edges) {
        const at = fromLocal(day, minute, calendar.timezone);
        for (const instant of [at, at + 60_000]) {
          const open = calendars.map((hours) => isOpen(hours, localTime(new Date(instant), hours.timezone)));
          const key = open.map((value) => (value ? "1" : "0")).join("");
          if (!found.has(key)) found.set(key, { open, at: new Date(instant).toISOString().replace(".000Z", "Z") });
        }
      }
    }
  }
  return [...found.entries()].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)).map(([, region]) => region);
}

/** UTC midnights of the days to scan: two weeks in January and July 2026, and each closed date with its neighbours. */
function candidateDays(calendars: readonly HoursModel[]): number[] {
  const days = new Set<number>();
  const add = (time: number) => days.add(time);
  for (let offset = 0; offset < 14; offset++) {
    add(Date.UTC(2026, 0, 5) + offset * DAY);
    add(Date.UTC(2026, 6, 6) + offset * DAY);
  }
  for (const calendar of calendars) {
    for (const date of calendar.closed) {
      const [year, month, day] = date.split("-").map(Number) as [number, number, number];
      const time = Date.UTC(year, month - 1, day);
      for (const shift of [-1, 0, 1]) add(time + shift * DAY);
    }
  }
  return [...days].sort((a, b) => a - b);
}

/** The instant at local `minute` of UTC-midnight `day` in `zone` (offset taken at that moment; gaps land nearby). */
function fromLocal(day: number, minute: number, zone: string): number {
  const guess = day + minute * 60_000;
  let instant = guess;
  for (let round = 0; round < 2; round++) {
    const local = localTime(new Date(instant), zone);
    const [year, month, date] = local.date.split("-").map(Number) as [number, number, number];
    const shown = Date.UTC(year, month - 1, date) + local.minute * 60_000;
    instant += guess - shown;
  }
  return instant;
}
