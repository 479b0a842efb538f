import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import type { Stores } from '../storage/stores.js';

export interface OperationContext<Query = Record<string, unknown>, Params = Record<string, string>, Body = unknown> {
  request: FastifyRequest;
  reply: FastifyReply;
  query: Query;
  params: Params;
  body: Body;
  /** The checked credential, for operations that ask for one. */
  principal: Principal | undefined;
  stores: Stores;
}

/** What an operation handler returns is sent as JSON (status 200 unless the handler sets another). */
export type OperationHandler = (context: OperationContext<any, any, any>) => unknown | Promise<unknown>;

/** Handlers by the contract's operationId. An operation without one answers 501 `not_implemented`. */
export type OperationHandlers = Partial<Record<string, OperationHandler>>;
