import { isUtf8 } from 'node:buffer';
import type { DataField, MarcRead, MarcRecord } from './marc.js';
import { FileFormatError, firstInvalidUtf8, notUtf8Hint } from './problems.js';

const RECORD_END = 0x1d;
const FIELD_END = 0x1e;
const SUBFIELD_START = 0x1f;
/** The leader holds the record length in five digits. */
const MAX_RECORD_BYTES = 99_999;

const isBlank = (bytes: Uint8Array) => bytes.every((byte) => byte === 0x0a || byte === 0x0d || byte === 0x20);

/**
 * Reads ISO 2709 (MARC21 "binary", .mrc) as it streams in. Records are framed by their terminator (1D)
 * rather than by the leader's length, which exporters often get wrong for UTF-8; a broken record is reported
 * and the next one is read.
 */
export async function* readIso2709(source: AsyncIterable<Uint8Array>): AsyncGenerator<MarcRead> {
  let pending: Buffer = Buffer.alloc(0);
  let number = 0;
  let overflowing = false;
  for await (const chunk of source) {
    const buffer = pending.length
      ? Buffer.concat([pending, chunk])
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let end = buffer.indexOf(RECORD_END, start); end >= 0; end = buffer.indexOf(RECORD_END, start)) {
      let from = start;
      // Some exporters put a line break between records.
      while (from < end && (buffer[from] === 0x0a || buffer[from] === 0x0d || buffer[from] === 0x20)) from++;
      const bytes = buffer.subarray(from, end + 1);
      start = end + 1;
      if (overflowing) {
        overflowing = false;
        continue;
      }
      if (bytes.length === 1) continue;
      yield parseRecord(bytes, ++number);
    }
    pending = buffer.subarray(start);
    if (!overflowing && pending.length > MAX_RECORD_BYTES) {
      // No terminator where one must be: report this record, skip to the next terminator.
      overflowing = true;
      yield {
        number: ++number,
        error: `No record terminator (1D) within ${MAX_RECORD_BYTES} bytes: the record is broken.`,
      };
    }
    if (overflowing) pending = Buffer.alloc(0);
  }
  if (!overflowing && !isBlank(pending)) {
    if (number === 0 && !/^\s*\d{5}/.test(pending.toString('latin1', 0, 12))) {
      throw new FileFormatError(
        1,
        'The file is not ISO 2709 (MARC21 binary): it does not start with a record length, and holds no record terminator (1D).',
      );
    }
    const announced = Number(pending.toString('latin1', 0, 5));
    const told = Number.isInteger(announced) && announced > 0 ? `; its leader announces ${announced} bytes` : '';
    throw new FileFormatError(
      number + 1,
      `The file ends inside record ${number + 1}: ${pending.length} bytes without a record terminator (1D)${told}. ` +
        'The file was probably cut short: export it again.',
    );
  }
}

const digits = (bytes: Buffer, from: number, length: number) => {
  const text = bytes.toString('latin1', from, from + length);
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
};

function parseRecord(bytes: Buffer, number: number): MarcRead {
  const broken = (error: string) => ({ number, error });
  if (bytes.length < 26)
    return broken(`The record is ${bytes.length} bytes long: too short for a leader and a directory.`);
  const leader = bytes.toString('latin1', 0, 24);
  if (Number.isNaN(digits(bytes, 0, 5)))
    return broken(`The record does not start with a MARC leader ("${leader.slice(0, 5)}" is not a length).`);
  const base = digits(bytes, 12, 5);
  if (Number.isNaN(base) || base < 25 || base > bytes.length) {
    return broken(`The leader's base address of data ("${leader.slice(12, 17)}") does not point inside the record.`);
  }
  if (!isUtf8(bytes)) {
    const offset = firstInvalidUtf8(bytes);
    return broken(
      leader[9] === 'a'
        ? `The record says it is UTF-8 (leader/09 = a) but byte ${offset} is not valid UTF-8. ${notUtf8Hint}`
        : `The record is MARC-8 (leader/09 blank) with characters outside ASCII, which this importer does not convert. ${notUtf8Hint}`,
    );
  }
  const directoryEnd = bytes.indexOf(FIELD_END, 24);
  if (directoryEnd < 0 || directoryEnd >= base || (directoryEnd - 24) % 12 !== 0) {
    return broken('The directory is broken: it is not a whole number of 12-byte entries ending in a field terminator.');
  }
  const entries: { tag: string; length: number; start: number }[] = [];
  for (let at = 24; at < directoryEnd; at += 12) {
    entries.push({
      tag: bytes.toString('latin1', at, at + 3),
      length: digits(bytes, at + 3, 4),
      start: digits(bytes, at + 7, 5),
    });
  }
  // Trust the directory's offsets when every field ends where it says; otherwise (lengths counted in
  // characters instead of bytes, a common exporter bug) cut the data at the field terminators, in order.
  const offsetsHold = entries.every(
    (entry) =>
      entry.length > 0 &&
      base + entry.start + entry.length <= bytes.length &&
      bytes[base + entry.start + entry.length - 1] === FIELD_END,
  );
  const slices: Buffer[] = [];
  if (offsetsHold) {
    for (const entry of entries) slices.push(bytes.subarray(base + entry.start, base + entry.start + entry.length - 1));
  } else {
    let from = base;
    for (
      let to = bytes.indexOf(FIELD_END, from);
      to >= 0 && to < bytes.length - 1;
      to = bytes.indexOf(FIELD_END, from)
    ) {
      slices.push(bytes.subarray(from, to));
      from = to + 1;
    }
    if (slices.length !== entries.length) {
      return broken(`The directory lists ${entries.length} fields but the data holds ${slices.length}.`);
    }
  }

  const record: MarcRecord = { leader, controlFields: [], dataFields: [] };
  entries.forEach((entry, i) => {
    const data = slices[i]!;
    if (entry.tag.startsWith('00')) {
      record.controlFields.push({ tag: entry.tag, value: data.toString('utf8') });
      return;
    }
    const field: DataField = {
      tag: entry.tag,
      ind1: String.fromCharCode(data[0] ?? 32),
      ind2: String.fromCharCode(data[1] ?? 32),
      subfields: [],
    };
    let at = data.indexOf(SUBFIELD_START, 2);
    while (at >= 0 && at < data.length) {
      const next = data.indexOf(SUBFIELD_START, at + 1);
      const end = next < 0 ? data.length : next;
      if (end > at + 1)
        field.subfields.push({ code: String.fromCharCode(data[at + 1]!), value: data.toString('utf8', at + 2, end) });
      at = next;
    }
    record.dataFields.push(field);
  });
  return { number, record };
}
