import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ImportFormat, ImportProblem, ImportReport, LibraryHolding } from '../model.js';
import type { CatalogStore } from '../store.js';
import { readIso2709 } from './iso2709.js';
import type { Mapped } from './mapped.js';
import { mapMarcRecord } from './marc-mapping.js';
import { readMarcXml } from './marcxml.js';
import { checkCsvValues, checkMarcRecord, recordLimits, type RecordLimits } from './limits.js';
import { FileFormatError } from './problems.js';
import { StorageFailure, storageFailureOf, type StorageFailureKind } from './storage-failure.js';
import { mapSlimsRow } from './slims-mapping.js';
import { readSlimsCsv } from './slims-csv.js';

export interface ImportProgress {
  /** Bytes of the file read so far. */
  bytes: number;
  /** Records read so far. */
  records: number;
}

export interface ImportOptions {
  catalog: CatalogStore;
  libraryId: string;
  format: ImportFormat;
  /** The file, in chunks (a file stream, or a request body cut in pieces). */
  source: AsyncIterable<Uint8Array>;
  onProgress?: (progress: ImportProgress) => void;
  /** Every problem, as it happens (the report keeps the first `problemLimit`). */
  onProblem?: (problem: ImportProblem) => void;
  /** Records per transaction at most (the server answers other requests between two). */
  batchSize?: number;
  /**
   * About how long one write transaction may take, in ms: batches shrink to what the last ones show fits
   * (default 5, for a server answering searches on the same thread). `Infinity` for a process that answers
   * nothing else (the CLI), where larger transactions are faster.
   */
  writeMs?: number;
  /** Characters per transaction at most (default 250,000). */
  batchChars?: number;
  problemLimit?: number;
  /** Size limits of one record (catalog/import/limits.ts). */
  limits?: Partial<RecordLimits>;
}

type Read = { number: number; mapped: Mapped; chars: number } | { number: number; error: string; field?: string };

/** Every format as one stream of numbered, mapped records; a record over a size limit is never mapped. */
async function* mappedRecords(
  format: ImportFormat,
  source: AsyncIterable<Uint8Array>,
  libraryId: string,
  limits: RecordLimits,
): AsyncGenerator<Read> {
  if (format === 'slims-csv') {
    for await (const row of readSlimsCsv(source, limits.rowBytes)) {
      if ('error' in row) {
        yield { number: row.number, error: `Line ${row.line}: ${row.error}`, ...(row.column && { field: row.column }) };
        continue;
      }
      const size = checkCsvValues(row.values, limits);
      if ('reason' in size) yield { number: row.number, error: `Line ${row.line}: ${size.reason}`, field: size.field };
      else yield { number: row.number, mapped: mapSlimsRow(row.values, libraryId), chars: size.chars };
    }
    return;
  }
  const reader = format === 'marcxml' ? readMarcXml(source, limits) : readIso2709(source);
  for await (const read of reader) {
    if ('error' in read) {
      yield read;
      continue;
    }
    const size = checkMarcRecord(read.record, limits);
    if ('reason' in size) {
      yield { number: read.number, error: size.reason, ...(size.field && { field: size.field }) };
      continue;
    }
    const mapped = mapMarcRecord(read.record, libraryId);
    for (const note of read.notes ?? []) mapped.ignored.push({ reason: note });
    yield { number: read.number, mapped, chars: size.chars };
  }
}

/**
 * How long an import works at most before it lets the server answer other requests. Reading a file that is
 * already in memory or in the page cache never waits on its own, so without this the reading and mapping of
 * a whole batch would run in one stretch. A search needs a few turns of the event loop (its request read,
 * its answer written), each of which may wait for one slice: measured with 10 ms slices and 100-record
 * transactions (about 50 ms each), search p95 went from 20 ms to 1.2 s during a 100k import.
 */
const sliceMs = 5;
/** Write time per transaction by default (see ImportOptions.writeMs); measured ~0.35 ms per record here. */
const defaultWriteMs = 5;
/** Characters per transaction by default: 100 records of the largest size would be one write of a second. */
const defaultBatchChars = 250_000;

async function* counted(source: AsyncIterable<Uint8Array>, progress: ImportProgress) {
  for await (const chunk of source) {
    progress.bytes += chunk.byteLength;
    yield chunk;
  }
}

/**
 * Imports one library's catalogue file: reads it as it streams (memory stays flat for a 1M-record file),
 * maps every record, and writes them in batches of one transaction each, letting the server answer other
 * requests between batches. A record that cannot be read or mapped is reported and skipped; a file that
 * breaks off keeps what was read before. The CLI and POST /v1/catalog/imports both call this.
 */
