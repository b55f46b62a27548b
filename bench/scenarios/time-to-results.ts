/**
 * Time to results (issue 16): what the user waits for, on the virtual wall clock.
 *
 * - ttr-gu1: N rows x 2 codes, from the submit to the last row written.
 * - ttr-openmart-find-people: N rows, from the moment Openmart has finished every task to the last
 *   row written. The tasks finish 61 minutes after their batch (just after the first hourly trigger
 *   run looked: the worst phase for a closed sidebar).
 * - waiting-order-hour: an OpenProspect order in admin review for 3 hours, then one hour with the
 *   sidebar open: the UrlFetch and Properties calls of that hour.
 * - waiting-batches-hour: N rows of Openmart find_people submitted as batches of 100 that take
 *   3 hours to process; the first hour after the submit with the sidebar open: its calls.
 *
 * Sidebar `open`: the progress loop of sidebar/pump.ts (test/harness/sidebar.ts); `closed`: only
 * the hourly trigger of an add-on.
 */
import { COMPANY_HEADER, companyRows, enrichmentOptions, givenCompanies, givenOpenProspect } from '../../test/harness/scenarios';
import { keepSidebarOpen } from '../../test/harness/sidebar';
import { HOUR, latestJob, runUntilSettled, storedJobs, type StoredJob } from '../drive';
import { Meter, type Measured } from '../measure';
import { GU1_CODES, world as gu1World } from './gu1';
import { OPTIONS, expectedRows, world as omWorld } from './openmart';

export type Sidebar = 'open' | 'closed';

const TASKS_AFTER_MS = 61 * 60_000;

const isDone = (job: StoredJob | undefined): boolean => job?.state === 'DONE';

/** Drive the job to its end with the sidebar open or closed; returns the trigger runs it took. */
function drive(addOn: Parameters<typeof keepSidebarOpen>[0], jobId: string, sidebar: Sidebar): number {
  const find = (): StoredJob | undefined => storedJobs(addOn).find((j) => j.id === jobId);
  if (sidebar === 'open') return keepSidebarOpen(addOn, 24 * HOUR, () => isDone(find())).triggerRuns;
  return runUntilSettled(addOn, jobId);
}

/** ttr-gu1. */
export function ttrGu1(n: number, sidebar: Sidebar): Measured {
  const s = gu1World(n);
  // Enough balance for every row (10,000 x 1.25 passes the simulator's default 10,000.00).
  s.sim.setBalance(100 * 125 * n);
  const em = s.addOn.emulator;
  const meter = new Meter(em);
  const t0 = em.clock.now();
  s.addOn.rpc('submitGu1', {
    source: { sheetName: 'Clients' },
    mapping: { external_id: 0 },
    options: { title: 'Bench', integrationCodes: GU1_CODES },
    confirmed: true,
  });
  const job = latestJob(s.addOn);
  const runs = drive(s.addOn, job.id, sidebar);
  const ttr = em.clock.now() - t0;
  const m = meter.stop('ttr-gu1', n, 'addon');
  Object.assign(m.row, { time_to_results_ms: ttr, sidebar, trigger_runs: runs });
  const done = storedJobs(s.addOn).find((j) => j.id === job.id);
  const rows = em.spreadsheet.sheetValues(job.tabs['results'] ?? '').length - 1;
  m.extras.problem = !isDone(done) ? `job ended ${done?.state}` : rows !== 2 * n ? `expected ${2 * n} result rows, found ${rows}` : undefined;
  return m;
}

/** ttr-openmart-find-people. */
export function ttrFindPeople(n: number, sidebar: Sidebar): Measured {
  const s = omWorld(n);
  const em = s.addOn.emulator;
  s.sim.autoComplete({ afterMs: TASKS_AFTER_MS });
  const meter = new Meter(em);
  s.addOn.rpc('submitOpenmartBatch', { operation: 'find_people', source: { sheetName: 'Leads' }, options: OPTIONS, confirmCredits: true });
  const job = latestJob(s.addOn);
  const runs = drive(s.addOn, job.id, sidebar);
  const complete = Math.max(...s.sim.tasks().map((t) => t.createdAt)) + TASKS_AFTER_MS;
  const ttr = em.clock.now() - complete;
  const m = meter.stop('ttr-openmart-find-people', n, 'addon');
  Object.assign(m.row, { time_to_results_ms: ttr, sidebar, trigger_runs: runs });
  const done = storedJobs(s.addOn).find((j) => j.id === job.id);
  const tab = done?.tabs['people'] ?? '';
  const rows = tab ? em.spreadsheet.sheetValues(tab).length - 1 : -1;
  m.extras.problem = !isDone(done) ? `job ended ${done?.state}` : rows !== expectedRows(s) ? `expected ${expectedRows(s)} rows, found ${rows}` : undefined;
  return m;
}

/** waiting-order-hour: one order in review, the sidebar open for an hour. */
export function waitingOrderHour(): Measured {
  const s = givenOpenProspect();
  givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(5));
  s.addOn.rpc('submitEnrichment', {
    source: { sheetName: 'Leads' },
    mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
    options: enrichmentOptions('Review'),
  });
  s.addOn.runDueTriggers(3 * HOUR);
  const meter = new Meter(s.addOn.emulator);
  const open = keepSidebarOpen(s.addOn, HOUR);
  const m = meter.stop('waiting-order-hour', 1, 'addon');
  Object.assign(m.row, { sidebar: 'open', trigger_runs: open.triggerRuns });
  const job = latestJob(s.addOn);
  m.extras.problem = job.state === 'WAITING' ? undefined : `expected the order to wait, found ${job.state}`;
  return m;
}

/** waiting-batches-hour: N rows as batches of 100, processing for 3 hours, the sidebar open for the first hour. */
export function waitingBatchesHour(n: number): Measured {
  const s = omWorld(n);
  s.sim.autoComplete({ afterMs: 3 * HOUR });
  const submit = { operation: 'find_people', source: { sheetName: 'Leads' }, options: OPTIONS, confirmCredits: true };
  s.addOn.rpc('submitOpenmartBatch', submit);
  const meter = new Meter(s.addOn.emulator);
  const open = keepSidebarOpen(s.addOn, HOUR);
  const m = meter.stop('waiting-batches-hour', n, 'addon');
  Object.assign(m.row, { sidebar: 'open', trigger_runs: open.triggerRuns });
  const job = latestJob(s.addOn);
  const batches = Math.ceil(n / 100);
  if (job.state !== 'WAITING') m.extras.problem = `expected the batches to wait, found ${job.state}`;
  else if (s.sim.batches().length !== batches) m.extras.problem = `expected ${batches} batches`;
  return m;
}
