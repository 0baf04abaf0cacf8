// Business-hours calendars: the IANA time zone, day lines turned into open
// windows (day 0 = Monday, minutes; `fri-mon` wraps; an overnight window ends
// past 1440), closed dates, and `hours-never-open`.

import type { DayLine, HoursDecl, Weekday } from "../syntax/ast";
import type { Checker } from "./context";
import { clockMinutes, isRealDate } from "./dates";
import type { HoursModel } from "./model";
import { makeDiagnostic, unknownName } from "./report";

const weekdays: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export function checkHours(checker: Checker, declaration: HoursDecl): HoursModel {
  const model: HoursModel = { id: declaration.name.text, timezone: "UTC", windows: [], closed: [], span: declaration.span };
  const zone = declaration.timezone;
  if (!zone) {
    checker.report(
      makeDiagnostic("invalid-value", declaration.name.span, `hours \`${declaration.name.text}\` needs a \`timezone\``, {
        help: 'add a line such as `timezone "Europe/Berlin"`',
      }),
    );
  } else if (!isTimeZone(zone.value)) {
    checker.report(unknownName(zone.span, zone.value, `\`${zone.value}\` is not an IANA time zone`, timeZones(), "unknown-timezone", 'write a name such as "Europe/Berlin" or "UTC"'));
    fixQuotedSuggestion(checker);
  } else {
    model.timezone = zone.value;
  }
  let dayLines = 0;
  for (const entry of declaration.entries) {
    if (entry.kind === "closed") {
      for (const date of entry.dates) {
        if (isRealDate(date.value)) model.closed.push(date.value);
        else checker.report(makeDiagnostic("invalid-value", date.span, `\`${date.value}\` is not a date in the calendar`));
      }
      continue;
    }
    dayLines++;
    model.windows.push(...dayWindows(checker, entry));
  }
  model.windows = mergeWindows(model.windows);
  if (dayLines === 0) {
    checker.report(
      makeDiagnostic("hours-never-open", declaration.name.span, `hours \`${declaration.name.text}\` has no day line, so it is never open`, {
        help: "add a line such as `mon-fri 09:00-17:00`",
      }),
    );
  }
  return model;
}

function dayWindows(checker: Checker, line: DayLine): HoursModel["windows"] {
  const days = new Set<number>();
  for (const range of line.days) {
    const from = weekdays.indexOf(range.from.value);
    const to = range.to ? weekdays.indexOf(range.to.value) : from;
    if (from < 0 || to < 0) continue;
    // `fri-mon` wraps round the weekend.
    for (let day = from; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === to) break;
    }
  }
  const windows: HoursModel["windows"] = [];
  for (const window of line.windows) {
    const start = clockMinutes(window.start.value, false);
    const end = clockMinutes(window.end.value, true);
    if (start === undefined) {
      const why = window.start.value === "24:00" ? "`24:00` can only end a window" : "a time runs from 00:00 to 24:00";
      checker.report(makeDiagnostic("invalid-value", window.start.span, `\`${window.start.value}\` is not a valid start time: ${why}`));
    }
    if (end === undefined) {
      checker.report(makeDiagnostic("invalid-value", window.end.span, `\`${window.end.value}\` is not a valid time: a time runs from 00:00 to 24:00`));
    }
    if (start === undefined || end === undefined) continue;
    if (start === end) {
      checker.report(makeDiagnostic("invalid-value", window.span, `\`${window.start.value}-${window.end.value}\` is an empty window`));
      continue;
    }
    // An end before its start runs into the next day and belongs to the day it starts on.
    const realEnd = end < start ? end + 1440 : end;
    for (const day of days) windows.push({ day, start, end: realEnd });
  }
  return windows;
}

/** Lines for the same day add up: sort by day and start, and merge windows that overlap or touch. */
function mergeWindows(windows: HoursModel["windows"]): HoursModel["windows"] {
  const sorted = [...windows].sort((a, b) => a.day - b.day || a.start - b.start || a.end - b.end);
  const merged: HoursModel["windows"] = [];
  for (const window of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.day === window.day && window.start <= last.end) last.end = Math.max(last.end, window.end);
    else merged.push({ ...window });
  }
  return merged;
}

let zoneList: string[] | undefined;

function timeZones(): string[] {
  if (!zoneList) {
    const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
    zoneList = typeof intl.supportedValuesOf === "function" ? [...intl.supportedValuesOf("timeZone"), "UTC"] : ["UTC"];
  }
  return zoneList;
}

/**
 * An IANA name: listed by the runtime, or an alias it accepts that is spelled
 * like one (`Europe/Kiev`). Offsets and abbreviations (`+01:00`, `EST`) are not names.
 */
export function isTimeZone(name: string): boolean {
  if (name === "UTC" || timeZones().includes(name)) return true;
  if (!/^[A-Z][A-Za-z_-]*(\/[A-Z][A-Za-z0-9_+-]*)+$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The suggestion fix replaced the zone without its quotes; put them back. */
function fixQuotedSuggestion(checker: Checker): void {
  const diagnostic = checker.diagnostics[checker.diagnostics.length - 1];
  for (const fix of diagnostic?.fixes ?? []) {
    for (const edit of fix.edits) edit.newText = JSON.stringify(edit.newText);
  }
}
