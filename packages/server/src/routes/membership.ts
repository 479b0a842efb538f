import { randomBytes } from 'node:crypto';
import { requireLibraryAccess } from '../auth/library-access.js';
import { wrongLibrary } from '../auth/refusals.js';
import type { OperationHandlers } from '../http/operations.js';
import { pagingOf, setPagingHeaders } from '../http/paging.js';
import { notFound, ProblemError, validationFailed } from '../http/problem.js';
import { approval, memberCard, notPending, oneAtATime, prefixOf } from '../membership/approval.js';
import { formDefinition, institutionName, institutionsOf } from '../membership/form-definition.js';
import { HONEYPOT_FIELD } from '../membership/anti-spam.js';
import type { ConsentRecord, NewRegistration, RegistrationRecord } from '../membership/model.js';
import { RegistrationWriteRefused, type MembershipStore } from '../membership/store.js';
import { checkRegistration } from '../membership/validate-registration.js';
import { referenceTail } from '../membership/sqlite-store.js';
import { registrationDetailWire, registrationWire } from '../membership/wire.js';
import type { Stores } from '../storage/stores.js';
import type { Library } from '../types.js';

export interface MembershipOptions {
  /** Fastest a person fills the form, from the form token's issue to the submission (default 3 s). */
  minFillMs?: number;
  /** The clock of registrations, decisions and form tokens (tests move it). */
  now?: () => Date;
}

export const DEFAULT_MIN_FILL_MS = 3000;

const refused = (error: unknown, reason: RegistrationWriteRefused['reason']) =>
  error instanceof RegistrationWriteRefused && error.reason === reason;

const registrationId = () => `reg_${randomBytes(13).toString('hex').slice(0, 24)}`;

function storeOf(stores: Stores): MembershipStore {
  if (!stores.membership) {
    throw new ProblemError(
      503,
      'unavailable',
      'Online registration is not configured on this server (no membership key).',
    );
  }
  return stores.membership;
}

async function allLibraries(stores: Stores): Promise<Library[]> {
  return (await stores.libraries.list({ offset: 0, limit: 10_000 })).items;
}

async function registrationFor(stores: Stores, id: string) {
  const record = await storeOf(stores).get(id);
  if (!record) throw notFound(`No registration has the id "${id}".`);
  return record;
}

