import type { Library } from '../types.js';

/**
 * Prefix candidates for a library's member numbers (`BTG-2026-000123`), best first; the store takes the first
 * that no other library holds. A city library gets a three-letter code of its city, made as many Indonesian
 * city codes are (Bontang BTG, Balikpapan BPN); any other library the initials of its id (`sman-1-bontang`
 * SMAN1B).
 */
export function prefixCandidates(library: Pick<Library, 'id' | 'kind' | 'address'>): string[] {
  const candidates: string[] = [];
  const city = library.address.city?.toUpperCase().replace(/[^A-Z]/g, '') ?? '';
  // First letter, the consonant that opens the last syllable, the last consonant: BonTanG, BalikPapaN.
  const lastSyllable = /([^AEIOU])[AEIOU]+[^AEIOU]*$/.exec(city.slice(1))?.[1];
  const lastConsonant = /([^AEIOU])[AEIOU]*$/.exec(city.slice(1))?.[1];
  if (library.kind === 'public' && lastSyllable && lastConsonant)
    candidates.push(city[0] + lastSyllable + lastConsonant);
  const parts = library.id.toUpperCase().split('-').filter(Boolean);
  const initials = parts
    .map((part, index) => (index === 0 || /^\d+$/.test(part) ? part : part[0]))
    .join('')
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 10);
  candidates.push(initials.length >= 2 ? initials : `${initials}LIB`);
  return candidates;
}

/** Adds whole months to a date (YYYY-MM-DD); the last valid day is the day before the same date months later. */
export function validUntil(from: string, months: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}
