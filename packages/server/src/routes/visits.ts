import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { components } from '@pustaka/spec/schema';
import type { OperationHandlers } from '../http/operations.js';
import { notFound, ProblemError, validationFailed } from '../http/problem.js';
import { clientKey, FixedWindowCounter } from '../http/rate-limit.js';
import type { Limit } from '../http/rate-limit-config.js';
import type { Member } from '../members/store.js';
import type { Principal } from '../auth/principal.js';
import { addDays } from '../visits/days.js';
import { resolveVisitOptions, type VisitOptions } from '../visits/options.js';
import { StatsQueryError, visitStats, yearOnYear } from '../visits/stats.js';
import { NETWORK, peopleOf, type NewVisit, type StoredVisit } from '../visits/store.js';
import { automatedVisit, visitorHash } from '../visits/web.js';
import type { FieldError } from '../types.js';

type Schemas = components['schemas'];

/**
 * Aggregates only, so a shared cache (a CDN, the school's proxy) may hold them for half a minute; browsers
 * revalidate every time with the ETag, so a page never shows figures older than its own last visit.
 */
const STATS_CACHE = 'public, max-age=0, s-maxage=30, must-revalidate';

const invalid = validationFailed;

const etagOf = (body: unknown) =>
  `W/"${createHash('sha1').update(JSON.stringify(body)).digest('base64url').slice(0, 22)}"`;

/** Answers 304 when the client has this very answer (a weak ETag of its JSON); else sets the ETag. */
function unchanged(request: FastifyRequest, reply: FastifyReply, body: unknown, etag = etagOf(body)): boolean {
  reply.header('ETag', etag);
  const sent = request.headers['if-none-match'];
  if (sent && sent.split(',').some((tag) => tag.trim() === etag)) {
    reply.code(304).send();
    return true;
  }
  return false;
}

/** The library a kiosk token or site key acts for (both are bound to one). */
function libraryOf(principal: Principal | undefined): string {
  if (!principal?.libraryId) throw new Error('Visits are recorded with a credential bound to a library.');
  return principal.libraryId;
}

const DAY_MS = 86_400_000;
/** Distinct stats questions kept between two writes (a few hundred pages' counters; each answer is a few kB). */
const STATS_CACHE_ENTRIES = 500;

export interface VisitHandlerOptions extends VisitOptions {
  /** Web visits one visitor may send a minute before 429 (the rate limits' `web-visit.perVisitor`). */
  perVisitor?: Limit | null;
}

