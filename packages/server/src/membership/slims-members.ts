import type { MemberType, PersonalData, Sex } from './model.js';
import { checkNik } from './nik.js';
import { normalisePhone } from './phone.js';

/**
 * SLiMS' member table (`member`) as its export writes it, in this order when the file has no header row.
 * `nik` is not a SLiMS column: libraries that keep the NIK put it in a column of their own (`nik`,
 * `no_ktp`, `member_nik`, `identity_number`), found by its header.
 */
export const slimsMemberColumns = [
  'member_id',
  'member_name',
  'gender',
  'member_type_id',
  'member_email',
  'member_address',
  'postal_code',
  'inst_name',
  'member_phone',
  'member_since_date',
  'register_date',
  'expire_date',
  'birth_date',
] as const;

const aliases: Record<string, string> = {
  member_type_name: 'member_type_id',
  member_type: 'member_type_id',
  nik: 'nik',
  no_ktp: 'nik',
  member_nik: 'nik',
  identity_number: 'nik',
  no_identitas: 'nik',
  member_mail_address: 'member_address',
  birth_place: 'birth_place',
};

/** Splits CSV text into rows (quotes, doubled quotes, CRLF), with each row's byte end for the progress bar. */
export function* csvRows(text: string): Generator<{ cells: string[]; line: number; end: number }> {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const separator = [',', ';', '\t', '|'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === separator) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((value) => value.trim() !== '')) yield { cells, line: rowLine, end: i + 1 };
      cells = [];
      cell = '';
      rowLine = ++line;
    } else cell += char;
  }
  cells.push(cell);
  if (cells.some((value) => value.trim() !== '')) yield { cells, line: rowLine, end: text.length };
}

/** The column names of a header row, or undefined when the first row is data. */
export function headerOf(cells: string[]): string[] | undefined {
  const names = cells.map((cell) => cell.trim().toLowerCase());
  const known = names.map((name) => aliases[name] ?? name);
  if (!known.includes('member_id') || !known.includes('member_name')) return undefined;
  return known;
}

export interface MemberRowProblem {
  column?: string;
  outcome: 'record_skipped' | 'value_ignored';
  reason: string;
}

export interface ImportedMember {
  number: string;
  fullName: string;
  sex: Sex | null;
  memberType: MemberType;
  institution: string | null;
  personal: PersonalData;
  validFrom: string;
  validUntil: string;
}

const typeByWord: [RegExp, MemberType][] = [
  [/mahasiswa|student|kuliah/i, 'mahasiswa'],
  [/siswa|pelajar|murid|pupil/i, 'pelajar'],
  [/guru|dosen|teacher|lecturer/i, 'guru_dosen'],
  [/\basn\b|pns|pegawai negeri|civil/i, 'asn'],
  [/umum|public|general/i, 'umum'],
];

const date = (value: string | undefined) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value?.trim() ?? '');
  if (!match || match[1] === '0000' || match[2] === '00' || match[3] === '00') return undefined;
  const parsed = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== match[0] ? undefined : match[0];
};

/**
 * One SLiMS member row, as Pustaka keeps it. Problems never quote a NIK, phone, address or birth date: the
 * report is printed and may be pasted into a chat.
 */
export function mapMemberRow(
  values: Record<string, string | undefined>,
  typeMap: Record<string, MemberType>,
  today: string,
): { member?: ImportedMember; problems: MemberRowProblem[] } {
  const problems: MemberRowProblem[] = [];
  const get = (column: string) => values[column]?.trim() || undefined;
  const number = get('member_id');
  if (!number || !/^[A-Za-z0-9-]{3,40}$/.test(number)) {
    problems.push({
      column: 'member_id',
      outcome: 'record_skipped',
      reason: number
        ? 'The member number has characters other than letters, digits and dashes, or is not 3 to 40 long.'
        : 'The member number is empty.',
    });
    return { problems };
  }
  const fullName = get('member_name');
  if (!fullName || fullName.length < 2) {
    problems.push({ column: 'member_name', outcome: 'record_skipped', reason: 'The name is empty.' });
    return { problems };
  }
  const gender = get('gender')?.toLowerCase();
  const sex: Sex | null =
    gender === undefined
      ? null
      : /^(1|l|m|male|laki|laki-laki|pria)$/.test(gender)
        ? 'male'
        : /^(0|2|p|f|female|perempuan|wanita)$/.test(gender)
          ? 'female'
          : null;
  if (gender !== undefined && sex === null)
    problems.push({
      column: 'gender',
      outcome: 'value_ignored',
      reason: 'The gender is not one SLiMS writes (0, 1, L, P).',
    });
  const typeText = get('member_type_id') ?? '';
  const memberType =
    typeMap[typeText.toLowerCase()] ?? typeByWord.find(([pattern]) => pattern.test(typeText))?.[1] ?? 'umum';
  if (typeText && !typeMap[typeText.toLowerCase()] && !typeByWord.some(([pattern]) => pattern.test(typeText)))
    problems.push({
      column: 'member_type_id',
      outcome: 'value_ignored',
      reason: `The member type "${typeText}" is not known; imported as umum (map it with --type-map).`,
    });

  const personal: PersonalData = {};
  const nik = get('nik');
  if (nik) {
    if (checkNik(nik).valid) personal.nik = nik;
    else
      problems.push({
        column: 'nik',
        outcome: 'value_ignored',
        reason: 'The NIK is not a valid NIK; it was not stored.',
      });
  }
  const birthDate = get('birth_date');
  if (birthDate && date(birthDate) && date(birthDate)! <= today) personal.birthDate = date(birthDate);
  else if (birthDate && !birthDate.startsWith('0000'))
    problems.push({
      column: 'birth_date',
      outcome: 'value_ignored',
      reason: 'The birth date is not a past date (YYYY-MM-DD).',
    });
  const phone = get('member_phone');
  if (phone) {
    const normalised = normalisePhone(phone);
    if (normalised) personal.phone = normalised;
    else
      problems.push({
        column: 'member_phone',
        outcome: 'value_ignored',
        reason: 'The phone is not an Indonesian mobile number.',
      });
  }
  const email = get('member_email');
  if (email) {
    if (/^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(email)) personal.email = email;
    else problems.push({ column: 'member_email', outcome: 'value_ignored', reason: 'The e-mail address is not one.' });
  }
  const street = get('member_address');
  const postal = get('postal_code');
  if (street) personal.address = { street, ...(postal && /^\d{5}$/.test(postal) && { postal_code: postal }) };
  if (get('birth_place')) personal.birthPlace = get('birth_place');

  const validFrom = date(get('member_since_date')) ?? date(get('register_date')) ?? today;
  const expire = get('expire_date');
  let validUntil = date(expire);
  if (!validUntil) {
    problems.push({
      column: 'expire_date',
      outcome: 'record_skipped',
      reason: expire ? 'The expiry date is not a date (YYYY-MM-DD).' : 'The expiry date is empty.',
    });
    return { problems };
  }
  if (validUntil < validFrom) validUntil = validFrom;
  return {
    member: {
      number,
      fullName,
      sex,
      memberType,
      institution: get('inst_name') ?? null,
      personal,
      validFrom,
      validUntil,
    },
    problems,
  };
}
