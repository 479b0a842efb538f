/**
 * Type tests, checked by the repository's typecheck (`npx tsc -p tsconfig.json`), never run: every
 * `@ts-expect-error` line must fail to compile, and every other line must compile. Callers never write a type
 * argument; everything below is inferred from the generated `paths`.
 */
import {
  createPustakaClient,
  operationRoutes,
  PustakaApiError,
  PustakaError,
  type ApiProblem,
  type CatalogRecord,
  type ErrorCode,
  type Format,
  type ImportReport,
  type Library,
  type LibraryList,
  type Problem,
  type ProblemCode,
  type PustakaClient,
  type RegistrationReceipt,
  type SearchParams,
  type SearchResult,
  type SuggestionList,
  type Visit,
} from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | void {}

export async function typeTests(client: PustakaClient, signal: AbortSignal): Promise<void> {
  // Results are the generated schemas.
  const result = await client.catalog.search({
    q: 'laskar pelangi',
    format: ['book', 'ebook'],
    available: true,
    per_page: 20,
  });
  expectType<Equal<typeof result, SearchResult>>();
  const firstHit = result.items[0];
  if (firstHit) {
    const copiesOnShelf: number = firstHit.availability.available;
    const format: Format = firstHit.format;
    void [copiesOnShelf, format];
  }
  // @ts-expect-error -- a search result has no `results`; the list is `items`
  void result.results;

  const library = await client.libraries.get('dispusip-bontang', { signal });
  expectType<Equal<typeof library, Library>>();
  const record = await client.catalog.getRecord('rec_8f3a2c');
  expectType<Equal<typeof record, CatalogRecord>>();
  void [library.opening_hours, record.holdings];
  const visit = await client.visits.record(
    { kind: 'member', member_number: 'BTG-2026-000123' },
    { idempotencyKey: 'k1' },
  );
  expectType<Equal<typeof visit, Visit>>();
  const counted: boolean = visit.counted;
  void counted;

  // Parameters are the contract's.
  const params: SearchParams = { theme: ['800'], library_kind: ['school'], sort: '-year', page: 2 };
  await client.catalog.search(params, { signal, headers: { 'x-trace': '1', authorization: undefined } });
  await client.catalog.search();
  await client.libraries.list({ kind: ['public', 'reading-corner'] });
  await client.catalog.suggest({ q: 'lask', limit: 5 });
  await client.visits.stats({ library: ['dispusip-bontang'], granularity: 'month', from: '2026-11-01' });
  await client.membership.form({ lang: 'en' });
  await client.membership.listRegistrations({ status: ['pending', 'approved'] });
  await client.membership.approve('reg_01jd9x4k');
  await client.membership.approve('reg_01jd9x4k', { note: 'Kartu di loket.' }, { idempotencyKey: 'k2' });
  await client.catalog.import({ library: 'sman-1-bontang', format: 'iso2709', body: new Uint8Array([0x1d]) });
  await client.catalog.import({ library: 'sman-1-bontang', format: 'slims-csv', body: new Blob(['a,b']) });
  await client.visits.record({ kind: 'group', leader_name: 'Bu Sari', institution: 'SDN 005', male: 14, female: 16 });
  await client.membership.register({
    member_type: 'pelajar',
    full_name: 'Rina Lestari',
    nik: '6474015203120004',
    birth_date: '2012-03-12',
    sex: 'female',
    phone: '0812-3456-7890',
    address: { street: 'Jl. Cendana No. 5', district: 'Bontang Utara', city: 'Bontang' },
    guardian: { name: 'Siti Aminah', relation: 'parent', phone: '081298765432', consent: true },
    consents: [{ id: 'card', version: '2026-11-01', granted: true }],
  });

  // @ts-expect-error -- 'novel' is not a Format
  await client.catalog.search({ format: ['novel'] });
  // @ts-expect-error -- per_page is a number, not a string
  await client.catalog.search({ per_page: '20' });
  // @ts-expect-error -- `query` is not a parameter of the search (it is `q`)
  await client.catalog.search({ query: 'laskar' });
  // @ts-expect-error -- sort takes relevance, year, -year or title
  await client.catalog.search({ sort: 'newest' });
  // @ts-expect-error -- suggest needs `q`
  await client.catalog.suggest({ limit: 5 });
  // @ts-expect-error -- a library id is a string
  await client.libraries.get(42);
  // @ts-expect-error -- 'library' is not a LibraryKind
  await client.libraries.list({ kind: ['library'] });
  // @ts-expect-error -- 'pdf' is not an import format
  await client.catalog.import({ library: 'sman-1-bontang', format: 'pdf', body: '' });
  // @ts-expect-error -- import needs the library
  await client.catalog.import({ format: 'marcxml', body: '<collection/>' });
  // @ts-expect-error -- a member visit needs member_number
  await client.visits.record({ kind: 'member' });
  // @ts-expect-error -- a guest visit has no member_number (the request schemas are closed)
  await client.visits.record({ kind: 'guest', institution: 'SDN 005', member_number: 'BTG-1' });
  await client.membership.register({
    member_type: 'umum',
    full_name: 'Rina Lestari',
    // @ts-expect-error -- nik is a string of 16 digits, not a number
    nik: 6474015203120004,
    birth_date: '1990-03-12',
    sex: 'female',
    phone: '0812-3456-7890',
    address: { street: 'Jl. Cendana No. 5', district: 'Bontang Utara', city: 'Bontang' },
    consents: [{ id: 'card', version: '2026-11-01', granted: true }],
  });
  // @ts-expect-error -- a registration without its required fields (nik, birth_date, ...)
  await client.membership.register({ member_type: 'umum', full_name: 'Rina Lestari' });
  // @ts-expect-error -- granularity takes day, week or month
  await client.visits.stats({ granularity: 'year' });
  // @ts-expect-error -- there is no `catalog.find`; the method is `search`
  await client.catalog.find({ q: 'laskar' });
  // @ts-expect-error -- there is no `libraries.all`; the method is `list`
  await client.libraries.all();
  // @ts-expect-error -- the signal must be an AbortSignal
  await client.system.health({ signal: true });
  // @ts-expect-error -- membership.approve takes a registration id first
  await client.membership.approve({ note: 'x' });

  // Errors are typed, and name the call that failed.
  try {
    await client.libraries.get('perpus-x');
  } catch (error) {
    if (error instanceof PustakaApiError) {
      const problem: ApiProblem = error.problem;
      const code: ErrorCode = error.code;
      const madeUp: ErrorCode = 'http_502';
      const fromTheContract: ErrorCode = error.problem.code;
      const where: [string | undefined, string | undefined, string | undefined] = [
        error.operation,
        error.method,
        error.url,
      ];
      void [madeUp, fromTheContract, where];
      const asProblem: Problem = error.problem;
      // The contract's codes, or `http_<status>` for an answer that carried no problem.
      expectType<Equal<typeof error.code, ProblemCode | `http_${number}`>>();
      // @ts-expect-error -- no such code in the contract: the comparison can never be true
      if (error.code === 'library_not_found') void code;
      void asProblem;
      const retryAfter: number | undefined = error.retryAfter;
      const fields: string[] = error.errors.map((fieldError) => fieldError.field);
      expectType<Equal<typeof error.kind, 'api'>>();
      void [problem, code, retryAfter, fields];
    }
    const kind = (error as PustakaError).kind;
    expectType<Equal<typeof kind, 'api' | 'network' | 'timeout'>>();
    void kind;
    // `instanceof PustakaError` gives the union, and `kind` narrows it: `status` and `code` only where they exist.
    if (error instanceof PustakaError) {
      switch (error.kind) {
        case 'api':
          expectType<Equal<typeof error.status, number>>();
          expectType<Equal<typeof error.code, ProblemCode | `http_${number}`>>();
          break;
        case 'network':
          // @ts-expect-error -- a network error has no status: nothing answered
          void error.status;
          break;
        case 'timeout':
          break;
        default: {
          const unhandled: never = error;
          void unhandled;
        }
      }
    }
  }
}

