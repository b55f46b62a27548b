/** UrlFetchApp's limits, error texts and the shapes of its test-side log. */
import type { HttpHandler, SimMethod } from '../apis/types';
import type { FaultLocale } from './fault-texts';
import type { Runtime } from './runtime';

/** docs/PLATFORM.md: UrlFetch calls per day per user. */
export const URLFETCH_DAILY_QUOTA = Object.freeze({ consumer: 20_000, workspace: 100_000 });
/** docs/PLATFORM.md: "URL about 2 KB"; Apps Script refuses URLs over 2,082 characters. */
export const MAX_URL_LENGTH = 2082;
export const URL_TOO_LONG = 'Limit Exceeded: URLFetch URL Length.';
export const USER_AGENT = 'Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: UAEmdDd-emulator)';

export interface HttpLogEntry {
  method: SimMethod;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  status: number | 'transport-error';
  transport?: 'timeout' | 'dns' | 'address-unavailable';
  /** Virtual time the request was sent. */
  at: number;
  viaFetchAll: boolean;
  /** The Google account whose execution sent it (whose UrlFetch quota it used). */
  user: string;
}

export interface PayloadWarning {
  method: SimMethod;
  url: string;
  body: string;
  at: number;
  dropped: boolean;
}

/** The test side of UrlFetchApp: handler registry and request log. */
export interface HttpHub {
  /** Route every URL starting with `baseUrl` to `handler` (the longest matching prefix wins). */
  register(baseUrl: string, handler: HttpHandler): void;
  log: HttpLogEntry[];
  /** GET requests sent with a payload (docs/PLATFORM.md: unverified whether Apps Script drops it). */
  getPayloadWarnings: PayloadWarning[];
  /** When true, the payload of a GET is dropped before it reaches the handler (default false). */
  dropGetBody: boolean;
  /**
   * The next `calls` UrlFetchApp calls (fetch or fetchAll) throw Google's short-burst error
   * ("Service invoked too many times in a short time: exec qps. ...") before sending anything.
   */
  execQpsBurst(calls: number): void;
}

export interface UrlFetchInit {
  rt: Runtime;
  dailyQuota: number;
  whitelist: readonly string[] | undefined;
  dropGetBody: boolean;
  /** The language of Google's error texts (./fault-texts.ts). */
  locale: FaultLocale;
}
