/**
 * Openmart search jobs: business search (`POST /api/v1/search`, pages of 100 by `cursor`) into
 * `<title> - Businesses` keyed by openmart id, and brand search (`POST /api/v2/brands/search`,
 * `encoded_cursor`) into `<title> - Brands` keyed by brand id, until the requested count.
 * Pages depend on the previous cursor, so they are fetched one after another; each page is
 * written and the cursor saved before the next (a rerun repeats at most one page: upserts).
 */
import * as z from 'zod/mini';
import { isOutcomeUnknown } from '../platform/billing';
import { JsonStore } from '../platform/store';
import { brandPage } from '../providers/openmart/brands';
import { BRAND_COLUMNS, BUSINESS_COLUMNS, brandRow, searchRowToRow } from '../providers/openmart/result-rows';
import { malformedAnswer } from '../platform/response';
import { LIMITS } from '../providers/openmart/schemas';
import { searchPage } from '../providers/openmart/search';
import { noMatchSentence } from '../providers/openmart/size-search';
import type { ResultTab } from '../sheet/result-tab';
import { openJobTab } from './job-tabs';
import type { JobEnv } from './handler';
import { defineJobKind, type JobKind, type KindData } from './kind';
import { JobStopError, note, transition, warn, type Job } from './model';
import { failureText } from './failure-policy';
import { stopOn } from './openmart-stop';

export const OM_SEARCH_KIND = 'openmart.search';

export const OmSearchDataSchema = z.object({
  mode: z.enum(['businesses', 'brands']),
  count: z.number(),
  fetched: z.number(),
  /** Businesses: the last row's `[match_score, id]`; brands: the `encoded_cursor`. */
  cursor: z.optional(z.unknown()),
  orderBy: z.optional(z.array(z.object({ field: z.string(), asc: z.literal(true) }))),
  done: z.optional(z.boolean()),
});
export type OmSearchData = z.infer<typeof OmSearchDataSchema>;

/** The kind's data, read with `dataOf(job, OM_SEARCH)`. */
export const OM_SEARCH: KindData<OmSearchData> = { kind: OM_SEARCH_KIND, schema: OmSearchDataSchema };

const RESERVE_MS = 30_000;
const BRAND_PAGE = 100;
const BODY_PREFIX = 'oms:';
const BodySchema = z.record(z.string(), z.unknown());

/** Keep the search body beside the job (refused over 9 KB with a clear StoreError). */
export function storeSearchBody(props: JobEnv['docProps'], jobId: string, body: Record<string, unknown>): void {
  new JsonStore(props).set(BODY_PREFIX + jobId, BodySchema, body);
}

/** True when the job's search body is still kept (a scheduled run needs it). */
export function hasSearchBody(props: JobEnv['docProps'], jobId: string): boolean {
  return props.getProperty(BODY_PREFIX + jobId) !== null;
}

/** The job whose search body a document property key holds, if it is one. */
export function searchBodyJob(key: string): string | undefined {
  return key.startsWith(BODY_PREFIX) ? /^[^:]+:([^:]+)/.exec(key)?.[1] : undefined;
}

/** Remove the kept search body of a job. */
export function forgetSearchBody(props: JobEnv['docProps'], jobId: string): void {
  props.deleteProperty(BODY_PREFIX + jobId);
}

function progress(job: Job, data: OmSearchData): Job {
  return { ...job, data, counts: { ...job.counts, rowsFetched: data.fetched }, progress: { done: Math.min(data.fetched, data.count), total: data.count } };
}

function sameCursor(a: unknown, b: unknown): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** The sentence for a search that ended before the requested count. */
export function shortfall(brands: boolean, fetched: number, count: number, shortPage: boolean): string {
  const why = shortPage ? 'the search has no more matches' : `no further page was offered${brands ? '' : ' (the last row carried no usable cursor)'}`;
  return `Openmart returned ${fetched} of the ${count} ${brands ? 'brands' : 'rows'} asked; ${why}.`;
}

/**
 * A search whose first page is empty: DONE with the sentence that asks to widen it, progress 0 of
 * 0, and no tab (the name reserved at submit is dropped unless an earlier run wrote that tab).
 */
