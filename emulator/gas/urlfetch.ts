/**
 * UrlFetchApp over the simulator seam: builds a SimRequest, routes it by registered base URL to an
 * HttpHandler, charges latency on the virtual clock, enforces quota/whitelist/URL length, and throws
 * the Apps Script errors (HTTP >= 400 unless muted; transport failures always).
 */
import { isTransportFailure, type HttpHandler, type SimMethod, type SimOutcome, type SimRequest } from '../apis/types';
import { makeBlob, bytesOf, toSignedBytes } from './blob';
import type { GasObject } from './sheets-ctx';
import { faultText } from './fault-texts';
import { MAX_URL_LENGTH, URL_TOO_LONG, USER_AGENT, type HttpHub, type HttpLogEntry, type UrlFetchInit } from './urlfetch-types';
export * from './urlfetch-types';

interface Prepared {
  req: SimRequest;
  mute: boolean;
  viaFetchAll: boolean;
  /** `followRedirects` (default true): a 3xx with a Location is followed, at most MAX_REDIRECTS times. */
  follow: boolean;
}

/** Redirect hops followed before the 3xx itself is returned. */
const MAX_REDIRECTS = 5;

const METHODS: readonly SimMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const DAY = 86_400_000;

function formEncode(obj: Record<string, unknown>): string {
  return Object.entries(obj)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

function whitelistMatch(url: string, prefix: string): boolean {
  if (!prefix.includes('*')) return url.startsWith(prefix);
  const re = new RegExp(
    `^${prefix
      .split('*')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*')}`,
  );
  return re.test(url);
}

/** Build UrlFetchApp and its HttpHub. */
export function makeUrlFetch(init: UrlFetchInit): { service: GasObject; hub: HttpHub } {
  const { rt } = init;
  const routes: Array<{ base: string; handler: HttpHandler }> = [];
  const used = new Map<string, number>();
  const hub: HttpHub = {
    register(baseUrl, handler) {
      const i = routes.findIndex((r) => r.base === baseUrl);
      if (i >= 0) routes.splice(i, 1);
      routes.push({ base: baseUrl, handler });
      routes.sort((a, b) => b.base.length - a.base.length);
    },
    log: [],
    getPayloadWarnings: [],
    dropGetBody: init.dropGetBody,
    execQpsBurst: (calls) => void (burstLeft = calls),
  };
  let burstLeft = 0;
  /** A short burst refuses the call before anything is sent or counted. */
  const refuseInBurst = (): void => {
    if (burstLeft <= 0) return;
    burstLeft--;
    throw rt.error(faultText('exec-qps', init.locale));
  };

  const quotaKey = () => `${rt.activeUser()}:${Math.floor(rt.clock.now() / DAY)}`;
  const takeQuota = (n: number) => {
    const key = quotaKey();
    const u = used.get(key) ?? 0;
    if (u + n > init.dailyQuota) throw rt.error(faultText('urlfetch-day', init.locale));
    used.set(key, u + n);
  };

  /** Validate and normalise one request (url + params) the way UrlFetchApp reads its options. */
  const prepare = (url: unknown, params: unknown, viaFetchAll: boolean, method: string): Prepared => {
    if (typeof url !== 'string')
      throw rt.error(`The parameters (${url === null || url === undefined ? 'null' : typeof url}) don't match the method signature for UrlFetchApp.${method}.`);
    const p = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
    if (url.length > MAX_URL_LENGTH) throw rt.error(URL_TOO_LONG);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw rt.error(`Invalid argument: ${url}`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw rt.error(`Invalid argument: ${url}`);
    if (init.whitelist && !init.whitelist.some((w) => whitelistMatch(url, w))) {
      throw rt.error(`Script is not allowed to fetch from ${url}: it is not in the urlFetchWhitelist of the manifest.`);
    }
    const m = String(p['method'] ?? 'get').toUpperCase() as SimMethod;
    if (!METHODS.includes(m)) throw rt.error(`Invalid argument: method (${String(p['method'])})`);
    const headers: Record<string, string> = {};
    const given = p['headers'];
    if (typeof given === 'object' && given !== null) for (const [k, v] of Object.entries(given)) headers[k.toLowerCase()] = String(v);
    headers['user-agent'] = USER_AGENT;
    let body: string | undefined;
    const payload = p['payload'];
    if (payload !== undefined && payload !== null) {
      if (typeof payload === 'string') body = payload;
      else if (Array.isArray(payload)) body = bytesOf(payload).toString('utf8');
      else if (typeof payload === 'object' && 'getDataAsString' in payload) body = String((payload as { getDataAsString: () => string }).getDataAsString());
      else if (typeof payload === 'object') body = formEncode(payload as Record<string, unknown>);
      else body = String(payload);
    }
    if (p['contentType'] !== undefined && p['contentType'] !== null) headers['content-type'] = String(p['contentType']);
    else if (body !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    if (m === 'GET' && body !== undefined) {
      hub.getPayloadWarnings.push({ method: m, url, body, at: rt.clock.now(), dropped: hub.dropGetBody });
      if (hub.dropGetBody) body = undefined;
    }
    const query: Record<string, string> = {};
    parsed.searchParams.forEach((v, k) => {
      query[k] = v;
    });
    return {
      req: { method: m, url, path: parsed.pathname, query, headers, body, now: rt.clock.now() },
      mute: p['muteHttpExceptions'] === true,
      viaFetchAll,
      follow: p['followRedirects'] !== false,
    };
  };

  /**
   * Deliver one request, following redirects when asked (307/308 keep the method and body; 301,
   * 302 and 303 become a GET without body, as HTTP clients do).
   */
  const deliver = (prep: Prepared): SimOutcome => {
    let current = prep;
    let outcome = deliverOnce(current);
    for (let hop = 0; current.follow && hop < MAX_REDIRECTS && !isTransportFailure(outcome) && outcome.status >= 300 && outcome.status < 400; hop++) {
      const location = Object.entries(outcome.headers ?? {}).find(([k]) => k.toLowerCase() === 'location')?.[1];
      if (!location) break;
      const url = new URL(location, current.req.url);
      const keep = outcome.status === 307 || outcome.status === 308;
      const query: Record<string, string> = {};
      url.searchParams.forEach((v, k) => {
        query[k] = v;
      });
      const req: SimRequest = {
        ...current.req,
        url: url.toString(),
        path: url.pathname,
        query,
        method: keep ? current.req.method : 'GET',
        body: keep ? current.req.body : undefined,
      };
      current = { ...current, req };
      outcome = deliverOnce(current);
    }
    return outcome;
  };

  /** Numbers the fetchAll calls: requests of one wave are in flight at once (simulators' concurrency limits). */
  let waveSeq = 0;

  /** Deliver one request to its handler (or fail it as address-unavailable) and log it. */
  const deliverOnce = (prep: Prepared): SimOutcome => {
    rt.counters.inc('UrlFetchApp.requests');
    rt.counters.inc('urlfetch');
    const route = routes.find((r) => prep.req.url.startsWith(r.base));
    const req = { ...prep.req, headers: { ...prep.req.headers }, now: rt.clock.now(), ...(prep.viaFetchAll ? { wave: waveSeq } : {}) };
    const outcome: SimOutcome = route ? route.handler.handle(req) : { transport: 'address-unavailable' };
    const entry: HttpLogEntry = {
      method: req.method,
      url: req.url,
      headers: req.headers,
      body: req.body,
      status: isTransportFailure(outcome) ? 'transport-error' : outcome.status,
      at: req.now,
      viaFetchAll: prep.viaFetchAll,
      user: rt.activeUser(),
    };
    if (isTransportFailure(outcome)) entry.transport = outcome.transport;
    hub.log.push(entry);
    return outcome;
  };

  const serverLatency = (o: SimOutcome): number => o.latencyMs ?? (isTransportFailure(o) && o.transport === 'timeout' ? rt.latency.urlFetchTimeoutMs : 0);

  const transportError = (url: string, o: SimOutcome): Error | null => {
    if (!isTransportFailure(o)) return null;
    if (o.transport === 'timeout') return rt.error(faultText('timeout', init.locale, url));
    if (o.transport === 'dns') return rt.error(faultText('dns', init.locale, url));
    return rt.error(faultText('address-unavailable', init.locale, url));
  };

  const httpError = (prep: Prepared, o: SimOutcome): Error | null => {
    if (isTransportFailure(o) || o.status < 400 || prep.mute) return null;
    const origin = new URL(prep.req.url).origin;
    const text = o.body.length > 100 ? `${o.body.slice(0, 100)}...` : o.body;
    return rt.error(
      `Request failed for ${origin} returned code ${o.status}. Truncated server response: ${text} (use muteHttpExceptions option to examine full response)`,
    );
  };

  const response = (o: SimOutcome): GasObject => {
    if (isTransportFailure(o)) throw new Error('emulator: no response for a transport failure');
    const headers = { ...(o.headers ?? {}) };
    const contentType = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? null;
    return rt.strict('HTTPResponse', {
      toString: () => 'HTTPResponse',
      getResponseCode: () => o.status,
      getContentText: (charset?: unknown) =>
        bytesOf(o.body).toString(charset === undefined ? 'utf8' : (String(charset).toLowerCase().replace('-', '') as BufferEncoding)),
      getContent: () => rt.realm.array(toSignedBytes(bytesOf(o.body))),
      getHeaders: () => ({ ...headers }),
      getAllHeaders: () => ({ ...headers }),
      getBlob: () => makeBlob(rt, bytesOf(o.body), contentType, null),
      getAs: (type: unknown) => makeBlob(rt, bytesOf(o.body), String(type), null),
    });
  };

  const call = <T>(method: string, body: () => T): T => rt.invoke({ service: 'UrlFetchApp', method, access: 'full' }, body);

  const service = rt.strict('UrlFetchApp', {
    toString: () => 'UrlFetchApp',
    fetch: (url: unknown, params?: unknown) =>
      call('fetch', () => {
        const prep = prepare(url, params, false, 'fetch');
        refuseInBurst();
        takeQuota(1);
        const o = deliver(prep);
        rt.clock.advance(rt.latency.urlFetchMs + serverLatency(o));
        rt.checkAlive();
        const err = transportError(prep.req.url, o) ?? httpError(prep, o);
        if (err) throw err;
        return response(o);
      }),
    fetchAll: (requests: unknown) =>
      call('fetchAll', () => {
        if (!Array.isArray(requests)) throw rt.error("The parameters (Object) don't match the method signature for UrlFetchApp.fetchAll.");
        const preps = requests.map((r: unknown) =>
          typeof r === 'string' ? prepare(r, {}, true, 'fetchAll') : prepare((r as Record<string, unknown> | null)?.['url'], r, true, 'fetchAll'),
        );
        refuseInBurst();
        takeQuota(preps.length);
        waveSeq++;
        const outcomes = preps.map(deliver);
        const slowest = outcomes.reduce((m, o) => Math.max(m, serverLatency(o)), 0);
        rt.clock.advance(rt.latency.fetchAllOverheadMs + slowest);
        rt.checkAlive();
        // Pessimistic model (docs/PLATFORM.md, unverified): one transport failure throws away the whole wave.
        for (let i = 0; i < preps.length; i++) {
          const err = transportError((preps[i] as Prepared).req.url, outcomes[i] as SimOutcome);
          if (err) throw err;
        }
        for (let i = 0; i < preps.length; i++) {
          const err = httpError(preps[i] as Prepared, outcomes[i] as SimOutcome);
          if (err) throw err;
        }
        return rt.realm.array(outcomes.map(response));
      }),
    getRequest: (url: unknown, params?: unknown) =>
      call('getRequest', () => {
        const { req, mute } = prepare(url, params, false, 'getRequest');
        const p = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
        return {
          url: req.url,
          method: req.method.toLowerCase(),
          headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'content-type' && k !== 'user-agent')),
          payload: req.body ?? '',
          contentType: req.headers['content-type'] ?? 'application/x-www-form-urlencoded',
          followRedirects: p['followRedirects'] !== false,
          validateHttpsCertificates: p['validateHttpsCertificates'] !== false,
          useIntranet: false,
          muteHttpExceptions: mute,
        };
      }),
  });
  return { service, hub };
}
