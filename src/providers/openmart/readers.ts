/**
 * What the add-on reads from each Openmart answer: the one place that says which fields are
 * required and why. Readers are tolerant (robustness principle): they require only what the add-on
 * acts on, accept the documented shape plus the variants Openmart's own client and integrations
 * show, keep unknown keys (as flattened extra columns where a user would want them), and never
 * fail on extra keys. Anything else is a MalformedResponseError naming the route and what was missing.
 *
 * | route | required (why) | optional | variants accepted |
 * |---|---|---|---|
 * | POST /api/v1/search, /enrich_company | a list of rows (the answer); per row `id` + `content` object, or a flat row with `openmart_id` (the key) | `match_score`, `match_highlights`, `cursor` (paging: a last row without a usable cursor ends paging with a sentence), all fail-soft: a wrong type (highlights as an object, cursor as text, score as text) is read as empty or as a number, never failing the page | bare array, `{data, total_count}`, `{results}`; `store_phones: null`; extra keys at any level |
 * | GET /business_records/list/{kind} | an object keyed by input id, each value an object (the record) | every record field | extra keys |
 * | POST /api/v1/task/batch/{op} | `batch_id` (all the add-on tracks) | `submit_for`, `status` and its counters | `status` partial (`{batch_ready: false}` alone) or absent; `batch_id` under `data`; a numeric `batch_id` (read as text) |
 * | GET /task/batch/:id/status | `batch_ready` (when to read the tasks), or `processing` to derive it | `processing`, `completed`, `errored`, `total` (progress; derived from the task lists when missing) | counters at the top level (documented), under `status` or under `data`; flag alone |
 * | GET /task/batch/:id/task_ids | an array of strings (the tasks to read) | | |
 * | GET /task/:id | `status` (what to write) | `task_id` (the id asked for), `tracking_id` (else keyed `task:<id>`; a number is read as text), `data`, a reason key | lower-case status; PROCESSING without `tracking_id`/`data`; phone `line_type` in any case; extra keys (extra columns) |
 * | POST /api/v2/brands/search | `data` (an array, or null for none) with `brand_id` per row (the key) | `total`, `encoded_cursor` (an empty or missing one ends paging, with the same sentence as search) | extra keys (extra columns) |
 * | GET /api/v2/credit-balance | `balance` | period dates | extra keys |
 * | POST /api/v2/deny-rules/check | `denied`, an object of booleans | | extra keys |
 * | errors (any route) | the status code | `detail` / `error` / `message` | `{}`; a plain-text or HTML body (shown only as a short scrubbed detail in the add-on's sentence) |
 */
import type { ApiResponse } from '../../platform/http-types';
import { malformedAnswer } from '../../platform/response';

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Task counts of a batch by end state (completed, errored, cancelled). */
export type TaskCounts = [completed: number, errored: number, cancelled: number];

/** What a status answer tells the add-on. */
export interface BatchProgress {
  ready: boolean;
  /** Absent when the answer carries no counters (then they come from the task lists). */
  counts?: TaskCounts;
}

/** Where the counters are: the top level (documented), else under `status` or `data`. */
function statusHolder(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const has = (o: Record<string, unknown>): boolean => typeof o['batch_ready'] === 'boolean' || num(o['processing']) !== undefined;
  if (has(body)) return body;
  for (const k of ['status', 'data']) {
    const inner = body[k];
    if (isObj(inner) && has(inner)) return inner;
  }
  return undefined;
}

/** Read a batch status answer; throws naming the route when no readiness can be read. */
export function readBatchProgress(res: ApiResponse<unknown>, what: string): BatchProgress {
  const holder = isObj(res.body) ? statusHolder(res.body) : undefined;
  if (!holder)
    throw malformedAnswer('openmart', res, `${what}: the answer has no batch_ready flag or processing count (looked at the top level, "status" and "data")`);
  const processing = num(holder['processing']);
  const flag = holder['batch_ready'];
  const ready = typeof flag === 'boolean' ? flag : processing === 0;
  const out: BatchProgress = { ready };
  const completed = num(holder['completed']);
  const errored = num(holder['errored']);
  const total = num(holder['total']);
  if (completed !== undefined && errored !== undefined && total !== undefined) {
    // The status counts processing, completed and errored: the rest of the total ended CANCELLED.
    out.counts = [completed, errored, Math.max(0, total - (processing ?? 0) - completed - errored)];
  }
  return out;
}

/** An id as text: a non-empty string (trimmed) or a whole number sent as a number. */
function idText(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return undefined;
}

/** The batch id of a submit answer (top level, else under `data`; a number is read as text); throws naming the route when absent. */
export function readBatchId(res: ApiResponse<unknown>, what: string): string {
  const body = res.body;
  for (const o of [body, isObj(body) ? body['data'] : undefined]) {
    const id = isObj(o) ? idText(o['batch_id']) : undefined;
    if (id !== undefined) return id;
  }
  throw malformedAnswer('openmart', res, `${what}: the answer has no batch_id`);
}

/**
 * The batch id in the raw text of a submit answer that is not JSON (cut off in transit): the batch
 * exists and is billed, so it is tracked by this id rather than left "outcome unknown".
 */
export function salvageBatchId(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = /"batch_id"\s*:\s*(?:"([^"\\]{1,200})"|(\d{1,30})\b)/.exec(raw);
  return (m?.[1] ?? m?.[2])?.trim() || undefined;
}
