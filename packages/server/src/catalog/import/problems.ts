/**
 * A file that cannot be read on from some point: XML that is not well-formed, bytes that are not the
 * declared encoding, an ISO 2709 file cut short. Records read before it are kept.
 */
export class FileFormatError extends Error {
  /** The record being read when the file broke (from 1). */
  readonly record: number;
  constructor(record: number, message: string) {
    super(message);
    this.name = 'FileFormatError';
    this.record = record;
  }
}

/** Byte offset of the first byte that is not valid UTF-8, or -1. For messages that say where a file breaks. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i]!;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      // A sequence cut by the end of this chunk is not wrong yet: the next chunk may complete it.
      if (i + k >= bytes.length) return -1;
      if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}

/** Line (from 1) of a byte offset, counting line feeds before it. */
export function lineAt(bytes: Uint8Array, offset: number, linesBefore = 0): number {
  let line = linesBefore + 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export const notUtf8Hint =
  'The file is probably in another encoding (Windows-1252 or MARC-8): save or export it as UTF-8 and import it again.';
