/** A MARC21 record as the readers hand it over, before mapping. Text is decoded, nothing else is changed. */
export interface MarcRecord {
  leader: string;
  controlFields: { tag: string; value: string }[];
  dataFields: DataField[];
}

export interface DataField {
  tag: string;
  ind1: string;
  ind2: string;
  subfields: { code: string; value: string }[];
}

/** What a reader yields per record: the record, or why it could not be read (the reading goes on). */
export type MarcRead = { number: number; record: MarcRecord; notes?: string[] } | { number: number; error: string };

export const fieldsOf = (record: MarcRecord, ...tags: string[]) =>
  record.dataFields.filter((field) => tags.includes(field.tag));
export const controlField = (record: MarcRecord, tag: string) =>
  record.controlFields.find((field) => field.tag === tag)?.value;
export const subfield = (field: DataField | undefined, code: string) =>
  field?.subfields.find((sub) => sub.code === code)?.value;
export const subfields = (field: DataField, ...codes: string[]) =>
  field.subfields.filter((sub) => codes.includes(sub.code)).map((sub) => sub.value);
