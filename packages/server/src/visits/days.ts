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

/** The ISO week of `day`, `2026-W47`: its Thursday decides the year. In numbers, not strings: a year by week
 * asks it for each of 365 days. */
export function isoWeek(day: string): string {
  const ms = toUtc(day);
  const thursday = ms + (3 - ((new Date(ms).getUTCDay() + 6) % 7)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** True for a real calendar day written `YYYY-MM-DD`. */
export const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && fromUtc(toUtc(text)) === text;

const OFFSET_BLOCK_MS = 15 * 60_000;

/**
 * The clock of a time zone: the day and local time of an instant. Asking Intl costs several microseconds, which
 * every recorded visit would pay two or three times; the zone's offset is asked once per quarter of an hour
 * instead (offsets change on quarter hours in every zone there is) and the rest is arithmetic.
 */
export class ZoneClock {
  private readonly format: Intl.DateTimeFormat;
  private cachedBlock = Number.NaN;
  private cachedOffset = 0;

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
  }

  /** Minutes east of UTC at an instant. */
  offsetMinutes(ms: number): number {
    const block = Math.floor(ms / OFFSET_BLOCK_MS);
    if (block !== this.cachedBlock) {
      const at = block * OFFSET_BLOCK_MS;
      const parts: Record<string, number> = {};
      for (const { type, value } of this.format.formatToParts(at)) parts[type] = Number(value);
      const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
      this.cachedOffset = Math.round((wall - at) / 60_000);
      this.cachedBlock = block;
    }
    return this.cachedOffset;
  }

  /** The local day of an instant, `YYYY-MM-DD`. */
  day(ms: number): string {
    return new Date(ms + this.offsetMinutes(ms) * 60_000).toISOString().slice(0, 10);
  }

  /** The instant in local time with its offset, `2026-11-25T09:12:00+08:00` (whole seconds). */
  local(ms: number): string {
    const offset = this.offsetMinutes(ms);
    const wall = new Date(Math.floor(ms / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
    const sign = offset < 0 ? '-' : '+';
    const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
    const mm = String(Math.abs(offset) % 60).padStart(2, '0');
    return `${wall}${sign}${hh}:${mm}`;
  }
}

/** Throws a RangeError naming the zone when the runtime does not know it (a typo in the configuration). */
export function checkTimeZone(timeZone: string): string {
  new Intl.DateTimeFormat('en', { timeZone });
  return timeZone;
}
