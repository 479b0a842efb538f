import type { PendingWrite } from '../storage/idempotency.js';
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
 * Why a write of `MembershipStore.writes` committed nothing; thrown from inside the transaction, so that the
 * answer meant to be stored with it is not stored either. `duplicate`: the NIK is pending or approved somewhere
 * in the network; `reference_taken`: draw another reference; `not_pending`: decided meanwhile; `gone`: erased
 * or purged meanwhile.
 */
export class RegistrationWriteRefused extends Error {
  constructor(readonly reason: 'duplicate' | 'reference_taken' | 'number_taken' | 'not_pending' | 'gone') {
    super(`The registration write was refused: ${reason}.`);
  }
}

/** A decision as the store records it. */
export interface Approval {
  memberNumber: string;
  validFrom: string;
  validUntil: string;
  actor: string;
  at: string;
}
export interface Rejection {
  code: RejectionReasonCode;
  reason: string;
  actor: string;
  at: string;
}
export interface Erasure {
  actor: string;
  at: string;
  reasonCode: string;
}

/**
 * The writes of registration and of the staff's decisions, to commit together with the request's answer
 * (http/exactly-once.ts `CommitWithAnswer`): a crash then leaves both or neither. Each refuses with
 * RegistrationWriteRefused where the method of the same name answers an outcome.
 */
export interface MembershipWrites {
  /** `reference` drawn by the caller (`referenceTail`), so the answer is known before the commit. */
  create(registration: NewRegistration & { reference: string }): PendingWrite;
  approve(id: string, decision: Approval): PendingWrite;
  reject(id: string, decision: Rejection): PendingWrite;
  erase(id: string, erasure: Erasure): PendingWrite;
}

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
  approve(id: string, decision: Approval): Promise<boolean>;
  /** Pending -> rejected; false when it was not pending any more. */
  reject(id: string, decision: Rejection): Promise<boolean>;
  /** Deletes the registration, its consents and history; leaves an audit line without personal data. */
  erase(id: string, erasure: Erasure): Promise<RegistrationRecord | undefined>;
  /** The same writes, to commit with an answer. */
  writes: MembershipWrites;
  /** The Idempotency-Key hash of a request carrying personal data, keyed from the membership key. */
  hashRequest(parts: unknown): string;
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
