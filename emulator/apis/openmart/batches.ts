/**
 * The async batch routes: `POST /api/v1/task/batch/{op}` (1-100 tasks, per-task validators ->
 * 400 `{"detail": "<field> is required"}`), `GET .../batch/:id/status`, `.../task_ids?status=`
 * and `GET /api/v1/task/:id`. Tasks stay PROCESSING until the test completes them (or
 * auto-completion is on); completing bills 1 credit per delivered person or mailbox, applies
 * the deny rules, and ends a task ERRORED ("credit limit reached") when the balance cannot pay.
 */
import { uuidFor } from '../openprospect/prng';
import { json, type SimResponse } from '../types';
import { bill, canPay } from './credits';
import { businessEmails, detectTech, findPeople, lookupPeople, type PersonOut } from './people-data';
import { isDenied } from './deny';
import { detail, isRecord, outOfCredits, parseJson } from './errors';
import type { BatchOp, SimBatch, SimState, SimTask, TaskStatus } from './model';

const BILLED: ReadonlySet<BatchOp> = new Set(['find_people', 'lookup_business_email', 'lookup_people']);
const STATUSES: readonly TaskStatus[] = ['PROCESSING', 'COMPLETED', 'ERRORED', 'CANCELLED'];

function str(v: unknown): boolean {
  return typeof v === 'string' && v.trim() !== '';
}

