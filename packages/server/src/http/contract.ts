import { dereference } from '@readme/openapi-parser';
import { specPath } from '@pustaka/spec';

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
  security: string[][];
  idempotent: boolean;
  /** Declared answers by status (`'200'`, `'404'`): the schema of each media type, none for a bodiless one (304). */
  responses: Record<string, Record<string, object>>;
}

export interface ContractParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema: object;
}

type OpenApiDocument = {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  security?: Record<string, string[]>[];
};

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Reads the contract (the one in `@pustaka/spec`, unless told otherwise) into a list of operations. */
export async function loadContract(path: string = specPath): Promise<ContractOperation[]> {
  const document = withoutDiscriminatorMappings(
    structuredClone(await dereference(path)),
  ) as unknown as OpenApiDocument;
  const operations: ContractOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = [
        ...((item.parameters as unknown as ContractParameter[]) ?? []),
        ...((operation.parameters as ContractParameter[]) ?? []),
      ];
      const content = (operation.requestBody as { content?: Record<string, { schema: object }>; required?: boolean })
        ?.content ?? {};
      const json = content['application/json'];
      const security = (operation.security ?? document.security ?? []) as Record<string, string[]>[];
      operations.push({
        operationId: operation.operationId as string,
        method: method.toUpperCase() as ContractOperation['method'],
        path,
        route: path.replace(/\{(\w+)\}/g, ':$1'),
        parameters,
        ...(json && {
          jsonBody: { schema: json.schema, required: Boolean((operation.requestBody as { required?: boolean }).required) },
        }),
        rawBodyTypes: Object.keys(content).filter((type) => type !== 'application/json'),
        security: security.map((requirement) => Object.keys(requirement)).filter((schemes) => schemes.length > 0),
        idempotent: parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key'),
        responses: responsesOf(operation.responses),
      });
    }
  }
  return operations;
}

function responsesOf(responses: unknown): ContractOperation['responses'] {
  const byStatus = (responses ?? {}) as Record<string, { content?: Record<string, { schema?: object }> }>;
  return Object.fromEntries(
    Object.entries(byStatus).map(([status, response]) => [
      status,
      Object.fromEntries(
        Object.entries(response.content ?? {}).flatMap(([type, media]) => (media.schema ? [[type, media.schema]] : [])),
      ),
    ]),
  );
}

/**
 * Fastify route schemas built from the operation itself, never hand-copied. The answers' schemas are there so
 * that only what the contract declares is ever written: a field a handler adds by mistake (a member's phone
 * number on a visit) is not serialised.
 */
export function routeSchema(operation: ContractOperation): Record<string, object> {
  const schema: Record<string, object> = {};
  const byPart = (where: ContractParameter['in'], lowerCase = false) => {
    const params = operation.parameters.filter((p) => p.in === where);
    const properties = Object.fromEntries(
      params.map((p) => [lowerCase ? p.name.toLowerCase() : p.name, p.schema]),
    );
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
  if (operation.jsonBody) schema.body = operation.jsonBody.schema;
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
function withoutDiscriminatorMappings<T>(node: T, seen = new Set<unknown>()): T {
  if (!node || typeof node !== 'object' || seen.has(node)) return node;
  seen.add(node);
  const record = node as Record<string, unknown>;
  const discriminator = record.discriminator as { mapping?: unknown } | undefined;
  if (discriminator && typeof discriminator === 'object' && 'mapping' in discriminator) {
    record.discriminator = { ...discriminator, mapping: undefined };
    delete (record.discriminator as { mapping?: unknown }).mapping;
  }
  for (const value of Object.values(record)) withoutDiscriminatorMappings(value, seen);
  return node;
}
