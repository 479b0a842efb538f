import type { PustakaClient, VisitStats } from '@pustaka/client';
import type { Bar } from './chart.js';

/** A preset period ending today in the library's time zone (the server's `VisitPeriod`). */
export type Period = 'today' | 'week' | 'month' | 'year' | 'all';

/** What the display face shows. */
export interface Figures {
  counts: Pick<VisitStats, 'total' | 'members' | 'guests' | 'group_people'>;
  /** Website visits, said apart from people at the door (never added to them). */
  web: number;
  byMemberType: VisitStats['by_member_type'];
  series: Bar[];
  at: Date;
}

/** What the impact card shows; `change` is a fraction (0.2 for +20 %), undefined when last year had none. */
export interface Impact {
  year: number;
  visits: number;
  members: number;
  works: number;
  /** City library card holders whose registration names this library's institution (a school's pupils). */
  cardHolders: number | undefined;
  change: number | undefined;
}

/**
 * A library's figures (the network's without one) for a period: the library's own days are the server's business
 * (`period`), so a school in Bontang sees its day change at midnight in Asia/Makassar, not the visitor's.
 */
export async function loadFigures(
  client: PustakaClient,
  library: string | undefined,
  period: Period,
  withChart: boolean,
  signal: AbortSignal,
): Promise<Figures> {
  const stats = await client.visits.stats(
    {
      period,
      ...(library && { library: [library] }),
      ...(withChart && { chart: period === 'year' || period === 'all' ? '12m' : '30d' }),
    },
    { signal },
  );
  const { total, members, guests, group_people } = stats;
  return {
    counts: { total, members, guests, group_people },
    web: stats.web_visits,
    byMemberType: stats.by_member_type,
    series: stats.chart?.points ?? [],
    at: new Date(),
  };
}

export async function loadImpact(
  client: PustakaClient,
  library: string | undefined,
  signal: AbortSignal,
): Promise<Impact> {
  const impact = await client.visits.impact(library ? { library } : {}, { signal });
  return {
    year: impact.year,
    visits: impact.visits_this_year,
    members: impact.members,
    works: impact.works,
    cardHolders: impact.card_holders,
    change: impact.trend_percent === null ? undefined : impact.trend_percent / 100,
  };
}
