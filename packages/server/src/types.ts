/**
 * Wire types, taken from the contract through the types generated from it, so the server and the client
 * can never disagree on a field. (A type-only import: the server imports no browser code at run time.)
 */
import type { components } from '@pustaka/spec/schema';

type Schemas = components['schemas'];
export type Library = Schemas['Library'];
export type LibraryKind = Schemas['LibraryKind'];
export type Problem = Schemas['Problem'];
/** The stable `code` of a problem: the contract lists every one the server may send. */
export type ProblemCode = Schemas['ProblemCode'];
export type FieldError = Schemas['FieldError'];
export type Health = Schemas['Health'];
