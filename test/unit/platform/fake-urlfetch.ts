/** A small, counted, scripted UrlFetchApp fake (apps-script-oauth2 style) for platform tests. */
export type Scripted = { status: number; body?: unknown; headers?: Record<string, string>; raw?: string } | { throws: string };

export interface FakeUrlFetch {
  fetch(url: string, params?: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions): GoogleAppsScript.URL_Fetch.HTTPResponse;
  fetchAll(reqs: GoogleAppsScript.URL_Fetch.URLFetchRequest[]): GoogleAppsScript.URL_Fetch.HTTPResponse[];
  requests: Array<{ url: string; params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions }>;
  fetchAllCalls: number;
}

function response(s: Exclude<Scripted, { throws: string }>): GoogleAppsScript.URL_Fetch.HTTPResponse {
  const text = s.raw ?? (s.body === undefined ? '' : JSON.stringify(s.body));
  return {
    getResponseCode: () => s.status,
    getContentText: () => text,
    getAllHeaders: () => s.headers ?? {},
    getHeaders: () => s.headers ?? {},
  } as unknown as GoogleAppsScript.URL_Fetch.HTTPResponse;
}

/** Answers each request with `script(requestIndex, url)`. */
export function fakeUrlFetch(script: (n: number, url: string, params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions) => Scripted): FakeUrlFetch {
  const fake: FakeUrlFetch = {
    requests: [],
    fetchAllCalls: 0,
    fetch(url, params = {}) {
      fake.requests.push({ url, params });
      const s = script(fake.requests.length - 1, url, params);
      if ('throws' in s) throw new Error(s.throws);
      return response(s);
    },
    fetchAll(reqs) {
      fake.fetchAllCalls++;
      const scripted = reqs.map((r) => {
        const { url, ...params } = r;
        fake.requests.push({ url, params });
        return script(fake.requests.length - 1, url, params);
      });
      const thrown = scripted.find((s): s is { throws: string } => 'throws' in s);
      if (thrown) throw new Error(thrown.throws);
      return scripted.map((s) => response(s as Exclude<Scripted, { throws: string }>));
    },
  };
  return fake;
}

/** A clock whose sleep just moves time. */
export function fakeClock(start = 1_700_000_000_000): { now(): number; sleep(ms: number): void; slept: number[] } {
  let t = start;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    slept,
  };
}
