/**
 * Calendar days as the library counts them. A day is `YYYY-MM-DD` in the library's time zone (Asia/Makassar,
 * UTC+8, for Bontang); arithmetic on days is done on those strings through UTC dates, where no clock shifts.
 */
const DAY_MS = 86_400_000;

const toUtc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: string, days: number) => fromUtc(toUtc(day) + days * DAY_MS);
export const daysBetween = (from: string, to: string) => Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
export const monthOf = (day: string) => day.slice(0, 7);
export const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
export const firstOfYear = (day: string) => `${day.slice(0, 4)}-01-01`;

/** The last day of the month of `day`. */
export function lastOfMonth(day: string): string {
  const date = new Date(toUtc(firstOfMonth(day)));
  date.setUTCMonth(date.getUTCMonth() + 1);
  return fromUtc(date.getTime() - DAY_MS);
}

/** `YYYY-MM` moved by whole months. */
export function addMonths(month: string, months: number): string {
  const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + months, 1));
  return date.toISOString().slice(0, 7);
}

/** Monday of the week of `day` (weeks start on Monday in Indonesia, as in ISO 8601). */
export const mondayOf = (day: string) => addDays(day, -((new Date(toUtc(day)).getUTCDay() + 6) % 7));

/** The ISO week of `day`, `2026-W47`: its Thursday decides the year. */
export function isoWeek(day: string): string {
  const thursday = addDays(mondayOf(day), 3);
  const week = Math.floor(daysBetween(firstOfYear(thursday), thursday) / 7) + 1;
  return `${thursday.slice(0, 4)}-W${String(week).padStart(2, '0')}`;
}

/** True for a real calendar day written `YYYY-MM-DD`. */
export const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && fromUtc(toUtc(text)) === text;

/**
 * The clock of a time zone: the day and local time of an instant. One formatter per zone, made once: formatting
 * costs a few microseconds, which every recorded visit pays.
 */
export class ZoneClock {
  private readonly format: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
  }

  private parts(ms: number) {
    const parts: Record<string, string> = {};
    for (const { type, value } of this.format.formatToParts(ms)) parts[type] = value;
    return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
  }

  /** The local day of an instant, `YYYY-MM-DD`. */
  day(ms: number): string {
    const { year, month, day } = this.parts(ms);
    return `${year}-${month}-${day}`;
  }

  /** The instant in local time with its offset, `2026-11-25T09:12:00+08:00` (whole seconds). */
  local(ms: number): string {
    const { year, month, day, hour, minute, second } = this.parts(ms);
    const wall = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
    const offset = Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
    const sign = offset < 0 ? '-' : '+';
    const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
    const mm = String(Math.abs(offset) % 60).padStart(2, '0');
    return `${year}-${month}-${day}T${hour}:${minute}:${second}${sign}${hh}:${mm}`;
  }
}

/** Throws a RangeError naming the zone when the runtime does not know it (a typo in the configuration). */
export function checkTimeZone(timeZone: string): string {
  new Intl.DateTimeFormat('en', { timeZone });
  return timeZone;
}
