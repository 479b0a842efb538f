import type { components } from '@pustaka/spec/schema';
import type { Principal } from '../auth/principal.js';
import type { ConsentRecord, PersonalData, RegistrationFlag, RegistrationRecord } from './model.js';
import { ageOn } from './validate-registration.js';

type Schemas = components['schemas'];

/** What a credential may see of another registration a flag points to: its id only within its libraries. */
const visibleTo = (principal: Principal | undefined, libraryId: string | undefined) =>
  principal?.kind === 'staff' && (principal.libraryId === null || principal.libraryId === libraryId);

/** The staff view of a registration: no phone, address or birth date, the NIK by its last four digits. */
export function registrationWire(
  record: RegistrationRecord,
  flags: RegistrationFlag[],
  principal: Principal | undefined,
): Schemas['Registration'] {
  const wire: Schemas['Registration'] = {
    id: record.id,
    reference: record.reference,
    status: record.status,
    source: record.source,
    library_id: record.libraryId,
    member_type: record.memberType,
    full_name: record.fullName,
    minor: record.minor,
    flags: flags.map((flag) => ({
      code: flag.code,
      ...(flag.otherRegistrationId &&
        visibleTo(principal, flag.otherLibraryId) && { other_registration_id: flag.otherRegistrationId }),
    })),
    created_at: record.createdAt,
  } as Schemas['Registration'];
  if (record.nikLast4) wire.nik_last4 = record.nikLast4;
  if (record.institutionId) wire.institution_id = record.institutionId;
  if (record.institution) wire.institution = record.institution;
  if (record.classOrFaculty) wire.class_or_faculty = record.classOrFaculty;
  if (record.educationLevel) wire.education_level = record.educationLevel;
  if (record.decidedAt) wire.decided_at = record.decidedAt;
  if (record.memberNumber) wire.member_number = record.memberNumber;
  if (record.validUntil) wire.valid_until = record.validUntil;
  if (record.rejection) wire.rejection = { reason_code: record.rejection.code, reason: record.rejection.reason };
  return wire;
}

/** The details staff of the registration's library check against the papers. Never the whole NIK. */
export function registrationDetailWire(
  record: RegistrationRecord,
  flags: RegistrationFlag[],
  personal: PersonalData,
  consents: ConsentRecord[],
  principal: Principal | undefined,
): Schemas['RegistrationDetail'] {
  const detail: Schemas['RegistrationDetail'] = {
    ...registrationWire(record, flags, principal),
    consents: consents.map((consent) => ({
      id: consent.id,
      version: consent.version,
      granted: consent.granted,
      given_at: consent.givenAt,
      given_by: consent.givenBy,
      ...(consent.origin && { origin: consent.origin }),
    })),
  };
  if (record.sex) detail.sex = record.sex;
  if (personal.birthDate) {
    detail.birth_date = personal.birthDate;
    detail.age = ageOn(personal.birthDate, record.createdAt.slice(0, 10));
  }
  if (personal.birthPlace) detail.birth_place = personal.birthPlace;
  if (personal.phone) detail.phone = personal.phone;
  if (personal.email) detail.email = personal.email;
  if (personal.address) detail.address = personal.address;
  if (personal.guardian) detail.guardian = personal.guardian;
  return detail;
}
