import type { components } from '@pustaka/spec/schema';
import type { FieldError } from '../types.js';
import { consentTexts, GUARDIAN_REQUIRED_UNDER, memberTypeRules, requiredFieldsOf } from './form-definition.js';
import type { PersonalData, WarningCode } from './model.js';
import { checkNik, type NikProblem } from './nik.js';
import { normalisePhone } from './phone.js';

type RegistrationRequest = components['schemas']['RegistrationRequest'];

export interface CheckedRegistration {
  personal: PersonalData;
  age: number;
  minor: boolean;
  warnings: WarningCode[];
}

const nikMessages: Record<NikProblem, string> = {
  nik_format: 'must be 16 digits',
  nik_region: 'does not start with a known region code',
  nik_date: 'does not hold a valid birth date (day + 40 for women)',
  nik_serial: 'ends with the serial 0000, which is never issued',
};

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Everything the widget checks, again: the server never trusts a browser. Schema checks (types, lengths,
 * enums) have run already against the contract; these are the rules a schema cannot say. Messages name the
 * rule, never the value (an error body must not echo a NIK or a phone number).
 * `institutionKnown` tells whether an `institution_id` is an institution of the network.
 */
export function checkRegistration(
  request: RegistrationRequest,
  today: string,
  institutionKnown: (id: string) => boolean,
): { errors: FieldError[]; checked?: CheckedRegistration } {
  const errors: FieldError[] = [];
  const warnings: WarningCode[] = [];
  const fail = (field: string, code: string, message: string) => errors.push({ field, code, message });

  const birthDate = request.birth_date;
  const age = ageOn(birthDate, today);
  if (birthDate > today) fail('birth_date', 'future', 'is in the future');
  else if (age > 120) fail('birth_date', 'too_old', 'is more than 120 years ago');

  const nik = checkNik(request.nik, new Date(`${today}T12:00:00Z`));
  if (!nik.valid) fail('nik', nik.problem, nikMessages[nik.problem]);
  else {
    if (nik.birthDate !== birthDate) warnings.push('nik_birth_date_mismatch');
    if (nik.sex !== request.sex) warnings.push('nik_sex_mismatch');
    if (warnings.length && !request.nik_mismatch_confirmed) {
      for (const code of warnings)
        fail(
          'nik',
          code,
          code === 'nik_birth_date_mismatch'
            ? 'holds another birth date than birth_date; correct it, or confirm with nik_mismatch_confirmed'
            : 'holds another sex than sex; correct it, or confirm with nik_mismatch_confirmed',
        );
    }
  }

  const phone = normalisePhone(request.phone);
  if (!phone) fail('phone', 'phone_format', 'is not an Indonesian mobile number (08..., 628... or +628...)');

  const required = requiredFieldsOf(request.member_type);
  if (required.includes('education_level') && !request.education_level)
    fail('education_level', 'required', 'is required for this member type');
  if (required.includes('institution') && !request.institution_id && !request.institution?.trim())
    fail('institution', 'required', 'is required for this member type (institution_id or institution)');
  if (required.includes('class_or_faculty') && !request.class_or_faculty?.trim())
    fail('class_or_faculty', 'required', 'is required for this member type');
  if (request.institution_id && !institutionKnown(request.institution_id))
    fail('institution_id', 'unknown', 'is not an institution of the network');
  if (!request.full_name.trim() || request.full_name.trim().length < 2)
    fail('full_name', 'required', 'must have at least 2 letters');

  const minor = age < GUARDIAN_REQUIRED_UNDER;
  let guardianPhone: string | undefined;
  if (minor && !request.guardian)
    fail('guardian', 'required', `is required under ${GUARDIAN_REQUIRED_UNDER}: a parent or guardian consents`);
  if (request.guardian) {
    guardianPhone = normalisePhone(request.guardian.phone);
    if (!guardianPhone) fail('guardian.phone', 'phone_format', 'is not an Indonesian mobile number');
  }

  const given = new Map(request.consents.map((consent) => [consent.id, consent]));
  request.consents.forEach((consent, index) => {
    const known = consentTexts.find((text) => text.id === consent.id);
    if (!known) fail(`consents.${index}.id`, 'unknown', 'is not a consent of this form');
    else if (known.version !== consent.version)
      fail(`consents.${index}.version`, 'consent_version', 'is not the current text; reload the form');
  });
  for (const text of consentTexts.filter((consent) => consent.required)) {
    if (given.get(text.id)?.granted !== true) fail('consents', 'consent_required', `must grant "${text.id}"`);
  }

  if (errors.length) return { errors };
  return {
    errors,
    checked: {
      age,
      minor,
      warnings,
      personal: {
        nik: request.nik,
        birthDate,
        ...(request.birth_place && { birthPlace: request.birth_place }),
        phone: phone!,
        ...(request.email && { email: request.email.trim() }),
        address: request.address,
        ...(request.guardian && {
          guardian: { name: request.guardian.name.trim(), relation: request.guardian.relation, phone: guardianPhone! },
        }),
      },
    },
  };
}

export { memberTypeRules };
