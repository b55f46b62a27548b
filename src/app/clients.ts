/** An Http per provider with the user's key and base URL, bounded by a deadline. */
import type { Deadline } from '../platform/clock';
import { createHttp } from '../platform/http';
import type { Http, Provider } from '../platform/http-types';
import { authHeaders, providerOf } from '../platform/providers';
import { KeyStore } from '../platform/keys';
import type { AppContext } from './context';
import { baseUrlFor } from './settings';

/** Without a deadline the caller is the sidebar, where the user waits: longer waits are answered at once. */
const SIDEBAR_WAIT_MS = 20_000;

/** Build the Http for a provider; throws MissingKeyError (with where to set it) when no key is saved. */
export function httpFor(ctx: AppContext, provider: Provider, deadline?: Deadline): Http {
  const key = new KeyStore(ctx.userProps()).require(provider);
  return createHttp({
    provider,
    baseUrl: baseUrlFor(ctx, provider),
    authHeaders: authHeaders(provider, key),
    urlFetch: ctx.urlFetch,
    clock: ctx.clock,
    deadline,
    waveSize: providerOf(provider).waveSize,
    onRequests: (n) => ctx.quota.addFetches(n),
    scrub: (text) => ctx.scrubber().text(text),
    scrubEscapes: (text) => ctx.scrubber().inEscapes(text),
    maxWaitMs: deadline ? undefined : SIDEBAR_WAIT_MS,
    // The spreadsheet's zone, read only when a wait is refused.
    timeZone: () => ctx.spreadsheet().getSpreadsheetTimeZone(),
  });
}