function nothingMatched(job: Job, data: OmSearchData, now: number): Job {
  const sentence = noMatchSentence(data.mode);
  const tabs = { ...job.tabs };
  if (job.counts['rowsFetched'] === undefined) delete tabs[data.mode];
  const ended = { ...job, tabs, data: { ...data, done: true }, counts: { ...job.counts, rowsFetched: 0 }, progress: { done: 0, total: 0 } };
  return transition(warn(ended, sentence), 'DONE', now, sentence);
}

/** The search job kind: the kept search body goes with the job. */
export function openmartSearchHandler(): JobKind<OmSearchData> {
  return defineJobKind({
    ...OM_SEARCH,
    cleanup: forgetSearchBody,
    advance(job, stored, env) {
      let data = stored;
      const body = new JsonStore(env.docProps).get(BODY_PREFIX + job.id, BodySchema);
      if (!body) throw new JobStopError('The search form of this job was not kept; run the search again from the sidebar.');
      const http = env.http('openmart');
      const brands = data.mode === 'brands';
      // Opened with the first rows: a search that matches nothing leaves no empty tab.
      let tab: ResultTab | undefined;
      const openTab = (): ResultTab =>
        (tab ??= openJobTab(env, job, data.mode, `${job.title} - ${brands ? 'Brands' : 'Businesses'}`, {
          keyColumns: [brands ? 'brand_id' : 'openmart_id'],
          columns: brands ? BRAND_COLUMNS : BUSINESS_COLUMNS,
        }));
      job = transition(job, 'FETCHING', env.clock.now());
      while (!data.done && data.fetched < data.count) {
        if (env.deadline.nearlyOver(RESERVE_MS)) return progress(job, data);
        const limit = Math.min(brands ? BRAND_PAGE : LIMITS.searchPage, data.count - data.fetched);
        let rows: Array<Record<string, unknown>>;
        let next: unknown;
        try {
          if (brands) {
            const page = brandPage(http, body, { limit, cursor: data.cursor as string | undefined, orderBy: data.orderBy });
            rows = page.rows.map(brandRow);
            next = page.nextCursor === '' ? undefined : page.nextCursor;
          } else {
            const page = searchPage(http, body, { limit, cursor: data.cursor as unknown[] | undefined });
            rows = page.rows.map(searchRowToRow);
            next = page.nextCursor;
          }
          // A cursor that does not move would fetch (and bill) the same page forever.
          if (rows.length > 0 && sameCursor(data.cursor, next))
            throw malformedAnswer('openmart', { status: 200, headers: {} }, 'the search cursor did not advance');
        } catch (e) {
          // A page is billed without a key: after a lost, gateway-error or unreadable answer Openmart may
          // have billed it, and the next page depends on its cursor, so the search stops (never re-asked).
          if (isOutcomeUnknown(e)) {
            const why = `Openmart's answer to the next page was lost, unreadable or a gateway error (${failureText(e)}); Openmart may have billed it, so the search stops here instead of asking again. The ${data.fetched} row(s) fetched before are in the tab; run the search again for more (it may bill that page twice).`;
            return transition(warn(progress(job, data), why), 'DONE', env.clock.now(), why);
          }
          return stopOn(progress(job, data), e, env.clock.now(), `The ${data.fetched} row(s) fetched before are in the tab.`);
        }
        const fetched = data.fetched + rows.length;
        const done = rows.length < limit || next === undefined;
        if (fetched === 0 && done) return nothingMatched(job, data, env.clock.now());
        if (rows.length > 0) openTab().upsert(rows);
        data = { ...data, fetched, done };
        // Fewer rows than asked is said, never a silent DONE.
        if (done && fetched < data.count) job = warn(job, shortfall(brands, fetched, data.count, rows.length < limit));
        if (next === undefined) delete data.cursor;
        else data.cursor = next;
        job = note(progress(job, data), env.clock.now(), `${fetched} row(s) fetched`);
        env.checkpoint(job);
      }
      return transition(progress(job, data), 'DONE', env.clock.now(), `${data.fetched} ${brands ? 'brand' : 'business'} row(s) written`);
    },
    /** A scheduled refresh: the same search again from the first page, upserted into the same tab. */
    rerun(job, stored, env) {
      const { cursor: _c, done: _d, ...data } = stored;
      const { lastError: _e, resumeAt: _r, ...rest } = job;
      return transition(progress(rest, { ...data, fetched: 0 }), 'FETCHING', env.clock.now(), 'scheduled refresh: searching again');
    },
  });
}
