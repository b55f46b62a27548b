/**
 * Google's real limits through the built bundle (issue 20): flush before unlock, transient Sheets
 * failures, and the rest of PLATFORM.md's hard facts the add-on must live within.
 */
import { sheetsFaultText } from '../../emulator/gas/sheets-faults';
import { PROPERTIES_BURST_TEXT } from '../../emulator/gas/properties-quota';
import type { HttpHandler, SimOutcome, SimRequest } from '../../emulator/apis/types';
import { OP_BASE } from '../harness/scenarios';
import type { JobView } from '../../src/app/job-view';
import { COMPANY_HEADER, companyRows, enrichmentOptions, givenCompanies, givenOpenProspect, tabObjects } from '../harness/scenarios';

const HOUR = 3_600_000;

function jobs(s: { addOn: { rpc<T>(n: string, ...a: unknown[]): T } }): JobView[] {
  return s.addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs;
}

/** An OpenProspect enrichment of `n` rows submitted and COMPLETED at the server, not yet synced. */
function completedOrder(n = 5) {
  const s = givenOpenProspect();
  givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(n));
  const r = s.addOn.rpc<{ job: JobView }>('submitEnrichment', {
    source: { sheetName: 'Leads' },
    mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
    options: enrichmentOptions('Q1 Hotels'),
  });
  s.sim.advance(s.sim.orders()[0]!.id, 'COMPLETED');
  return { s, job: r.job };
}

describe('flush before unlock (built bundle)', () => {
  it('should flush its result-tab writes before every lock release', () => {
    const { s } = completedOrder();
    s.addOn.runDueTriggers(HOUR);
    expect(jobs(s)[0]!.state).toBe('DONE');
    expect(tabObjects(s.addOn, 'Q1 Hotels - Companies')).toHaveLength(5);
    // The sync wrote under the document lock; no release found writes still pending.
    expect(s.addOn.emulator.counters.get('SpreadsheetApp.flush')).toBeGreaterThan(0);
    expect(s.addOn.emulator.locks.unflushedReleases).toEqual([]);
  });
});

describe('transient Sheets failures (built bundle)', () => {
  it('should retry a step that meets one, and finish the job in the same run', () => {
    const { s } = completedOrder();
    const id = s.addOn.emulator.spreadsheet.getId();
    let left = 2;
    s.addOn.emulator.execution.onServiceCall((c) =>
      c.family === 'sheets' && c.method === 'setValues' && c.execution?.kind === 'trigger' && left-- > 0
        ? { fail: sheetsFaultText('sheets-timeout', id) }
        : undefined,
    );
    expect(s.addOn.runDueTriggers(HOUR)).toBe(1);
    const job = jobs(s)[0]!;
    expect(job.state).toBe('DONE');
    expect(job.lastError).toBeNull();
    expect(tabObjects(s.addOn, 'Q1 Hotels - Companies')).toHaveLength(5);
  });

  it('should leave the job open with a sentence when Sheets stays down for the run, never fail it, and finish at the next run', () => {
    const { s } = completedOrder();
    const id = s.addOn.emulator.spreadsheet.getId();
    let down = true;
    s.addOn.emulator.execution.onServiceCall((c) =>
      down && c.family === 'sheets' && c.method === 'setValues' && c.execution?.kind === 'trigger' ? { fail: sheetsFaultText('sheets-failed', id) } : undefined,
    );
    s.addOn.runDueTriggers(HOUR);
    const waiting = jobs(s)[0]!;
    expect(waiting.open).toBe(true);
    expect(waiting.state).not.toBe('FAILED');
    expect(waiting.lastError).toBe('Google Sheets was briefly unavailable (a temporary Google error); the job continues at the next run by itself.');
    expect(s.addOn.emulator.triggers.list()).toHaveLength(1);

    down = false;
    s.addOn.runDueTriggers(HOUR);
    const done = jobs(s)[0]!;
    expect(done.state).toBe('DONE');
    expect(done.lastError).toBeNull();
    const rows = tabObjects(s.addOn, 'Q1 Hotels - Companies');
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r['external_id'])).size).toBe(5);
  });
});

