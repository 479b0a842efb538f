import type { LibraryHolding } from '../model.js';

/** What a mapper found wrong in one record. */
export interface FieldProblem {
  /** MARC tag or CSV column. */
  field?: string;
  reason: string;
}

/** A mapped record: its holding, or nothing when the record cannot be imported; with what was dropped. */
export interface Mapped {
  holding?: LibraryHolding;
  /** Why the record was skipped (when `holding` is absent). */
  skipped?: FieldProblem;
  /** Values that were left out of an imported record. */
  ignored: FieldProblem[];
}

const isbdEnd = new Set(['/', ':', ';', ',', '=']);
/** A final full stop after these ends a word, not an initial or abbreviation ("Jr.", "A.A.", "USA."). */
const wordBeforeStop = /(?:\p{Ll}{3}|\p{Lu}{4}|[\])])\.$/u;

/**
 * ISBD punctuation that catalogues leave at the end of a subfield ("Laskar pelangi /", "Bentang,").
 * Without regular expressions anchored at the end: those scan on from every position of the value, and
 * took 2 s per 40,000 characters (issue 11).
 */
export function trimIsbd(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let trimmed = value.trimEnd();
  if (isbdEnd.has(trimmed.at(-1) ?? '')) trimmed = trimmed.slice(0, -1);
  trimmed = trimmed.replace(/\s+/g, ' ').trim();
  // The last few characters are enough to decide (up to 4 letters, each maybe two UTF-16 units, and a stop).
  if (trimmed.endsWith('.') && wordBeforeStop.test(trimmed.slice(-9))) trimmed = trimmed.slice(0, -1);
  return trimmed || undefined;
}

/** The year in "c2005.", "[2005?]", "2005-2007", "1426 H / 2005 M"; only 1000..2100. */
export function yearIn(text: string | undefined): number | undefined {
  const years = [...(text ?? '').matchAll(/(?<!\d)(1\d{3}|20\d{2}|2100)(?!\d)/g)].map((match) => Number(match[1]));
  // A Hijri year (1426) comes with a Gregorian one in Indonesian imprints: take the latest plausible year.
  const plausible = years.filter((year) => year >= 1450 && year <= 2100);
  return plausible.length ? Math.max(...plausible) : years[0];
}

/** A date as catalogued ("2026-12-02", "20261202", "02/12/2026") as YYYY-MM-DD. */
export function isoDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  let match = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(text.trim());
  if (match) return `${match[1]}-${match[2]}-${match[3]}`;
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (match) return `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return undefined;
}

/** Only absolute http(s) addresses become cover images; SLiMS stores bare file names. */
export function coverUrl(text: string | undefined): string | undefined {
  return text && /^https?:\/\/[^\s"'<>]+$/i.test(text.trim()) ? text.trim() : undefined;
}
