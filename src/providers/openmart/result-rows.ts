/**
 * Pure mapping from Openmart answers to sheet rows. Batch tabs (People / Emails / Tech) are keyed
 * by `external_id` (the task's tracking_id) + `index`: items are numbered from 1; index 0 is the
 * row's status line (ERRORED with the reason, CANCELLED, no results, submitted-outcome-unknown).
 * Search tabs key by the provider's id; enrich tabs by the source row's external_id + `match`.
 */
import { flattenObject, socialLinks } from '../../sheet/cells';
import { taskReason } from './get-task';
import type { BatchOp, SearchRow, Task } from './schemas';

/** One sheet row: column -> raw value. */
export type Row = Record<string, unknown>;

export const BATCH_KEY = ['external_id', 'index'];
const STATUS_COLUMNS = ['external_id', 'index', 'status', 'reason'];
/** People rows carry the company (from the source row) next to their key (external_id, index). */
export const PEOPLE_COLUMNS = [
  'external_id',
  'index',
  'company',
  'status',
  'reason',
  'first_name',
  'last_name',
  'title',
  'email',
  'email_verified',
  'phones',
  'linkedin_url',
  'task_id',
  'batch_id',
];
export const EMAIL_COLUMNS = [...STATUS_COLUMNS, 'email', 'email_status', 'task_id', 'batch_id'];
export const TECH_COLUMNS = [...STATUS_COLUMNS, 'task_id', 'batch_id'];

/** The tab role and columns of each route. */
export const BATCH_TABS: Record<BatchOp, { role: 'people' | 'emails' | 'tech'; suffix: string; columns: string[] }> = {
  find_people: { role: 'people', suffix: 'People', columns: PEOPLE_COLUMNS },
  lookup_people: { role: 'people', suffix: 'People', columns: PEOPLE_COLUMNS },
  lookup_business_email: { role: 'emails', suffix: 'Emails', columns: EMAIL_COLUMNS },
  find_tech: { role: 'tech', suffix: 'Tech', columns: TECH_COLUMNS },
};

/** Row statuses written in the `status` column. */
export const ROW_STATUS = {
  completed: 'COMPLETED',
  errored: 'ERRORED',
  cancelled: 'CANCELLED',
  unknown: 'SUBMITTED_OUTCOME_UNKNOWN',
  rejected: 'REJECTED',
  notFound: 'NOT_FOUND',
  notSent: 'NOT_SENT',
} as const;