/** `levels` nested objects as JSON text, built without recursion (JSON.stringify would overflow). */
function deepJson(levels: number): string {
  return `${'{"a":'.repeat(levels)}"bottom"${'}'.repeat(levels)}`;
}

/** The simulator, but the first result item carries an undocumented field nested `levels` deep. */
function deepField(inner: HttpHandler, levels: number): HttpHandler & { served: number } {
  const h = {
    served: 0,
    handle(req: SimRequest): SimOutcome {
      const out = inner.handle(req);
      if (!('status' in out) || out.status !== 200 || !req.path.endsWith('/results')) return out;
      const page = JSON.parse(out.body) as { items: Array<Record<string, unknown>> };
      if (page.items.length === 0) return out;
      page.items[0]!['registry_data'] = '__DEEP__';
      h.served++;
      return { ...out, body: JSON.stringify(page).replace('"__DEEP__"', deepJson(levels)) };
    },
  };
  return h;
}

describe('input depth (built bundle)', () => {
  it('should write a 20,000-deep answer as a sentence in its cell and keep every result', () => {
    const { s } = completedOrder(5);
    const deep = deepField(s.faults, 20_000);
    s.addOn.emulator.http.register(OP_BASE, deep);
    s.addOn.runDueTriggers(HOUR);
    expect(deep.served).toBeGreaterThan(0);
    const job = jobs(s)[0]!;
    expect(job.state).toBe('DONE');
    expect(job.lastError).toBeNull();
    const rows = tabObjects(s.addOn, 'Q1 Hotels - Companies');
    expect(rows).toHaveLength(5);
    const cut = rows.filter((r) => String(r['registry_data']).includes('nested more than 64 levels deep and is not shown'));
    expect(cut).toHaveLength(1);
    // The first 63 levels are still shown.
    expect(String(cut[0]!['registry_data']).startsWith('a: (a: (a: ')).toBe(true);
    expect(tabObjects(s.addOn, 'Q1 Hotels - Prospects').length).toBeGreaterThan(0);
  });
});

describe('a trigger run without the active spreadsheet (built bundle)', () => {
  it('should change nothing, and the sidebar should say so and still finish the work', () => {
    const s = givenOpenProspect({ emulator: { triggersWithoutDocument: true } });
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(4));
    s.addOn.rpc('submitEnrichment', {
      source: { sheetName: 'Leads' },
      mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
      options: enrichmentOptions('Q1 Hotels'),
    });
    s.sim.advance(s.sim.orders()[0]!.id, 'COMPLETED');
    const emu = s.addOn.emulator;
    const docBefore = { ...emu.properties.document() };
    const tabsBefore = emu.spreadsheet.getSheets().map((t) => t.getName());
    const requestsBefore = emu.http.log.length;

    expect(s.addOn.runDueTriggers(HOUR)).toBe(1);
    expect(emu.properties.document()).toEqual(docBefore);
    expect(emu.spreadsheet.getSheets().map((t) => t.getName())).toEqual(tabsBefore);
    expect(emu.http.log.length).toBe(requestsBefore);
    expect(emu.triggers.list()).toHaveLength(1);

    const view = s.addOn.rpc<{ jobs: JobView[]; background: string | null }>('listJobs');
    expect(view.jobs[0]!.state).toBe('WAITING');
    expect(view.background).toMatch(/^Background checks cannot reach this spreadsheet .*Jobs view is open/);

    // The sidebar always has the spreadsheet: its refresh finishes the job.
    const after = s.addOn.rpc<{ jobs: JobView[]; background: string | null }>('refreshJobs');
    expect(after.jobs[0]!.state).toBe('DONE');
    expect(tabObjects(s.addOn, 'Q1 Hotels - Companies')).toHaveLength(4);
  });
});