export async function importCatalogFile(options: ImportOptions): Promise<ImportReport> {
  const { catalog, libraryId, format } = options;
  const batchSize = options.batchSize ?? 100;
  const problemLimit = options.problemLimit ?? 1000;
  const limits = recordLimits(options.limits);
  const batchChars = options.batchChars ?? defaultBatchChars;
  const writeMs = options.writeMs ?? defaultWriteMs;
  /** Records of the next transaction: from the cost per record of the last ones, within `batchSize`. */
  let recordsPerWrite = Number.isFinite(writeMs) ? Math.min(batchSize, 10) : batchSize;
  let msPerRecord: number | undefined;
  const report: ImportReport = {
    id: `imp_${randomBytes(8).toString('hex')}`,
    library_id: libraryId,
    format,
    complete: true,
    received: 0,
    created: 0,
    updated: 0,
    skipped: 0,
    problems: [],
  };
  const progress: ImportProgress = { bytes: 0, records: 0 };
  const problem = (entry: ImportProblem) => {
    options.onProblem?.(entry);
    if (report.problems.length < problemLimit) report.problems.push(entry);
    else report.problems_omitted = (report.problems_omitted ?? 0) + 1;
  };

  let batch: { number: number; holding: LibraryHolding }[] = [];
  let charsInBatch = 0;
  /** Stops the run: the records of the batch in hand were not saved, what came before was. */
  const storageStop = (kind: StorageFailureKind, message: string) => {
    report.complete = false;
    report.skipped += batch.length;
    problem({
      record: batch[0]?.number ?? Math.max(report.received, 1),
      outcome: 'file_stopped',
      reason:
        kind === 'full'
          ? `The server's storage is full (${message}): nothing from this record on was saved. Import the file again once there is room.`
          : `The server's database cannot be written (${message}): nothing from this record on was saved. Import the file again later.`,
    });
    batch = [];
    return new StorageFailure(kind, report, message);
  };
  const storageGuarded = async <T>(write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } catch (error) {
      const kind = storageFailureOf(error);
      if (kind) throw storageStop(kind, (error as Error).message);
      throw error;
    }
  };
  let sliceStart = performance.now();
  const run = await storageGuarded(() => catalog.beginRun());
  const writeBatch = async () => {
    if (!batch.length) return;
    charsInBatch = 0;
    // A storage failure (disk full, I/O error, read-only) is thrown with SQLite's code: it stops the run.
    const writeStart = performance.now();
    const outcomes = await storageGuarded(() => run.saveBatch(batch.map(({ holding }) => holding)));
    if (Number.isFinite(writeMs)) {
      // Smoothed, so that one FTS5 segment merge (a write ten times the usual) does not shrink every batch.
      const cost = (performance.now() - writeStart) / batch.length;
      msPerRecord = msPerRecord === undefined ? cost : 0.8 * msPerRecord + 0.2 * cost;
      recordsPerWrite = Math.max(1, Math.min(batchSize, Math.floor(writeMs / msPerRecord)));
    }
    outcomes.forEach((outcome, i) => {
      if (typeof outcome === 'string') return void report[outcome]++;
      report.skipped++;
      problem({
        record: batch[i]!.number,
        outcome: 'record_skipped',
        reason: `The record could not be saved: ${outcome.refused}`,
      });
    });
    batch = [];
    progress.records = report.received;
    options.onProgress?.({ ...progress });
    // Let the server answer searches between batches (a Buffer source never waits on its own).
    await yieldToEventLoop();
    sliceStart = performance.now();
  };

  try {
    for await (const read of mappedRecords(format, counted(options.source, progress), libraryId, limits)) {
      report.received++;
      if (performance.now() - sliceStart > sliceMs) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
      if ('error' in read) {
        report.skipped++;
        problem({
          record: read.number,
          ...(read.field && { field: read.field }),
          outcome: 'record_skipped',
          reason: read.error,
        });
        continue;
      }
      const { holding, skipped, ignored } = read.mapped;
      for (const entry of ignored)
        problem({
          record: read.number,
          ...(entry.field && { field: entry.field }),
          outcome: 'value_ignored',
          reason: entry.reason,
        });
      if (!holding) {
        report.skipped++;
        problem({
          record: read.number,
          ...(skipped?.field && { field: skipped.field }),
          outcome: 'record_skipped',
          reason: skipped?.reason ?? 'The record could not be mapped.',
        });
        continue;
      }
      batch.push({ number: read.number, holding });
      charsInBatch += read.chars;
      if (batch.length >= recordsPerWrite || charsInBatch >= batchChars) await writeBatch();
    }
  } catch (error) {
    if (!(error instanceof FileFormatError)) throw error;
    report.complete = false;
    problem({ record: Math.max(error.record, 1), outcome: 'file_stopped', reason: error.message });
  }
  await writeBatch();
  progress.records = report.received;
  options.onProgress?.({ ...progress });
  return report;
}
