/**
 * Openmart find_people for N rows, from submit to the last row written. The server finishes every
 * task right after the submission (the tasks' own time is not the script's). The floor of calls
 * is the documented workflow with every batch ready at its first poll: per batch of 100 one
 * submit, one status poll and one task-id list, plus one read per task.
 */
import { DOMAIN_HEADER, OM_SIM_BASE, OM_SIM_KEY, domainRows, givenOpenmart, type OmScenario } from '../../test/harness/scenarios';
import { competentReadFindPeople, naiveReadFindPeople, naiveSubmitFindPeople } from '../baseline/openmart';
import { latestJob, runUntilSettled, storedJobs } from '../drive';
import { Meter, type BaselineImpl, type Measured } from '../measure';

/** Null: the Openmart batch job is in the bundle. */
export function openmartAvailability(): string | null {
  return null;
}

export const OPTIONS = { title: 'Bench', role: 'Owner', max_k: 2 };

export function world(n: number): OmScenario {
  const s = givenOpenmart();
  s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(n)]);
  return s;
}

/** Result rows the tasks hold: one per person, or one status line for a task without people. */
export function expectedRows(s: OmScenario): number {
  return s.sim.tasks().reduce((k, t) => k + Math.max(1, Array.isArray(t.data) ? t.data.length : 0), 0);
}

export function floorOfCalls(n: number): number {
  const batches = Math.ceil(n / 100);
  return 3 * batches + n;
}

/** openmart-find-people, add-on: the submit RPC, then trigger runs until the job is DONE. */
export function addonFindPeople(n: number): Measured {
  const s = world(n);
  const meter = new Meter(s.addOn.emulator);
  s.addOn.rpc('submitOpenmartBatch', { operation: 'find_people', source: { sheetName: 'Leads' }, options: OPTIONS, confirmCredits: true });
  s.sim.completeTasks();
  const job = latestJob(s.addOn);
  runUntilSettled(s.addOn, job.id);
  const m = meter.stop('openmart-find-people', n, 'addon');
  const done = storedJobs(s.addOn).find((j) => j.id === job.id);
  const tab = done?.tabs['people'] ?? Object.values(done?.tabs ?? {})[0] ?? '';
  const rows = tab ? s.addOn.emulator.spreadsheet.sheetValues(tab).length - 1 : -1;
  m.extras.note = `floor ${floorOfCalls(n)} calls (${Math.ceil(n / 100)} batches x 3 + ${n} task reads); ${s.sim.batches().length} batches on the server`;
  m.extras.problem =
    done?.state !== 'DONE'
      ? `job ended ${done?.state}: ${done?.lastError ?? ''}`
      : rows !== expectedRows(s)
        ? `expected ${expectedRows(s)} result rows, found ${rows}`
        : undefined;
  return m;
}

/** openmart-find-people, baseline: the naive script, or the competent one (issue 16). */
export function baselineFindPeople(n: number, impl: BaselineImpl = 'baseline'): Measured {
  const s = world(n);
  const o = { gas: s.addOn.emulator.gas, baseUrl: OM_SIM_BASE, key: OM_SIM_KEY };
  const rows = domainRows(n).map((r, i) => ({ id: `row-${i + 1}`, domain: new URL(String(r[1])).hostname.replace(/^www\./, '') }));
  const meter = new Meter(s.addOn.emulator);
  const batches = meter.unbounded(() => naiveSubmitFindPeople(o, rows, { title: OPTIONS.role, max_k: OPTIONS.max_k }));
  s.sim.completeTasks();
  meter.unbounded(() => (impl === 'competent' ? competentReadFindPeople : naiveReadFindPeople)(o, batches, 'Baseline - People'));
  const m = meter.stop('openmart-find-people', n, impl);
  const people = s.sim.tasks().reduce((k, t) => k + (Array.isArray(t.data) ? t.data.length : 0), 0);
  const written = s.addOn.emulator.spreadsheet.sheetValues('Baseline - People').length - 1;
  m.extras.problem = written !== people ? `expected ${people} people rows, found ${written}` : undefined;
  return m;
}