describe('triggers per document (built bundle)', () => {
  it("should keep another spreadsheet's poll trigger when this one goes idle, and make its own beside it", () => {
    const s = givenOpenProspect();
    const emu = s.addOn.emulator;
    // The same user uses the add-on in another spreadsheet, whose jobs keep its own poll trigger.
    const elsewhere = emu.triggers.givenInOtherDocument('spreadsheet-b', 'tick', HOUR);
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
    s.addOn.rpc('submitEnrichment', {
      source: { sheetName: 'Leads' },
      mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
      options: enrichmentOptions('Q1 Hotels'),
    });
    // This spreadsheet has an open job: it gets its own trigger (B's is not its own).
    const here = emu.triggers.list().filter((t) => t.documentId !== 'spreadsheet-b');
    expect(here.map((t) => t.handlerFunction)).toEqual(['tick']);

    s.sim.advance(s.sim.orders()[0]!.id, 'COMPLETED');
    s.addOn.runDueTriggers(HOUR);
    expect(jobs(s)[0]!.state).toBe('DONE');
    // Idle here: only this spreadsheet's trigger is gone; B's still polls B.
    expect(emu.triggers.list().map((t) => t.id)).toEqual([elsewhere]);
    expect(s.addOn.rpc<{ triggerPresent: boolean }>('listJobs').triggerPresent).toBe(false);
  });
});

describe('20 triggers per user (built bundle)', () => {
  it('should submit, list and open the sidebar with 20 triggers in other spreadsheets, say so once, and finish from the sidebar', () => {
    const s = givenOpenProspect();
    const emu = s.addOn.emulator;
    for (let i = 0; i < 20; i++) emu.triggers.givenInOtherDocument(`spreadsheet-${i}`, 'tick', HOUR);
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
    const r = s.addOn.rpc<{ job: JobView; notice: string | null }>('submitEnrichment', {
      source: { sheetName: 'Leads' },
      mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
      options: enrichmentOptions('Q1 Hotels'),
    });
    // The order went out; no trigger here; the submit says why in one sentence.
    expect(s.sim.orders()).toHaveLength(1);
    expect(r.job.state).toBe('WAITING');
    expect(r.notice).toMatch(/^Google allows 20 background triggers per user .* only while this sidebar is open/);
    expect(emu.triggers.list()).toHaveLength(20);

    s.addOn.call('menu', 'showSidebar');
    const view = s.addOn.rpc<{ jobs: JobView[]; background: string | null; notice: string | null; triggerPresent: boolean }>('listJobs');
    expect(view.triggerPresent).toBe(false);
    expect(view.background).toMatch(/^Google allows 20 background triggers per user.*script\.google\.com\/home\/triggers/);
    expect(view.notice).toBeNull();

    // The open sidebar moves the job on by itself.
    s.sim.advance(s.sim.orders()[0]!.id, 'COMPLETED');
    emu.clock.advance(HOUR);
    const a = s.addOn.rpc<{ view: { jobs: JobView[] } | null }>('advanceJobs', {});
    expect(a.view?.jobs[0]?.state).toBe('DONE');
    expect(tabObjects(s.addOn, 'Q1 Hotels - Companies')).toHaveLength(3);
  });

  it('should make its trigger again once the user has room', () => {
    const s = givenOpenProspect();
    const emu = s.addOn.emulator;
    for (let i = 0; i < 20; i++) emu.triggers.givenInOtherDocument(`spreadsheet-${i}`, 'tick', HOUR);
    givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
    s.addOn.rpc('submitEnrichment', {
      source: { sheetName: 'Leads' },
      mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
      options: enrichmentOptions('Q1 Hotels'),
    });
    // The user deletes a trigger elsewhere; after the refusal lapses, the Jobs view heals the poller.
    const other = s.addOn.emulator.gas.ScriptApp.getProjectTriggers()[0]!;
    emu.execution.run('rpc', () => emu.gas.ScriptApp.deleteTrigger(other));
    emu.clock.advance(16 * 60_000);
    const view = s.addOn.rpc<{ background: string | null; notice: string | null; triggerPresent: boolean }>('listJobs');
    expect(view.triggerPresent).toBe(true);
    expect(view.background).toBeNull();
    expect(view.notice).toMatch(/^Background checks were off while jobs were open; they are back on\./);
  });
});

