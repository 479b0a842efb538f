/**
 * The named methods of the client (`client.catalog.search(...)`), each naming the operation it calls. This is
 * all they are: their signatures come from the generated operation (`NamedCall`), their method and path from
 * `operationRoutes`, and `createPustakaClient` builds them from this object.
 */
import type { Bytes, NamedCall, RequestInitOf, RequestOptions, ResultIn } from './call-types.js';
import type { OperationId } from './operations.js';
import type { ImportFormat, ImportParams, Operation } from './types.js';
import type { operations } from '@pustaka/spec/schema';

type ImportContent = Operation<'/v1/catalog/imports', 'post'>['requestBody']['content'];

/**
 * The request body of `catalog.import()`: the file, as text (the contract's type) or as bytes, which an ISO 2709
 * file is (the generator types the contract's binary string as `string`). Its own type, if any, is replaced by
 * the media type of `format`.
 */
export type ImportBody = ImportContent[keyof ImportContent] | Blob | Bytes;

/** The argument of `catalog.import()`. */
export interface ImportRequest extends ImportParams {
  /** The catalogue file, in the format named by `format`. */
  body: ImportBody;
}

const importMediaTypes: Record<ImportFormat, keyof ImportContent> = {
  marcxml: 'application/marcxml+xml',
  iso2709: 'application/marc',
  'slims-csv': 'text/csv',
};

/**
 * A named method whose one argument is not the operation's query or body: the operation, and how its argument
 * becomes the parameters and body of the request.
 */
type Adapted<Id extends OperationId, Input> = readonly [Id, (input: Input) => RequestInitOf<operations[Id]>];

function adapt<Id extends OperationId, Input>(
  operation: Id,
  toRequest: (input: Input) => RequestInitOf<operations[Id]>,
): Adapted<Id, Input> {
  return [operation, toRequest];
}

