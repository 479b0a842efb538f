import { expect } from '@open-wc/testing';
import { activeFilterCount, noFilters, readUrl, searchParams, writeUrl } from '../src/search-state.js';
import { classify, label } from '../src/vocabulary.js';

describe('search state', () => {
  it('asks only for what is set', () => {
    const filters = { ...noFilters(), format: ['book' as const], year_to: 2010, available: false };
    expect(searchParams('  laskar ', filters, 2, 10)).to.deep.equal({
      q: 'laskar',
      page: 2,
      per_page: 10,
      format: ['book'],
      year_from: undefined,
      year_to: 2010,
    });
    expect(searchParams('', noFilters(), 1, 10).q).to.equal(undefined);
    expect(activeFilterCount(filters)).to.equal(2);
  });

  it('writes a shareable URL beside the page’s own parameters and reads it back', () => {
    const filters = {
      ...noFilters(),
      theme: ['200' as const, '800' as const],
      library: ['sman-1-bontang'],
      available: true,
    };
    const href = writeUrl('https://sekolah.example/katalog/?p=12&pustaka-q=lama#atas', {
      query: 'fiqih sunnah',
      filters,
      record: 'rec_1',
    });
    const url = new URL(href);
    expect(url.searchParams.get('p')).to.equal('12');
    expect(url.hash).to.equal('#atas');
    expect(url.searchParams.getAll('pustaka-q')).to.deep.equal(['fiqih sunnah']);
    expect(readUrl(url.search)).to.deep.equal({
      query: 'fiqih sunnah',
      filters: { ...filters, year_from: undefined, year_to: undefined },
      record: 'rec_1',
    });
  });

  it('drops from a shared link what the API would refuse', () => {
    const shared = readUrl(
      '?pustaka-format=book&pustaka-format=scroll&pustaka-theme=250&pustaka-language=indonesia&pustaka-year_from=99' +
        '&pustaka-library=../x&pustaka-record=<b>&pustaka-library_kind=public',
    );
    expect(shared.filters.format).to.deep.equal(['book']);
    expect(shared.filters.theme).to.deep.equal([]);
    expect(shared.filters.language).to.deep.equal([]);
    expect(shared.filters.library).to.deep.equal([]);
    expect(shared.filters.library_kind).to.deep.equal(['public']);
    expect(shared.filters.year_from).to.equal(undefined);
    expect(shared.record).to.equal(undefined);
  });
});

describe('vocabulary', () => {
  it('reads DDC main classes and the 2X Islamic notation from classifications and call numbers', () => {
    expect(classify('899.221 3')).to.deep.equal({ theme: '800' });
    expect(classify('2X4.1')).to.deep.equal({ theme: '200', division: '2X4 Fiqh' });
    expect(classify('R 2x1.3 QUR t')).to.deep.equal({ theme: '200', division: "2X1 Al-Qur'an" });
    expect(classify('2 X 9.1')).to.deep.equal({ theme: '200', division: '2X9 Sejarah Islam dan Biografi' });
    expect(classify('F HIR l')).to.equal(undefined);
    expect(classify(undefined)).to.equal(undefined);
  });

  it('names formats, themes and library kinds in both languages', () => {
    expect(label('format', 'serial', 'id')).to.equal('Terbitan Berkala');
    expect(label('format', 'thesis', 'en')).to.equal('Thesis');
    expect(label('theme', '700', 'id')).to.equal('Kesenian & Olahraga');
    expect(label('library_kind', 'reading-corner', 'en')).to.equal('Reading corner');
    expect(label('format', 'scroll', 'id')).to.equal('scroll');
  });
});
