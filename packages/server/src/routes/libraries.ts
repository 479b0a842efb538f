import type { OperationHandlers } from '../http/operations.js';
import { pagingOf, setPagingHeaders } from '../http/paging.js';
import { notFound } from '../http/problem.js';

export const libraryHandlers: OperationHandlers = {
  listLibraries({ request, reply, query, stores }) {
    const paging = pagingOf(query);
    const { total, items } = stores.libraries.list({
      kinds: query.kind,
      offset: paging.offset,
      limit: paging.per_page,
    });
    setPagingHeaders(request, reply, paging, total);
    reply.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=3600');
    return { total, page: paging.page, per_page: paging.per_page, items };
  },

  getLibrary({ reply, params, stores }) {
    const library = stores.libraries.get(params.libraryId);
    if (!library) throw notFound(`No library has the id "${params.libraryId}".`);
    reply.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=3600');
    return library;
  },
};
