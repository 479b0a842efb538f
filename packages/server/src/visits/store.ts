import type { components } from '@pustaka/spec/schema';
import type { MemberType } from '../members/store.js';

type Schemas = components['schemas'];

/** The roll-up of the whole network, beside one per library. */
export const NETWORK = '*';

/** A visit to store: the guest book's line. `day` is the library's day of `occurredAt`. */
export interface NewVisit {
  id: string;
  libraryId: string;
  location: string | null;
  kind: 'member' | 'guest' | 'group';
  /** 1, or a group's head-count. */
  people: number;
  memberNumber?: string;
  memberType?: MemberType;
  /** A guest's name or a group's leader. */
  name?: string;
  institution?: string;
  occupation?: Schemas['Occupation'];
  education?: Schemas['EducationLevel'];
  sex?: Schemas['Sex'];
  purpose?: Schemas['VisitPurpose'];
  male?: number;
  female?: number;
  day: string;
  /** Epoch ms: when it happened. */
  occurredAt: number;
  /** Epoch ms: when the server stores it. */
  recordedAt: number;
  /** The credential and Idempotency-Key the visit came with: a visit with a known key is never stored twice. */
  clientKey?: string;
}

/** A stored visit, as much of it as an answer needs (no name, no member number). */
export interface StoredVisit {
  id: string;
  libraryId: string;
  location: string | null;
  kind: NewVisit['kind'];
  people: number;
  day: string;
  occurredAt: number;
  recordedAt: number;
}

export type RecordOutcome =
  /** Stored and counted. */
  | { outcome: 'counted'; visit: StoredVisit }
  /** The same member at the same library and location inside the repeat window: nothing stored. */
  | { outcome: 'repeat'; visit: StoredVisit }
  /** A visit with this client key was stored before: that one, nothing new. */
  | { outcome: 'replayed'; visit: StoredVisit };

export type MemberTypeCounts = Record<MemberType, number>;

/** What the roll-ups add up for a day, a month or a period. */
export interface VisitTotals {
  members: number;
  guests: number;
  groupPeople: number;
  webVisits: number;
  /** Member check-ins by member type. */
  memberTypes: MemberTypeCounts;
}

export interface DayTotals {
  libraryId: string;
  day: string;
  totals: VisitTotals;
}

export interface Bucket extends VisitTotals {
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  bucket: string;
}

/**
 * The guest book and its roll-ups. Every write updates the day and month roll-ups of its library and of the
 * network in the same transaction, so reads never count raw visits. Days are the caller's (the library's time
 * zone); the store only compares and groups them.
 */
export interface VisitStore {
  /**
   * Stores a visit once. With `repeatWindowMs`, a member visit is a repeat when the same member was counted
   * at the same library and location less than that long before or after `occurredAt`.
   */
  record(visit: NewVisit, options?: { repeatWindowMs?: number }): Promise<RecordOutcome>;
  /**
   * Adds days' totals without visit rows, all in one transaction: the days of an older guest book (SLiMS,
   * INLISLite) brought over, or the demo's history. Added to what each day has already.
   */
  addDayTotals(days: DayTotals[]): Promise<void>;
  /** Counts a web visitor once per library and day; answers whether it was counted now. */
  recordWebVisit(libraryId: string, day: string, visitor: string): Promise<boolean>;
  /**
   * The secret of a day's web visitor hashes, made on first use. Secrets and visitors of days before `day` are
   * deleted then, so yesterday's hashes cannot be recomputed by anyone.
   */
  webSecret(day: string): Promise<Buffer>;
  /** Totals from `from` to `to` (days, both included) of one scope: a library id or NETWORK. */
  totals(scope: string, from: string, to: string): Promise<VisitTotals>;
  /**
   * People at the door (members, guests, people of groups) by library id, of every library with roll-up rows in
   * the period, or of `libraries` (the network row left out).
   */
  peopleByLibrary(from: string, to: string, libraries?: string[]): Promise<Map<string, number>>;
  /** Non-empty days or months of one scope from `from` to `to` (days), oldest first. */
  buckets(scope: string, from: string, to: string, granularity: 'day' | 'month'): Promise<Bucket[]>;
  /** The first day with a visit or web visit of a scope. */
  firstDay(scope: string): Promise<string | undefined>;
  /** Changes whenever a roll-up may have changed (any writer): figures read at one version are valid while it holds. */
  figuresVersion(): Promise<string>;
}

export const emptyTotals = (): VisitTotals => ({
  members: 0,
  guests: 0,
  groupPeople: 0,
  webVisits: 0,
  memberTypes: { pelajar: 0, mahasiswa: 0, guru_dosen: 0, umum: 0, asn: 0 },
});

/** Adds `more` into `into`. */
export function addTotals(into: VisitTotals, more: VisitTotals): VisitTotals {
  into.members += more.members;
  into.guests += more.guests;
  into.groupPeople += more.groupPeople;
  into.webVisits += more.webVisits;
  for (const type of Object.keys(into.memberTypes) as MemberType[]) into.memberTypes[type] += more.memberTypes[type];
  return into;
}

/** People at the door: members, guests and the people of groups (web visits apart). */
export const peopleOf = (totals: VisitTotals) => totals.members + totals.guests + totals.groupPeople;
