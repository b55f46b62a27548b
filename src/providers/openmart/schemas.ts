/**
 * Openmart wire contract: paths, documented limits and zod/mini schemas for every response (read
 * through the shared parser, platform/response.ts). Which fields are required and which variants
 * are accepted is written down in readers.ts.
 */
import * as z from 'zod/mini';
import { malformedAnswer } from '../../platform/response';
import type { ApiResponse } from '../../platform/http-types';
import { SoftList, SoftNumber, SoftText, soft } from '../soft-fields';

/** The four async batch routes. */
export const BATCH_OPS = ['find_people', 'find_tech', 'lookup_business_email', 'lookup_people'] as const;
export type BatchOp = (typeof BATCH_OPS)[number];

/** Paths below `https://api.openmart.ai`. */
export const PATHS = {
  search: '/api/v1/search',
  searchIds: '/api/v1/search/only_ids',
  records: (kind: RecordsKind) => `/api/v1/business_records/list/${kind}`,
  enrichCompany: '/api/v1/enrich_company',
  brands: '/api/v2/brands/search',
  submit: (op: BatchOp) => `/api/v1/task/batch/${op}`,
  status: (batchId: string) => `/api/v1/task/batch/${encodeURIComponent(batchId)}/status`,
  taskIds: (batchId: string) => `/api/v1/task/batch/${encodeURIComponent(batchId)}/task_ids`,
  task: (taskId: string) => `/api/v1/task/${encodeURIComponent(taskId)}`,
  credits: '/api/v2/credit-balance',
  denyRules: '/api/v2/deny-rules',
  denyCheck: '/api/v2/deny-rules/check',
} as const;

/** Every documented limit, in one place. */
export const LIMITS = {
  searchLimitMax: 1000,
  /** "Recommended 100". */
  searchPage: 100,
  queryChars: 500,
  tags: 100,
  keywords: 64,
  recordIds: 100,
  enrichLimitMax: 50,
  brandLimitMax: 500,
  brandArray: 20,
  batchTasks: 100,
  maxK: 8,
  people: 8,
} as const;

export type RecordsKind = 'openmart_id' | 'google_place_id';

/** One search / enrich_company row: `{ id, content, match_score, match_highlights, cursor }`. */
export const SearchRowSchema = z.looseObject({
  id: z.string(),
  content: z.record(z.string(), z.unknown()),
  match_score: SoftNumber,
  match_highlights: SoftList,
  // Paging only: anything but a list is no usable cursor (the search stops with a sentence).
  cursor: SoftList,
});
export type SearchRow = z.infer<typeof SearchRowSchema>;

/** The display and paging fields of a flat row, read as softly as in a full row. */
const SoftRowFields = z.object({ match_score: SoftNumber, match_highlights: SoftList, cursor: SoftList });

/** A row of the `{ results: [...] }` example: flat, `openmart_id` instead of `id` + `content`. */
const FlatRowSchema = z.looseObject({ openmart_id: z.string() });

export const BrandRowSchema = z.looseObject({ brand_id: z.string() });
export const BrandPageSchema = z.looseObject({
  total: SoftNumber,
  encoded_cursor: soft(z.string()),
  data: z.nullable(z.array(BrandRowSchema)),
});
export type BrandPage = z.infer<typeof BrandPageSchema>;

/** Record routes: keyed by the input id. */
export const RecordsSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

export const TaskIdsSchema = z.array(z.string());
/** A task (readers.ts: only `status` is required; `task_id` falls back to the id asked for). */
export const TaskSchema = z.looseObject({
  task_id: z.optional(z.string()),
  status: z.string(),
  tracking_id: SoftText,
  data: z.optional(z.unknown()),
});
/** A task as read: `task_id` always set. */
export type Task = z.infer<typeof TaskSchema> & { task_id: string };

export const CreditBalanceSchema = z.looseObject({ balance: z.number(), period_start: SoftText, period_end: SoftText });
export const DenyCheckSchema = z.looseObject({ denied: z.record(z.string(), z.boolean()) });

/** What a search-like response holds once its envelope is removed. */
export interface SearchPage {
  rows: SearchRow[];
  totalCount?: number;
  envelope: 'array' | 'data' | 'results';
}

function describeShape(body: unknown): string {
  if (Array.isArray(body)) return 'an array';
  if (typeof body === 'object' && body !== null) return `an object with keys ${Object.keys(body).slice(0, 6).join(', ') || '(none)'}`;
  return typeof body;
}

/**
 * Read the three documented search envelopes (NOTES): a bare array of rows, `{ data,
 * total_count }` (estimate_total) and `{ results }` (whose rows may be flat, with `openmart_id`);
 * anything else fails loudly.
 */
export function readSearchEnvelope(res: ApiResponse<unknown>, what: string): SearchPage {
  const body = res.body;
  let list: unknown;
  let envelope: SearchPage['envelope'];
  let totalCount: number | undefined;
  if (Array.isArray(body)) {
    list = body;
    envelope = 'array';
  } else if (typeof body === 'object' && body !== null && Array.isArray((body as { data?: unknown }).data)) {
    list = (body as { data: unknown }).data;
    envelope = 'data';
    const t = (body as { total_count?: unknown }).total_count;
    if (typeof t === 'number') totalCount = t;
  } else if (typeof body === 'object' && body !== null && Array.isArray((body as { results?: unknown }).results)) {
    list = (body as { results: unknown }).results;
    envelope = 'results';
  } else {
    throw malformedAnswer(
      'openmart',
      res,
      `${what}: the answer is ${describeShape(body)}, not one of the documented shapes (an array, {data, total_count} or {results})`,
    );
  }
  const rows = (list as unknown[]).map((row, i) => {
    const full = SearchRowSchema.safeParse(row);
    if (full.success) return full.data;
    const flat = FlatRowSchema.safeParse(row);
    if (flat.success) {
      const { openmart_id, match_score, match_highlights, cursor, ...content } = flat.data as Record<string, unknown>;
      const out: SearchRow = { id: String(openmart_id), content };
      const soft = SoftRowFields.parse({ match_score, match_highlights, cursor });
      if (soft.match_score != null) out.match_score = soft.match_score;
      if (soft.match_highlights != null) out.match_highlights = soft.match_highlights;
      if (soft.cursor != null) out.cursor = soft.cursor;
      return out;
    }
    throw malformedAnswer('openmart', res, `${what}: row ${i + 1} has neither {id, content} nor openmart_id`);
  });
  const page: SearchPage = { rows, envelope };
  if (totalCount !== undefined) page.totalCount = totalCount;
  return page;
}