/** `client.request()`: any operation by method and path, every part typed from `paths`. */
export async function requestTests(client: PustakaClient, signal: AbortSignal): Promise<void> {
  const health = await client.request('get', '/v1/health');
  expectType<Equal<typeof health.status, 'ok' | 'degraded'>>();
  const found = await client.request('get', '/v1/catalog/search', {
    params: { query: { q: 'laskar', format: ['book'], available: true } },
    signal,
  });
  expectType<Equal<typeof found, SearchResult>>();
  const libraries = await client.request('get', '/v1/libraries');
  expectType<Equal<typeof libraries, LibraryList>>();
  const record = await client.request('get', '/v1/catalog/records/{recordId}', {
    params: { path: { recordId: 'rec_8f3a2c' } },
  });
  expectType<Equal<typeof record, CatalogRecord>>();
  const suggestions = await client.request('get', '/v1/catalog/suggestions', { params: { query: { q: 'lask' } } });
  expectType<Equal<typeof suggestions, SuggestionList>>();
  const visit = await client.request('post', '/v1/visits', {
    body: { kind: 'guest', institution: 'SDN 005' },
    idempotencyKey: 'k3',
  });
  expectType<Equal<typeof visit, Visit>>();
  const receipt = await client.request('post', '/v1/membership/registrations', {
    body: {
      member_type: 'umum',
      full_name: 'Rina Lestari',
      nik: '6474015203900004',
      birth_date: '1990-03-12',
      sex: 'female',
      phone: '0812-3456-7890',
      address: { street: 'Jl. Cendana No. 5', district: 'Bontang Utara', city: 'Bontang' },
      consents: [{ id: 'card', version: '2026-11-01', granted: true }],
    },
  });
  expectType<Equal<typeof receipt, RegistrationReceipt>>();
  await client.request('post', '/v1/membership/registrations/{registrationId}/approve', {
    params: { path: { registrationId: 'reg_1' } },
  });
  await client.request('post', '/v1/membership/registrations/{registrationId}/approve', {
    params: { path: { registrationId: 'reg_1' } },
    body: { note: 'Kartu di loket.' },
  });
  const report = await client.request('post', '/v1/catalog/imports', {
    params: { query: { library: 'sman-1-bontang', format: 'marcxml' } },
    body: new Blob(['<collection/>'], { type: 'application/marcxml+xml' }),
  });
  expectType<Equal<typeof report, ImportReport>>();
  void [health, found, libraries, record, suggestions, visit, receipt, report];

  // @ts-expect-error -- no such path in the contract
  await client.request('get', '/v1/catalogue/search');
  // @ts-expect-error -- a path is written as the contract writes it, with its parameter in braces
  await client.request('get', '/v1/libraries/dispusip-bontang');
  // @ts-expect-error -- the search is a GET, not a POST
  await client.request('post', '/v1/catalog/search');
  // @ts-expect-error -- visits are recorded with POST; there is no GET /v1/visits
  await client.request('get', '/v1/visits');
  // @ts-expect-error -- the contract uses no DELETE
  await client.request('delete', '/v1/libraries/{libraryId}', { params: { path: { libraryId: 'x' } } });
  // @ts-expect-error -- sort takes relevance, year, -year or title
  await client.request('get', '/v1/catalog/search', { params: { query: { sort: 'newest' } } });
  // @ts-expect-error -- `query` is not a parameter of the search (it is `q`)
  await client.request('get', '/v1/catalog/search', { params: { query: { query: 'laskar' } } });
  // @ts-expect-error -- the suggestions need `q`
  await client.request('get', '/v1/catalog/suggestions', { params: { query: { limit: 5 } } });
  // @ts-expect-error -- the suggestions need their query at all
  await client.request('get', '/v1/catalog/suggestions');
  // @ts-expect-error -- a record needs its id in params.path
  await client.request('get', '/v1/catalog/records/{recordId}');
  // @ts-expect-error -- the path parameter is recordId, not id
  await client.request('get', '/v1/catalog/records/{recordId}', { params: { path: { id: 'rec_1' } } });
  // @ts-expect-error -- the health check takes no query
  await client.request('get', '/v1/health', { params: { query: { verbose: true } } });
  // @ts-expect-error -- a visit needs its body
  await client.request('post', '/v1/visits');
  // @ts-expect-error -- a member visit needs member_number
  await client.request('post', '/v1/visits', { body: { kind: 'member' } });
  // @ts-expect-error -- a GET has no body
  await client.request('get', '/v1/libraries', { body: { kind: ['school'] } });
  const library = await client.request('get', '/v1/libraries/{libraryId}', { params: { path: { libraryId: 'x' } } });
  expectType<Equal<typeof library, Library>>();
  // @ts-expect-error -- a library's id is a string
  const notAnId: number = library.id;
  void notAnId;
}

