import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fold, indexWords } from '../src/catalog/text.js';
import { matchExpression } from '../src/catalog/sqlite/match-expression.js';
import { parseIsbn, toIsbn10 } from '../src/catalog/isbn.js';
import { islamicDivisionOf, themeOf } from '../src/catalog/themes.js';
import { formatOfGmd, formatOfMarc } from '../src/catalog/formats.js';
import { languageCode } from '../src/catalog/languages.js';
import { TermList } from '../src/catalog/sqlite/term-list.js';

describe('search text', () => {
  it('folds case and diacritics, also letters Unicode does not decompose', () => {
    assert.equal(fold('Pendidikán ÉKONOMI'), 'pendidikan ekonomi');
    assert.equal(fold('Ørsted Łódź Straße'), 'orsted lodz strasse');
    assert.equal(fold('القُرْآن'), 'القران');
  });

  it('indexes compounds also written together and without their first part', () => {
    assert.deepEqual(indexWords("Tafsir Al-Qur'an"), ['tafsir', 'al', 'qur', 'an', 'alquran', 'quran']);
    assert.deepEqual(indexWords('e-book'), ['e', 'book', 'ebook']);
  });

  it('quotes every typed word and makes the last a prefix', () => {
    assert.equal(matchExpression('Laskar pel'), '"laskar" AND "pel"*');
    // FTS5 syntax typed by a user is searched as words, never obeyed.
    assert.equal(matchExpression('title: NEAR(a b) OR "x'), '"title" AND "near" AND "a" AND "b" AND "or" AND "x"');
    assert.equal(matchExpression('sejarah a'), '"sejarah" AND "a"', 'a one-letter prefix would read most of the index');
    assert.equal(matchExpression(' -- '), undefined);
  });

  it('asks for the words a long prefix stands for, when the vocabulary of this version knows them', () => {
    const terms = new TermList();
    terms.set(7, ['indonesia', 'sejarah', 'indonesian', 'indah', 'indo', 'sejarahnya', 'industri']);
    assert.deepEqual(terms.expand('indo', 7), ['indo', 'indonesia', 'indonesian']);
    assert.equal(terms.expand('indo', 8), undefined, 'a vocabulary of another version may miss words');
    assert.equal(terms.expand('ind', 7), undefined, 'three letters: FTS5 has its own prefix index');
    assert.equal(terms.expand('xyzq', 7), undefined);
    const expand = (prefix: string) => terms.expand(prefix, 7);
    assert.equal(matchExpression('Sejarah indo', { expand }), '"sejarah" AND ("indo" OR "indonesia" OR "indonesian")');
    assert.equal(matchExpression('indo sejarah', { expand }), '"indo" AND ("sejarah" OR "sejarahnya")');
    assert.equal(matchExpression('sejarah xyzq', { expand }), '"sejarah" AND "xyzq"*');
    const many = new TermList();
    many.set(
      1,
      Array.from({ length: 40 }, (_, i) => `buku${i}`),
    );
    assert.equal(many.expand('buku', 1), undefined, 'a prefix of very many words stays a prefix query');
  });
});

describe('ISBN', () => {
  it('reads ISBN-13 and ISBN-10 as catalogues write them, into one ISBN-13', () => {
    assert.deepEqual(parseIsbn('978-979-3062-79-2'), { isbn13: '9789793062792' });
    assert.deepEqual(parseIsbn('979-3062-79-7 (pbk.)'), { isbn13: '9789793062792' });
    assert.deepEqual(parseIsbn('0 8044 2957 X'), { isbn13: '9780804429573' });
    assert.equal(toIsbn10('9789793062792'), '9793062797');
    assert.equal(toIsbn10('9791034567890'), undefined, '979- ISBNs have no ISBN-10');
  });

  it('says why an ISBN is not one', () => {
    assert.match((parseIsbn('978-979-3062-79-1') as { error: string }).error, /check digit/);
    assert.match((parseIsbn('979-3062-79-0') as { error: string }).error, /ISBN-10.*check digit/);
    assert.match((parseIsbn('12345') as { error: string }).error, /does not contain/);
    assert.match((parseIsbn('1234567890123') as { error: string }).error, /neither/);
  });
});

describe('themes', () => {
  it('reads the DDC main class from classifications and call numbers', () => {
    assert.equal(themeOf('899.221 3'), '800');
    assert.equal(themeOf('R 030 ENS e'), '000');
    assert.equal(themeOf('005.133'), '000');
    assert.equal(themeOf(undefined, 'F HIR l', '959.8 SEJ'), '900', 'the first candidate with a class number wins');
    assert.equal(themeOf('F HIR l'), undefined);
    assert.equal(themeOf('1999'), undefined, 'a year is not a class number');
  });

  it('understands the Islamic 2X notation, under 200 Agama', () => {
    assert.equal(themeOf('2X4.1'), '200');
    assert.equal(themeOf('2x1.3 QUR t'), '200');
    assert.equal(themeOf('2 X 9'), '200');
    assert.equal(islamicDivisionOf('2X4.1 SYA f'), '2X4');
    assert.equal(islamicDivisionOf('297.4'), undefined);
  });
});

describe('formats and languages', () => {
  it('maps SLiMS GMD names in English and Indonesian', () => {
    assert.equal(formatOfGmd('Text'), 'book');
    assert.equal(formatOfGmd('Electronic Resource'), 'ebook');
    assert.equal(formatOfGmd('Rekaman Video'), 'video');
    assert.equal(formatOfGmd('Skripsi'), 'thesis');
    assert.equal(formatOfGmd('Peta'), 'map');
    assert.equal(formatOfGmd('Majalah'), 'serial');
    assert.equal(formatOfGmd('Braille'), 'braille');
    assert.equal(formatOfGmd('Hologram'), undefined);
  });

  it('maps the MARC leader, refined by 007, 245 $h and 502', () => {
    const clues = { physical: [], carriers: [], hasDissertationNote: false };
    assert.equal(formatOfMarc({ ...clues, leader: '00000cam a2200000 i 4500' }), 'book');
    assert.equal(formatOfMarc({ ...clues, leader: '00000cas a2200000 i 4500' }), 'serial');
    assert.equal(formatOfMarc({ ...clues, leader: '00000cem a2200000 i 4500' }), 'map');
    assert.equal(formatOfMarc({ ...clues, leader: '00000cjm a2200000 i 4500' }), 'audio');
    assert.equal(formatOfMarc({ ...clues, leader: '00000cgm a2200000 i 4500' }), 'video');
    assert.equal(formatOfMarc({ ...clues, leader: '00000cam a2200000 i 4500', physical: ['c'] }), 'ebook');
    assert.equal(formatOfMarc({ ...clues, leader: '00000cam a2200000 i 4500', physical: ['f'] }), 'braille');
    assert.equal(formatOfMarc({ ...clues, leader: '00000cam a2200000 i 4500', hasDissertationNote: true }), 'thesis');
  });

  it('maps language names as SLiMS libraries type them', () => {
    assert.equal(languageCode('Indonesia'), 'ind');
    assert.equal(languageCode('Bahasa Inggris'), 'eng');
    assert.equal(languageCode('Arab'), 'ara');
    assert.equal(languageCode('fin'), 'fin');
    assert.equal(languageCode('Klingon'), undefined);
  });
});
