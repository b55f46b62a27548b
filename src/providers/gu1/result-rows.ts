/**
 * Results tab rows, pure: one row per external_id and integration code (the two key columns),
 * with the documented result fields, and `enrichmentData` flattened into dot-path columns
 * (`company.address.city`). The tab writer renders lists, cuts long text and keeps strings literal.
 */
import { flattenObject } from '../../sheet/cells';
import type { EnrichmentResult, EnrichResponse } from './schemas';

/** Tab columns, keys first; data columns are appended as they arrive. */
export const GU1_COLUMNS = [
  'external_id',
  'integration_code',
  'success',
  'integration_name',
  'cost_cents',
  'cost',
  'execution_time_ms',
  'completeness',
  'confidence',
  'summary',
  'fields_enriched',
  'error_code',
  'error_message',
  'enrichment_id',
  'entity_id',
  // gu1's changelog: a per-result error may carry these; `error_retryable` decides what "Retry failed rows" sends.
  'error_category',
  'error_retryable',
  'error_status_code',
  'total_execution_time_ms',
] as const;

export const GU1_KEY_COLUMNS = ['external_id', 'integration_code'];

/** The key a row-level error is filed under for a group whose codes are not known. */
export function groupKey(ref: string): string {
  return `group:${ref}`;
}

export type Row = Record<string, unknown>;

const FIXED = new Set<string>(GU1_COLUMNS);

/** `enrichmentData` as dot-path columns; a key that would clash with a fixed column gets `data.`. */
export function dataColumns(data: unknown): Row {
  if (data === undefined || data === null) return {};
  const flat = flattenObject(data, typeof data === 'object' && !Array.isArray(data) ? '' : 'data');
  const out: Row = {};
  for (const [k, v] of Object.entries(flat)) out[FIXED.has(k) ? `data.${k}` : k] = v;
  return out;
}

function num(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** One result as a row. Absent values are written as empty cells (`null`) so a re-run clears stale ones. */
export function resultRow(externalId: string, entityId: string | null, r: EnrichmentResult, totalMs: number | null = null): Row {
  const cents = num(r.costCents);
  const failed = r.success === false || (r.success !== true && r.error != null);
  return {
    external_id: externalId,
    integration_code: r.integrationCode ?? '',
    success: !failed,
    integration_name: r.integrationName ?? null,
    cost_cents: cents,
    cost: cents === null ? null : cents / 100,
    execution_time_ms: num(r.executionTime),
    completeness: num(r.result?.dataQuality?.completeness),
    confidence: num(r.result?.dataQuality?.confidence),
    summary: r.result?.summary ?? null,
    fields_enriched: r.result?.fieldsEnriched ?? null,
    error_code: r.error?.code ?? (failed ? 'FAILED' : null),
    error_message: r.error?.message ?? (failed ? 'gu1 reported this integration as failed without a message' : null),
    enrichment_id: r.enrichmentId ?? null,
    entity_id: entityId,
    error_category: r.error?.category ?? null,
    error_retryable: typeof r.error?.retryable === 'boolean' ? r.error.retryable : null,
    error_status_code: num(r.error?.statusCode),
    total_execution_time_ms: totalMs,
    ...dataColumns(r.result?.enrichmentData),
  };
}

/** The second documented shape's rules outcome, as columns beside every result of the answer. */
function rulesColumns(res: EnrichResponse): Row {
  const out: Row = {};
  for (const k of ['rulesResult', 'rulesExecutionSummary']) {
    const v = (res as Record<string, unknown>)[k];
    if (v !== undefined && v !== null) Object.assign(out, flattenObject(v, k));
  }
  return out;
}

/**
 * Every row of one answer. An explicitly requested code the answer leaves out gets a row saying
 * so; results without a code cannot be keyed and are counted as `unkeyed`.
 */
export function responseRows(externalId: string, res: EnrichResponse, requestedCodes: readonly string[]): { rows: Row[]; unkeyed: number } {
  const rows: Row[] = [];
  let unkeyed = 0;
  const rules = rulesColumns(res);
  for (const r of res.results) {
    if (!r.integrationCode) unkeyed++;
    else rows.push({ ...resultRow(externalId, res.entityId ?? null, r, num(res.totalExecutionTime)), ...rules });
  }
  const answered = new Set(rows.map((r) => r['integration_code']));
  for (const code of requestedCodes) {
    if (!answered.has(code)) rows.push(errorRow(externalId, code, 'NO_RESULT', 'gu1 returned no result for this integration code'));
  }
  return { rows, unkeyed };
}

/** A row for a code (or `group:<ref>`) that has no result because the whole request failed. */
export function errorRow(externalId: string, key: string, code: string, message: string): Row {
  return {
    external_id: externalId,
    integration_code: key,
    success: false,
    integration_name: null,
    cost_cents: 0,
    cost: 0,
    execution_time_ms: null,
    completeness: null,
    confidence: null,
    summary: null,
    fields_enriched: null,
    error_code: code,
    error_message: message,
    enrichment_id: null,
    entity_id: null,
    error_category: null,
    error_retryable: null,
    error_status_code: null,
    total_execution_time_ms: null,
  };
}

/** One error row per requested code and per group ref (as `group:<ref>`). */
export function requestErrorRows(externalId: string, codes: readonly string[], refs: readonly string[], code: string, message: string): Row[] {
  return [...codes.map((c) => errorRow(externalId, c, code, message)), ...refs.map((r) => errorRow(externalId, groupKey(r), code, message))];
}
