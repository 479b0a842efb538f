import type { FastifyInstance } from 'fastify';

const visitOperations = new Set(['recordVisit', 'recordWebVisit']);

/**
 * Tells the operator about visits a rate limit refused (429), instead of losing them silently: the first one at
 * once, then at most one warning a minute with the counts since the last (`visits refused by rate limits`). A
 * kiosk queues and retries a refused check-in, so a refusal there means a delay; a refused web visit is lost.
 */
export function registerVisitDropReport(app: FastifyInstance, intervalMs = 60_000): void {
  let pending: Record<string, number> = {};
  let total: Record<string, number> = {};
  let quietUntil = 0;
  let timer: NodeJS.Timeout | undefined;

  const report = () => {
    timer = undefined;
    if (Object.keys(pending).length === 0) return;
    app.log.warn({ dropped: pending, droppedSinceStart: total }, 'visits refused by rate limits');
    pending = {};
    quietUntil = Date.now() + intervalMs;
  };

  app.addHook('onResponse', async (request, reply) => {
    const operationId = request.routeOptions.config?.operationId;
    if (reply.statusCode !== 429 || !operationId || !visitOperations.has(operationId)) return;
    pending[operationId] = (pending[operationId] ?? 0) + 1;
    total = { ...total, [operationId]: (total[operationId] ?? 0) + 1 };
    if (Date.now() >= quietUntil) report();
    else timer ??= setTimeout(report, quietUntil - Date.now()).unref();
  });
  app.addHook('onClose', async () => {
    clearTimeout(timer);
    report();
  });
}
