import type { FastifyBaseLogger } from 'fastify';
import type { Stores } from '../storage/stores.js';

export const DEFAULT_RETENTION_DAYS = 90;
const HOUR_MS = 60 * 60 * 1000;

/**
 * Purges pending and rejected registrations older than the retention period (UU 27/2022: keep personal data
 * no longer than its purpose needs): once at start, then every hour. Approved ones stay while the person is a
 * member; their erasure is a request (eraseRegistration).
 */
export function startPurging(
  stores: Stores,
  retentionDays = DEFAULT_RETENTION_DAYS,
  log: Pick<FastifyBaseLogger, 'info' | 'error'>,
  now: () => Date = () => new Date(),
) {
  const purge = async () => {
    if (!stores.membership) return 0;
    try {
      const before = new Date(now().getTime() - retentionDays * 24 * HOUR_MS).toISOString();
      const purged = await stores.membership.purge(before);
      if (purged) log.info({ purged, retentionDays }, 'registrations past their retention purged');
      return purged;
    } catch (error) {
      log.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'purge failed');
      return 0;
    }
  };
  const first = purge();
  const timer = setInterval(() => void purge(), HOUR_MS);
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}
