/**
 * `GET /orders/{order_id}/results`: one page (`limit` 1-100, default 50; `offset` 0+;
 * `delivered_since` ISO 8601) and the sync planner that pages through a whole order in
 * `requestAll` waves and reports where to resume.
 *
 * Incremental refresh with `delivered_since` (both guides: "Only companies delivered after this
 * timestamp"):
 * - Store `maxDeliveredAt`: the latest `delivered_at` seen in the items. It is the server's own
 *   clock, so the script's clock (skew, time zone) never enters; the order's `completed_at` would
 *   miss anything delivered later for the same order.
 * - Advance the stored watermark only when a pass is `complete`. While a pass is in progress
 *   (resumed across runs via `nextOffset`), keep sending the same `deliveredSince`: offsets are
 *   positions inside that filtered set, and changing the filter mid-pass would shift them.
 * - The next refresh starts at offset 0 with `deliveredSince` = the stored watermark. Whether the
 *   server compares with > or >= is not documented; writes are upserts by key, so an overlap of
 *   one company costs nothing and no gap can open.
 * - The overview says not to fetch results before the order is COMPLETED; the planner does not
 *   check that, the job does.
 */
import { ApiError } from '../../platform/errors';
import type { ApiRequest, ApiResponse, Http } from '../../platform/http-types';
import { LIMITS, PATHS } from './schemas';
import { ResultsPageSchema, type ResultCompany, type ResultsPage } from './result-schemas';
import { malformedAnswer, parseAnswer } from '../../platform/response';

/** Query of one results page. */
export interface ResultsPageQuery {
  /** 1-100 (server default 50). */
  limit?: number;
  /** 0+ (server default 0). */
  offset?: number;
  /** ISO 8601; only companies delivered after it. */
  deliveredSince?: string;
}

function checkQuery(q: ResultsPageQuery): void {
  const { limit, offset } = q;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < LIMITS.resultsPageMin || limit > LIMITS.resultsPageMax)) {
    throw new RangeError(`results: limit must be an integer from ${LIMITS.resultsPageMin} to ${LIMITS.resultsPageMax}, got ${limit}`);
  }
  if (offset !== undefined && (!Number.isInteger(offset) || offset < 0)) {
    throw new RangeError(`results: offset must be an integer >= 0, got ${offset}`);
  }
}

/** The request for one results page (query keys exactly as documented). */
export function resultsPageRequest(orderId: string, q: ResultsPageQuery): ApiRequest {
  checkQuery(q);
  return {
    method: 'get',
    path: PATHS.results(orderId),
    query: { limit: q.limit, offset: q.offset, delivered_since: q.deliveredSince },
  };
}

function parsePage(orderId: string, res: ApiResponse<unknown>): ResultsPage {
  return parseAnswer('openprospect', ResultsPageSchema, res, `GET /orders/${orderId}/results`);
}

/** Fetch and validate one results page. */
export function getResultsPage(http: Http, orderId: string, q: ResultsPageQuery = {}): ResultsPage {
  return parsePage(orderId, http.request<unknown>(resultsPageRequest(orderId, q)));
}

/** Anything with the Deadline's `nearlyOver` (platform/clock.ts). */
export interface DeadlineLike {
  nearlyOver(reserveMs?: number): boolean;
}

/** Options of a results sync. */
export interface FetchResultsOptions {
  /** Watermark from the last complete pass (see the module comment). */
  deliveredSince?: string;
  /** Checked before each wave of pages; when nearly over, the sync stops and reports `nextOffset`. */
  deadline?: DeadlineLike;
  /** Passed to `deadline.nearlyOver`. */
  reserveMs?: number;
  /** Companies per page, 1-100 (default 100: fewest requests). */
  pageSize?: number;
  /** Where to start: 0 for a new pass, a checkpointed `nextOffset` to resume one. */
  offset?: number;
  /** Stop after this many pages in this call (bounds memory and sheet-writing time). */
  maxPages?: number;
}

/** What a sync got, and where the next call resumes. */
export interface ResultsSync {
  /** Companies in offset order, contiguous from the start offset. */
  items: ResultCompany[];
  /** True when the pass reached the end (`has_more` false or `nextOffset >= total`). */
  complete: boolean;
  /** Offset of the first company not yet fetched: checkpoint it. */
  nextOffset: number;
  /** `total` as last reported by the server. */
  total: number;
  /** Latest `delivered_at` among `items` (the server's string, unchanged). */
  maxDeliveredAt?: string;
  /** The failure that stopped the sync early (a failed or malformed page), if one did. */
  error?: ApiError;
}

