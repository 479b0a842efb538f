import type { BibliographicInput, CopyInput, CopyStatus } from '../model.js';
import { formatOfMarc } from '../formats.js';
import { parseIsbn } from '../isbn.js';
import { languageCode } from '../languages.js';
import { themeOf } from '../themes.js';
import { controlField, fieldsOf, subfield, subfields, type DataField, type MarcRecord } from './marc.js';
import { coverUrl, isoDate, trimIsbd, yearIn, type FieldProblem, type Mapped } from './mapped.js';

const joined = (values: (string | undefined)[], separator = ' ') =>
  values
    .filter((value): value is string => Boolean(value && value.trim()))
    .join(separator)
    .trim() || undefined;

function titleOf(record: MarcRecord): { title?: string; subtitle?: string; gmd?: string } {
  const field = fieldsOf(record, '245')[0];
  if (!field) return {};
  // 245 $a title, $n/$p number and name of a part ("Matematika. Jilid 2"), $b the rest of the title.
  const title = joined([subfield(field, 'a'), ...subfields(field, 'n', 'p')].map(trimIsbd));
  return { title, subtitle: trimIsbd(subfield(field, 'b')), gmd: subfield(field, 'h') };
}

/** Personal and corporate names: 100/110/111 first, then 700/710/711, without relator terms. */
function authorsOf(record: MarcRecord): string[] {
  const names = fieldsOf(record, '100', '110', '111', '700', '710', '711')
    .sort((a, b) => (a.tag[0] === b.tag[0] ? 0 : a.tag < b.tag ? -1 : 1))
    .map((field) => trimIsbd(joined([subfield(field, 'a'), subfield(field, 'b')])))
    .filter((name): name is string => Boolean(name));
  return [...new Set(names)];
}

/** Subject headings 600-651 with their subdivisions ("Fiksi Indonesia -- Sejarah"). */
function subjectsOf(record: MarcRecord): string[] {
  const headings = fieldsOf(record, '600', '610', '611', '630', '650', '651')
    .map((field) => joined(subfields(field, 'a', 'x', 'y', 'z', 'v').map(trimIsbd), ' -- '))
    .filter((heading): heading is string => Boolean(heading));
  return [...new Set(headings)];
}

/** 264 (RDA, second indicator 1: publication) or 260 (AACR2): place, publisher, date. */
function imprintOf(record: MarcRecord) {
  const field = fieldsOf(record, '264').find((candidate) => candidate.ind2 === '1') ?? fieldsOf(record, '260')[0];
  return {
    place: trimIsbd(subfield(field, 'a'))?.replace(/^\[|\]$/g, ''),
    publisher: trimIsbd(subfield(field, 'b')),
    date: subfield(field, 'c'),
  };
}

/** Koha items (952): branch, shelving location, call number, barcode, due date, and the flags that matter. */
function kohaCopy(field: DataField): CopyInput {
  const flagged = (code: string) => {
    const value = subfield(field, code);
    return value !== undefined && value.trim() !== '' && value.trim() !== '0';
  };
  const dueDate = isoDate(subfield(field, 'q'));
  let status: CopyStatus = 'available';
  if (flagged('1') || flagged('0') || flagged('4')) status = 'unavailable';
  else if (dueDate) status = 'on_loan';
  else if (flagged('7')) status = 'reference_only';
  return {
    itemCode: subfield(field, 'p')?.trim() || undefined,
    location: joined([subfield(field, 'c')]),
    callNumber: joined([subfield(field, 'o')]),
    status,
    ...(status === 'on_loan' && { dueDate }),
  };
}

/** MARC holdings in the bibliographic record (852): location, call number, barcode. */
function holdingsCopy(field: DataField): CopyInput {
  const note = (subfield(field, 'z') ?? '').toLowerCase();
  return {
    itemCode: subfield(field, 'p')?.trim() || undefined,
    location: joined([subfield(field, 'b'), subfield(field, 'c')], ' — '),
    callNumber: joined([subfield(field, 'k'), subfield(field, 'h'), subfield(field, 'i'), subfield(field, 'j')]),
    status: /tidak dipinjamkan|reference|referensi|not for loan/.test(note) ? 'reference_only' : 'available',
  };
}

