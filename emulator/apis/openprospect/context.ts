/** What a route handler receives. */
import type { SimRequest, SimResponse } from '../types';
import type { SimKey, SimState } from './model';

/** One authenticated, authorized request. */
export interface Ctx {
  req: SimRequest;
  state: SimState;
  key: SimKey;
  /** Path parameters (validated UUIDs, lower-cased). */
  params: Record<string, string>;
}

/** A route handler. */
export type RouteHandler = (ctx: Ctx) => SimResponse;
