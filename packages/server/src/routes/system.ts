import type { OperationHandlers } from '../http/operations.js';
import { ProblemError } from '../http/problem.js';
import { serverVersion } from '../version.js';

export const systemHandlers: OperationHandlers = {
  async getHealth({ stores }) {
    if (!(await stores.ping())) {
      throw new ProblemError(503, 'unavailable', 'The database does not answer; try again shortly.', {
        retryAfter: 5,
      });
    }
    return { status: 'ok', version: serverVersion, time: new Date().toISOString(), database: 'ok' };
  },
};
