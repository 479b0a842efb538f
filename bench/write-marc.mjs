// Writes N generated works as one library's export file, to benchmark imports:
//   node --conditions=development --import tsx bench/write-marc.mjs COUNT iso2709|marcxml|slims-csv FILE
// The works come from the catalogue generator (the city library's share), with Koha items (952) for copies.
import { Buffer } from 'node:buffer';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { demoLibraries } from '@pustaka/server';
import { generateCatalog } from '../packages/server/src/seed/catalog-generator.ts';

const [countText, format, file] = process.argv.slice(2);
const count = Number(countText);
const FIELD_END = '\x1e';
const SUBFIELD = '\x1f';

function isoRecord(n, record, copies) {
  const fields = [
    ['001', `BENCH${n}`],
    ['008', `261125s${record.year ?? '    '}    io            000 0 ${record.language ?? 'ind'} d`],
    ...record.isbns.map((isbn) => ['020', `  ${SUBFIELD}a${isbn}`]),
    ['041', `0 ${SUBFIELD}a${record.language ?? 'ind'}`],
    ['082', `04${SUBFIELD}a${record.classification}`],
    ...(record.authors[0] ? [['100', `1 ${SUBFIELD}a${record.authors[0]}`]] : []),
    ['245', `10${SUBFIELD}a${record.title}`],
    ['264', ` 1${SUBFIELD}a${record.place} :${SUBFIELD}b${record.publisher},${SUBFIELD}c${record.year}.`],
    ...(record.collation ? [['300', `  ${SUBFIELD}a${record.collation}`]] : []),
    ...record.subjects.map((subject) => ['650', ` 4${SUBFIELD}a${subject}`]),
    ...record.authors.slice(1).map((author) => ['700', `1 ${SUBFIELD}a${author}`]),
    ...copies.map((copy) => [
      '952',
      `  ${SUBFIELD}c${copy.location}${SUBFIELD}o${copy.callNumber}${SUBFIELD}p${copy.itemCode}` +
        (copy.dueDate ? `${SUBFIELD}q${copy.dueDate}` : '') +
        (copy.status === 'reference_only' ? `${SUBFIELD}71` : ''),
    ]),
  ];
  let directory = '';
  const data = [];
  let offset = 0;
  for (const [tag, value] of fields) {
    const bytes = Buffer.from(value + FIELD_END, 'utf8');
    directory += tag + String(bytes.length).padStart(4, '0') + String(offset).padStart(5, '0');
    data.push(bytes);
    offset += bytes.length;
  }
  const base = 24 + directory.length + 1;
  const length = base + offset + 1;
  const leader = `${String(length).padStart(5, '0')}nam a22${String(base).padStart(5, '0')}   4500`;
  return Buffer.concat([Buffer.from(leader + directory + FIELD_END, 'latin1'), ...data, Buffer.from('\x1d', 'latin1')]);
}

const xml = (text) =>
  String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function xmlRecord(n, record, copies) {
  const field = (tag, ind, subfields) =>
    `<datafield tag="${tag}" ind1="${ind[0]}" ind2="${ind[1]}">${subfields.map(([code, value]) => `<subfield code="${code}">${xml(value)}</subfield>`).join('')}</datafield>`;
  return (
    `<record><leader>00000nam a2200000   4500</leader><controlfield tag="001">BENCH${n}</controlfield>` +
    record.isbns.map((isbn) => field('020', '  ', [['a', isbn]])).join('') +
    field('041', '0 ', [['a', record.language ?? 'ind']]) +
    field('082', '04', [['a', record.classification]]) +
    (record.authors[0] ? field('100', '1 ', [['a', record.authors[0]]]) : '') +
    field('245', '10', [['a', record.title]]) +
    field('264', ' 1', [
      ['a', `${record.place} :`],
      ['b', `${record.publisher},`],
      ['c', `${record.year}.`],
    ]) +
    record.subjects.map((subject) => field('650', ' 4', [['a', subject]])).join('') +
    record.authors
      .slice(1)
      .map((author) => field('700', '1 ', [['a', author]]))
      .join('') +
    copies
      .map((copy) =>
        field('952', '  ', [
          ['c', copy.location],
          ['o', copy.callNumber],
          ['p', copy.itemCode],
          ...(copy.dueDate ? [['q', copy.dueDate]] : []),
        ]),
      )
      .join('') +
    '</record>\n'
  );
}

const csv = (value) => `"${String(value ?? '').replace(/"/g, '""')}"`;
function csvRecord(_n, record, copies) {
  return (
    [
      record.title,
      'Text',
      '',
      record.isbns[0] ?? '',
      record.publisher,
      record.year,
      record.collation,
      '',
      copies[0]?.callNumber,
      record.language === 'eng' ? 'English' : 'Indonesia',
      record.place,
      record.classification,
      '',
      '',
      '',
      record.authors.map((author) => `<${author}>`).join(''),
      record.subjects.map((subject) => `<${subject}>`).join(''),
      copies.map((copy) => `<${copy.itemCode}>`).join(''),
    ]
      .map(csv)
      .join(',') + '\n'
  );
}

const writers = { iso2709: isoRecord, marcxml: xmlRecord, 'slims-csv': csvRecord };
const write = writers[format];
if (!Number.isInteger(count) || !write || !file) {
  console.error('usage: write-marc.mjs COUNT iso2709|marcxml|slims-csv FILE');
  process.exit(2);
}
const out = createWriteStream(file);
const put = async (chunk) => {
  if (!out.write(chunk)) await once(out, 'drain');
};
if (format === 'marcxml')
  await put('<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n');
if (format === 'slims-csv')
  await put(
    'title,gmd_name,edition,isbn_issn,publisher_name,publish_year,collation,series_title,call_number,language_name,place_name,classification,notes,image,sor,authors,topics,item_code\n',
  );
// One library's catalogue: every work of the generated network, with the copies the city library would have.
const city = demoLibraries.filter((library) => library.id === 'dispusip-bontang');
let n = 0;
for (const holdings of generateCatalog({ count, libraries: city, seed: 7, today: '2026-11-25' })) {
  const holding = holdings[0];
  await put(write(++n, holding.record, holding.copies));
}
if (format === 'marcxml') await put('</collection>\n');
out.end();
await once(out, 'finish');
