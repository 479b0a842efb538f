import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { indexText, indexWords } from '../src/catalog/text.js';
import { trimIsbd } from '../src/catalog/import/mapped.js';

/**
 * Issue 11: a title of 100,000 characters froze the server for 28 s, because three regular expressions
 * scanned on from every position of a text (quadratic). Each case here is a text an importer can be handed;
 * a quadratic function takes minutes on them, a linear one a few hundred milliseconds at most.
 */
const within = (ms: number, what: string, work: () => unknown) => {
  const started = performance.now();
  const result = work();
  const took = performance.now() - started;
  assert.ok(took < ms, `${what} took ${Math.round(took)} ms (allowed: ${ms} ms)`);
  return result;
};

const long = 200_000;
/** Linear takes about 100 ms here on an idle machine, quadratic about 250 s: room for a machine under load. */
const bound = 10_000;

describe('catalogue text is handled in time linear in its length', () => {
  it('indexes one endless word, and an endless compound, quickly and boundedly', () => {
    const words = within(bound, 'one word', () => indexWords('y'.repeat(long))) as string[];
    assert.deepEqual(words, ['y'.repeat(long)]);
    within(bound, 'a word then a separator', () => indexWords(`${'y'.repeat(long)}-`));
    // "a-a-a-a…": every suffix written together would be a quadratic amount of text (20 GB here).
    const compound = within(bound, 'a compound of 100,000 parts', () => indexText('a-'.repeat(long / 2))) as string;
    assert.ok(compound.length < 4 * long, `a compound gave ${compound.length} characters to index`);
  });

  it('still indexes the compounds of real titles', () => {
    assert.deepEqual(indexWords("Tafsir Al-Qur'an"), ['tafsir', 'al', 'qur', 'an', 'alquran', 'quran']);
    assert.deepEqual(indexWords('U.S.A. e-book'), ['u', 's', 'a', 'e', 'book', 'usa', 'sa', 'ebook']);
    assert.deepEqual(indexWords('a - b'), ['a', 'b'], 'a dash between spaces joins nothing');
  });

  it('trims ISBD punctuation from an endless value quickly', () => {
    within(bound, 'spaces then a letter', () => trimIsbd(`${' '.repeat(long)}x`));
    within(bound, 'lower-case letters without a final stop', () => trimIsbd(`${'y'.repeat(long)}!`));
    within(bound, 'upper-case letters', () => trimIsbd(`${'Y'.repeat(long)}!`));
    within(bound, 'slashes', () => trimIsbd('/ '.repeat(long / 2) + 'x'));
  });

  it('trims ISBD punctuation as before', () => {
    assert.equal(trimIsbd('Laskar pelangi /'), 'Laskar pelangi');
    assert.equal(trimIsbd('Bentang,'), 'Bentang');
    assert.equal(trimIsbd('  Yogyakarta  :  '), 'Yogyakarta');
    assert.equal(trimIsbd('Sejarah   Indonesia.'), 'Sejarah Indonesia');
    assert.equal(trimIsbd('Hirata, A.'), 'Hirata, A.', 'an initial keeps its stop');
    assert.equal(trimIsbd('Soekarno, Jr.'), 'Soekarno, Jr.');
    assert.equal(trimIsbd('USA.'), 'USA.', 'three capitals may be an abbreviation');
    assert.equal(trimIsbd('UNESCO.'), 'UNESCO');
    assert.equal(trimIsbd('Kamus (lengkap).'), 'Kamus (lengkap)');
    assert.equal(trimIsbd('Pendidikán.'), 'Pendidikán');
    assert.equal(trimIsbd(' / '), undefined);
    assert.equal(trimIsbd('a ; b ;'), 'a ; b');
  });
});
