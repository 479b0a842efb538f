import type { components } from '@pustaka/spec/schema';
import type { PendingWrite } from '../storage/idempotency.js';

export type MemberType = components['schemas']['MemberType'];

/**
 * `active`: may borrow and check in; `suspended`: blocked by the library for now (fines, a lost book);
 * `closed`: left the library. An active member past `validUntil` is expired: that is a date, not a status.
 */
export type MemberStatus = 'active' | 'suspended' | 'closed';

/**
 * What a member needs, network-wide. Registration (approval, import) and the demo seed write it. No NIK, phone,
 * address or birth date here: membership keeps those in tables of its own, encrypted.
 */
export interface NewMember {
  /** Unique in the whole network (`BTG-2026-000123`); stored upper-case. */
  number: string;
  /** The library the member registered through. */
  libraryId: string;
  fullName: string;
  /** What the kiosk greets the member with; never the full name in public. */
  firstName: string;
  memberType: MemberType;
  /** School, campus or workplace. */
  institution?: string | null;
  /** Default `active`. */
  status?: MemberStatus;
  /** Last day of validity, YYYY-MM-DD. */
  validUntil: string;
}

export interface Member {
  number: string;
  libraryId: string;
  fullName: string;
  firstName: string;
  memberType: MemberType;
  institution: string | null;
  status: MemberStatus;
  validUntil: string;
  createdAt: string;
}

/** What `update` may change: everything but the number and the library it was registered through. */
export type MemberChanges = Partial<
  Pick<Member, 'fullName' | 'firstName' | 'memberType' | 'institution' | 'status' | 'validUntil'>
>;

export class DuplicateMemberNumberError extends Error {
  constructor(readonly number: string) {
    super(`A member with the number ${number} exists already.`);
  }
}

/**
 * The members of the whole network. The kiosk looks them up by number; registration adds them. Member numbers
 * come from an atomic sequence (`nextNumber`), never from "highest + 1", which two approvals at once would share.
 */
export interface MemberStore {
  /** Adds a member; rejects with DuplicateMemberNumberError when the number is taken. */
  add(member: NewMember): Promise<Member>;
  /** Case and surrounding spaces of `number` do not matter (a scanner or a hand may type either). */
  findByNumber(number: string): Promise<Member | undefined>;
  /** Undefined when no member has this number. */
  update(number: string, changes: MemberChanges): Promise<Member | undefined>;
  /** Members registered through a library, or in the whole network; every status. */
  count(filter?: { libraryId?: string }): Promise<number>;
  /**
   * The next free number `PREFIX-YEAR-NNNNNN` of an atomic sequence per prefix and year; numbers added by hand
   * (the seed, an import of an older system) are skipped.
   */
  nextNumber(prefix: string, year: number): Promise<string>;
  /**
   * `add` and `update` as writes to commit with a request's answer (an approval, an erasure: http/exactly-once.ts);
   * `add` refuses with DuplicateMemberNumberError inside the transaction.
   */
  writes: { add(member: NewMember): PendingWrite; update(number: string, changes: MemberChanges): PendingWrite };
}

/** `BTG-2026-000123`: the network's prefix, the year of issue, six digits. */
export const memberNumberPattern = /^[A-Z0-9]{2,10}-\d{4}-\d{6}$/;

export const normaliseMemberNumber = (number: string) => number.trim().toUpperCase();

export const formatMemberNumber = (prefix: string, year: number, serial: number) =>
  `${prefix.toUpperCase()}-${year}-${String(serial).padStart(6, '0')}`;
