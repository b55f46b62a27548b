/** "Test connection" per provider, with the cheapest call each API offers. */
import * as z from 'zod/mini';
import { AuthError } from '../platform/errors';
import { PROVIDER_NAMES } from '../platform/providers';
import { KEY_ACCEPTED, keyAccepted } from '../providers/gu1/errors';
import { keyCheckRequest } from '../providers/gu1/enrich-by-external-id';
import { creditSentence, getCreditBalance } from '../providers/openmart/credits';
import { INVALID_KEY_IN_SETTINGS } from '../providers/openprospect/errors';
import { missingScopes, validateKey } from '../providers/openprospect/validate-key';
import { httpFor } from './clients';
import type { AppContext } from './context';
import { parseInput } from './input';
import { ProviderSchema } from './settings';
import { toActionMessage } from './user-error';

export interface ConnectionResult {
  ok: boolean;
  message: string;
}

/** Which provider's key to check. */
export const ConnectionInput = z.object({ provider: ProviderSchema });

/**
 * OpenProspect: `GET /auth/validate` (scopes, warns about missing ones). Openmart:
 * `GET /api/v2/credit-balance` (free). gu1 has no free read: an enrichment call with no
 * integrations is refused with 400 after the key is checked, so 400 = key accepted, 401 = refused,
 * and nothing is billed.
 */
export function testConnection(ctx: AppContext, input: unknown): ConnectionResult {
  const { provider } = parseInput(ConnectionInput, input, 'the provider');
  try {
    const http = httpFor(ctx, provider);
    if (provider === 'openprospect') {
      const check = validateKey(http);
      if (!check.valid) return { ok: false, message: INVALID_KEY_IN_SETTINGS };
      const missing = [...new Set([...missingScopes(check.scopes, 'enrichment'), ...missingScopes(check.scopes, 'discovery')])];
      return {
        ok: true,
        message: `Connected. Scopes: ${check.scopes.join(', ') || 'none'}.${missing.length ? ` Missing for some features: ${missing.join(', ')}.` : ''}`,
      };
    }
    if (provider === 'openmart') {
      return { ok: true, message: `Connected. ${creditSentence(getCreditBalance(http))}` };
    }
    try {
      http.request(keyCheckRequest(), { maxAttempts: 1 });
      return { ok: true, message: KEY_ACCEPTED };
    } catch (e) {
      if (keyAccepted(e)) return { ok: true, message: KEY_ACCEPTED };
      throw e;
    }
  } catch (e) {
    // The user is in Settings already: say what to do here, not "check the key in Settings".
    if (e instanceof AuthError)
      return { ok: false, message: `${PROVIDER_NAMES[provider]} refused this key (${e.message}). Paste a valid key above, press Save key and test again.` };
    return { ok: false, message: toActionMessage(e) };
  }
}
