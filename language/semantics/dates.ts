// Calendar checks shared by reps, hours and tests: real dates, clock times and
// instants as the lexer gives them (shape already right, values not yet).

/** "2026-02-30" → false: the shape is right but the day does not exist. */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** "08:30" → 510 minutes; undefined when out of range. `24:00` (1440) is allowed only when `asEnd`. */
export function clockMinutes(value: string, asEnd: boolean): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59) return undefined;
  if (hours === 24 && minutes === 0) return asEnd ? 1440 : undefined;
  if (hours > 23) return undefined;
  return hours * 60 + minutes;
}

/** `2026-12-01T09:00Z`, `2026-12-01T09:00:30+01:00`: the date and time must exist and the offset be sane. */
export function isRealInstant(value: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-](\d{2}):(\d{2}))$/.exec(value);
  if (!match) return false;
  if (!isRealDate(match[1]!)) return false;
  if (Number(match[2]) > 23 || Number(match[3]) > 59 || (match[4] !== undefined && Number(match[4]) > 59)) return false;
  if (match[6] !== undefined && (Number(match[6]) > 23 || Number(match[7]) > 59)) return false;
  return true;
}
