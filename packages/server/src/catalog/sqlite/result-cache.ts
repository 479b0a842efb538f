/** Matches below this size are recomputed each time (under a millisecond); larger ones are cached. */
export const CACHE_FROM = 2000;

/**
 * A small LRU for search work that does not change until the catalogue does: keyed by what was asked,
 * bounded by bytes, emptied whenever the catalogue version moves (an import, a seed).
 *
 * Why: a common word or a 3-letter prefix matches a tenth of a million-record catalogue, and reading and
 * counting 100,000 matches costs 20 to 40 ms however it is done; popular searches repeat all day (and a
 * search-as-you-type box asks the same prefixes again and again), so the second asker pays ~1 ms.
 */
export class ResultCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private bytes = 0;
  private version = -1;

  constructor(private readonly maxBytes: number) {}

  get(version: number, key: string): V | undefined {
    if (version !== this.version) this.clear(version);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Map keeps insertion order: re-inserting marks the entry as the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(version: number, key: string, value: V, bytes: number): void {
    if (version !== this.version) this.clear(version);
    if (bytes > this.maxBytes / 4) return;
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  private clear(version: number): void {
    this.entries.clear();
    this.bytes = 0;
    this.version = version;
  }
}
