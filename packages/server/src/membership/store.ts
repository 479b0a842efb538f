import type {
  ConsentRecord,
  HistoryAction,
  MembershipStatsQuery,
  MembershipStatsResult,
  NewRegistration,
  PersonalData,
  RegistrationFilter,
  RegistrationFlag,
  RegistrationRecord,
  RejectionReasonCode,
} from './model.js';

/**
 * Registrations for a library card, with their personal data encrypted and their consents. Every method
 * answers a Promise (see storage/stores.ts). The store encrypts and decrypts; callers see plain values, and
 * nothing here logs them.
 */
export interface MembershipStore {
  /**
   * Stores a registration. `duplicate`: the same NIK is pending or approved somewhere in the network (found by
   * its keyed hash; a unique index makes two at once impossible).
   */
  create(
    registration: NewRegistration,
  ): Promise<{ outcome: 'created'; reference: string } | { outcome: 'duplicate' } | { outcome: 'number_taken' }>;
  get(id: string): Promise<RegistrationRecord | undefined>;
  personalData(id: string): Promise<PersonalData | undefined>;
  consents(id: string): Promise<ConsentRecord[]>;
  /** Same phone or e-mail under another name, and the NIK mismatches the applicant confirmed. */
  flags(id: string): Promise<RegistrationFlag[]>;
  list(filter: RegistrationFilter): Promise<{ total: number; items: RegistrationRecord[] }>;
  /** Pending -> approved; false when it was not pending any more. */
  approve(
    id: string,
    decision: { memberNumber: string; validFrom: string; validUntil: string; actor: string; at: string },
  ): Promise<boolean>;
  /** Pending -> rejected; false when it was not pending any more. */
  reject(
    id: string,
    decision: { code: RejectionReasonCode; reason: string; actor: string; at: string },
  ): Promise<boolean>;
  /** Deletes the registration, its consents and history; leaves an audit line without personal data. */
  erase(
    id: string,
    erasure: { actor: string; at: string; reasonCode: string },
  ): Promise<RegistrationRecord | undefined>;
  history(id: string): Promise<{ at: string; action: HistoryAction }[]>;
  recordEvent(id: string, action: HistoryAction, actor: string, at: string): Promise<void>;
  /** Deletes pending registrations made before `before`, and rejected ones decided before it. */
  purge(before: string): Promise<number>;
  stats(query: MembershipStatsQuery): Promise<MembershipStatsResult>;
  /** The member-number prefix of a library, assigned (unique in the network) on first use. */
  numberPrefix(libraryId: string, proposed: () => string[]): Promise<string>;
  /** Anti-spam: a signed form token (anti-spam.ts), signed with a key derived from the membership key. */
  issueFormToken(issuedAt: number): string;
  looksHuman(
    submission: { website?: string | undefined; form_token?: string | undefined },
    now: number,
    minFillMs: number,
  ): boolean;
}
