/**
 * Pure batch builder: sheet records + form options -> tasks for one of the four batch routes,
 * split into batches of 100 in sheet order, each task's `tracking_id` = the row's external_id.
 * Every row is checked locally so the server's per-task validators (which reject a whole batch
 * with one message) never see a bad row.
 */
import { quoteCell } from '../../sheet/cells';
import { bareDomain } from './fields';
import { listOf, numberOf, textOf, type Problem } from './form';
import { LIMITS, type BatchOp } from './schemas';

/** One sheet row, values keyed by field key. */
export interface BatchRecord {
  rowNumber: number;
  values: Record<string, string>;
}

/** The form options of a batch job. */
export interface BatchOptions {
  /** Names the job and its tab. */
  title: string;
  /** find_people: the role for rows without a title column value. */
  role?: string;
  /** find_people: contacts per row, 1-8. */
  max_k?: number;
  /** find_people / lookup_people; omitted = both (the documented default). */
  info_access?: Array<'EMAIL' | 'PHONE'>;
  /** find_people: 0 = the default pipeline, 1 = the alternate all-in-one variant; omitted = 0. */
  version?: 0 | 1;
  /** find_tech: the technology for rows without a tech type value. */
  tech_type?: string;
}

/** One planned batch. */
export interface PlannedBatch {
  tasks: Array<Record<string, unknown>>;
  rowNumbers: number[];
  /** The external ids in order (tracking ids). */
  ids: string[];
}

export interface BatchBuild {
  batches: PlannedBatch[];
  invalid: Array<{ rowNumber: number; reasons: string[] }>;
  problems: Problem[];
}

/** Check the options of a route (one message per problem). */
export function checkBatchOptions(op: BatchOp, raw: unknown): { options: BatchOptions; problems: Problem[] } {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const problems: Problem[] = [];
  const title = textOf(o['title']) ?? '';
  if (title === '') problems.push({ field: 'title', message: 'Give the job a title (it names the result tab).' });
  const options: BatchOptions = { title };
  if (op === 'find_people') {
    const maxK = numberOf(o['max_k']) ?? 3;
    if (!Number.isInteger(maxK) || maxK < 1 || maxK > LIMITS.maxK)
      problems.push({ field: 'max_k', message: `Contacts per company must be a whole number from 1 to ${LIMITS.maxK}.` });
    options.max_k = maxK;
    const role = textOf(o['role']);
    if (role) options.role = role;
    const version = numberOf(o['version']);
    if (version !== undefined) {
      if (version !== 0 && version !== 1) problems.push({ field: 'version', message: 'The find people pipeline is 0 (default) or 1 (all-in-one variant).' });
      else options.version = version;
    }
  }
  if (op === 'find_people' || op === 'lookup_people') {
    const access = listOf(o['info_access'])?.map((a) => a.toUpperCase());
    if (access) {
      const bad = access.filter((a) => a !== 'EMAIL' && a !== 'PHONE');
      if (bad.length > 0) problems.push({ field: 'info_access', message: `Info access is EMAIL and/or PHONE, not ${bad.join(', ')}.` });
      else if (access.length === 1) options.info_access = access as Array<'EMAIL' | 'PHONE'>;
    }
  }
  if (op === 'find_tech') {
    const tech = textOf(o['tech_type']);
    if (tech) options.tech_type = tech;
  }
  return { options, problems };
}

function splitName(full: string): { first: string; last: string } {
  const parts = full.trim().split(/\s+/);
  const last = parts.length > 1 ? (parts.pop() as string) : '';
  return { first: parts.join(' '), last };
}

/** One record -> one task, or the reasons it cannot be sent. */
export function toTask(op: BatchOp, record: BatchRecord, options: BatchOptions): { task?: Record<string, unknown>; reasons: string[] } {
  const v = record.values;
  const row = `Row ${record.rowNumber}`;
  const reasons: string[] = [];
  const id = v['external_id'];
  if (!id) reasons.push(`${row}: external_id is empty (the add-on needs it to match results back to this row)`);
  const domain = v['domain'] ? bareDomain(v['domain']) : null;
  if (!v['domain']) reasons.push(`${row}: domain is empty`);
  else if (domain === null) reasons.push(`${row}: domain ${quoteCell(v['domain'])} is not a domain (like acme.com)`);
  const task: Record<string, unknown> = { domain };
  if (v['company_name']) task['company_name'] = v['company_name'];
  if (op !== 'find_tech') for (const k of ['city', 'state', 'country']) if (v[k]) task[k] = v[k];
  if (op === 'find_people') {
    const title = v['title'] ?? options.role;
    if (!title) reasons.push(`${row}: title is empty and the form gives no role to look for`);
    else task['title'] = title;
    task['max_k'] = options.max_k ?? 3;
    if (options.version !== undefined) task['version'] = options.version;
  } else if (op === 'find_tech') {
    const tech = v['tech_type'] ?? options.tech_type;
    if (!tech) reasons.push(`${row}: tech type is empty and the form gives none`);
    else task['tech_type'] = tech;
  } else if (op === 'lookup_business_email') {
    if (!v['company_name']) reasons.push(`${row}: company name is empty (Openmart requires it for business emails)`);
  } else {
    const split = v['full_name'] ? splitName(v['full_name']) : { first: '', last: '' };
    const first = v['first_name'] ?? split.first;
    const last = v['last_name'] ?? split.last;
    if (!first || !last) reasons.push(`${row}: the person needs a first and a last name`);
    const person: Record<string, string> = { first_name: first, last_name: last };
    if (v['linkedin_url']) person['linkedin_url'] = v['linkedin_url'];
    task['people'] = [person];
  }
  if ((op === 'find_people' || op === 'lookup_people') && options.info_access) task['info_access'] = options.info_access;
  task['tracking_id'] = id;
  return reasons.length > 0 ? { reasons } : { task, reasons };
}

/** Build the batches (100 tasks each, in sheet order). */
export function buildBatches(op: BatchOp, records: readonly BatchRecord[], rawOptions: unknown): BatchBuild & { options: BatchOptions } {
  const { options, problems } = checkBatchOptions(op, rawOptions);
  const invalid: BatchBuild['invalid'] = [];
  const tasks: Array<{ task: Record<string, unknown>; rowNumber: number; id: string }> = [];
  for (const r of records) {
    const { task, reasons } = toTask(op, r, options);
    if (task) tasks.push({ task, rowNumber: r.rowNumber, id: String(task['tracking_id']) });
    else invalid.push({ rowNumber: r.rowNumber, reasons });
  }
  if (tasks.length === 0)
    problems.push({
      field: 'rows',
      message: records.length === 0 ? 'There are no rows to send.' : 'None of the rows can be sent; fix the rows listed and try again.',
    });
  const batches: PlannedBatch[] = [];
  for (let i = 0; i < tasks.length; i += LIMITS.batchTasks) {
    const part = tasks.slice(i, i + LIMITS.batchTasks);
    batches.push({ tasks: part.map((t) => t.task), rowNumbers: part.map((t) => t.rowNumber), ids: part.map((t) => t.id) });
  }
  return { batches: problems.length > 0 ? [] : batches, invalid, problems, options };
}

/** A short fingerprint of a batch's ids, to notice that the source rows changed before a resubmit. */
export function idsHash(ids: readonly string[]): string {
  let h = 0x811c9dc5;
  const text = ids.join('\u001f');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${ids.length}-${(h >>> 0).toString(36)}`;
}
