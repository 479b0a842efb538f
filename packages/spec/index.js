import { fileURLToPath } from 'node:url';

/** Absolute path of the OpenAPI 3.1 document, for tools that read it from disk (server, docs, generators). */
export const specPath = fileURLToPath(new URL('./openapi.yaml', import.meta.url));
