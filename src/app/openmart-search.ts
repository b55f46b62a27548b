/** Openmart business and brand search from the sidebar: a job that pages results into a tab. */
import * as z from 'zod/mini';
import { againOf } from './duplicates';
import { KeyStore } from '../platform/keys';
import { newJob } from '../jobs/model';
import { OM_SEARCH_KIND, storeSearchBody, type OmSearchData } from '../jobs/openmart-search';
import { buildBrandSearch } from '../providers/openmart/brands';
import { buildSearch } from '../providers/openmart/build-search';
import { estimateSearch } from '../providers/openmart/credits';
import { freshTabName } from './result-tabs';
import type { AppContext } from './context';
import { UserInputError, parseInput } from './input';
import { toView } from './job-view';
import { withSizing } from './openmart-sizing';
import { creditCheck, forgetStale, requireConfirmation, startOpenmartJob, type CreditCheck, type OpenmartSubmitResult } from './openmart';

export const SearchInput = z.object({ form: z.unknown(), confirmCredits: z.optional(z.boolean()) });

export interface SearchPreview extends CreditCheck {
  /** The body as it will be sent (limit and cursor are added per page). */
  body: Record<string, unknown>;
  count: number;
  problems: string[];
  /** About how many match (only_ids; brands: estimate_total), and the sentence the form shows. */
  matches?: number | null;
  sizing?: string;
}

function searchPreviewOf(ctx: AppContext, form: unknown, brands: boolean): SearchPreview & { title: string; orderBy?: Array<{ field: string; asc: true }> } {
  if (brands) {
    const b = buildBrandSearch(form);
    if (!b.ok) return { body: {}, count: 0, title: '', problems: b.problems.map((p) => p.message), ...creditCheck(ctx, estimateSearch(0)) };
    const out = { body: b.searchParam, count: b.count, title: b.title, problems: [], ...creditCheck(ctx, estimateSearch(b.count)) };
    return b.orderBy ? { ...out, orderBy: b.orderBy } : out;
  }
  const s = buildSearch(form);
  if (!s.ok) return { body: {}, count: 0, title: '', problems: s.problems.map((p) => p.message), ...creditCheck(ctx, estimateSearch(0)) };
  return { body: s.body, count: s.count, title: s.title, problems: [], ...creditCheck(ctx, estimateSearch(s.count)) };
}

function submitSearchOf(ctx: AppContext, input: unknown, brands: boolean): OpenmartSubmitResult {
  const { form, confirmCredits } = parseInput(SearchInput, input, 'the search form');
  new KeyStore(ctx.userProps()).require('openmart');
  const check = searchPreviewOf(ctx, form, brands);
  if (check.problems.length > 0) throw new UserInputError(check.problems.join(' '));
  requireConfirmation(check, confirmCredits);
  forgetStale(ctx);
  const id = ctx.uuid();
  const mode = brands ? 'brands' : 'businesses';
  try {
    storeSearchBody(ctx.docProps(), id, check.body);
  } catch {
    throw new UserInputError('The search form is too large to keep for the job (over 9 KB); use fewer keywords or domains.');
  }
  const data: OmSearchData = { mode, count: check.count, fetched: 0 };
  if (check.orderBy) data.orderBy = check.orderBy;
  const tabName = freshTabName(ctx, `${check.title} - ${brands ? 'Brands' : 'Businesses'}`);
  const job = newJob({
    id,
    provider: 'openmart',
    kind: OM_SEARCH_KIND,
    title: check.title,
    now: ctx.clock.now(),
    tabs: { [mode]: tabName },
    data,
    total: check.count,
  });
  const started = startOpenmartJob(ctx, job, true, { rows: [mode, check.body, check.count], again: againOf(input) });
  return { job: toView(started.job), invalid: [], invalidCount: 0, idsGenerated: 0, estimate: check.estimate, notice: started.notice };
}

/** Check the business search form, count its matches (only_ids, at most 1 credit) and estimate its credits. */
export function previewOpenmartSearch(ctx: AppContext, input: unknown): SearchPreview {
  const { form } = parseInput(SearchInput, input, 'the search form');
  const { title: _t, orderBy: _o, ...out } = searchPreviewOf(ctx, form, false);
  return withSizing(ctx, out, 'businesses');
}

/** Run a business search into `<title> - Businesses` (cursor paging to the requested count). */
export function submitOpenmartSearch(ctx: AppContext, input: unknown): OpenmartSubmitResult {
  return submitSearchOf(ctx, input, false);
}

/** Check the brand search form, count its matches (a one-row page with estimate_total, at most 1 credit) and estimate its credits. */
export function previewOpenmartBrandSearch(ctx: AppContext, input: unknown): SearchPreview {
  const { form } = parseInput(SearchInput, input, 'the brand search form');
  const { title: _t, orderBy: _o, ...out } = searchPreviewOf(ctx, form, true);
  return withSizing(ctx, out, 'brands');
}

/** Run a brand search into `<title> - Brands` (encoded_cursor paging). */
export function submitOpenmartBrandSearch(ctx: AppContext, input: unknown): OpenmartSubmitResult {
  return submitSearchOf(ctx, input, true);
}
