// Parse-only speed of the MARC readers considered, on the same records (run with tsx):
//   node --conditions=development --import tsx bench/parsers.mjs FILE.mrc FILE.xml
// Prints JSON: records per second for each reader. natlibfi's readers are slow, so they read the first
// 300 records only.
import { createReadStream, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { ISO2709, MARCXML } from '@natlibfi/marc-record-serializers';
import { readIso2709 } from '../packages/server/src/catalog/import/iso2709.ts';
import { readMarcXml } from '../packages/server/src/catalog/import/marcxml.ts';

const [isoFile, xmlFile] = process.argv.slice(2);

async function ours(reader, file) {
  const started = performance.now();
  let count = 0;
  for await (const read of reader(createReadStream(file, { highWaterMark: 256 * 1024 }))) if (read) count++;
  return { records: count, perSecond: Math.round(count / ((performance.now() - started) / 1000)) };
}

/** The first `limit` records of a file, for natlibfi's readers. */
function head(file, limit, separator) {
  const text = readFileSync(file, 'utf8');
  let at = 0;
  for (let i = 0; i < limit; i++) at = text.indexOf(separator, at) + separator.length;
  return text.slice(0, at);
}

function natlibfiIso(text) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let count = 0;
    ISO2709.reader(Readable.from([text]), { subfieldValues: false })
      .on('data', () => count++)
      .on('end', () =>
        resolve({ records: count, perSecond: Math.round(count / ((performance.now() - started) / 1000)) }),
      )
      .on('error', reject);
  });
}

/** natlibfi's MARCXML reader emits records after its 'end' event (it awaits each one): call `from` instead. */
async function natlibfiXml(text) {
  const records = text.match(/<record[\s\S]*?<\/record>/g) ?? [];
  const started = performance.now();
  for (const record of records) await MARCXML.from(record, { subfieldValues: false });
  return { records: records.length, perSecond: Math.round(records.length / ((performance.now() - started) / 1000)) };
}

const xmlHead = head(xmlFile, 300, '</record>\n') + '</collection>\n';
console.log(
  JSON.stringify({
    ours: { iso2709: await ours(readIso2709, isoFile), marcxml: await ours(readMarcXml, xmlFile) },
    natlibfi: { iso2709: await natlibfiIso(head(isoFile, 300, '\x1d')), marcxml: await natlibfiXml(xmlHead) },
  }),
);
