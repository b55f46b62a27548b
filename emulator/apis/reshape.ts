/** The one way a simulator's variants.ts rewrites a JSON answer. */
import type { SimResponse } from './types';

/** `res` with its JSON body replaced by `fn(body)`; unchanged when the body is not JSON or `fn` gives null. */
export function rewriteJson(res: SimResponse, fn: (body: unknown) => unknown | null): SimResponse {
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return res;
  }
  const next = fn(body);
  return next === null ? res : { ...res, body: JSON.stringify(next) };
}
