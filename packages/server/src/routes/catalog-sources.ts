import type { Principal } from '../auth/principal.js';
import type { OperationHandlers } from '../http/operations.js';
import { ProblemError, notFound } from '../http/problem.js';
import type { WorkSources } from '../catalog/store.js';

/**
 * Which library's description of a work is shown (catalog/source-records.ts). Any staff may look; only network
 * (admin) staff may pin, because a pin decides what every library's readers see.
 */
function requireNetworkStaff(principal: Principal | undefined): void {
  if (principal?.kind === 'staff' && principal.libraryId === null) return;
  throw new ProblemError(
    403,
    'insufficient_scope',
    `Only network staff choose which description of a work everyone sees; this token acts for ${principal?.libraryId ?? 'no library'} only.`,
  );
}

const noRecord = (recordId: string) => notFound(`No catalogue record has the id "${recordId}".`);

const answer = (recordId: string, sources: WorkSources) => ({
  record_id: recordId,
  shown: sources.shown,
  pinned: sources.pinned,
  sources: sources.sources.map((source) => ({
    library_id: source.libraryId,
    title: source.title,
    completeness: source.completeness,
  })),
});

export const catalogSourceHandlers: OperationHandlers = {
  async getCatalogRecordSources({ params, stores }) {
    const sources = await stores.catalog.sources(params.recordId);
    if (!sources) throw noRecord(params.recordId);
    return answer(params.recordId, sources);
  },

  async pinCatalogRecordSource({ params, body, principal, stores }) {
    requireNetworkStaff(principal);
    const libraryId = body.library_id;
    const sources = await stores.catalog.pinSource(params.recordId, libraryId);
    if (!sources) throw noRecord(params.recordId);
    if (sources === 'not_held')
      throw new ProblemError(
        409,
        'source_not_held',
        `The library "${libraryId}" has no description of ${params.recordId}: it holds no copy of this work.`,
      );
    return answer(params.recordId, sources);
  },
};