function validUrl(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

function infoAccessOk(v: unknown): boolean {
  return v === undefined || (Array.isArray(v) && v.every((x) => x === 'EMAIL' || x === 'PHONE'));
}

/** The validator message for one task, or null. */
export function validateTask(op: BatchOp, t: unknown): string | null {
  if (!isRecord(t)) return 'invalid request body';
  if (!str(t['domain'])) return 'domain is required';
  if (t['notify_url'] !== undefined && !validUrl(t['notify_url'])) return 'notify_url must be a valid URL';
  if (t['tracking_id'] !== undefined && typeof t['tracking_id'] !== 'string') return 'tracking_id must be a string';
  if (op === 'find_people') {
    if (!str(t['title'])) return 'title is required';
    if (t['max_k'] === undefined || t['max_k'] === null) return 'max_k is required';
    if (!Number.isInteger(t['max_k']) || (t['max_k'] as number) < 1 || (t['max_k'] as number) > 8) return 'max_k must be between 1 and 8';
    if (!infoAccessOk(t['info_access'])) return 'info_access must be EMAIL or PHONE';
    if (t['version'] !== undefined && t['version'] !== 0 && t['version'] !== 1) return 'version must be 0 or 1';
  } else if (op === 'find_tech') {
    if (!str(t['tech_type'])) return 'tech_type is required';
  } else if (op === 'lookup_business_email') {
    if (!str(t['company_name'])) return 'company_name is required';
  } else {
    const people = t['people'];
    if (!Array.isArray(people) || people.length === 0) return 'people is required';
    if (people.length > 8) return 'people must contain at most 8 entries';
    if (!people.every((p) => isRecord(p) && str(p['first_name']) && str(p['last_name']))) return 'people.first_name and people.last_name are required';
    if (!infoAccessOk(t['info_access'])) return 'info_access must be EMAIL or PHONE';
  }
  return null;
}

function counts(state: SimState, batch: SimBatch): { processing: number; completed: number; errored: number; total: number; batch_ready: boolean } {
  let processing = 0;
  let completed = 0;
  let errored = 0;
  for (const id of batch.taskIds) {
    const s = state.tasks.get(id)?.status;
    if (s === 'PROCESSING') processing++;
    else if (s === 'COMPLETED') completed++;
    else if (s === 'ERRORED') errored++;
  }
  return { processing, completed, errored, total: batch.taskIds.length, batch_ready: processing === 0 };
}

/** `POST /api/v1/task/batch/{op}`. */
export function submitBatch(state: SimState, key: string, op: BatchOp, raw: string | undefined, now: number): SimResponse {
  const parsed = parseJson(raw);
  if (!parsed.ok || !Array.isArray(parsed.value)) return detail(400, 'invalid request body');
  const tasks = parsed.value;
  if (tasks.length < 1 || tasks.length > 100) return detail(400, 'the number of tasks in each batch should be between 1 and 100');
  for (const t of tasks) {
    const problem = validateTask(op, t);
    if (problem !== null) return detail(400, problem);
  }
  if (BILLED.has(op) && !canPay(state, 1)) return outOfCredits(state.creditStatus);
  const batchId = uuidFor(state.seed, 'batch', state.batches.size);
  const batch: SimBatch = { id: batchId, op, key, createdAt: now, taskIds: [] };
  tasks.forEach((t, index) => {
    const input = t as Record<string, unknown>;
    const seq = state.taskSeq++;
    const id = uuidFor(state.seed, 'task', seq);
    const trackingId = typeof input['tracking_id'] === 'string' ? input['tracking_id'] : null;
    state.tasks.set(id, { id, seq, index, batchId, op, key, input, trackingId, status: 'PROCESSING', createdAt: now });
    batch.taskIds.push(id);
  });
  state.batches.set(batchId, batch);
  state.counts.batchesCreated++;
  state.counts.tasksCreated += tasks.length;
  return json(200, { batch_id: batchId, submit_for: op, status: counts(state, batch) });
}

function suppressPeople(state: SimState, key: string, people: PersonOut[]): PersonOut[] {
  const out: PersonOut[] = [];
  for (const p of people) {
    const had = p.email !== null || p.phones.length > 0;
    const email = p.email && isDenied(state, key, 'email', p.email.email) ? null : p.email;
    const phones = p.phones.filter((ph) => !isDenied(state, key, 'phone', ph.phone_number));
    // Nothing left to deliver about this person: the rules suppress them entirely.
    if (had && email === null && phones.length === 0) continue;
    out.push({ ...p, email, phones });
  }
  return out;
}

/** Finish one task: COMPLETED with its data (deny rules applied, billed), or ERRORED. */
export function finishTask(state: SimState, task: SimTask, error: string | null, cancel = false): void {
  if (task.status !== 'PROCESSING') return;
  if (cancel) {
    task.status = 'CANCELLED';
    return;
  }
  if (error !== null) {
    task.status = 'ERRORED';
    task.error = error;
    return;
  }
  let data: unknown;
  let cost = 0;
  if (task.op === 'find_people' || task.op === 'lookup_people') {
    const people = suppressPeople(state, task.key, task.op === 'find_people' ? findPeople(state.seed, task.input) : lookupPeople(state.seed, task.input));
    data = people;
    cost = people.length;
  } else if (task.op === 'lookup_business_email') {
    const mails = businessEmails(state.seed, task.input).filter((m) => !isDenied(state, task.key, 'email', m.email));
    data = mails;
    cost = mails.length;
  } else data = detectTech(state.seed, task.input);
  if (!canPay(state, cost)) {
    task.status = 'ERRORED';
    task.error = 'credit limit reached';
    return;
  }
  bill(state, cost);
  task.status = 'COMPLETED';
  task.data = data;
}

/** Auto-completion: finish every task whose batch is old enough. */
export function applyAuto(state: SimState, now: number): void {
  const auto = state.auto;
  if (!auto) return;
  for (const t of state.tasks.values()) {
    if (t.status === 'PROCESSING' && now - t.createdAt >= auto.afterMs) finishTask(state, t, auto.error?.(t) ?? null);
  }
}

/** `GET /api/v1/task/batch/:id/status` (counters at the top level, unlike the submit response). */
export function batchStatus(state: SimState, key: string, id: string): SimResponse {
  const batch = state.batches.get(id);
  if (!batch || batch.key !== key) return detail(404, 'batch not found');
  return json(200, counts(state, batch));
}

/** `GET /api/v1/task/batch/:id/task_ids?status=`: a bare array of ids, in submission order. */
export function taskIds(state: SimState, key: string, id: string, status: string | undefined): SimResponse {
  const batch = state.batches.get(id);
  if (!batch || batch.key !== key) return detail(404, 'batch not found');
  const want = status?.toUpperCase();
  if (want !== undefined && want !== '' && !STATUSES.includes(want as TaskStatus))
    return detail(400, 'status must be one of PROCESSING, COMPLETED, ERRORED, CANCELLED');
  return json(
    200,
    batch.taskIds.filter((t) => !want || state.tasks.get(t)?.status === want),
  );
}

/** `GET /api/v1/task/:id`. */
export function readTask(state: SimState, key: string, id: string): SimResponse {
  const t = state.tasks.get(id);
  if (!t || t.key !== key) return detail(404, 'task not found');
  const out: Record<string, unknown> = { task_id: t.id, status: t.status, tracking_id: state.nullTrackingIds ? null : t.trackingId };
  if (t.status === 'COMPLETED') out['data'] = t.data;
  else out['data'] = null;
  if (t.status === 'ERRORED') out['error'] = t.error ?? 'task failed';
  return json(200, out);
}
