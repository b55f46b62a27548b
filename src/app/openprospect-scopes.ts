/**
 * The OpenProspect key's scopes checked before a submit that needs them (`GET /auth/validate`,
 * NOTES), so a missing scope is named before anything is sent. The answer is cached per key (a
 * digest of it, never the key) for 10 minutes: a second submit costs no UrlFetch call, and a new
 * key is checked afresh.
 */
import { AuthError } from '../platform/errors';
import { JsonCache } from '../platform/cache';
import { KeyStore } from '../platform/keys';
import { INVALID_KEY, missingScopeSentence } from '../providers/openprospect/errors';
import { missingScopes, validateKey, type ScopeFlow } from '../providers/openprospect/validate-key';
import { httpFor } from './clients';
import type { AppContext } from './context';
import { UserInputError } from './input';

const TTL_S = 600;

/** The key's scopes (cached), or null when OpenProspect could not say (the submit's own 403 then names the scope). */
export function keyScopes(ctx: AppContext): string[] | null {
  const key = new KeyStore(ctx.userProps()).require('openprospect');
  const cacheKey = `opscopes:${ctx.sha256(key).slice(0, 40)}`;
  const cache = new JsonCache(ctx.userCache());
  const hit = cache.get<string[]>(cacheKey);
  if (Array.isArray(hit)) return hit;
  try {
    const check = validateKey(httpFor(ctx, 'openprospect'));
    if (!check.valid) throw new UserInputError(INVALID_KEY);
    cache.put(cacheKey, check.scopes, TTL_S);
    return check.scopes;
  } catch (e) {
    // A refused key is the user's to fix now; any other failure must not block the submit.
    if (e instanceof AuthError || e instanceof UserInputError) throw e;
    return null;
  }
}

/** Throw a sentence naming every scope `flow` needs that the key lacks. */
export function requireScopes(ctx: AppContext, flow: ScopeFlow): void {
  const scopes = keyScopes(ctx);
  if (scopes === null) return;
  const sentence = missingScopeSentence(missingScopes(scopes, flow), flow);
  if (sentence) throw new UserInputError(sentence);
}
