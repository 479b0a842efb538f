/** Absolute path of the OpenAPI 3.1 document, for tools that read it from disk (server, docs, generators). */
export declare const specPath: string;
