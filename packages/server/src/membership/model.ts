import type { components } from '@pustaka/spec/schema';

type Schemas = components['schemas'];
export type MemberType = Schemas['MemberType'];
export type RegistrationStatus = Schemas['RegistrationStatus'];
export type Sex = Schemas['Sex'];
export type EducationLevel = Schemas['EducationLevel'];
export type RejectionReasonCode = Schemas['RejectionReasonCode'];
export type FlagCode = Schemas['RegistrationFlag']['code'];
export type WarningCode = 'nik_birth_date_mismatch' | 'nik_sex_mismatch';

/** What is held encrypted (one sealed blob per registration). */
export interface PersonalData {
  nik?: string;
  birthDate?: string;
  birthPlace?: string;
  /** E.164. */
  phone?: string;
  email?: string;
  address?: { street?: string; village?: string; district?: string; city?: string; postal_code?: string };
  guardian?: { name: string; relation: 'parent' | 'guardian'; phone?: string };
}

export interface ConsentRecord {
  id: string;
  version: string;
  granted: boolean;
  givenAt: string;
  origin: string | null;
  givenBy: 'applicant' | 'guardian' | 'import';
}

/** A registration without its encrypted part: what lists and decisions need. */
export interface RegistrationRecord {
  id: string;
  reference: string;
  status: RegistrationStatus;
  source: 'online' | 'import';
  libraryId: string;
  memberType: MemberType;
  fullName: string;
  sex: Sex | null;
  nikLast4: string | null;
  institutionId: string | null;
  institution: string | null;
  classOrFaculty: string | null;
  educationLevel: EducationLevel | null;
  minor: boolean;
  warnings: WarningCode[];
  createdAt: string;
  decidedAt: string | null;
  memberNumber: string | null;
  validFrom: string | null;
  validUntil: string | null;
  rejection: { code: RejectionReasonCode; reason: string } | null;
}

export interface NewRegistration {
  id: string;
  /** Without its random tail: the store adds one that is free (`BTG-` -> `BTG-7Q4K9M`). */
  referencePrefix: string;
  source: 'online' | 'import';
  libraryId: string;
  memberType: MemberType;
  fullName: string;
  sex: Sex | null;
  personal: PersonalData;
  institutionId: string | null;
  institution: string | null;
  classOrFaculty: string | null;
  educationLevel: EducationLevel | null;
  minor: boolean;
  warnings: WarningCode[];
  consents: ConsentRecord[];
  createdAt: string;
  /** Imports: already a member. */
  approved?: { memberNumber: string; validFrom: string; validUntil: string };
}

export interface RegistrationFilter {
  /** Undefined: every library (an admin token). */
  libraryIds?: string[];
  statuses?: RegistrationStatus[];
  memberType?: MemberType;
  institutionId?: string;
  flagged?: boolean;
  source?: 'online' | 'import';
  offset: number;
  limit: number;
}

export interface RegistrationFlag {
  code: FlagCode;
  otherRegistrationId?: string;
  otherLibraryId?: string;
}

export type HistoryAction = 'registered' | 'imported' | 'approved' | 'rejected' | 'exported';

export interface MembershipStatsQuery {
  libraryId?: string;
  institutionId?: string;
  from: string;
  to: string;
  granularity: 'month' | 'year';
}

export interface MembershipStatsResult {
  members: number;
  registrations: { pending: number; approved: number; rejected: number };
  series: { period: string; members_joined: number; registrations: number }[];
  byLibrary: { libraryId: string; members: number }[];
  byInstitution: { institutionId: string | null; members: number }[];
  byMemberType: { memberType: MemberType; members: number }[];
}