/**
 * MARC21 bibliographic record → our record and this library's copies:
 * 245 title, 100/110/111 + 700/710/711 authors, 600-651 subjects, 082 DDC (else 090/092/852/952 call numbers
 * for the theme), 020 ISBN, 260/264 imprint (else 008/07-10 for the year), 041 (else 008/35-37) language,
 * 250 edition, 300 collation, 490/830 series, 500 notes, 856 cover, 852/952 copies.
 */
export function mapMarcRecord(record: MarcRecord, libraryId: string): Mapped {
  const ignored: FieldProblem[] = [];
  const { title, subtitle, gmd } = titleOf(record);
  if (!title) return { skipped: { field: '245', reason: 'The record has no title (245 $a).' }, ignored };

  const isbns: string[] = [];
  for (const field of fieldsOf(record, '020')) {
    const raw = subfield(field, 'a');
    if (!raw) continue;
    const parsed = parseIsbn(raw);
    if ('isbn13' in parsed) isbns.push(parsed.isbn13);
    else ignored.push({ field: '020', reason: `${parsed.error} It was left out.` });
  }

  const fixed = controlField(record, '008') ?? '';
  const imprint = imprintOf(record);
  const year = yearIn(imprint.date) ?? yearIn(/^\d{4}$/.test(fixed.slice(7, 11)) ? fixed.slice(7, 11) : undefined);
  const languageField = subfield(fieldsOf(record, '041')[0], 'a');
  const languageSource = (languageField ?? fixed.slice(35, 38)).trim();
  // Older records run several codes together in one 041 $a ("indeng"): the first is the main language.
  const firstCode = /^(?:[a-z]{3}){2,}$/.test(languageSource) ? languageSource.slice(0, 3) : languageSource;
  const language = firstCode ? languageCode(firstCode) : undefined;
  if (languageSource && !language && !/^[|\s^]+$/.test(languageSource)) {
    ignored.push({
      field: languageField ? '041' : '008',
      reason: `"${languageSource}" is not a language code; the language was left out.`,
    });
  }

  const koha = fieldsOf(record, '952');
  const holdings = fieldsOf(record, '852');
  const copies = [...koha.map(kohaCopy), ...holdings.map(holdingsCopy)];
  const classification = subfield(fieldsOf(record, '082')[0], 'a')?.replace(/\//g, '').trim() || undefined;
  const localCallNumber = joined([subfield(fieldsOf(record, '090', '092')[0], 'a')]);

  const bib: BibliographicInput = {
    title,
    authors: authorsOf(record),
    subjects: subjectsOf(record),
    format: formatOfMarc({
      leader: record.leader,
      physical: record.controlFields.filter((field) => field.tag === '007').map((field) => field.value[0] ?? ''),
      gmd,
      carriers: fieldsOf(record, '338').flatMap((field) => subfields(field, 'a', 'b')),
      hasDissertationNote: fieldsOf(record, '502').length > 0,
    }),
    isbns: [...new Set(isbns)],
  };
  const theme = themeOf(classification, localCallNumber, ...copies.map((copy) => copy.callNumber));
  const optional: Partial<BibliographicInput> = {
    subtitle,
    year,
    language,
    classification: classification ?? localCallNumber,
    theme,
    edition: trimIsbd(subfield(fieldsOf(record, '250')[0], 'a')),
    publisher: imprint.publisher,
    place: imprint.place,
    series: trimIsbd(subfield(fieldsOf(record, '490', '830')[0], 'a')),
    collation: trimIsbd(
      joined(
        subfields(fieldsOf(record, '300')[0] ?? { tag: '', ind1: '', ind2: '', subfields: [] }, 'a', 'b', 'c'),
        ' ',
      ),
    ),
    notes: joined(
      fieldsOf(record, '500').map((field) => subfield(field, 'a')),
      ' ',
    ),
    coverUrl: coverUrl(
      fieldsOf(record, '856')
        .map((field) => subfield(field, 'u'))
        .find((url) => url && /\.(jpe?g|png|webp)$/i.test(url)),
    ),
  };
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) (bib as unknown as Record<string, unknown>)[key] = value;
  return { holding: { record: bib, libraryId, copies }, ignored };
}
