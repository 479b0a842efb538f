/** Longest prefix FTS5 answers from its own prefix index (schema.ts: prefix = '2 3'). */
const INDEXED_PREFIX = 3;
/** A prefix standing for more words than this stays a prefix query. */
const MAX_EXPANSION = 32;
/** A vocabulary larger than this is not kept (about 30 MB of strings); prefixes then stay prefix queries. */
const MAX_TERMS = 1_000_000;

/**
 * Every word of the search index that starts with a letter, sorted, as of one catalogue version: read by the
 * background warm-up (search.ts) from fts5vocab.
 *
 * Why: FTS5 answers a prefix longer than its prefix index ("indo"*) by merging the lists of every word
 * that starts with it before it returns anything, so the search pays for the whole merge even when it wants
 * 20 rows, or when another word ("sejarah") narrows the match to a few. The same question written as the
 * words themselves ("indonesia" OR "indonesian") is read lazily: 20 ms became 9 at a million works, and a
 * ranking tier or a suggestion list stops after its first rows.
 */
export class TermList {
  private version = -1;
  private terms: string[] = [];

  /** Keeps the terms of `version` (any order); too many, and no prefix is expanded. */
  set(version: number, terms: string[]): void {
    if (terms.length > MAX_TERMS) {
      this.version = -1;
      this.terms = [];
      return;
    }
    this.terms = terms.sort();
    this.version = version;
  }

  /**
   * The words that start with `prefix`, when the list is of the catalogue's current `version` and they are
   * few; undefined otherwise (the caller keeps the prefix query, which is always right).
   */
  expand(prefix: string, version: number): string[] | undefined {
    if (version !== this.version || prefix.length <= INDEXED_PREFIX) return undefined;
    let low = 0;
    let high = this.terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.terms[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    const words: string[] = [];
    for (let i = low; i < this.terms.length && this.terms[i]!.startsWith(prefix); i++) {
      if (words.push(this.terms[i]!) > MAX_EXPANSION) return undefined;
    }
    return words.length ? words : undefined;
  }
}
