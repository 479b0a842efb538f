// The benchmark's searches: what people type into a catalogue search box, three characters or more,
// weighted towards the hard cases (common words and short prefixes match a large part of the catalogue).
// Deterministic: the same list every run, built from the generated catalogue's vocabulary.

/** [query string (without leading ?), kind] */
export const benchQueries = [
  // Common words, alone (each matches several percent of the catalogue).
  ['q=sejarah', 'common word'],
  ['q=kelas', 'common word'],
  ['q=matematika', 'common word'],
  ['q=cerita', 'common word'],
  ['q=bahasa', 'common word'],
  ['q=pendidikan', 'common word'],
  ['q=the', 'common word'],
  ['q=untuk', 'common word'],
  ['q=indonesia', 'common word'],
  ['q=fiqih', 'common word'],
  ['q=budidaya', 'common word'],
  ['q=introduction', 'common word'],
  // Short prefixes, as the last word typed so far.
  ['q=sej', 'prefix'],
  ['q=pen', 'prefix'],
  ['q=mat', 'prefix'],
  ['q=kum', 'prefix'],
  ['q=ten', 'prefix'],
  ['q=ber', 'prefix'],
  ['q=han', 'prefix'],
  ['q=kal', 'prefix'],
  ['q=sant', 'prefix'],
  ['q=hid', 'prefix'],
  // Two or three words, the last one being typed.
  ['q=sejarah%20kal', 'phrase + prefix'],
  ['q=matematika%20kelas%20x', 'phrase + prefix'],
  ['q=cerita%20rakyat%20ka', 'phrase + prefix'],
  ['q=budidaya%20ika', 'phrase + prefix'],
  ['q=kamus%20ing', 'phrase + prefix'],
  ['q=tafsir%20sur', 'phrase + prefix'],
  ['q=hujan%20di%20mah', 'phrase + prefix'],
  ['q=handbook%20of%20che', 'phrase + prefix'],
  // Two or three common words together (each alone matches thousands).
  ['q=sejarah%20indonesia', 'common words'],
  ['q=pendidikan%20agama%20islam', 'common words'],
  ['q=bahasa%20indonesia%20untuk', 'common words'],
  // Authors and rare words.
  ['q=santoso', 'author'],
  ['q=lestari%20dewi', 'author'],
  ['q=hirata', 'author'],
  ['author=wijaya', 'author'],
  ['q=orangutan', 'rare word'],
  ['q=pesut%20mahakam', 'rare word'],
  ['q=kompresor', 'rare word'],
  ['q=laskar%20pelangi', 'rare word'],
  // With filters, facets and sorts.
  ['q=sejarah&format=book&available=true', 'filtered'],
  ['q=pen&library_kind=school', 'filtered'],
  ['q=matematika&theme=500&year_from=2010', 'filtered'],
  ['q=kimia&sort=-year', 'filtered'],
  ['q=cerita&library=dispusip-bontang&available=true', 'filtered'],
  ['q=the&language=eng&sort=title', 'filtered'],
];