/** The visits operations: recording at the door and on the web, public figures, the kiosk's view. */
export function visitHandlers(options: VisitHandlerOptions = {}): OperationHandlers {
  const settings = resolveVisitOptions(options);
  const { clock, now } = settings;
  const repeatWindowMs = settings.repeatWindowMinutes * 60_000;
  const visitors = new FixedWindowCounter(now);
  let secret: { day: string; value: Promise<Buffer> } | undefined;
  // Stats answers of this server, valid while the roll-ups' version holds (any visit written empties it): the
  // same question from every page showing a counter is computed once between two visits. Cold answers are
  // measured apart in docs/benchmarks.md.
  const statsCache = {
    version: '',
    answers: new Map<string, { stats: Schemas['VisitStats']; etag: string }>(),
  };

  const membershipOf = (member: Member, today: string): NonNullable<Schemas['Visit']['membership']> => {
    const status =
      member.status === 'suspended'
        ? 'suspended'
        : member.status === 'closed' || member.validUntil < today
          ? 'expired'
          : member.validUntil <= addDays(today, 30)
            ? 'expiring'
            : 'active';
    return { status, valid_until: member.validUntil };
  };

  /** When the check-in happened: now, or the moment an offline kiosk queued it (within `backdateDays`). */
  const occurredAt = (sent: string | undefined, at: number): number => {
    if (sent === undefined) return at;
    const when = Date.parse(sent);
    if (when > at + 5 * 60_000) {
      throw invalid([{ field: 'occurred_at', code: 'future', message: 'is in the future' }]);
    }
    if (when < at - settings.backdateDays * DAY_MS) {
      throw invalid([
        { field: 'occurred_at', code: 'too_old', message: `is more than ${settings.backdateDays} days ago` },
      ]);
    }
    return Math.min(when, at);
  };

  return {
    async recordVisit({ request, reply, body, principal, stores }) {
      const libraryId = libraryOf(principal);
      const at = now();
      const when = occurredAt(body.occurred_at, at);
      const today = clock.day(at);
      // A kiosk token fixes its location; a site key's page may name one.
      const location = principal?.kind === 'kiosk' ? (principal.location ?? null) : (body.location ?? null);
      const key = request.headers['idempotency-key'];
      const visit: NewVisit = {
        // Time first: new rows go to the end of the table's B-tree instead of a random page each (fewer page writes).
        id: `vis_${at.toString(36)}${randomBytes(6).toString('base64url')}`,
        libraryId,
        location,
        kind: body.kind,
        people: 1,
        day: clock.day(when),
        occurredAt: when,
        recordedAt: at,
        clientKey: typeof key === 'string' ? `${principal?.credentialId}:${key}` : undefined,
      };
      let member: Member | undefined;
      if (body.kind === 'member') {
        member = await stores.members.findByNumber(body.member_number);
        if (!member) throw new ProblemError(422, 'member_not_found', 'No member has this member number.');
        Object.assign(visit, { memberNumber: member.number, memberType: member.memberType });
      } else if (body.kind === 'guest') {
        const { name, institution, occupation, education, sex, purpose } = body;
        Object.assign(visit, { name, institution, occupation, education, sex, purpose });
      } else {
        const { leader_name, institution, male, female, occupation, education, purpose } = body;
        if (male + female < 1) {
          throw invalid([{ field: 'male', code: 'minimum', message: 'and female must add up to at least 1' }]);
        }
        Object.assign(visit, { name: leader_name, institution, male, female, occupation, education, purpose });
        visit.people = male + female;
      }

      const outcome = await stores.visits.record(visit, { repeatWindowMs: member ? repeatWindowMs : undefined });
      const stored: StoredVisit = outcome.visit;
      const answer: Schemas['Visit'] = {
        id: stored.id,
        library_id: stored.libraryId,
        kind: stored.kind,
        people: stored.people,
        counted: outcome.outcome !== 'repeat',
        recorded_at: clock.local(outcome.outcome === 'repeat' ? at : stored.recordedAt),
        today_total: peopleOf(await stores.visits.totals(libraryId, today, today)),
      };
      if (stored.location !== null) answer.location = stored.location;
      if (member) {
        answer.greeting_name = member.firstName;
        answer.membership = membershipOf(member, today);
      }
      if (outcome.outcome === 'repeat') answer.repeat_of = clock.local(stored.occurredAt);
      reply.code(answer.counted ? 201 : 200);
      return answer;
    },

    async recordWebVisit({ request, reply, body, principal, stores }) {
      const libraryId = libraryOf(principal);
      reply.header('Cache-Control', 'no-store');
      const reason = automatedVisit(request.headers, body.automated, { countHeadless: settings.countHeadless });
      if (reason) return { library_id: libraryId, counted: false, reason };
      const today = clock.day(now());
      if (secret?.day !== today) secret = { day: today, value: stores.visits.webSecret(today) };
      const site = `${libraryId}\u0000${principal?.credentialId}`;
      const visitor = visitorHash(await secret.value, site, clientKey(request.ip), request.headers['user-agent'] ?? '');
      const wait = options.perVisitor ? visitors.hit(`web:${visitor}`, options.perVisitor) : 0;
      if (wait) {
        throw new ProblemError(429, 'rate_limited', `Too many requests; try again in ${wait} seconds.`, {
          retryAfter: wait,
        });
      }
      const counted = await stores.visits.recordWebVisit(libraryId, today, visitor);
      reply.code(counted ? 201 : 200);
      return counted ? { library_id: libraryId, counted } : { library_id: libraryId, counted, reason: 'repeat' };
    },

    async getVisitStats({ request, reply, query, stores }) {
      const errors: FieldError[] = [];
      for (const [i, id] of (query.library ?? []).entries()) {
        if (!(await stores.libraries.exists(id)))
          errors.push({ field: `library.${i}`, code: 'unknown', message: `no library has the id "${id}"` });
      }
      if (errors.length) throw invalid(errors);
      const today = clock.day(now());
      const version = await stores.visits.figuresVersion();
      if (statsCache.version !== version) statsCache.answers.clear();
      statsCache.version = version;
      const cacheKey = `${today}\u0000${JSON.stringify(query)}`;
      let cached = statsCache.answers.get(cacheKey);
      if (!cached) {
        let stats;
        try {
          stats = await visitStats(stores.visits, query, today, clock.timeZone);
        } catch (error) {
          if (error instanceof StatsQueryError) throw invalid(error.errors);
          throw error;
        }
        cached = { stats, etag: etagOf(stats) };
        if (statsCache.answers.size >= STATS_CACHE_ENTRIES) statsCache.answers.clear();
        statsCache.answers.set(cacheKey, cached);
      }
      reply.header('Cache-Control', STATS_CACHE);
      if (unchanged(request, reply, cached.stats, cached.etag)) return reply;
      return cached.stats;
    },

    async getVisitImpact({ request, reply, query, stores }) {
      const libraryId = query.library;
      if (libraryId !== undefined && !(await stores.libraries.exists(libraryId))) {
        throw notFound(`No library has the id "${libraryId}".`);
      }
      const today = clock.day(now());
      const works =
        libraryId === undefined
          ? await stores.catalog.count()
          : (await stores.catalog.search({ libraries: [libraryId], sort: 'relevance', offset: 0, limit: 1 })).total;
      const impact: Schemas['VisitImpact'] = {
        ...(libraryId !== undefined && { library_id: libraryId }),
        time_zone: clock.timeZone,
        today,
        ...(await yearOnYear(stores.visits, libraryId ?? NETWORK, today)),
        members: await stores.members.count(libraryId === undefined ? {} : { libraryId }),
        works,
      };
      // "N pupils of this school hold a city library card": counts only, from the registrations' institution.
      if (libraryId !== undefined && stores.membership) {
        const holders = await stores.membership.stats({
          institutionId: libraryId,
          from: '0001-01-01',
          to: today,
          granularity: 'month',
        });
        impact.card_holders = holders.members;
      }
      reply.header('Cache-Control', STATS_CACHE);
      if (unchanged(request, reply, impact)) return reply;
      return impact;
    },

    async getKiosk({ reply, principal, stores }) {
      const libraryId = libraryOf(principal);
      const library = await stores.libraries.get(libraryId);
      if (!library) throw notFound(`No library has the id "${libraryId}".`);
      const today = clock.day(now());
      const totals = await stores.visits.totals(libraryId, today, today);
      reply.header('Cache-Control', 'no-store');
      return {
        library: { id: library.id, name: library.name, kind: library.kind },
        location: principal?.location ?? null,
        time_zone: clock.timeZone,
        today,
        today_counts: {
          total: peopleOf(totals),
          members: totals.members,
          guests: totals.guests,
          group_people: totals.groupPeople,
        },
        repeat_window_minutes: settings.repeatWindowMinutes,
      };
    },
  };
}
