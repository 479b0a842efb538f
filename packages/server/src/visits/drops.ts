import type { FastifyInstance } from 'fastify';
import type { components } from '@pustaka/spec/schema';
import type { Stores } from '../storage/stores.js';

type VisitsRefused = components['schemas']['VisitsRefused'];

const fieldOf = { recordVisit: 'record_visit', recordWebVisit: 'record_web_visit' } as const;
type VisitOperation = keyof typeof fieldOf;
const isVisitOperation = (id: unknown): id is VisitOperation => id === 'recordVisit' || id === 'recordWebVisit';

/** Refused visits since the server started, per set of stores (one server), for `/v1/health`. */
const refusals = new WeakMap<Stores, VisitsRefused>();

/** The counts `/v1/health` shows the operator (zeros before the first refusal). */
export function visitsRefused(stores: Stores): VisitsRefused {
  let counts = refusals.get(stores);
  if (!counts)
    refusals.set(stores, (counts = { record_visit: 0, record_web_visit: 0, since: new Date().toISOString() }));
  return counts;
}

/**
 * Tells the operator about visits a rate limit refused (429), instead of losing them silently: counts in
 * `/v1/health` (`visits_refused`, since the server started), and a log warning, the first at once, then at most
 * one a minute with the counts since the last (`visits refused by rate limits`). A kiosk queues and retries a
 * refused check-in, so a refusal there means a delay; a refused web visit is lost.
 */
export function registerVisitDropReport(app: FastifyInstance, stores: Stores, intervalMs = 60_000): void {
  const counts = visitsRefused(stores);
  let pending: Partial<Record<VisitOperation, number>> = {};
  let quietUntil = 0;
  let timer: NodeJS.Timeout | undefined;

  const report = () => {
    timer = undefined;
    if (Object.keys(pending).length === 0) return;
    const droppedSinceStart = { recordVisit: counts.record_visit, recordWebVisit: counts.record_web_visit };
    app.log.warn({ dropped: pending, droppedSinceStart }, 'visits refused by rate limits');
    pending = {};
    quietUntil = Date.now() + intervalMs;
  };

  app.addHook('onResponse', async (request, reply) => {
    const operationId = request.routeOptions.config?.operationId;
    if (reply.statusCode !== 429 || !isVisitOperation(operationId)) return;
    pending[operationId] = (pending[operationId] ?? 0) + 1;
    counts[fieldOf[operationId]]++;
    counts.last_refused_at = new Date().toISOString();
    if (Date.now() >= quietUntil) report();
    else timer ??= setTimeout(report, quietUntil - Date.now()).unref();
  });
  app.addHook('onClose', async () => {
    clearTimeout(timer);
    report();
  });
}
