import type { components } from '@pustaka/spec/schema';
import type { Library, LibraryKind } from '../types.js';
import type { MemberType } from './model.js';

type MembershipForm = components['schemas']['MembershipForm'];
type Lang = MembershipForm['lang'];

/** UU 27/2022 counts a person under 18 as a child, whose data needs a parent's or guardian's consent. */
export const GUARDIAN_REQUIRED_UNDER = 18;

const base = ['full_name', 'nik', 'birth_date', 'sex', 'phone', 'address'];

interface MemberTypeRule {
  label: Record<Lang, string>;
  /** The label printed on the card (Indonesian). */
  cardLabel: string;
  extraFields: string[];
  validityMonths: number;
  institutionKinds: LibraryKind[];
}

export const memberTypeRules: Record<MemberType, MemberTypeRule> = {
  pelajar: {
    label: { id: 'Pelajar (SD/SMP/SMA)', en: 'Pupil (primary or secondary school)' },
    cardLabel: 'Pelajar',
    extraFields: ['education_level', 'institution', 'class_or_faculty'],
    validityMonths: 12,
    institutionKinds: ['school'],
  },
  mahasiswa: {
    label: { id: 'Mahasiswa', en: 'University student' },
    cardLabel: 'Mahasiswa',
    extraFields: ['education_level', 'institution', 'class_or_faculty'],
    validityMonths: 12,
    institutionKinds: ['university'],
  },
  guru_dosen: {
    label: { id: 'Guru/Dosen', en: 'Teacher or lecturer' },
    cardLabel: 'Guru/Dosen',
    extraFields: ['institution'],
    validityMonths: 24,
    institutionKinds: ['school', 'university'],
  },
  umum: {
    label: { id: 'Umum', en: 'General public' },
    cardLabel: 'Umum',
    extraFields: [],
    validityMonths: 12,
    institutionKinds: ['company', 'reading-corner', 'public'],
  },
  asn: {
    label: { id: 'ASN (Aparatur Sipil Negara)', en: 'Civil servant (ASN)' },
    cardLabel: 'ASN',
    extraFields: ['institution'],
    validityMonths: 24,
    institutionKinds: ['reading-corner', 'public', 'school', 'university'],
  },
};

export const requiredFieldsOf = (type: MemberType) => [...base, ...memberTypeRules[type].extraFields];

interface ConsentText {
  id: string;
  version: string;
  required: boolean;
  text: Record<Lang, string>;
}

/**
 * One consent per purpose, in plain language, unticked by default (UU 27/2022). A change of wording is a new
 * version: registrations record the version they agreed to, and a form loaded before the change is refused
 * with `consent_version` so that nobody agrees to a text they were not shown.
 */
export const consentTexts: ConsentText[] = [
  {
    id: 'card',
    version: '2026-11-01',
    required: true,
    text: {
      id:
        'Saya setuju data saya (nama, NIK, tanggal lahir, jenis kelamin, alamat, nomor HP, e-mail, sekolah/tempat kerja) ' +
        'dipakai perpustakaan untuk memeriksa pendaftaran, menerbitkan kartu anggota dan mengelola keanggotaan saya. ' +
        'NIK disimpan terenkripsi dan hanya empat angka terakhirnya yang terlihat oleh petugas.',
      en:
        'I agree that the library uses my data (name, NIK, birth date, sex, address, phone, e-mail, school or workplace) ' +
        'to check my registration, issue my member card and manage my membership. The NIK is stored encrypted and ' +
        'staff see only its last four digits.',
    },
  },
  {
    id: 'news',
    version: '2026-11-01',
    required: false,
    text: {
      id: 'Saya mau menerima kabar kegiatan perpustakaan lewat e-mail atau WhatsApp (boleh berhenti kapan saja).',
      en: 'I would like news of library events by e-mail or WhatsApp (I can stop this at any time).',
    },
  },
];

export const educationLevels: MembershipForm['education_levels'] = [
  'TK',
  'SD',
  'SMP',
  'SMA/SMK',
  'D1-D3',
  'S1',
  'S2',
  'S3',
];

/** Libraries that stand for an institution a member can belong to: all but the city library itself. */
export const institutionsOf = (libraries: Library[]): MembershipForm['institutions'] =>
  libraries
    .filter((library) => library.kind !== 'public')
    .map((library) => ({
      id: library.id,
      name: institutionName(library),
      kind: library.kind,
      ...(library.school_level && { school_level: library.school_level }),
    }));

/** "SMA Negeri 1 Bontang" rather than "Perpustakaan SMA Negeri 1 Bontang"; a CSR note in brackets dropped. */
export function institutionName(library: Pick<Library, 'name' | 'parent_institution'>): string {
  const name = (library.parent_institution ?? library.name).trimEnd();
  return /\((?:program )?CSR\)$/i.test(name) ? name.slice(0, name.lastIndexOf('(')).trimEnd() : name;
}

export function formDefinition(
  libraryId: string,
  lang: Lang,
  libraries: Library[],
  antiSpam: MembershipForm['anti_spam'],
): MembershipForm {
  return {
    library_id: libraryId,
    lang,
    member_types: (Object.keys(memberTypeRules) as MemberType[]).map((id) => ({
      id,
      label: memberTypeRules[id].label[lang],
      required_fields: requiredFieldsOf(id),
      validity_months: memberTypeRules[id].validityMonths,
      guardian_required_under: GUARDIAN_REQUIRED_UNDER,
      institution_kinds: memberTypeRules[id].institutionKinds,
    })),
    consents: consentTexts.map((consent) => ({
      id: consent.id,
      version: consent.version,
      required: consent.required,
      text: consent.text[lang],
    })),
    education_levels: educationLevels,
    institutions: institutionsOf(libraries),
    anti_spam: antiSpam,
  };
}
