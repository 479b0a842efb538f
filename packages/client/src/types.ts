/**
 * Every parameter and result type of the client, derived from the types that openapi-typescript generates from
 * the contract (`npm run generate`). Nothing here is written by hand except the names.
 */
import type { components, paths } from '@pustaka/spec/schema';

export type { components, operations, paths } from '@pustaka/spec/schema';

/** The paths of the contract, e.g. `'/v1/catalog/search'`. */
export type ApiPath = keyof paths;

/** The HTTP methods the contract uses. */
export type ApiMethod = 'get' | 'post';

/** One operation of the contract (the generated `operations[...]` entry behind a path and method). */
export type Operation<P extends ApiPath, M extends ApiMethod> = NonNullable<paths[P][M]>;

/** The query parameters of an operation. */
export type QueryOf<P extends ApiPath, M extends ApiMethod> = NonNullable<Operation<P, M>['parameters']['query']>;

/** The path parameters of an operation. */
export type PathParamsOf<P extends ApiPath, M extends ApiMethod> = NonNullable<Operation<P, M>['parameters']['path']>;

/** The JSON request body of an operation (`never` when it takes none). */
export type JsonBodyOf<P extends ApiPath, M extends ApiMethod> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never;

type JsonContent<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
type SuccessStatus = 200 | 201 | 202 | 203 | 204;

/** The JSON body of an operation's success responses (2xx). */
export type ResultOf<P extends ApiPath, M extends ApiMethod> = JsonContent<
  Operation<P, M>['responses'][SuccessStatus & keyof Operation<P, M>['responses']]
>;

type Schemas = components['schemas'];

/** The stable machine code of a problem the server sends (`validation_failed`, `not_found`, `rate_limited`, ...). */
export type ProblemCode = Schemas['ProblemCode'];
/**
 * An RFC 9457 problem detail, with Pustaka's stable `code`; every error answer of the API carries one. An answer
 * without one (an HTML page from a proxy) is given a made-up problem whose code is `http_<status>`, e.g. `http_502`.
 */
export type Problem = Omit<Schemas['Problem'], 'code'> & { code: ProblemCode | `http_${number}` };
/** One invalid field of a `validation_failed` problem. */
export type FieldError = Schemas['FieldError'];
/** What `system.health()` answers. */
export type Health = ResultOf<'/v1/health', 'get'>;

/** A library of the network. */
export type Library = Schemas['Library'];
/** Kind of library: `public`, `school`, `university`, `company` or `reading-corner`. */
export type LibraryKind = Schemas['LibraryKind'];
/** A library's stable id (a slug such as `dispusip-bontang`). */
export type LibraryId = Schemas['LibraryIdValue'];
/** One page of libraries. */
export type LibraryList = ResultOf<'/v1/libraries', 'get'>;
/** Filters and paging of `libraries.list()`. */
export type LibraryListParams = QueryOf<'/v1/libraries', 'get'>;

/** A bibliographic record's id (`rec_...`). */
export type RecordId = Schemas['RecordId'];
/** Material format of a record (`book`, `ebook`, `serial`, ...). */
export type Format = Schemas['Format'];
/** A DDC main class, `'000'` to `'900'`. */
export type ThemeCode = Schemas['ThemeCode'];
/** Copies and where they are on the shelf now. */
export type Availability = Schemas['Availability'];
/** One record in a result list. */
export type RecordSummary = Schemas['RecordSummary'];
/** One page of search results, with facets over the whole match. */
export type SearchResult = ResultOf<'/v1/catalog/search', 'get'>;
/** Query, filters, sort and paging of `catalog.search()`. */
export type SearchParams = QueryOf<'/v1/catalog/search', 'get'>;
/** Suggestions while typing. */
export type SuggestionList = ResultOf<'/v1/catalog/suggestions', 'get'>;
/** Parameters of `catalog.suggest()`. */
export type SuggestParams = QueryOf<'/v1/catalog/suggestions', 'get'>;
/** A record with its holdings in every library. */
export type CatalogRecord = ResultOf<'/v1/catalog/records/{recordId}', 'get'>;
/** The copies of a record in one library. */
export type Holding = Schemas['Holding'];
/** What an import created, updated and skipped. */
export type ImportReport = ResultOf<'/v1/catalog/imports', 'post'>;
/** The query of `catalog.import()`: the library and the file format. */
export type ImportParams = QueryOf<'/v1/catalog/imports', 'post'>;
/** The file formats `catalog.import()` reads. */
export type ImportFormat = ImportParams['format'];

/** A visit to record: a member, a guest or a group (discriminated by `kind`). */
export type VisitRequest = JsonBodyOf<'/v1/visits', 'post'>;
/** A recorded visit. */
export type Visit = ResultOf<'/v1/visits', 'post'>;
/** Public visit figures. */
export type VisitStats = ResultOf<'/v1/visits/stats', 'get'>;
/** Libraries, period and granularity of `visits.stats()`. */
export type VisitStatsParams = QueryOf<'/v1/visits/stats', 'get'>;

/** What the registration form asks, per member type. */
export type MembershipForm = ResultOf<'/v1/membership/form', 'get'>;
/** Library and language of `membership.form()`. */
export type MembershipFormParams = QueryOf<'/v1/membership/form', 'get'>;
/** Type of membership (`pelajar`, `mahasiswa`, `guru_dosen`, `umum`, `asn`). */
export type MemberType = Schemas['MemberType'];
/** A registration for a library card. */
export type RegistrationRequest = JsonBodyOf<'/v1/membership/registrations', 'post'>;
/** The receipt of a registration (never echoes personal data). */
export type RegistrationReceipt = ResultOf<'/v1/membership/registrations', 'post'>;
/** A registration, as staff see it. */
export type Registration = Schemas['Registration'];
/** A registration's id (`reg_...`). */
export type RegistrationId = Schemas['RegistrationId'];
/** One page of registrations. */
export type RegistrationList = ResultOf<'/v1/membership/registrations', 'get'>;
/** Filters and paging of `membership.listRegistrations()`. */
export type RegistrationListParams = QueryOf<'/v1/membership/registrations', 'get'>;
/** The optional body of `membership.approve()`. */
export type ApproveRequest = JsonBodyOf<'/v1/membership/registrations/{registrationId}/approve', 'post'>;
/** The approved registration and its new member number. */
export type ApprovedMember = ResultOf<'/v1/membership/registrations/{registrationId}/approve', 'post'>;
