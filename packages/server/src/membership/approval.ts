import type { components } from '@pustaka/spec/schema';
import { ProblemError } from '../http/problem.js';
import type { PendingWrite } from '../storage/idempotency.js';
import type { Stores } from '../storage/stores.js';
import { institutionName, memberTypeRules } from './form-definition.js';
import { prefixCandidates, validUntil } from './member-numbers.js';
import type { RegistrationRecord } from './model.js';
import type { MembershipStore } from './store.js';

type MemberCard = components['schemas']['MemberCard'];

export const notPending = (status: string) =>
  new ProblemError(409, 'registration_not_pending', `This registration is ${status}, not pending.`);

/** The first word of a name, for the kiosk's greeting (the full name is never shown in public). */
export const firstNameOf = (fullName: string) => fullName.trim().split(/\s+/)[0] ?? fullName;

/** The institution a member belongs to, by name: a network institution's, or what was typed. */
export async function institutionOf(stores: Stores, record: Pick<RegistrationRecord, 'institutionId' | 'institution'>) {
  if (record.institutionId) {
    const library = await stores.libraries.get(record.institutionId);
    if (library) return institutionName(library);
  }
  return record.institution ?? undefined;
}

/** A library's member-number prefix (assigned on first use). */
export async function prefixOf(stores: Stores, store: MembershipStore, libraryId: string): Promise<string> {
  const library = await stores.libraries.get(libraryId);
  if (!library) throw new Error(`No library ${libraryId}.`);
  return store.numberPrefix(libraryId, () => prefixCandidates(library));
}

/**
 * Approvals of one registration run one at a time in this process, so that a double click or two staff at
 * once issue one number (the store's conditional update is the second guard, across processes).
 */
const running = new Map<string, Promise<unknown>>();
export async function oneAtATime<T>(id: string, work: () => Promise<T>): Promise<T> {
  const before = running.get(id) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(work);
  running.set(id, mine);
  try {
    return await mine;
  } finally {
    if (running.get(id) === mine) running.delete(id);
  }
}

/**
 * An approval, ready to commit: the member number from the members' atomic sequence (per prefix, so per library,
 * and year), the member the kiosk will know, and the registration as it will read once approved. Nothing is
 * written but the sequence (a number a failed approval drew stays unused, as a sequence's gaps do): the member
 * and the decision are `writes`, committed with the answer in one transaction, so a crash never leaves a
 * number the kiosk knows on a registration still pending. `writes` is empty when it was approved already.
 */
export async function approval(
  stores: Stores,
  store: MembershipStore,
  record: RegistrationRecord,
  actor: string,
  now: Date,
): Promise<{ approved: RegistrationRecord; writes: PendingWrite[] }> {
  if (record.status === 'approved') return { approved: record, writes: [] };
  if (record.status !== 'pending') throw notPending(record.status);
  const today = now.toISOString().slice(0, 10);
  const prefix = await prefixOf(stores, store, record.libraryId);
  const number = await stores.members.nextNumber(prefix, now.getUTCFullYear());
  const until = validUntil(today, memberTypeRules[record.memberType].validityMonths);
  const decision = { memberNumber: number, validFrom: today, validUntil: until, actor, at: now.toISOString() };
  return {
    approved: {
      ...record,
      status: 'approved',
      decidedAt: decision.at,
      memberNumber: number,
      validFrom: today,
      validUntil: until,
    },
    writes: [
      stores.members.writes.add({
        number,
        libraryId: record.libraryId,
        fullName: record.fullName,
        firstName: firstNameOf(record.fullName),
        memberType: record.memberType,
        institution: (await institutionOf(stores, record)) ?? null,
        validUntil: until,
      }),
      store.writes.approve(record.id, decision),
    ],
  };
}

/** What a printed member card shows. */
export async function memberCard(stores: Stores, record: RegistrationRecord): Promise<MemberCard> {
  const library = await stores.libraries.get(record.libraryId);
  const institution = await institutionOf(stores, record);
  return {
    member_number: record.memberNumber!,
    full_name: record.fullName,
    member_type: record.memberType,
    member_type_label: memberTypeRules[record.memberType].cardLabel,
    library_id: record.libraryId,
    library_name: library?.name ?? record.libraryId,
    ...(institution && { institution }),
    valid_from: record.validFrom!,
    valid_until: record.validUntil!,
  };
}
