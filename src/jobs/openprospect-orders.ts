/**
 * OpenProspect order jobs (enrichment, discovery, imported orders): submit each part with its
 * stored Idempotency-Key, poll statuses, and once COMPLETED sync results into the Companies and
 * Prospects tabs (pages of 100, fetchAll waves, offset checkpoints, delivered_since refreshes).
 */
import { ApiError } from '../platform/errors';
import { explainSubmitError } from '../providers/openprospect/errors';
import type { Http } from '../platform/http-types';
import { createOrder } from '../providers/openprospect/create-order';
import { getOrder, readOrderStatus } from '../providers/openprospect/get-order';
import { fetchResults } from '../providers/openprospect/results';
import { COMPANY_COLUMNS, PROSPECT_COLUMNS, companyRow, prospectRows } from '../providers/openprospect/result-rows';
import type { OrderBody } from '../providers/openprospect/bodies';
import { openJobTab } from './job-tabs';
import type { JobEnv } from './handler';
import { dataOf, defineJobKind, type JobKind } from './kind';
import { costOf, label, OP_ORDERS, updatePart, withData } from './openprospect-order-data';
import type { OpOrdersData, OrderPart } from './openprospect-order-data';
import { EnrichmentRebuildSchema, forgetBody } from './openprospect-order-body';
import { note, transition, warn, type Job } from './model';

/** Rebuilds the POST body of part `index` (from the sheet, or a stored discovery body), with the sheet row of each company. */
export type BodyRebuilder = (job: Job, data: OpOrdersData, index: number, env: JobEnv) => { body: OrderBody; rowNumbers?: number[] };

const RESERVE_MS = 40_000;

/** Submit every part that has no order id yet (same key on every retry, even after a kill). */
function submit(job: Job, env: JobEnv, http: Http, rebuild: BodyRebuilder): Job {
  let data = dataOf(job, OP_ORDERS);
  for (let i = 0; i < data.parts.length; i++) {
    const part = data.parts[i] as OrderPart;
    if (part.orderId) continue;
    const { body, rowNumbers } = rebuild(job, data, i, env);
    let res: ReturnType<typeof createOrder>;
    try {
      res = createOrder(http, body, { idempotencyKey: part.key });
    } catch (e) {
      throw explainSubmitError(e, rowNumbers);
    }
    data = updatePart(data, i, {
      orderId: res.order_id,
      status: res.status ?? 'RECEIVED',
      companies: res.company_count ?? part.companies,
      ...costOf(res.estimated_cost),
    });
    const cost = res.estimated_cost ? ` (estimated ${res.estimated_cost.total} ${res.estimated_cost.currency})` : '';
    job = note(withData(job, data), env.clock.now(), `${label(data, i)} created: ${res.order_id}, ${res.status ?? 'RECEIVED'}${cost}`);
    env.checkpoint(job);
  }
  job = transition(job, 'WAITING', env.clock.now(), 'submitted; waiting for OpenProspect');
  env.checkpoint(job);
  return job;
}

const TERMINAL_FAIL = new Set(['REJECTED', 'FAILED', 'CANCELLED']);

/** Poll unfinished parts and record status changes. */
function poll(job: Job, env: JobEnv, http: Http): Job {
  let data = dataOf(job, OP_ORDERS);
  for (let i = 0; i < data.parts.length; i++) {
    const part = data.parts[i] as OrderPart;
    if (!part.orderId || part.status === 'COMPLETED' || TERMINAL_FAIL.has(part.status ?? '')) continue;
    const order = getOrder(http, part.orderId);
    const reading = readOrderStatus(order);
    if (order.status !== part.status) {
      job = note(job, env.clock.now(), `${label(data, i)}: ${order.status}${reading.message ? ` (${reading.message})` : ''}`);
    }
    if (reading.warning) job = warn(job, reading.warning);
    if (reading.phase !== 'waiting' && reading.phase !== 'completed' && reading.message) job = warn(job, ended(label(data, i), order.status, reading.message));
    const patch: Partial<OrderPart> = { status: order.status, ...costOf(order.estimated_cost) };
    if (order.status === 'COMPLETED' && part.status !== 'COMPLETED') {
      // A fresh pass: after an early sync, only what was delivered since its watermark.
      Object.assign(patch, { synced: false, offset: 0, early: false });
      if (part.watermark) patch.passSince = part.watermark;
    }
    data = updatePart(data, i, patch);
  }
  return withData(job, data);
}

