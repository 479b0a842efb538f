import { dereference } from '@readme/openapi-parser';
import { specPath } from '@pustaka/spec';
import type { SchemeName } from '../auth/principal.js';

/** The parts of an OpenAPI operation the server acts on. */
export interface ContractOperation {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path (`/v1/libraries/{libraryId}`). */
  path: string;
  /** Fastify path (`/v1/libraries/:libraryId`). */
  route: string;
  parameters: ContractParameter[];
  /** JSON body schema, when the operation takes JSON. */
  jsonBody?: { schema: object; required: boolean };
  /** Media types of a non-JSON body (catalogue files). */
  rawBodyTypes: string[];
  /** Alternatives of security requirements (OR), each a list of scheme names (AND); empty: public. */
  security: SchemeName[][];
  idempotent: boolean;
  /** `x-personal-data: true`: the request may carry personal data (its Idempotency-Key hash is keyed). */
  personalData?: boolean;
  /** Declared answers by status (`'200'`, `'404'`, `'default'`): each media type's schema; none for 304. */
  responses: Record<string, Record<string, object>>;
}

export interface ContractParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema: object;
}

type Content = Record<string, { schema?: object }>;
type SecurityRequirement = Record<string, string[]>;

/** What the server reads of an operation of the dereferenced document. */
interface DocumentOperation {
  operationId: string;
  parameters?: ContractParameter[];
  requestBody?: { required?: boolean; content?: Content };
  'x-personal-data'?: boolean;
  security?: SecurityRequirement[];
  responses?: Record<string, { content?: Content }>;
}

const methods = [
  ['get', 'GET'],
  ['post', 'POST'],
  ['put', 'PUT'],
  ['patch', 'PATCH'],
  ['delete', 'DELETE'],
] as const;

type PathItem = { parameters?: ContractParameter[] } & { [Method in (typeof methods)[number][0]]?: DocumentOperation };

/** What the server reads of the dereferenced OpenAPI document. */
interface ContractDocument {
  paths: Record<string, PathItem>;
  security?: SecurityRequirement[];
}

const schemeNames: Record<SchemeName, true> = { siteKey: true, kioskToken: true, staffToken: true };
const isSchemeName = (name: string): name is SchemeName => Object.hasOwn(schemeNames, name);

/** Reads the contract (the one in `@pustaka/spec`, unless told otherwise) into a list of operations. */
export async function loadContract(path: string = specPath): Promise<ContractOperation[]> {
  // Each app gets its own copy: Fastify and Ajv may annotate the schemas they are given.
  const dereferenced: object = structuredClone(await dereferencedOnce(path));
  withoutDiscriminatorMappings(dereferenced);
  // The parser's own types allow the `$ref`s it has just resolved and every part of OpenAPI the server does
  // not read; the document is redocly-linted (`npm run lint:spec`) and its operations are what the generated
  // types say. This is the one place the document is taken for what it is.
  const document = dereferenced as ContractDocument;
  const operations: ContractOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, verb] of methods) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])];
      const content = operation.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      operations.push({
        operationId: operation.operationId,
        method: verb,
        path,
        route: path.replace(/\{(\w+)\}/g, ':$1'),
        parameters,
        ...(json && { jsonBody: { schema: json, required: Boolean(operation.requestBody?.required) } }),
        rawBodyTypes: Object.keys(content).filter((type) => type !== 'application/json'),
        security: securityOf(operation.operationId, operation.security ?? document.security ?? []),
        idempotent: parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key'),
        personalData: operation['x-personal-data'] === true,
        responses: responsesOf(operation.responses ?? {}),
      });
    }
  }
  return operations;
}

/** Scheme names the server does not know stop it at start, rather than letting a request through. */
function securityOf(operationId: string, requirements: SecurityRequirement[]): SchemeName[][] {
  return requirements
    .map((requirement) => Object.keys(requirement))
    .filter((schemes) => schemes.length > 0)
    .map((schemes) =>
      schemes.map((scheme) => {
        if (!isSchemeName(scheme))
          throw new Error(`${operationId} asks for the security scheme "${scheme}", which this server does not know.`);
        return scheme;
      }),
    );
}

function responsesOf(responses: NonNullable<DocumentOperation['responses']>): ContractOperation['responses'] {
  return Object.fromEntries(
    Object.entries(responses).map(([status, response]) => [
      status,
      Object.fromEntries(
        Object.entries(response.content ?? {}).flatMap(([type, media]) => (media.schema ? [[type, media.schema]] : [])),
      ),
    ]),
  );
}

const dereferencing = new Map<string, Promise<object>>();

/**
 * Reading and dereferencing the contract takes 0.15-0.8 s; a process that builds several apps (the tests, a
 * benchmark) does it once per file. The document does not change while a server runs.
 */
function dereferencedOnce(path: string): Promise<object> {
  let document = dereferencing.get(path);
  if (!document) {
    document = dereference(path);
    dereferencing.set(path, document);
    document.catch(() => dereferencing.delete(path));
  }
  return document;
}

/** Marks a body schema whose body may be left out (`requestBody.required: false`); see validation.ts. */
export const optionalBody = 'x-optional-body';

/**
 * Fastify route schemas built from the operation itself, never hand-copied. The answers' schemas are there so
 * that only what the contract declares is ever written: a field a handler adds by mistake (a member's phone
 * number on a visit) is not serialised.
 */
export function routeSchema(operation: ContractOperation): Record<string, object> {
  const schema: Record<string, object> = {};
  const byPart = (where: ContractParameter['in'], lowerCase = false) => {
    const params = operation.parameters.filter((p) => p.in === where);
    const properties = Object.fromEntries(params.map((p) => [lowerCase ? p.name.toLowerCase() : p.name, p.schema]));
    const required = params.filter((p) => p.required).map((p) => (lowerCase ? p.name.toLowerCase() : p.name));
    return { params, object: { type: 'object', properties, required } };
  };
  const query = byPart('query');
  // Unknown query parameters are refused: a typo (`pre_page=50`) must not be silently ignored.
  schema.querystring = { ...query.object, additionalProperties: false };
  const path = byPart('path');
  if (path.params.length) schema.params = path.object;
  const headers = byPart('header', true);
  if (headers.params.length) schema.headers = headers.object;
  if (operation.jsonBody)
    schema.body = operation.jsonBody.required
      ? operation.jsonBody.schema
      : { ...operation.jsonBody.schema, [optionalBody]: true };
  const response = Object.fromEntries(
    Object.entries(operation.responses)
      .filter(([, content]) => Object.keys(content).length > 0)
      .map(([status, content]) => [
        status,
        { content: Object.fromEntries(Object.entries(content).map(([type, body]) => [type, { schema: body }])) },
      ]),
  );
  if (Object.keys(response).length) schema.response = response;
  return schema;
}

/**
 * Ajv's `discriminator` reads the tag from each `oneOf` branch and refuses OpenAPI's `mapping` (which only
 * repeats what the branches' `const` say), so the mapping is dropped before compiling.
 */
function withoutDiscriminatorMappings(node: unknown, seen = new Set<unknown>()): void {
  if (!isObject(node) || seen.has(node)) return;
  seen.add(node);
  if (isObject(node.discriminator) && 'mapping' in node.discriminator) {
    const { mapping: _mapping, ...discriminator } = node.discriminator;
    node.discriminator = discriminator;
  }
  for (const value of Object.values(node)) withoutDiscriminatorMappings(value, seen);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
