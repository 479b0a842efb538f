import { words } from '../text.js';

/**
 * An FTS5 query for what a person typed: every word must match, the last one as a prefix (people search
 * while typing). Each word is quoted, so nothing typed is ever read as FTS5 syntax (AND, NEAR, column:...).
 * A one-letter last word is matched whole: a one-letter prefix would read most of the index.
 * `expand` may answer the words a prefix stands for, to ask for them instead (see sqlite/term-list.ts).
 * Answers undefined when nothing searchable was typed.
 */
export function matchExpression(
  typed: string,
  options: { prefixLast?: boolean; expand?: (prefix: string) => readonly string[] | undefined } = {},
): string | undefined {
  const terms = words(typed);
  if (!terms.length) return undefined;
  const prefixLast = options.prefixLast ?? true;
  return (
    terms
      .map((term, index) => {
        const quoted = `"${term}"`;
        if (!prefixLast || index < terms.length - 1 || term.length < 2) return quoted;
        const expanded = options.expand?.(term);
        return expanded ? `(${expanded.map((word) => `"${word}"`).join(' OR ')})` : `${quoted}*`;
      })
      // An explicit AND: FTS5 does not read `"a" ("b" OR "c")` as two conditions.
      .join(' AND ')
  );
}
