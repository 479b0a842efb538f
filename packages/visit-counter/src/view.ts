import type { LanguageController } from '@pustaka/core';
import type { messages } from './messages.js';

/** What the render functions of the faces need from the element. */
export interface View {
  readonly i18n: LanguageController<typeof messages.id>;
  number(value: number): string;
  /** `2026-11-28` as a short date, `2026-11` as a month and year, in the element's language. */
  periodLabel(period: string): string;
}

/** A period of the series in words; the server's calendar day, so formatted in UTC (no shift of a day). */
export function periodLabel(i18n: LanguageController<typeof messages.id>, period: string): string {
  const month = period.length === 7;
  return i18n.formatDate(`${period}${month ? '-01' : ''}T00:00:00Z`, {
    timeZone: 'UTC',
    ...(month ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' }),
  });
}
