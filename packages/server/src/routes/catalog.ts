import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { importMediaTypes } from '@pustaka/spec/values';
import { requireLibraryAccess } from '../auth/library-access.js';
import type { OperationHandlers, QueryOf } from '../http/operations.js';
import { pagingOf, setPagingHeaders } from '../http/paging.js';
import { ProblemError, notFound, validationFailed } from '../http/problem.js';
import { importCatalogFile } from '../catalog/import/import-file.js';
import { StorageFailure, retryAfterSeconds } from '../catalog/import/storage-failure.js';
import { storageHealth } from '../http/storage-health.js';
import { capStrings, outputChars } from '../http/output-caps.js';
import { parseIsbn } from '../catalog/isbn.js';
import type { CatalogQuery } from '../catalog/store.js';
import type { FieldError } from '../types.js';

/** Searches change with loans and imports: fresh for half a minute, served stale while refreshing for five. */
const SEARCH_CACHE = 'public, max-age=30, stale-while-revalidate=300';
const SUGGEST_CACHE = 'public, max-age=300, stale-while-revalidate=3600';

const invalid = validationFailed;

/**
 * A weak ETag from the catalogue's version and what was asked: any import or loan change moves the version,
 * and a client that has the answer gets 304 without the server searching at all.
 */
function answerIfUnchanged(request: FastifyRequest, reply: FastifyReply, version: number, asked: unknown): boolean {
  const digest = createHash('sha1').update(JSON.stringify(asked)).digest('base64url').slice(0, 16);
  const etag = `W/"${version.toString(36)}-${digest}"`;
  reply.header('ETag', etag);
  const sent = request.headers['if-none-match'];
  if (sent && sent.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
    reply.code(304).send();
    return true;
  }
  return false;
}

type SearchParameters = QueryOf<'searchCatalog'>;

/** What the contract cannot say: a wrong ISBN check digit, a reversed year range, a library that is not. */
async function catalogQuery(
  query: SearchParameters,
  libraryExists: (id: string) => Promise<boolean>,
  offset: number,
  limit: number,
): Promise<CatalogQuery> {
  const errors: FieldError[] = [];
  let isbn: string | undefined;
  if (query.isbn !== undefined) {
    const parsed = parseIsbn(query.isbn);
    if ('isbn13' in parsed) isbn = parsed.isbn13;
    else errors.push({ field: 'isbn', code: 'isbn', message: 'is not a valid ISBN-10 or ISBN-13' });
  }
  if (query.year_from !== undefined && query.year_to !== undefined && query.year_from > query.year_to) {
    errors.push({ field: 'year_to', code: 'minimum', message: 'must be >= year_from' });
  }
  for (const [i, id] of (query.library ?? []).entries()) {
    if (!(await libraryExists(id)))
      errors.push({ field: `library.${i}`, code: 'unknown', message: `no library has the id "${id}"` });
  }
  if (errors.length) throw invalid(errors);
  return {
    text: query.q,
    title: query.title,
    author: query.author,
    subject: query.subject,
    isbn,
    formats: query.format,
    libraries: query.library,
    libraryKinds: query.library_kind,
    themes: query.theme,
    languages: query.language,
    yearFrom: query.year_from,
    yearTo: query.year_to,
    availableOnly: query.available,
    sort: query.sort ?? 'relevance',
    offset,
    limit,
  };
}

export const catalogHandlers: OperationHandlers = {
  async searchCatalog({ request, reply, query, stores }) {
    const paging = pagingOf(query);
    const search = await catalogQuery(query, (id) => stores.libraries.exists(id), paging.offset, paging.per_page);
    reply.header('Cache-Control', SEARCH_CACHE);
    if (answerIfUnchanged(request, reply, await stores.catalog.version(), query)) return reply;
    const started = performance.now();
    const { total, items, facets } = await stores.catalog.search(search);
    const took = Math.round(performance.now() - started);
    setPagingHeaders(request, reply, paging, total);
    return {
      total,
      page: paging.page,
      per_page: paging.per_page,
      took_ms: took,
      items: capStrings(items, outputChars.list),
      facets,
    };
  },

  async suggestCatalog({ reply, query, stores }) {
    reply.header('Cache-Control', SUGGEST_CACHE);
    return { items: capStrings(await stores.catalog.suggest(query.q, query.limit ?? 8), outputChars.list) };
  },

  async getCatalogRecord({ request, reply, params, stores }) {
    reply.header('Cache-Control', SEARCH_CACHE);
    if (answerIfUnchanged(request, reply, await stores.catalog.version(), params.recordId)) return reply;
    const record = await stores.catalog.get(params.recordId);
    if (!record) throw notFound(`No catalogue record has the id "${params.recordId}".`);
    const holdings = [];
    for (const { libraryId, copies } of record.holdings) {
      const library = await stores.libraries.get(libraryId);
      if (!library) continue;
      const { id, name, kind, address, opening_hours } = library;
      holdings.push({ library: { id, name, kind, address, opening_hours }, copies });
    }
    return capStrings({ ...record, holdings }, outputChars.record);
  },

  async importCatalog({ request, query, body, principal, stores }) {
    const { library: libraryId, format } = query;
    requireLibraryAccess(principal, libraryId);
    if (!(await stores.libraries.exists(libraryId))) {
      throw invalid([{ field: 'library', code: 'unknown', message: `no library has the id "${libraryId}"` }]);
    }
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (mediaType !== importMediaTypes[format]) {
      throw new ProblemError(
        415,
        'unsupported_media_type',
        `Send ${format} files as ${importMediaTypes[format]}, not ${mediaType || 'without a type'}.`,
      );
    }
    let report;
    try {
      report = await importCatalogFile({ catalog: stores.catalog, libraryId, format, source: body });
    } catch (error) {
      if (!(error instanceof StorageFailure)) throw error;
      storageHealth.failed(stores, error.kind);
      const full = error.kind === 'full';
      throw new ProblemError(
        full ? 507 : 503,
        full ? 'storage_full' : 'storage_unavailable',
        full
          ? `The server's storage is full: the import stopped after ${error.report.created + error.report.updated} saved records. Import the file again once the operator has made room; records already saved are updated, not duplicated.`
          : `The server's database cannot be written now: the import stopped after ${error.report.created + error.report.updated} saved records. Import the file again later.`,
        { retryAfter: retryAfterSeconds[error.kind], extensions: { complete: false, report: error.report } },
      );
    }
    if (!report.complete && report.received === 0) {
      const reason = report.problems.at(-1)?.reason ?? 'nothing could be read.';
      throw invalid([
        { field: 'body', code: format, message: `is not a readable ${format} file: ${reason.replace(/\.$/, '')}` },
      ]);
    }
    return report;
  },
};