/** Write one batch of result companies into the tabs. */
function writeResults(job: Job, env: JobEnv, data: OpOrdersData, items: Parameters<typeof companyRow>[0][]): void {
  if (items.length === 0) return;
  const companies = openJobTab(env, job, 'companies', `${job.title} - Companies`, {
    keyColumns: [COMPANY_COLUMNS[0] as string],
    columns: [...COMPANY_COLUMNS],
  });
  companies.upsert(items.map((it) => companyRow(it, data.orderType)));
  const prospects = items.flatMap((it) => prospectRows(it, data.orderType));
  if (prospects.length > 0 || job.tabs['prospects']) {
    const tab = openJobTab(env, job, 'prospects', `${job.title} - Prospects`, { keyColumns: [PROSPECT_COLUMNS[0] as string], columns: [...PROSPECT_COLUMNS] });
    tab.upsert(prospects);
  }
}

function needsSync(p: OrderPart): boolean {
  return !!p.orderId && !p.synced && (p.status === 'COMPLETED' || p.early === true);
}

/**
 * Sync results of completed parts (and of parts the user asked to sync early), checkpointing
 * the offset after each write. Results are fetched on COMPLETED only, as the overview asks,
 * unless the user explicitly refreshes an order that is still delivering.
 */
function sync(job: Job, env: JobEnv, http: Http): Job {
  let data = dataOf(job, OP_ORDERS);
  for (let i = 0; i < data.parts.length; i++) {
    const part = data.parts[i] as OrderPart;
    if (!needsSync(part) || !part.orderId) continue;
    if (env.deadline.nearlyOver(RESERVE_MS)) break;
    const opts: Parameters<typeof fetchResults>[2] = { offset: part.offset, deadline: env.deadline, reserveMs: RESERVE_MS, pageSize: 100 };
    if (part.passSince) opts.deliveredSince = part.passSince;
    let got: ReturnType<typeof fetchResults>;
    try {
      got = fetchResults(http, part.orderId, opts);
    } catch (e) {
      if (!(part.early && part.status !== 'COMPLETED' && refusedEarly(e))) throw e;
      // A strict server serves results only once the order is COMPLETED (the overview's rule): not yet, not a failure.
      data = updatePart(data, i, { early: false });
      job = note(withData(job, data), env.clock.now(), `${label(data, i)}: OpenProspect shows results once the order is completed; they are written then.`);
      env.checkpoint(job);
      continue;
    }
    writeResults(job, env, data, got.items);
    const passMax = got.maxDeliveredAt && (!part.passMax || got.maxDeliveredAt > part.passMax) ? got.maxDeliveredAt : part.passMax;
    const patch: Partial<OrderPart> = { offset: got.nextOffset, written: part.written + got.items.length };
    if (passMax !== undefined) patch.passMax = passMax;
    if (got.complete) {
      patch.synced = true;
      patch.early = false;
      if (passMax !== undefined) patch.watermark = passMax;
    }
    data = updatePart(data, i, patch);
    job = withData(job, data);
    if (got.items.length > 0) job = note(job, env.clock.now(), `${label(data, i)}: ${got.items.length} companies written (${got.nextOffset} of ${got.total})`);
    env.checkpoint(job);
    if (got.error) throw got.error;
  }
  return job;
}

/** A 4xx about the order's state (not the key, the scopes or the pace): what a strict server answers to an early fetch. */
function refusedEarly(e: unknown): boolean {
  return e instanceof ApiError && e.status >= 400 && e.status < 500 && ![401, 403, 408, 429].includes(e.status);
}

const ENDED_IN_WORDS: Record<string, string> = {
  REJECTED: 'was rejected by OpenProspect',
  FAILED: 'failed at OpenProspect',
  CANCELLED: 'was cancelled at OpenProspect',
};