/** Registration, the staff's decisions, the subject's rights (export, erasure) and the public figures. */
export function membershipHandlers(options: MembershipOptions = {}): OperationHandlers {
  const now = options.now ?? (() => new Date());
  const minFillMs = options.minFillMs ?? DEFAULT_MIN_FILL_MS;

  return {
    async getMembershipForm({ query, stores, reply }) {
      const store = storeOf(stores);
      const libraries = await allLibraries(stores);
      const library = query.library
        ? libraries.find((candidate) => candidate.id === query.library)
        : libraries.find((candidate) => candidate.kind === 'public');
      if (!library) throw notFound(`No library has the id "${query.library ?? 'city library'}".`);
      // Each load carries its own token (the time it was issued): a shared cache would hand one to everybody.
      reply.header('Cache-Control', 'no-store');
      return formDefinition(library.id, query.lang ?? 'id', libraries, {
        form_token: store.issueFormToken(now().getTime()),
        min_fill_seconds: Math.ceil(minFillMs / 1000),
        honeypot_field: HONEYPOT_FIELD,
      });
    },

    async createRegistration({ body, principal, request, reply, stores, commit }) {
      const store = storeOf(stores);
      const at = now();
      const libraryId = body.library_id ?? principal!.libraryId!;
      const library = await stores.libraries.get(libraryId);
      if (!library) {
        throw new ProblemError(400, 'validation_failed', 'The request has 1 invalid field: library_id is unknown.', {
          errors: [{ field: 'library_id', code: 'unknown', message: 'is not a library of the network' }],
        });
      }
      // A site registers for its own library, or for the city library's card, which every site may offer.
      if (libraryId !== principal!.libraryId && library.kind !== 'public') throw wrongLibrary(principal!, libraryId);
      const institutions = new Set(institutionsOf(await allLibraries(stores)).map((institution) => institution.id));
      const { errors, checked } = checkRegistration(body, at.toISOString().slice(0, 10), (id) => institutions.has(id));
      if (!checked) throw validationFailed(errors);
      const id = registrationId();
      const prefix = await prefixOf(stores, store, libraryId);
      const receipt = (reference: string) => ({
        id,
        reference,
        status: 'pending' as const,
        nik_last4: body.nik.slice(-4),
        created_at: at.toISOString(),
        warnings: checked.warnings.map((code) => ({
          field: 'nik',
          code,
          message:
            code === 'nik_birth_date_mismatch'
              ? 'holds another birth date (confirmed)'
              : 'holds another sex (confirmed)',
        })),
      });
      reply.status(201);
      if (!store.looksHuman(body, at.getTime(), minFillMs)) {
        // The same answer as a real registration (its reference from the same alphabet), and nothing stored: a
        // bot learns nothing to adapt to.
        request.log.info({ trap: true }, 'registration trapped by the anti-spam checks');
        return receipt(`${prefix}-${referenceTail()}`);
      }
      const givenBy = checked.minor ? 'guardian' : 'applicant';
      const origin = typeof request.headers.origin === 'string' ? request.headers.origin : null;
      const consents: ConsentRecord[] = body.consents.map((consent) => ({
        id: consent.id,
        version: consent.version,
        granted: consent.granted,
        givenAt: at.toISOString(),
        origin,
        givenBy,
      }));
      const registration: NewRegistration = {
        id,
        referencePrefix: `${prefix}-`,
        source: 'online',
        libraryId,
        memberType: body.member_type,
        fullName: body.full_name.trim(),
        sex: body.sex,
        personal: checked.personal,
        institutionId: body.institution_id ?? null,
        institution: body.institution_id ? null : body.institution?.trim() || null,
        classOrFaculty: body.class_or_faculty?.trim() || null,
        educationLevel: body.education_level ?? null,
        minor: checked.minor,
        warnings: checked.warnings,
        consents,
        createdAt: at.toISOString(),
      };
      // The reference is drawn here, so the receipt is known before the registration and the receipt (as the
      // Idempotency-Key's answer) commit together: a crash between them cannot turn a retry into a duplicate.
      for (;;) {
        const answer = receipt(`${prefix}-${referenceTail()}`);
        const write = store.writes.create({ ...registration, reference: answer.reference });
        try {
          await commit([write], { status: 201, body: answer });
        } catch (error) {
          if (refused(error, 'reference_taken')) continue;
          if (!refused(error, 'duplicate')) throw error;
          throw new ProblemError(
            409,
            'duplicate_registration',
            'This registration cannot be taken online. Please ask at the library counter, with your identity card.',
          );
        }
        request.log.info({ registration: id }, 'registration received');
        return answer;
      }
    },

    async listRegistrations({ query, principal, request, reply, stores }) {
      const store = storeOf(stores);
      const paging = pagingOf(query);
      const libraryIds =
        principal!.libraryId !== null ? [principal!.libraryId] : query.library ? [query.library] : undefined;
      const { total, items } = await store.list({
        libraryIds,
        statuses: query.status,
        memberType: query.member_type,
        institutionId: query.institution,
        flagged: query.flagged,
        source: query.source,
        offset: paging.offset,
        limit: paging.per_page,
      });
      setPagingHeaders(request, reply, paging, total);
      reply.header('Cache-Control', 'no-store');
      const wired = [];
      for (const item of items) wired.push(registrationWire(item, await store.flags(item.id), principal));
      return { total, page: paging.page, per_page: paging.per_page, items: wired };
    },

    async getRegistration({ params, principal, reply, stores }) {
      const store = storeOf(stores);
      const record = await registrationFor(stores, params.registrationId);
      requireLibraryAccess(principal, record.libraryId);
      reply.header('Cache-Control', 'no-store');
      const personal = (await store.personalData(record.id)) ?? {};
      return registrationDetailWire(
        record,
        await store.flags(record.id),
        personal,
        await store.consents(record.id),
        principal,
      );
    },

    async approveRegistration({ params, principal, request, stores, commit }) {
      const store = storeOf(stores);
      const record = await registrationFor(stores, params.registrationId);
      requireLibraryAccess(principal, record.libraryId);
      const answerFor = async (approved: RegistrationRecord) => ({
        registration: registrationWire(approved, await store.flags(approved.id), principal),
        member_number: approved.memberNumber!,
        valid_until: approved.validUntil!,
        card: await memberCard(stores, approved),
      });
      const answer = await oneAtATime(record.id, async () => {
        const current = (await store.get(record.id)) ?? record;
        const { approved, writes } = await approval(stores, store, current, principal!.credentialId, now());
        const body = await answerFor(approved);
        if (writes.length === 0) return body;
        try {
          await commit(writes, { status: 200, body });
        } catch (error) {
          if (!refused(error, 'not_pending')) throw error;
          // Decided by another process meanwhile.
          const decided = await store.get(record.id);
          if (decided?.status !== 'approved') throw notPending(decided?.status ?? 'gone');
          return answerFor(decided);
        }
        return body;
      });
      request.log.info({ registration: record.id, by: principal!.credentialId }, 'registration approved');
      return answer;
    },

    async rejectRegistration({ params, body, principal, request, stores, commit }) {
      const store = storeOf(stores);
      const record = await registrationFor(stores, params.registrationId);
      requireLibraryAccess(principal, record.libraryId);
      const answer = await oneAtATime(record.id, async () => {
        const current = (await store.get(record.id)) ?? record;
        const flags = await store.flags(current.id);
        if (current.status === 'rejected') return registrationWire(current, flags, principal);
        if (current.status !== 'pending') throw notPending(current.status);
        const decision = {
          code: body.reason_code,
          reason: body.reason.trim(),
          actor: principal!.credentialId,
          at: now().toISOString(),
        };
        const rejected: RegistrationRecord = {
          ...current,
          status: 'rejected',
          decidedAt: decision.at,
          rejection: { code: decision.code, reason: decision.reason },
        };
        const wire = registrationWire(rejected, flags, principal);
        try {
          await commit([store.writes.reject(record.id, decision)], { status: 200, body: wire });
        } catch (error) {
          if (!refused(error, 'not_pending')) throw error;
          throw notPending((await store.get(record.id))?.status ?? 'gone');
        }
        return wire;
      });
      request.log.info({ registration: record.id, by: principal!.credentialId }, 'registration rejected');
      return answer;
    },

    async exportRegistrationData({ params, principal, request, reply, stores }) {
      const store = storeOf(stores);
      const record = await registrationFor(stores, params.registrationId);
      requireLibraryAccess(principal, record.libraryId);
      const at = now().toISOString();
      await store.recordEvent(record.id, 'exported', principal!.credentialId, at);
      request.log.info({ registration: record.id, by: principal!.credentialId }, 'personal data exported');
      const library = await stores.libraries.get(record.libraryId);
      reply.header('Cache-Control', 'no-store');
      reply.header('Content-Disposition', `attachment; filename="pustaka-data-${record.reference}.json"`);
      const personal = (await store.personalData(record.id)) ?? {};
      return {
        exported_at: at,
        controller: library?.name ?? record.libraryId,
        registration: registrationDetailWire(
          record,
          await store.flags(record.id),
          personal,
          await store.consents(record.id),
          principal,
        ),
        nik_note:
          'NIK disimpan terenkripsi (AES-256-GCM); hanya empat angka terakhir yang ditampilkan. / The NIK is stored encrypted; only its last four digits are shown.',
        history: await store.history(record.id),
      };
    },

    async eraseRegistration({ params, body, principal, request, stores, commit }) {
      const store = storeOf(stores);
      const record = await registrationFor(stores, params.registrationId);
      requireLibraryAccess(principal, record.libraryId);
      const at = now().toISOString();
      const gone = () => notFound(`No registration has the id "${record.id}".`);
      const answer = await oneAtATime(record.id, async () => {
        const current = await store.get(record.id);
        if (!current) throw gone();
        const erasure = { actor: principal!.credentialId, at, reasonCode: body.reason_code };
        const writes = [store.writes.erase(current.id, erasure)];
        // The kiosk must stop knowing the person; the members table keeps the number, never the name.
        if (current.memberNumber) {
          const closed = { status: 'closed', fullName: '-', firstName: '-', institution: null } as const;
          writes.push(stores.members.writes.update(current.memberNumber, closed));
        }
        const erased = {
          id: current.id,
          erased_at: at,
          ...(current.memberNumber && { member_number_withdrawn: current.memberNumber }),
        };
        try {
          await commit(writes, { status: 200, body: erased });
        } catch (error) {
          if (refused(error, 'gone')) throw gone();
          throw error;
        }
        return erased;
      });
      request.log.info({ registration: record.id, by: principal!.credentialId }, 'registration erased on request');
      return answer;
    },

    async getMembershipStats({ query, stores, reply }) {
      const store = storeOf(stores);
      const to = query.to ?? now().toISOString().slice(0, 10);
      const from = query.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
      if (from > to) {
        throw new ProblemError(400, 'validation_failed', 'The request has 1 invalid field: from is after to.', {
          errors: [{ field: 'from', code: 'range', message: 'must not be after to' }],
        });
      }
      const granularity = query.granularity ?? 'month';
      const stats = await store.stats({
        libraryId: query.library,
        institutionId: query.institution,
        from,
        to,
        granularity,
      });
      const libraries = new Map((await allLibraries(stores)).map((library) => [library.id, library]));
      reply.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=3600');
      return {
        from,
        to,
        granularity,
        members: stats.members,
        registrations: stats.registrations,
        series: stats.series,
        by_library: stats.byLibrary.map((row) => ({ library_id: row.libraryId, members: row.members })),
        by_institution: stats.byInstitution.map((row) => {
          const library = row.institutionId ? libraries.get(row.institutionId) : undefined;
          return library
            ? { institution_id: library.id, name: institutionName(library), members: row.members }
            : { institution_id: 'other', name: 'Lainnya', members: row.members };
        }),
        by_member_type: stats.byMemberType.map((row) => ({ member_type: row.memberType, members: row.members })),
      };
    },
  };
}
