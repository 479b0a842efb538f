import type { MarcRecord } from './marc.js';
import type { FieldProblem } from './mapped.js';

/**
 * How large one record of a catalogue file may be. Checked before a record is mapped, so that no one value
 * reaches the mapping, the search index or an answer at any size (issue 11: one 100,000-character title froze
 * the server, one 6 MB title made every search that found it 6 MB). A record over a limit is skipped, with
 * the reason in the import's report; the rest of the file is read.
 *
 * The largest real values are contents notes (MARC 505) of a few thousand characters; an ISO 2709 record
 * cannot be longer than 99,999 bytes (its leader says so in five digits).
 */
export interface RecordLimits {
  /** Characters of one value: a MARC subfield or control field, a CSV cell. */
  fieldChars: number;
  /** Characters of one record, every value together. */
  recordChars: number;
  /** Bytes of one CSV row as read (a UTF-8 character takes up to 4): the reader's memory for a row. */
  rowBytes: number;
  /** MARCXML characters read without any markup (tag, text end) in them: what the XML parser holds at once. */
  xmlStretchChars: number;
}

export const defaultRecordLimits: RecordLimits = {
  fieldChars: 16_384,
  recordChars: 100_000,
  rowBytes: 400_000,
  xmlStretchChars: 400_000,
};

/** Limits from a part of them: the byte and stretch limits follow the character limits given. */
export function recordLimits(limits: Partial<RecordLimits> = {}): RecordLimits {
  const recordChars = limits.recordChars ?? defaultRecordLimits.recordChars;
  return {
    fieldChars: limits.fieldChars ?? defaultRecordLimits.fieldChars,
    recordChars,
    rowBytes: limits.rowBytes ?? 4 * recordChars,
    xmlStretchChars: limits.xmlStretchChars ?? 4 * recordChars,
  };
}

/** What an over-long value or record is, in a report. */
const tooLong = (field: string, chars: number, limits: RecordLimits, code?: string): FieldProblem => ({
  field,
  reason: `The value of ${code ? `${field} $${code}` : field} holds ${chars} characters; a value may hold at most ${limits.fieldChars}. The record was skipped.`,
});
const recordTooLong = (chars: number, limits: RecordLimits): FieldProblem => ({
  reason: `The record holds ${chars} characters; a record may hold at most ${limits.recordChars}. It was skipped.`,
});

/** The characters of a MARC record, or why it is over a limit. */
export function checkMarcRecord(record: MarcRecord, limits: RecordLimits): { chars: number } | FieldProblem {
  let chars = record.leader.length;
  for (const { tag, value } of record.controlFields) {
    if (value.length > limits.fieldChars) return tooLong(tag, value.length, limits);
    chars += value.length;
  }
  for (const field of record.dataFields) {
    for (const { code, value } of field.subfields) {
      if (value.length > limits.fieldChars) return tooLong(field.tag, value.length, limits, code);
      chars += value.length;
    }
  }
  return chars > limits.recordChars ? recordTooLong(chars, limits) : { chars };
}

/** The characters of a CSV row's values, or why it is over a limit. */
export function checkCsvValues(
  values: Partial<Record<string, string>>,
  limits: RecordLimits,
): { chars: number } | FieldProblem {
  let chars = 0;
  for (const [column, value = ''] of Object.entries(values)) {
    if (value.length > limits.fieldChars) return tooLong(column, value.length, limits);
    chars += value.length;
  }
  return chars > limits.recordChars ? recordTooLong(chars, limits) : { chars };
}