/** Compare two ISO timestamps by instant; equal instants fall back to text (microseconds). */
function later(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta)) return false;
  if (Number.isNaN(tb) || ta !== tb) return Number.isNaN(tb) || ta > tb;
  return a > b;
}

/**
 * Page through an order's results: the first page alone (it reports `total`), then every
 * remaining offset in one `http.requestAll` call (the platform splits it into fetchAll waves and
 * stops at its own deadline). Pages are accepted only while contiguous: at the first failed,
 * unsent or malformed page the sync stops, returns what came before it and the offset to resume
 * from. A failure on the first page is thrown (there is nothing to checkpoint).
 */
export function fetchResults(http: Http, orderId: string, opts: FetchResultsOptions = {}): ResultsSync {
  const pageSize = opts.pageSize ?? LIMITS.resultsPageMax;
  const start = opts.offset ?? 0;
  const maxPages = opts.maxPages ?? Number.POSITIVE_INFINITY;
  const query = (offset: number): ResultsPageQuery => {
    const q: ResultsPageQuery = { limit: pageSize, offset };
    if (opts.deliveredSince !== undefined) q.deliveredSince = opts.deliveredSince;
    return q;
  };

  const items: ResultCompany[] = [];
  let nextOffset = start;
  let maxDeliveredAt: string | undefined;
  let pages = 0;
  let error: ApiError | undefined;
  let total = 0;
  let hasMore = true;

  const accept = (page: ResultsPage): void => {
    pages += 1;
    total = page.total;
    hasMore = page.has_more;
    nextOffset += page.items.length;
    for (const item of page.items) {
      items.push(item);
      const d = item.delivered_at;
      if (typeof d === 'string' && d !== '' && (maxDeliveredAt === undefined || later(d, maxDeliveredAt))) maxDeliveredAt = d;
    }
  };
  const finished = (): boolean => !hasMore || nextOffset >= total;

  // An empty page that still claims more would make every later run loop on the same offset.
  const emptyButMore = (page: ResultsPage, res: ApiResponse<unknown>): ApiError | undefined =>
    page.items.length === 0 && page.has_more && nextOffset < page.total
      ? malformedAnswer(
          'openprospect',
          res,
          `GET /orders/${orderId}/results: the page at offset ${nextOffset} is empty although total is ${page.total} and has_more is true`,
        )
      : undefined;

  const firstRes = http.request<unknown>(resultsPageRequest(orderId, query(start)));
  const first = parsePage(orderId, firstRes);
  error = emptyButMore(first, firstRes);
  if (error === undefined) accept(first);
  else total = first.total;

  while (!finished() && error === undefined && pages < maxPages) {
    if (opts.deadline?.nearlyOver(opts.reserveMs)) break;
    const offsets: number[] = [];
    for (let o = nextOffset; o < total && pages + offsets.length < maxPages; o += pageSize) offsets.push(o);
    const answers = http.requestAll<unknown>(offsets.map((o) => resultsPageRequest(orderId, query(o))));
    let progressed = false;
    for (let i = 0; i < offsets.length; i++) {
      const answer = answers[i];
      // A short page earlier in this wave makes the later planned offsets non-contiguous: replan.
      if (offsets[i] !== nextOffset || finished()) break;
      if (answer === undefined || answer instanceof ApiError) {
        error = answer ?? malformedAnswer('openprospect', { status: 0, headers: {} }, `GET /orders/${orderId}/results: no answer for offset ${nextOffset}`);
        break;
      }
      let page: ResultsPage;
      try {
        page = parsePage(orderId, answer);
      } catch (e) {
        if (e instanceof ApiError) {
          error = e;
          break;
        }
        throw e;
      }
      error = emptyButMore(page, answer);
      if (error !== undefined) break;
      accept(page);
      progressed = true;
    }
    if (!progressed) break;
  }

  const out: ResultsSync = { items, complete: error === undefined && finished(), nextOffset, total };
  if (maxDeliveredAt !== undefined) out.maxDeliveredAt = maxDeliveredAt;
  if (error !== undefined) out.error = error;
  return out;
}