/** The operation table: every operationId of the contract, each at the method and path the contract gives it. */
export function operationTableTests(): void {
  expectType<Equal<typeof operationRoutes.searchCatalog, 'get /v1/catalog/search?'>>();
  expectType<Equal<typeof operationRoutes.getLibrary, 'get /v1/libraries/{libraryId}'>>();
  // @ts-expect-error -- no operation has this id
  void operationRoutes.findBooks;
}

export function optionTests(): void {
  createPustakaClient({ baseUrl: 'https://pustaka.bontangkota.go.id', siteKey: 'pk_live', timeout: false, retry: 0 });
  createPustakaClient({
    baseUrl: new URL('https://pustaka.test/api/'),
    retry: { limit: 4, backoffLimit: 2000 },
    fetch,
  });
  createPustakaClient({ baseUrl: 'https://x.test', fetch: async (request) => new Response(request.url) });
  // @ts-expect-error -- baseUrl is required
  createPustakaClient({ siteKey: 'pk_live' });
  // @ts-expect-error -- timeout is milliseconds or false
  createPustakaClient({ baseUrl: 'https://x.test', timeout: '10s' });
  // @ts-expect-error -- an unknown option
  createPustakaClient({ baseUrl: 'https://x.test', apiKey: 'pk_live' });
  createPustakaClient({
    baseUrl: 'https://x.test',
    onRetry: ({ operation, method, url, attempt, delay, status, error }) => {
      const numbers: number[] = [attempt, delay, status ?? 0];
      const names: string[] = [operation, method, url, error?.message ?? ''];
      void [numbers, names];
    },
  });
  // @ts-expect-error -- retry options are ky's names: `limit`, not `retries`
  createPustakaClient({ baseUrl: 'https://x.test', retry: { retries: 3 } });
}