/** The status line (index 0) of a row. */
export function statusRow(externalId: string, status: string, reason: string, extra: Row = {}): Row {
  return { external_id: externalId, index: 0, status, reason, ...extra };
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `mobile`, `MOBILE` and `Mobile` are one line type: written in lower case as documented. */
function lineType(v: unknown): string {
  return String(v).toLowerCase();
}

function personRow(p: unknown): Row {
  if (!isObj(p)) return { value: p };
  const { first_name, last_name, title, email, phones, linkedin_url, ...rest } = p;
  const mail = isObj(email) ? email : null;
  const phoneList = Array.isArray(phones)
    ? phones.map((ph) =>
        isObj(ph)
          ? [ph['phone_number'], ph['line_type'] ? `(${lineType(ph['line_type'])}${ph['valid'] === false ? ', invalid' : ''})` : ''].filter(Boolean).join(' ')
          : String(ph),
      )
    : phones;
  return {
    first_name: first_name ?? null,
    last_name: last_name ?? null,
    title: title ?? null,
    email: mail ? (mail['email'] ?? null) : (email ?? null),
    email_verified: mail ? (mail['verified'] ?? null) : null,
    phones: phoneList ?? null,
    linkedin_url: linkedin_url ?? null,
    ...flattenObject(rest),
  };
}

function emailRow(m: unknown): Row {
  if (!isObj(m)) return { email: m };
  const { email, status, ...rest } = m;
  return { email: email ?? null, email_status: status ?? null, ...flattenObject(rest) };
}

function items(op: BatchOp, data: unknown): Row[] {
  if (data === null || data === undefined) return [];
  if (op === 'find_tech') {
    // Undocumented shape: one row per element of a list, else one row of the flattened object.
    const list = Array.isArray(data) ? data : [data];
    return list.map((d) => (isObj(d) ? flattenObject(d) : { value: d }));
  }
  const list = Array.isArray(data) ? data : [data];
  return list.map(op === 'lookup_business_email' ? emailRow : personRow);
}

/** The key of a task's rows: its tracking_id, else `task:<task_id>` (NOTES: tracking_id may be null). */
export function taskKey(task: Task): string {
  return typeof task.tracking_id === 'string' && task.tracking_id !== '' ? task.tracking_id : `task:${task.task_id}`;
}

/** Rows of one finished task: items numbered from 1, or a status line. PROCESSING gives none. */
export function taskRows(op: BatchOp, task: Task, batchId: string): Row[] {
  const key = taskKey(task);
  const ids = { task_id: task.task_id, batch_id: batchId };
  const status = task.status.toUpperCase();
  if (status === 'COMPLETED') {
    const list = items(op, task.data);
    if (list.length === 0) return [statusRow(key, ROW_STATUS.completed, 'no results', ids)];
    return list.map((r, i) => ({ external_id: key, index: i + 1, status: ROW_STATUS.completed, reason: null, ...r, ...ids }));
  }
  if (status === 'ERRORED') return [statusRow(key, ROW_STATUS.errored, taskReason(task) || 'Openmart gave no reason', ids)];
  if (status === 'CANCELLED') return [statusRow(key, ROW_STATUS.cancelled, taskReason(task) || 'cancelled at Openmart', ids)];
  return [];
}

/** Business tab columns (key first); other content keys follow, flattened. */
export const BUSINESS_COLUMNS = [
  'openmart_id',
  'business_name',
  'store_name',
  'root_domain',
  'website_url',
  'street_address',
  'city',
  'state',
  'zipcode',
  'country',
  'store_phones',
  'business_emails',
  'google_rating',
  'google_reviews_count',
  'tags',
  'business_categories',
  'num_stores',
  'ownership_type',
  'latitude',
  'longitude',
  'match_score',
  'match_highlights',
];

/** A business row from an Openmart record (`content` of a search row, or a records value). */
export function businessRow(id: string, content: Record<string, unknown>, match?: { score?: unknown; highlights?: unknown }): Row {
  const { social_media_links, ...rest } = content;
  const row: Row = { openmart_id: id };
  for (const c of BUSINESS_COLUMNS.slice(1, -2)) row[c] = rest[c] ?? null;
  row['match_score'] = match?.score ?? null;
  row['match_highlights'] = match?.highlights ?? null;
  if (social_media_links !== undefined) row['social_media_links'] = socialLinks(social_media_links);
  for (const [k, v] of Object.entries(flattenObject(rest))) if (!(k in row)) row[k] = v;
  return row;
}

const SEARCH_ROW_KEYS = new Set(['id', 'content', 'match_score', 'match_highlights', 'cursor']);

/** A search row as a business row (keyed by the openmart id); undocumented keys beside `content` become extra columns. */
export function searchRowToRow(r: SearchRow): Row {
  const row = businessRow(r.id, r.content, { score: r.match_score, highlights: r.match_highlights });
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (!SEARCH_ROW_KEYS.has(k)) extra[k] = v;
  for (const [k, v] of Object.entries(flattenObject(extra))) if (!(k in row)) row[k] = v;
  return row;
}

export const ENRICH_KEY = ['external_id', 'match'];
export const ENRICH_COLUMNS = ['external_id', 'match', 'status', 'reason', ...BUSINESS_COLUMNS];

/** Enrich tab rows for one source row: its matches numbered from 1, or a NOT_FOUND line (match 0). */
export function enrichRows(externalId: string, matches: Array<{ id: string; content: Record<string, unknown>; score?: unknown; highlights?: unknown }>): Row[] {
  if (matches.length === 0) return [{ external_id: externalId, match: 0, status: ROW_STATUS.notFound, reason: 'no Openmart record matched' }];
  return matches.map((m, i) => ({
    external_id: externalId,
    match: i + 1,
    status: 'FOUND',
    reason: null,
    ...businessRow(m.id, m.content, { score: m.score, highlights: m.highlights }),
  }));
}

export const BRAND_COLUMNS = [
  'brand_id',
  'business_name',
  'business_type',
  'domain_ident',
  'website_url',
  'num_stores',
  'ownership_type',
  'business_categories',
  'business_specialty',
  'business_keywords',
  'product_services_offered',
  'business_emails',
  'business_phones',
  'social_media_links',
  'staffs',
  'brand_description',
];

/** A brand row (`null` and `[]` arrays both become an empty cell). */
export function brandRow(b: Record<string, unknown>): Row {
  const row: Row = {};
  for (const c of BRAND_COLUMNS) row[c] = c === 'social_media_links' ? socialLinks(b[c] ?? null) : (b[c] ?? null);
  for (const [k, v] of Object.entries(flattenObject(b))) if (!(k in row) && !k.startsWith('social_media_links.')) row[k] = v;
  return row;
}
