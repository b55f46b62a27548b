/** An Http per provider with the user's key and base URL, bounded by a deadline. */
import type { Deadline } from '../platform/clock';
import { createHttp } from '../platform/http';
import type { Http, Provider } from '../platform/http-types';
import { KeyStore } from '../platform/keys';
import { ENDPOINTS } from '../providers/endpoints';
import type { AppContext } from './context';
import { baseUrlFor } from './settings';

/** fetchAll wave size per provider (OpenProspect result pages: 50 per wave keeps 10,000 companies in 3 waves). */
const WAVE_SIZE: Record<Provider, number> = { openprospect: 50, openmart: 20, gu1: 10 };

/** Without a deadline the caller is the sidebar, where the user waits: longer waits are answered at once. */
const SIDEBAR_WAIT_MS = 20_000;

/** Build the Http for a provider; throws MissingKeyError (with where to set it) when no key is saved. */
export function httpFor(ctx: AppContext, provider: Provider, deadline?: Deadline): Http {
  const key = new KeyStore(ctx.userProps()).require(provider);
  return createHttp({
    provider,
    baseUrl: baseUrlFor(ctx, provider),
    authHeaders: ENDPOINTS[provider].authHeaders(key),
    urlFetch: ctx.urlFetch,
    clock: ctx.clock,
    deadline,
    waveSize: WAVE_SIZE[provider],
    onRequests: (n) => ctx.quota.addFetches(n),
    scrub: (text) => ctx.scrubber().text(text),
    scrubEscapes: (text) => ctx.scrubber().inEscapes(text),
    maxWaitMs: deadline ? undefined : SIDEBAR_WAIT_MS,
    // The spreadsheet's zone, read only when a wait is refused.
    timeZone: () => ctx.spreadsheet().getSpreadsheetTimeZone(),
  });
}
