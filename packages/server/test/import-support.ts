import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { coverTrust, demoLibraries, openDatabase, sqliteStores, type Db, type Stores } from '@pustaka/server';
import { importCatalogFile } from '../src/catalog/import/import-file.js';
import type { ImportFormat } from '../src/catalog/model.js';

/** The MARC21 records of @natlibfi/marc-record-serializers, read where npm put them (never copied here). */
export const natlibfiFixtures = join(
  createRequire(import.meta.url).resolve('@natlibfi/marc-record-serializers/package.json'),
  '..',
  'test-fixtures',
);
export const natlibfi = (path: string) => readFileSync(join(natlibfiFixtures, path));

/** A fresh database with the demo libraries and an empty catalogue. */
export async function emptyCatalogue(): Promise<{ db: Db; stores: Stores; close(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'pustaka-import-'));
  const db = openDatabase(join(dir, 'pustaka.sqlite'));
  // The fixtures' covers are on covers.example: trusted here, so the mapping of cover fields is what is tested.
  const stores = sqliteStores(db, { coverTrust: coverTrust(['https://covers.example']) });
  for (const library of demoLibraries) await stores.libraries.upsert(library);
  return {
    db,
    stores,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Imports bytes, cut in small chunks so that records and characters straddle chunk ends as in a stream. */
export function importBytes(
  stores: Stores,
  libraryId: string,
  format: ImportFormat,
  bytes: Buffer | string,
  chunk = 997,
) {
  const data = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'utf8');
  const chunks = [];
  for (let at = 0; at < data.length; at += chunk) chunks.push(data.subarray(at, at + chunk));
  return importCatalogFile({ catalog: stores.catalog, libraryId, format, source: Readable.from(chunks), batchSize: 7 });
}

export const copiesOf = (db: Db, libraryId: string) =>
  db.prepare('SELECT count(*) FROM catalog_copies WHERE library_id = ?').pluck().get(libraryId) as number;
