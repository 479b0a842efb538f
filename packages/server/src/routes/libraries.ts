import type { OperationHandlers } from '../http/operations.js';
import { pagingOf, setPagingHeaders } from '../http/paging.js';
import { notFound } from '../http/problem.js';

export const libraryHandlers: OperationHandlers = {
  async listLibraries({ request, reply, query, stores }) {
    const paging = pagingOf(query);
    const { total, items } = await stores.libraries.list({
      kinds: query.kind,
      offset: paging.offset,
      limit: paging.per_page,
    });
    setPagingHeaders(request, reply, paging, total);
    reply.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=3600');
    return { total, page: paging.page, per_page: paging.per_page, items };
  },

  async getLibrary({ reply, params, stores }) {
    const library = await stores.libraries.get(params.libraryId);
    if (!library) throw notFound(`No library has the id "${params.libraryId}".`);
    reply.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=3600');
    return library;
  },
};