export const namedMethods = {
  /** Liveness and version of the server. */
  system: {
    /**
     * Is the server up? Resolves when the server and its database answer; rejects with a `PustakaApiError`
     * (503, `unavailable`) when the database does not.
     *
     * @example
     * const { status, version } = await client.system.health();
     */
    health: 'getHealth',
  },
  /** The libraries of the network, their addresses and opening hours. */
  libraries: {
    /**
     * One page of the libraries of the network, the city library first, then by kind and name.
     *
     * @example
     * const { total, items } = await client.libraries.list({ kind: ['school'], per_page: 50 });
     */
    list: 'listLibraries',
    /**
     * One library. Rejects with a `PustakaApiError` coded `not_found` for an unknown id.
     *
     * @example
     * const library = await client.libraries.get('dispusip-bontang');
     */
    get: 'getLibrary',
  },
  /** The union catalogue of every library of the network, with live availability per library. */
  catalog: {
    /**
     * Searches the union catalogue: one record per work, with availability per library and facets over the
     * whole match. Pass the `signal` of the current keystroke to cancel the previous search.
     *
     * @example
     * const result = await client.catalog.search(
     *   { q: 'laskar pelangi', format: ['book', 'ebook'], available: true, per_page: 10 },
     *   { signal },
     * );
     */
    search: 'searchCatalog',
    /**
     * Titles and authors that start with, or contain a word starting with, `q`; best first.
     *
     * @example
     * const { items } = await client.catalog.suggest({ q: 'lask', limit: 5 }, { signal });
     */
    suggest: 'suggestCatalog',
    /**
     * One bibliographic record with its copies in every library. Rejects with `not_found` for an unknown id.
     *
     * @example
     * const record = await client.catalog.getRecord('rec_8f3a2c');
     */
    getRecord: 'getCatalogRecord',
    /**
     * Imports a library's catalogue file (staff token). Records already known are updated, not duplicated;
     * broken records are listed in `problems`. Retried safely under one `Idempotency-Key`. The file goes with
     * the media type of `format`.
     *
     * @example
     * const report = await client.catalog.import({
     *   library: 'sman-1-bontang',
     *   format: 'marcxml',
     *   body: await file.text(),
     * });
     */
    // fetch sends a Blob's type as its Content-Type.
    import: adapt('importCatalog', ({ body, ...query }: ImportRequest) => ({
      params: { query },
      body: new Blob([body as BlobPart], { type: importMediaTypes[query.format] }),
    })),
  },
  /** Library visits, recorded at the door and shown as public figures. */
  visits: {
    /**
     * Records a visit: a member, a guest or a group (kiosk token, or site key from an allowed origin). A repeat
     * check-in inside the repeat window resolves with `counted: false`. Retried safely under one `Idempotency-Key`.
     *
     * @example
     * const visit = await client.visits.record({ kind: 'member', member_number: 'BTG-2026-000123' });
     * if (visit.counted) greet(visit.greeting_name);
     */
    record: 'recordVisit',
    /**
     * Public visit figures: totals, a series per day, week or month, and totals per library.
     *
     * @example
     * const stats = await client.visits.stats({ library: ['dispusip-bontang'], granularity: 'month' });
     */
    stats: 'getVisitStats',
    /**
     * A library's impact in one card (or the network's): visits this year against the same days of last year,
     * members registered through it, works in its collection.
     *
     * @example
     * const impact = await client.visits.impact({ library: 'dispusip-bontang' });
     */
    impact: 'getVisitImpact',
    /**
     * Counts one web visit of the page for the site key's library (once a day per visitor; bots and automated
     * browsers are not counted). Nothing is stored in the browser.
     *
     * @example
     * await client.visits.trackWeb({ automated: navigator.webdriver === true });
     */
    trackWeb: 'recordWebVisit',
    /**
     * What a kiosk shows between visitors (kiosk token): its library and location, today's count in the
     * library's time zone, the repeat window.
     *
     * @example
     * const { library, today_counts } = await kiosk.visits.kiosk();
     */
    kiosk: 'getKiosk',
  },
  /** Online registration for the city library card. */
  membership: {
    /**
     * What the registration form asks per member type, with the consent texts (and their versions) in the
     * requested language.
     *
     * @example
     * const form = await client.membership.form({ lang: 'en' });
     */
    form: 'getMembershipForm',
    /**
     * Registers for a library card (site key). The receipt never echoes personal data. Retried safely under
     * one `Idempotency-Key`.
     *
     * @example
     * const receipt = await client.membership.register({
     *   member_type: 'umum',
     *   full_name: 'Rina Lestari',
     *   nik: '6474015203900004',
     *   birth_date: '1990-03-12',
     *   sex: 'female',
     *   phone: '0812-3456-7890',
     *   address: { street: 'Jl. Cendana No. 5', district: 'Bontang Utara', city: 'Bontang' },
     *   consents: [{ id: 'card', version: '2026-11-01', granted: true }],
     * });
     * showReference(receipt.reference);
     */
    register: 'createRegistration',
    /**
     * Registrations, newest first (staff token; a library's token sees its own library only).
     *
     * @example
     * const { items } = await client.membership.listRegistrations({ status: ['pending'] });
     */
    listRegistrations: 'listRegistrations',
    /**
     * Approves a registration and issues the member number (staff token). Approving twice answers the same
     * member; a rejected registration answers `409`. Retried safely under one `Idempotency-Key`.
     *
     * @example
     * const { member_number } = await client.membership.approve('reg_01jd9x4k', { note: 'Kartu di loket.' });
     */
    approve: 'approveRegistration',
  },
} as const satisfies Record<string, Record<string, NamedMethodEntry>>;

/** A named method's entry in `namedMethods`: the operation it calls, or that and an adapter of its argument. */
export type NamedMethodEntry = OperationId | readonly [OperationId, (input: never) => object];

/** The signature of a named method: derived from its operation, or from its adapter's argument. */
type MethodOf<Entry> = Entry extends OperationId
  ? NamedCall<Entry>
  : Entry extends Adapted<infer Id, infer Input>
    ? (request: Input, options?: RequestOptions) => Promise<ResultIn<operations[Id]>>
    : never;

/** The named methods, grouped as in `namedMethods`, with its documentation. */
export type NamedMethods = {
  [Group in keyof typeof namedMethods]: {
    [Name in keyof (typeof namedMethods)[Group]]: MethodOf<(typeof namedMethods)[Group][Name]>;
  };
};