/** "Order 2 of 3 was cancelled at OpenProspect (CANCELLED): <their words>. Nothing more will arrive for it; ..." */
function ended(what: string, status: string, message: string): string {
  const words = ENDED_IN_WORDS[status] ?? `ended ${status}`;
  const theirs = message ? `: ${message.replace(/[.\s]+$/, '')}` : '';
  return `${what} ${words} (${status})${theirs}. Nothing more will arrive for it; submit the rows again for a new order.`;
}

/** Decide the job's state from its parts. */
function settle(job: Job, env: JobEnv): Job {
  const data = dataOf(job, OP_ORDERS);
  const now = env.clock.now();
  const pending = data.parts.some((p) => !p.status || (!TERMINAL_FAIL.has(p.status) && p.status !== 'COMPLETED'));
  const unsynced = data.parts.some((p) => p.status === 'COMPLETED' && !p.synced);
  if (data.parts.some((p) => p.early && !p.synced)) return transition(job, 'FETCHING', now);
  if (pending) return data.parts.some((p) => p.status === 'COMPLETED') ? transition(job, 'FETCHING', now) : transition(job, 'WAITING', now);
  if (unsynced) return transition(job, 'FETCHING', now, 'completed; writing results');
  const failed = data.parts.filter((p) => TERMINAL_FAIL.has(p.status ?? ''));
  if (failed.length === 0) return transition(job, 'DONE', now, `${job.counts['companiesWritten'] ?? 0} companies written`);
  if (failed.length < data.parts.length)
    return transition(
      warn(job, `${failed.length} of ${data.parts.length} orders ended ${failed.map((p) => p.status).join(', ')}`),
      'DONE',
      now,
      'done with failed parts',
    );
  const status = (failed[0]?.status ?? 'FAILED') as 'REJECTED' | 'FAILED' | 'CANCELLED';
  const why = job.warnings.filter((w) => w.includes(status)).pop() ?? ended('The order', status, '');
  return transition({ ...job, lastError: why }, status, now, why);
}

/**
 * Start a results pass from the watermark (Refresh, and scheduled refreshes). When the user
 * deleted (or renamed) a result tab, the pass starts from the first result instead, so the tab
 * is written again in full rather than with the newest deliveries only.
 */
function restartSync(job: Job, data: OpOrdersData, env: JobEnv): Job {
  const missing = data.parts.some((p) => p.written > 0) ? Object.values(job.tabs).find((t) => env.spreadsheet.getSheetByName(t) === null) : undefined;
  const parts = data.parts.map((p) => {
    if (p.status !== 'COMPLETED' && p.status !== 'IN_PROGRESS') return p;
    const { passMax: _m, passSince: _s, ...rest } = p;
    const next: OrderPart = { ...rest, synced: false, offset: 0, early: p.status !== 'COMPLETED' };
    if (missing !== undefined) next.written = 0;
    else if (p.watermark) next.passSince = p.watermark;
    return next;
  });
  const why =
    missing !== undefined ? `refresh: the tab "${missing}" is missing, so every result is written again` : 'refresh: fetching newly delivered results';
  return transition(withData(job, { ...data, parts }), 'FETCHING', env.clock.now(), why);
}

/**
 * The orders kind (the body rebuilder comes from the app layer, which knows the sheet); a
 * discovery's kept body goes with the job.
 */
export function openProspectOrdersHandler(rebuild: BodyRebuilder): JobKind<OpOrdersData> {
  return defineJobKind({
    ...OP_ORDERS,
    cleanup: forgetBody,
    // The sheet only: a scheduled refresh syncs results and reads no rows, so no header check.
    source: (data) => {
      const rebuild = EnrichmentRebuildSchema.safeParse(data.rebuild);
      return rebuild.success ? { source: rebuild.data.source } : undefined;
    },
    advance(job, _data, env) {
      const http = env.http('openprospect');
      if (job.state === 'SUBMITTING') job = submit(job, env, http, rebuild);
      job = poll(job, env, http);
      job = settle(job, env);
      if (job.state === 'FETCHING') {
        job = sync(job, env, http);
        job = settle(job, env);
      }
      return job;
    },
    refresh: restartSync,
    /** A scheduled refresh of an order job is a results sync: only deliveries since the last one. */
    rerun: restartSync,
  });
}