describe('a trigger run never fails (built bundle)', () => {
  const fails: Array<[string, (c: { method: string }) => boolean, (id: string) => string]> = [
    // Outside a job step (whose own retries would absorb it): reaching the spreadsheet at the start.
    ['a transient Sheets error', (c) => c.method === 'getActiveSpreadsheet', (id) => sheetsFaultText('sheets-timeout', id)],
    ['a Properties short-burst error on getDocumentProperties', (c) => c.method === 'getDocumentProperties', () => PROPERTIES_BURST_TEXT],
  ];
  it.each(fails)('should catch %s, note it (scrubbed) and finish at the next run', (_name, which, text) => {
    const { s } = completedOrder(3);
    const emu = s.addOn.emulator;
    const id = emu.spreadsheet.getId();
    let down = true;
    emu.execution.onServiceCall((c) => (down && c.execution?.kind === 'trigger' && which(c) ? { fail: text(id) } : undefined));
    expect(s.addOn.runDueTriggers(HOUR)).toBe(1);
    expect(s.addOn.triggerFailures).toEqual([]);
    expect(emu.logs.join('\n')).toMatch(/background check stopped/i);
    expect(emu.triggers.list()).toHaveLength(1);
    down = false;
    s.addOn.runDueTriggers(HOUR);
    expect(s.addOn.triggerFailures).toEqual([]);
    expect(jobs(s)[0]!.state).toBe('DONE');
    expect(tabObjects(s.addOn, 'Q1 Hotels - Companies')).toHaveLength(3);
  });
});

describe('"too many times in a short time: exec qps" (built bundle)', () => {
  it('should wait a minute, not a day, and finish at the next run', () => {
    const { s } = completedOrder(3);
    const emu = s.addOn.emulator;
    emu.http.execQpsBurst(1);
    s.addOn.runDueTriggers(HOUR);
    const waiting = jobs(s)[0]!;
    expect(waiting.open).toBe(true);
    expect(waiting.lastError).toBe(
      'Google refused more requests for a moment (too many in a short time); nothing was sent. The job continues at the next run by itself.',
    );
    expect(waiting.resumeAt! - emu.clock.now()).toBeLessThanOrEqual(60_000);
    expect(s.addOn.triggerFailures).toEqual([]);
    s.addOn.runDueTriggers(HOUR);
    expect(jobs(s)[0]!.state).toBe('DONE');
    expect(tabObjects(s.addOn, 'Q1 Hotels - Companies')).toHaveLength(3);
  });
});

describe("Google's errors in the user's language (built bundle)", () => {
  it('should keep a job open through a German transient Sheets error and finish when Sheets is back', () => {
    const { s } = completedOrder(3);
    const id = s.addOn.emulator.spreadsheet.getId();
    let down = true;
    s.addOn.emulator.execution.onServiceCall((c) =>
      down && c.family === 'sheets' && c.method === 'setValues' && c.execution?.kind === 'trigger'
        ? { fail: sheetsFaultText('sheets-failed', id, 'de') }
        : undefined,
    );
    s.addOn.runDueTriggers(HOUR);
    const waiting = jobs(s)[0]!;
    expect(waiting.open).toBe(true);
    expect(waiting.lastError).toMatch(
      /^A Google service stopped this step with an error the add-on does not know \("Fehler beim Dienst Tabellen.*it tries again at the next run \(1 of 3 tries\)\.$/,
    );
    down = false;
    s.addOn.runDueTriggers(HOUR);
    const done = jobs(s)[0]!;
    expect(done.state).toBe('DONE');
    expect(done.lastError).toBeNull();
    expect(tabObjects(s.addOn, 'Q1 Hotels - Companies')).toHaveLength(3);
  });

  it('should fail the job with a sentence only after three runs in a row meet the unknown error', () => {
    const { s } = completedOrder(3);
    const id = s.addOn.emulator.spreadsheet.getId();
    s.addOn.emulator.execution.onServiceCall((c) =>
      c.family === 'sheets' && c.method === 'setValues' && c.execution?.kind === 'trigger' ? { fail: sheetsFaultText('sheets-timeout', id, 'de') } : undefined,
    );
    s.addOn.runDueTriggers(HOUR);
    s.addOn.runDueTriggers(HOUR);
    expect(jobs(s)[0]!.open).toBe(true);
    s.addOn.runDueTriggers(HOUR);
    const failed = jobs(s)[0]!;
    expect(failed.state).toBe('FAILED');
    expect(failed.lastError).toMatch(/^Stopped: a Google service stopped this job 3 runs in a row .*Zeitüberschreitung.*start the job again later\.$/);
  });
});
