import { maxLength, minLength, required, validator, type FieldSpec, type Validator } from '@pustaka/core';
import { ageOn } from './age.js';
import { ruleMessages } from './messages.js';
import { readNik, type NikProblem } from './nik.js';
import { normalisePhone } from './phone.js';

/** What the rules ask of the form's state beyond a field's own value. */
export interface FieldContext {
  /** Whether the chosen member type asks for `field` (`institution`, `education_level`, `email`...). */
  asks(field: string): boolean;
  /** Whether the applicant is under the type's guardian age, from the entered birth date. */
  minor(): boolean;
  /** Whether the NIK contradicts the entered birth date or sex, not yet confirmed. */
  unconfirmedMismatch(): boolean;
  /** A consent's text in the language the form definition was last loaded in. */
  consentText(id: string): string;
}

/** `required()`, only while `applies()`: a field the chosen type or age does not ask for is never required. */
function requiredWhen(applies: () => boolean, message?: Validator['message']): Validator {
  const rule = required();
  return { ...rule, message, isInvalid: (value) => applies() && rule.isInvalid(value) };
}

function nikRule(problem: NikProblem): Validator {
  return validator(problem, (value) => readNik(value).problem !== problem, ruleMessages[problem]);
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

const label = (id: string, en: string) => ({ id, en });

/**
 * Every field of the form by its path in the request body (`address.street`), so that the server's `errors[]`
 * land on the same fields. Rules that depend on the member type, the age or the NIK ask `context`.
 */
export function formFields(context: FieldContext, consents: { id: string; required: boolean }[]) {
  const phone = validator('phone_format', (value) => normalisePhone(value) !== undefined, ruleMessages.phone_format);
  const fields: Record<string, FieldSpec> = {
    member_type: { label: label('Jenis anggota', 'Type of membership'), validators: [required()] },
    full_name: {
      label: label('Nama lengkap', 'Full name'),
      validators: [required(), minLength(2), maxLength(120)],
    },
    nik: {
      label: label('NIK', 'NIK'),
      validators: [
        required(),
        nikRule('nik_format'),
        nikRule('nik_region'),
        nikRule('nik_date'),
        nikRule('nik_serial'),
      ],
    },
    nik_confirm: {
      label: label('Data saya sudah benar', 'My details are correct'),
      validators: [
        requiredWhen(context.unconfirmedMismatch, {
          id: 'NIK tidak cocok dengan tanggal lahir atau jenis kelamin yang diisi. Periksa lagi, lalu centang “{fieldName}”.',
          en: 'The NIK does not match the date of birth or sex entered. Check again, then tick “{fieldName}”.',
        }),
      ],
    },
    birth_place: {
      label: label('Tempat lahir', 'Place of birth'),
      validators: [requiredWhen(() => context.asks('birth_place')), maxLength(80)],
    },
    birth_date: {
      label: label('Tanggal lahir', 'Date of birth'),
      validators: [
        required(),
        validator('date', isDate, ruleMessages.date),
        validator('future', (value) => (ageOn(value) ?? 0) >= 0 && value <= today(), ruleMessages.future),
      ],
    },
    sex: { label: label('Jenis kelamin', 'Sex'), validators: [required()] },
    phone: { label: label('Nomor ponsel', 'Mobile number'), validators: [required(), phone] },
    email: {
      label: label('E-mail', 'E-mail'),
      validators: [
        requiredWhen(() => context.asks('email')),
        validator('pattern', (value) => /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(value), ruleMessages.email),
        maxLength(254),
      ],
    },
    'address.street': {
      label: label('Alamat', 'Address'),
      validators: [required(), minLength(3), maxLength(200)],
    },
    'address.village': { label: label('Kelurahan', 'Village'), validators: [maxLength(80)] },
    'address.district': { label: label('Kecamatan', 'District'), validators: [required(), maxLength(80)] },
    'address.city': { label: label('Kota/kabupaten', 'City or regency'), validators: [required(), maxLength(80)] },
    'address.postal_code': {
      label: label('Kode pos', 'Postal code'),
      validators: [validator('pattern', (value) => /^\d{5}$/.test(value), ruleMessages.postal)],
    },
    education_level: {
      label: label('Jenjang pendidikan', 'Level of education'),
      validators: [requiredWhen(() => context.asks('education_level'))],
    },
    institution: {
      label: label('Nama sekolah, kampus atau instansi', 'School, campus or employer'),
      validators: [requiredWhen(() => context.asks('institution')), maxLength(120)],
    },
    class_or_faculty: {
      label: label('Kelas atau fakultas', 'Class or faculty'),
      validators: [requiredWhen(() => context.asks('class_or_faculty')), maxLength(80)],
    },
    'guardian.name': {
      label: label('Nama orang tua atau wali', "Parent's or guardian's name"),
      validators: [requiredWhen(context.minor), minLength(2), maxLength(120)],
    },
    'guardian.relation': {
      label: label('Hubungan dengan pendaftar', 'Relationship'),
      validators: [requiredWhen(context.minor)],
    },
    'guardian.phone': {
      label: label('Nomor ponsel orang tua atau wali', "Parent's or guardian's mobile number"),
      validators: [requiredWhen(context.minor), phone],
    },
    'guardian.consent': {
      label: label('Persetujuan orang tua atau wali', "Parent's or guardian's consent"),
      validators: [requiredWhen(context.minor, ruleMessages.consent)],
    },
  };
  for (const consent of consents) {
    // The text comes in the language the definition was loaded in: read it when a message is said.
    const text = () => context.consentText(consent.id);
    fields[consentField(consent.id)] = {
      label: {
        get id() {
          return text();
        },
        get en() {
          return text();
        },
      },
      validators: consent.required ? [required(ruleMessages.consent)] : [],
    };
  }
  return fields;
}

/** The form field of one consent purpose. */
export const consentField = (id: string) => `consent.${id}`;

/** Today as `YYYY-MM-DD` in the visitor's time zone: the latest birth date there can be. */
export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}
