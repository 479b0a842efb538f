import type { OperationHandlers } from '../http/operations.js';
import { ProblemError } from '../http/problem.js';
import { storageHealth } from '../http/storage-health.js';
import { serverVersion } from '../version.js';
import { visitsRefused } from '../visits/drops.js';

export const systemHandlers: OperationHandlers = {
  async getHealth({ stores }) {
    if (!(await stores.ping())) {
      throw new ProblemError(503, 'unavailable', 'The database does not answer; try again shortly.', {
        retryAfter: 5,
      });
    }
    // Reads work (the ping answered); writes failed since the last one that went through: say so.
    const failure = storageHealth.of(stores);
    return {
      status: failure ? 'degraded' : 'ok',
      version: serverVersion,
      time: new Date().toISOString(),
      database: 'ok',
      storage: failure ? failure.kind : 'ok',
      ...(failure && { storage_failed_at: failure.at.toISOString() }),
      visits_refused: visitsRefused(stores),
    };
  },
};
