/**
 * The naive Openmart find_people run: one `UrlFetchApp.fetch` per request, one after the other
 * (submit each batch of 100, then per batch: status, task ids, and every task), one `appendRow`
 * per person. No waves, no cache, no checkpoint.
 */
import type { GasServices } from '../../emulator';
import { writeTab } from './openprospect';

export interface NaiveOpenmart {
  gas: GasServices;
  /** e.g. https://api.openmart.ai */
  baseUrl: string;
  key: string;
}

const BATCH = 100;

function call<T>(o: NaiveOpenmart, method: 'get' | 'post', path: string, body?: unknown): T {
  const params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = { method, headers: { 'X-API-Key': o.key }, muteHttpExceptions: true };
  if (body !== undefined) {
    params.contentType = 'application/json';
    params.payload = JSON.stringify(body);
  }
  const res = o.gas.UrlFetchApp.fetch(`${o.baseUrl}${path}`, params);
  if (res.getResponseCode() >= 300) throw new Error(`HTTP ${res.getResponseCode()} for ${path}`);
  return JSON.parse(res.getContentText()) as T;
}

/** Submit every row (domain, tracking_id) as find_people batches of 100; returns the batch ids. */
export function naiveSubmitFindPeople(
  o: NaiveOpenmart,
  rows: ReadonlyArray<{ id: string; domain: string }>,
  options: { title: string; max_k: number },
): string[] {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const tasks = rows.slice(i, i + BATCH).map((r) => ({ domain: r.domain, title: options.title, max_k: options.max_k, tracking_id: r.id }));
    ids.push(call<{ batch_id: string }>(o, 'post', '/api/v1/task/batch/find_people', tasks).batch_id);
  }
  return ids;
}

const HEADER = ['tracking_id', 'first_name', 'last_name', 'title', 'email'];

/** Every batch read one request after the other (status, task ids, each task); each person's row to `onRow`. */
function eachPerson(o: NaiveOpenmart, batchIds: readonly string[], onRow: (row: unknown[]) => void): void {
  for (const b of batchIds) {
    const status = call<{ batch_ready: boolean }>(o, 'get', `/api/v1/task/batch/${b}/status`);
    if (!status.batch_ready) throw new Error(`batch ${b} not ready`);
    for (const t of call<string[]>(o, 'get', `/api/v1/task/batch/${b}/task_ids?status=COMPLETED`)) {
      const task = call<{ tracking_id?: string | null; data?: Array<Record<string, unknown>> | null }>(o, 'get', `/api/v1/task/${t}`);
      for (const p of task.data ?? []) {
        const email = p['email'] as { email?: string } | string | null | undefined;
        onRow([
          task.tracking_id ?? '',
          String(p['first_name'] ?? ''),
          String(p['last_name'] ?? ''),
          String(p['title'] ?? ''),
          typeof email === 'string' ? email : (email?.email ?? ''),
        ]);
      }
    }
  }
}

/** Read every batch and append one row per person. */
export function naiveReadFindPeople(o: NaiveOpenmart, batchIds: readonly string[], tab: string): void {
  const sheet = o.gas.SpreadsheetApp.getActiveSpreadsheet().insertSheet(tab);
  sheet.appendRow(HEADER);
  eachPerson(o, batchIds, (row) => sheet.appendRow(row));
}

/** The competent script (issue 16): the same sequential reads, rows collected in memory, one setValues. */
export function competentReadFindPeople(o: NaiveOpenmart, batchIds: readonly string[], tab: string): void {
  const rows: unknown[][] = [HEADER];
  eachPerson(o, batchIds, (row) => rows.push(row));
  writeTab(o.gas, tab, rows);
}
