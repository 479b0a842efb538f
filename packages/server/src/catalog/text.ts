/**
 * One normalisation for everything that is searched: what is indexed and what is typed go through the same
 * functions, so "Qur'an", "QUR’AN" and "Quran" meet, and "Pendidikan" matches "pendidikán". The search
 * engine's tokenizer (FTS5 for SQLite) then only ever sees lower-case ASCII-folded words separated by spaces.
 */

/** Letters that Unicode does not decompose into a base letter plus a mark. */
const unfoldable: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
};
const unfoldablePattern = new RegExp(`[${Object.keys(unfoldable).join('')}]`, 'g');

const ascii = /^\p{ASCII}*$/u;

/** Lower case, diacritics removed (é → e, ā → a, Arabic harakat dropped). */
export function fold(text: string): string {
  // Most catalogue text is ASCII: Unicode normalisation is the costly part of indexing, skip it when idle.
  if (ascii.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(unfoldablePattern, (letter) => unfoldable[letter]!);
}

const wordPattern = /[\p{L}\p{N}]+/gu;
/** Words glued by apostrophes, hyphens or dots: Qur'an, Al-Qur'an, e-book, U.S.A. */
const compoundPattern = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)+/gu;

/** The words of a text, folded. */
export function words(text: string): string[] {
  return fold(text).match(wordPattern) ?? [];
}

/**
 * The words to index for a text: its words, plus each compound written together and without its first
 * part ("al-qur'an" also gives "alquran" and "quran"), because catalogues and readers spell these both ways.
 */
export function indexWords(text: string): string[] {
  const folded = fold(text);
  const out: string[] = folded.match(wordPattern) ?? [];
  for (const compound of folded.match(compoundPattern) ?? []) {
    const parts = compound.match(wordPattern)!;
    for (let start = 0; start < parts.length - 1; start++) out.push(parts.slice(start).join(''));
  }
  return out;
}

/** Text for one indexed search column (an FTS5 column on SQLite): index words separated by spaces. */
export function indexText(...texts: (string | undefined)[]): string {
  return texts.flatMap((text) => (text ? indexWords(text) : [])).join(' ');
}

/** A key to compare titles, names and sort them: folded words joined by one space. */
export function comparisonKey(text: string): string {
  return words(text).join(' ');
}

/** Whether a text has anything searchable in it. */
export const hasWords = (text: string | undefined): text is string => Boolean(text && words(text).length);
