import { checkTimeZone, ZoneClock } from './days.js';

/** How the server counts visits; every field has a default fit for Bontang. */
export interface VisitOptions {
  /** IANA time zone of the network's libraries: their days, "today" and every daily bucket (Asia/Makassar). */
  timeZone?: string;
  /** A member checking in again at the same library and location within this many minutes is not counted (60). */
  repeatWindowMinutes?: number;
  /** How far back an offline kiosk's queued check-in may be dated (`occurred_at`), in days (7). */
  backdateDays?: number;
  /** Milliseconds since the epoch: tests move the clock instead of waiting for midnight. */
  now?: () => number;
  /**
   * Count web visits from headless Chromium (its user agent says `HeadlessChrome`). For browser tests of the
   * track face only; `navigator.webdriver` still marks an automated browser.
   */
  countHeadless?: boolean;
}

export const DEFAULT_TIME_ZONE = 'Asia/Makassar';

export type ResolvedVisitOptions = Required<Omit<VisitOptions, 'timeZone'>> & { clock: ZoneClock };

export function resolveVisitOptions(options: VisitOptions = {}): ResolvedVisitOptions {
  return {
    clock: new ZoneClock(checkTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE)),
    repeatWindowMinutes: options.repeatWindowMinutes ?? 60,
    backdateDays: options.backdateDays ?? 7,
    now: options.now ?? Date.now,
    countHeadless: options.countHeadless ?? false,
  };
}
