export { buildApp, defaultHandlers, type AppOptions } from './app.js';
export { startServer, databaseFile, type ServerOptions, type RunningServer } from './server.js';
export { warmUp } from './http/warm-up.js';
export type { ResponseViolation } from './http/response-check.js';
export { openDatabase, migrate, type Db } from './storage/database.js';
export { sqliteStores, type Stores } from './storage/stores.js';
export type { LibraryStore } from './storage/libraries.js';
export { seedDemo } from './seed/seed.js';
export { demoLibraries } from './seed/demo-network.js';
export { ProblemError, problem } from './http/problem.js';
export type { Authenticator, Principal, SchemeName } from './auth/principal.js';
export { credentialAuthenticator } from './auth/credential-authenticator.js';
export { requireLibraryAccess } from './auth/library-access.js';
export { issueCredential, CredentialRequestError, type CredentialRequest } from './auth/issue.js';
export type { DemoCredentials } from './auth/demo.js';
export type { Credential, CredentialStore } from './storage/credentials.js';
export type { AuditEntry } from './storage/audit.js';
export { defaultRequestLimits, type RequestLimits } from './http/limits.js';
export {
  defaultRateLimits,
  resolveRateLimits,
  type RateLimitOverrides,
  type RateLimits,
} from './http/rate-limit-config.js';
export type {
  OperationHandler,
  OperationHandlers,
  OperationContext,
  OperationId,
  OperationResult,
  QueryOf,
  PathParamsOf,
  BodyOf,
  ResultOf,
} from './http/operations.js';
export { main as runCli } from './cli/main.js';
export type { CatalogStore, CatalogQuery, CatalogRun, SaveOutcome, WorkSources } from './catalog/store.js';
export { coverTrust, CoverOriginError, type CoverTrust } from './catalog/source-records.js';
export type { BibliographicInput, CopyInput, LibraryHolding } from './catalog/model.js';
export { importCatalogFile, type ImportOptions } from './catalog/import/import-file.js';
export { generateCatalog, type GeneratorOptions } from './seed/catalog-generator.js';
export type { Member, MemberStore, MemberStatus, MemberType, NewMember } from './members/store.js';
export { DuplicateMemberNumberError } from './members/store.js';
export type { VisitStore } from './visits/store.js';
export type { VisitOptions } from './visits/options.js';
