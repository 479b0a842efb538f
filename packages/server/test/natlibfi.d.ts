// The parts of @natlibfi/marc-record-serializers (no types of its own) that the import tests use to read
// its real MARC21 fixtures and to write them out as MARCXML and ISO 2709.
declare module '@natlibfi/marc-record-serializers' {
  import type { EventEmitter } from 'node:events';
  import type { Readable } from 'node:stream';

  export interface NatlibfiField {
    tag: string;
    ind1?: string;
    ind2?: string;
    value?: string;
    subfields?: { code: string; value: string }[];
  }
  export interface NatlibfiRecord {
    leader: string;
    fields: NatlibfiField[];
    get(pattern: RegExp): NatlibfiField[];
  }
  type Reader = (stream: Readable, validationOptions?: Record<string, boolean>) => EventEmitter;
  export const AlephSequential: { reader: Reader };
  export const MARCXML: { reader: Reader; to(record: NatlibfiRecord, options?: { omitDeclaration?: boolean }): string };
  export const ISO2709: { reader: Reader; to(record: NatlibfiRecord): string };
}
