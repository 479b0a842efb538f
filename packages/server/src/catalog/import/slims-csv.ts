import { isUtf8 } from 'node:buffer';
import { defaultRecordLimits } from './limits.js';
import { FileFormatError, notUtf8Hint } from './problems.js';

/** The columns of SLiMS' bibliographic export (admin/modules/bibliography/export.php), in its order. */
export const slimsColumns = [
  'title',
  'gmd_name',
  'edition',
  'isbn_issn',
  'publisher_name',
  'publish_year',
  'collation',
  'series_title',
  'call_number',
  'language_name',
  'place_name',
  'classification',
  'notes',
  'image',
  'sor',
  'authors',
  'topics',
  'item_code',
] as const;
export type SlimsColumn = (typeof slimsColumns)[number];

export type CsvRead =
  | { number: number; line: number; values: Partial<Record<SlimsColumn, string>> }
  | { number: number; line: number; error: string; column?: string };

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const separators = [0x2c, 0x3b, 0x09, 0x7c]; // , ; tab |

/** The separator SLiMS was told to use: the one that occurs most in the first line, outside quotes. */
function detectSeparator(bytes: Uint8Array): number {
  const counts = new Map<number, number>();
  let quoted = false;
  for (const byte of bytes) {
    if (byte === QUOTE) quoted = !quoted;
    else if (!quoted && (byte === LF || byte === CR)) break;
    else if (!quoted && separators.includes(byte)) counts.set(byte, (counts.get(byte) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0x2c;
}

const enum State {
  CellStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted value: a second quote, a separator or a line end decides what it was. */
  QuoteInQuoted,
  /** A row longer than the limit: its bytes are let go up to the next line end. */
  SkippingRow,
}

/** A row of cells, or a row that was too long to read (its first line, and what was wrong). */
type CsvRow = { cells: Buffer[]; line: number } | { tooLong: string; line: number };

/**
 * Splits CSV into rows of cells (as bytes), as it streams in. Forgiving the way SLiMS files need: SLiMS writes
 * a quote inside a value without doubling it, so a quote closes a value only before a separator or a line
 * end; doubled quotes ("") are read as one; CR, LF and CRLF all end a row.
 *
 * A row is collected in one buffer of `maxRowBytes`, and its cells are slices of it (valid until the next row
 * is asked for). A longer row is skipped up to the next line end, quotes or not: one quote that is never
 * closed would otherwise make the rest of the file one value (issue 11: 60 MB of it took 1.6 GB as a
 * number[] per byte, 140 MB killed the process).
 */
async function* csvRows(source: AsyncIterable<Uint8Array>, maxRowBytes: number): AsyncGenerator<CsvRow> {
  let separator = 0x2c;
  let state = State.CellStart;
  const row = Buffer.allocUnsafe(maxRowBytes);
  let rowLength = 0;
  let cellStart = 0;
  let cells: Buffer[] = [];
  let line = 1;
  let rowLine = 1;
  let afterCr = false;
  const endCell = () => {
    cells.push(row.subarray(cellStart, rowLength));
    cellStart = rowLength;
    state = State.CellStart;
  };
  const startRow = () => {
    cells = [];
    rowLength = 0;
    cellStart = 0;
    rowLine = line;
    state = State.CellStart;
  };
  const tooLong = (): CsvRow => ({
    tooLong:
      `The row is longer than ${maxRowBytes} bytes` +
      (state === State.Quoted || state === State.QuoteInQuoted
        ? ', inside a quoted value (probably a quote that is never closed)'
        : '') +
      '; it was skipped up to the next line end.',
    line: rowLine,
  });
  let start: Buffer | undefined = Buffer.alloc(0);
  for await (const piece of source) {
    let chunk = piece;
    if (start) {
      // The separator is read from the whole first line: wait until it is in.
      start = Buffer.concat([start, piece]);
      if (start.indexOf(LF) < 0 && start.indexOf(CR) < 0 && start.length < 65536) continue;
      separator = detectSeparator(start);
      chunk = start;
      start = undefined;
    }
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      const wasAfterCr = afterCr;
      afterCr = false;
      if (state === State.SkippingRow) {
        if (byte === CR || byte === LF) {
          afterCr = byte === CR;
          line++;
          startRow();
        }
        continue;
      }
      // Two bytes at most are kept per byte read (a quote that turned out to be part of the value, and it).
      if (rowLength + 2 > maxRowBytes) {
        yield tooLong();
        state = State.SkippingRow;
        i--; // this byte may be the line end
        continue;
      }
      if (state === State.QuoteInQuoted) {
        if (byte === QUOTE) {
          row[rowLength++] = QUOTE;
          state = State.Quoted;
          continue;
        }
        if (byte !== separator && byte !== CR && byte !== LF) {
          row[rowLength++] = QUOTE;
          row[rowLength++] = byte;
          state = State.Quoted;
          continue;
        }
        state = State.Unquoted; // the quote closed the value; the byte is read below
      }
      if (state === State.Quoted) {
        if (byte === QUOTE) state = State.QuoteInQuoted;
        else {
          if (byte === LF) line++;
          row[rowLength++] = byte;
        }
        continue;
      }
      if (byte === QUOTE && state === State.CellStart) state = State.Quoted;
      else if (byte === separator) endCell();
      else if (byte === CR || byte === LF) {
        if (byte === LF && wasAfterCr) continue;
        afterCr = byte === CR;
        line++;
        endCell();
        yield { cells, line: rowLine };
        startRow();
      } else {
        row[rowLength++] = byte;
        state = State.Unquoted;
      }
    }
  }
  if (start?.length) {
    // A file of one line without a line end.
    yield* csvRows(
      (async function* () {
        yield Buffer.concat([start, Buffer.from('\n')]);
      })(),
      maxRowBytes,
    );
    return;
  }
  if (state === State.Quoted) {
    throw new FileFormatError(
      -1,
      `A quoted value that starts on line ${rowLine} is never closed: the file ends inside it.`,
    );
  }
  if (state !== State.SkippingRow && (rowLength || cells.length)) {
    endCell();
    yield { cells, line: rowLine };
  }
}

const isEmptyRow = (cells: Buffer[]) => cells.every((cell) => cell.every((byte) => byte === 0x20 || byte === 0x09));

/**
 * Reads a SLiMS bibliographic CSV export. The header row is optional (SLiMS asks); when there, columns are
 * taken by name, so files re-ordered in a spreadsheet still read. Each value must be UTF-8: a row with bytes
 * that are not is skipped with the column named, and the rest of the file is read.
 */
export async function* readSlimsCsv(
  source: AsyncIterable<Uint8Array>,
  maxRowBytes = defaultRecordLimits.rowBytes,
): AsyncGenerator<CsvRead> {
  let columns: (SlimsColumn | undefined)[] | undefined;
  let number = 0;
  try {
    for await (const read of csvRows(source, maxRowBytes)) {
      if ('tooLong' in read) {
        yield { number: ++number, line: read.line, error: read.tooLong };
        continue;
      }
      const { cells, line } = read;
      if (isEmptyRow(cells)) continue;
      if (!columns) {
        const names = cells.map((cell) =>
          cell
            .toString('utf8')
            .replace(/^\uFEFF/, '')
            .trim()
            .toLowerCase(),
        );
        const isHeader = names.includes('title');
        columns = isHeader
          ? names.map((name) =>
              (slimsColumns as readonly string[]).includes(name) ? (name as SlimsColumn) : undefined,
            )
          : [...slimsColumns];
        if (isHeader) continue;
      }
      number++;
      // SLiMS ends its header with a separator, so trailing empty cells do not count; more values than
      // columns means a value was cut in two (SLiMS does not escape quotes) and the row cannot be trusted.
      let filled = cells.length;
      while (filled > 0 && cells[filled - 1]!.length === 0) filled--;
      const lastNamed = columns.length - [...columns].reverse().findIndex((column) => column !== undefined);
      if (filled > lastNamed) {
        yield {
          number,
          line,
          error: `The row has ${filled} values where the file has ${lastNamed} columns: a quote or separator inside a value split it.`,
        };
        continue;
      }
      const values: Partial<Record<SlimsColumn, string>> = {};
      let badColumn: string | undefined;
      cells.forEach((cell, i) => {
        const column = columns![i];
        if (!column) return;
        if (!isUtf8(cell)) badColumn ??= column;
        else values[column] = cell.toString('utf8').trim();
      });
      if (badColumn) {
        yield {
          number,
          line,
          column: badColumn,
          error: `The value of "${badColumn}" is not valid UTF-8. ${notUtf8Hint}`,
        };
        continue;
      }
      yield { number, line, values };
    }
  } catch (error) {
    if (error instanceof FileFormatError && error.record < 0) throw new FileFormatError(number + 1, error.message);
    throw error;
  }
  if (number === 0) throw new FileFormatError(1, 'The file holds no row of catalogue data.');
}
