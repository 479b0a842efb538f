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
/** What glues two words into a compound: Qur'an, Al-Qur'an, e-book, U.S.A. */
const glue = new Set(["'", '’', '-', '.']);
/**
 * A compound of more parts is not a word anyone types written together ("1.2.3.4.5.6.7.8.9"); and every
 * suffix of a compound of n parts is n²/2 characters to index, so an endless "a-a-a-…" must not count.
 */
const maxCompoundParts = 8;

/** The words of a text, folded. */
export function words(text: string): string[] {
  return fold(text).match(wordPattern) ?? [];
}

/**
 * The words to index for a text: its words, plus each compound written together and without its first
 * part ("al-qur'an" also gives "alquran" and "quran"), because catalogues and readers spell these both ways.
 * One pass over the words (a regular expression for compounds scanned on from every position: quadratic,
 * 28 s for a 100,000-character title, issue 11).
 */
export function indexWords(text: string): string[] {
  const folded = fold(text);
  const out: string[] = [];
  // Compounds after all the words, so that the words keep their positions for phrase searches.
  const joined: string[] = [];
  let compound: string[] = [];
  let end = -1;
  const endCompound = () => {
    if (compound.length > 1 && compound.length <= maxCompoundParts)
      for (let start = 0; start < compound.length - 1; start++) joined.push(compound.slice(start).join(''));
    compound = [];
  };
  for (const match of folded.matchAll(wordPattern)) {
    const word = match[0];
    out.push(word);
    // Glued to the word before: exactly one glue character between them.
    if (!(match.index === end + 1 && glue.has(folded[end]!))) endCompound();
    compound.push(word);
    end = match.index + word.length;
  }
  endCompound();
  return joined.length ? out.concat(joined) : out;
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
