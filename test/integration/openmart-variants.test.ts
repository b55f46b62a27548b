/**
 * Openmart answers in the shapes its own client and integrations show (emulator/apis/openmart/
 * variants.ts), through the built bundle: the readers take them, an unreadable answer stops the
 * job after a bounded number of runs, a search that ends early says so, enrich tabs carry
 * match_highlights, and a plain-text 402 reaches the user only inside the add-on's sentence.
 */
import type { OpenmartVariant } from '../../emulator/apis/openmart';
import type { HttpHandler, SimOutcome, SimRequest } from '../../emulator/apis/types';
import { DOMAIN_HEADER, OM_SIM_KEY, domainRows, givenOpenmart, tabObjects } from '../harness/scenarios';
import { HOUR, bodiesTo, jobById, type SubmitResult } from './openmart-helpers';

const PEOPLE = { title: 'Variants', role: 'Head of Sales', max_k: 2 };

function statusCalls(s: ReturnType<typeof givenOpenmart>): number {
  return s.addOn.emulator.http.log.filter((e) => /\/task\/batch\/[^/]+\/status/.test(e.url)).length;
}

/** find_people over `rows` rows with the simulator answering in `variants`; tasks complete before the first poll. */
function peopleJob(variants: OpenmartVariant[], rows = 150): { s: ReturnType<typeof givenOpenmart>; id: string } {
  const s = givenOpenmart({ sim: { variants } });
  s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(rows)]);
  const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', { operation: 'find_people', source: { sheetName: 'Leads' }, options: PEOPLE });
  s.sim.completeTasks({ error: (t) => (t.seq % 7 === 3 ? 'domain could not be resolved' : null) });
  for (let i = 0; i < 5 && jobById(s.addOn, r.job.id).state !== 'DONE'; i++) s.addOn.runDueTriggers(HOUR);
  return { s, id: r.job.id };
}

describe('Openmart variant shapes (built bundle)', () => {
  describe('find_people', () => {
    const documented = peopleJob([]);
    const want = tabObjects(documented.s.addOn, 'Variants - People');
    const wantCounts = jobById(documented.s.addOn, documented.id).counts;

    it.each<[string, OpenmartVariant[]]>([
      ['a partial submit status and the status flag alone', ['submit-partial-status', 'status-flag-only']],
      ['the flag alone under "data"', ['submit-partial-status', 'status-under-data']],
      ['the counters under "status", extra keys, upper-case line types', ['status-under-status', 'extra-keys', 'line-type-upper', 'task-lean']],
    ])('should complete with every result when Openmart answers with %s', (_name, variants) => {
      const { s, id } = peopleJob(variants);
      const job = jobById(s.addOn, id);
      expect(job.state).toBe('DONE');
      expect(job.lastError).toBeNull();
      expect(s.sim.batches()).toHaveLength(2);
      // The counters come from the task lists when the status carries none.
      expect(job.counts).toMatchObject({
        batchesSubmitted: 2,
        unknownRows: 0,
        tasksCompleted: wantCounts['tasksCompleted'],
        tasksErrored: wantCounts['tasksErrored'],
      });
      expect(job.counts['tasksErrored']).toBeGreaterThan(0);
      expect(tabObjects(s.addOn, 'Variants - People')).toEqual(want);
      expect(s.addOn.emulator.triggers.list()).toHaveLength(0);
    });

    it('should write phone line types in lower case whatever case Openmart sends', () => {
      const { s } = peopleJob(['line-type-upper'], 40);
      const phones = tabObjects(s.addOn, 'Variants - People')
        .map((r) => String(r['phones'] ?? ''))
        .filter((p) => p !== '');
      expect(phones.length).toBeGreaterThan(0);
      for (const p of phones) expect(p).toMatch(/\((mobile|landline)\)/);
    });
  });

  it('should stop a job whose status answers stay unreadable after 3 runs, naming the route, keeping what was written, removing the trigger', () => {
    // The first batch's status always answers 200 with a body that has no readiness in it.
    let broken: string | undefined;
    const wrap = (h: HttpHandler): HttpHandler => ({
      handle(req: SimRequest): SimOutcome {
        const out = h.handle(req);
        if (broken === undefined && req.method === 'POST' && 'body' in out && out.status === 200)
          broken = (JSON.parse(out.body) as { batch_id: string }).batch_id;
        if (broken && req.path === `/api/v1/task/batch/${broken}/status`)
          return { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"state":"running"}' };
        return out;
      },
    });
    const s = givenOpenmart({ wrap });
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(150)]);
    s.sim.autoComplete({ afterMs: 0 });
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', { operation: 'find_people', source: { sheetName: 'Leads' }, options: PEOPLE });
    expect(broken).toBe(s.sim.batches()[0]?.id);
    for (let i = 0; i < 20; i++) s.addOn.runDueTriggers(HOUR);
    const job = jobById(s.addOn, r.job.id);
    expect(job.state).toBe('FAILED');
    expect(job.lastError).toMatch(
      new RegExp(
        `Openmart answered 3 runs in a row with something the add-on cannot read: GET /api/v1/task/batch/${broken}/status: the answer has no batch_ready flag`,
      ),
    );
    expect(job.lastError).toMatch(/Everything written so far is kept/);
    // One status call per run for the broken batch: three runs, then nothing more.
    const brokenCalls = s.addOn.emulator.http.log.filter((e) => e.url.endsWith(`/task/batch/${broken}/status`)).length;
    expect(brokenCalls).toBe(3);
    expect(s.addOn.emulator.triggers.list()).toHaveLength(0);
    // The other batch's 50 rows were written and stay.
    const other = s.sim.tasks(s.sim.batches()[1]?.id).map((t) => t.trackingId);
    const written = new Set(tabObjects(s.addOn, 'Variants - People').map((x) => x['external_id']));
    expect(other).toHaveLength(50);
    for (const id of other) expect(written.has(id)).toBe(true);
    const calls = statusCalls(s);
    s.addOn.runDueTriggers(HOUR);
    expect(statusCalls(s)).toBe(calls);
  });

  it('should track a batch whose submit answer arrives cut off but names its batch_id', () => {
    const wrap = (h: HttpHandler): HttpHandler => ({
      handle(req: SimRequest): SimOutcome {
        const out = h.handle(req);
        if (req.method === 'POST' && req.path.startsWith('/api/v1/task/batch/') && 'body' in out && out.status === 200)
          return { ...out, body: out.body.slice(0, out.body.indexOf('"status"') + 12) };
        return out;
      },
    });
    const s = givenOpenmart({ wrap });
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(30)]);
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', { operation: 'find_people', source: { sheetName: 'Leads' }, options: PEOPLE });
    s.sim.completeTasks();
    s.addOn.runDueTriggers(HOUR);
    const job = jobById(s.addOn, r.job.id);
    expect(job.state).toBe('DONE');
    expect(job.counts).toMatchObject({ unknownRows: 0, batchesSubmitted: 1, tasksCompleted: 30 });
    expect(job.warnings.join(' ')).toMatch(/arrived cut off; the batch it named is being followed/);
    expect(new Set(tabObjects(s.addOn, 'Variants - People').map((x) => x['status']))).toEqual(new Set(['COMPLETED']));
  });

  describe('search', () => {
    it.each<[string, OpenmartVariant]>([
      ['no cursor on the last row', 'last-row-no-cursor'],
      ['a null match_score (cursor [null, id])', 'null-score'],
    ])('should say how many of the asked rows came back when a page ends with %s', (_name, variant) => {
      const s = givenOpenmart({ sim: { businesses: 3_000, variants: [variant] } });
      const r = s.addOn.rpc<SubmitResult>('submitOpenmartSearch', { form: { title: 'Salons', query: 'hair salons', count: 250 } });
      const job = jobById(s.addOn, r.job.id);
      expect(job.state).toBe('DONE');
      expect(job.warnings).toContain('Openmart returned 100 of the 250 rows asked; no further page was offered (the last row carried no usable cursor).');
      expect(bodiesTo(s.addOn, 'POST', '/api/v1/search')).toHaveLength(1);
      expect(tabObjects(s.addOn, 'Salons - Businesses')).toHaveLength(100);
    });

    it('should say so when the search has fewer matches than asked', () => {
      const s = givenOpenmart();
      const r = s.addOn.rpc<SubmitResult>('submitOpenmartSearch', {
        form: { title: 'Few', query: 'plumber', location: [{ city: 'Austin', state: 'TX' }], count: 5_000 },
        confirmCredits: true,
      });
      const n = tabObjects(s.addOn, 'Few - Businesses').length;
      expect(n).toBeLessThan(100);
      expect(jobById(s.addOn, r.job.id).warnings).toEqual([`Openmart returned ${n} of the 5000 rows asked; the search has no more matches.`]);
    });

    it('should page on through rows without match_score or match_highlights, null store_phones and extra keys', () => {
      const s = givenOpenmart({ sim: { businesses: 3_000, variants: ['rows-lean', 'store-phones-null', 'extra-keys'] } });
      const r = s.addOn.rpc<SubmitResult>('submitOpenmartSearch', { form: { title: 'Lean', query: 'hair salons', count: 250 } });
      const job = jobById(s.addOn, r.job.id);
      expect(job.state).toBe('DONE');
      expect(job.warnings).toEqual([]);
      const rows = tabObjects(s.addOn, 'Lean - Businesses');
      expect(rows).toHaveLength(250);
      expect(new Set(rows.map((x) => x['match_score']))).toEqual(new Set(['']));
    });
  });

  it('should write match_highlights into enrich tabs', () => {
    const s = givenOpenmart();
    const stores = s.sim
      .businesses()
      .filter((b) => typeof b.content['root_domain'] === 'string')
      .slice(0, 3);
    s.addOn.emulator.spreadsheet.givenSheet('Sites', [['Ref', 'Website'], ...stores.map((b, i) => [`R${i}`, `https://${String(b.content['root_domain'])}/`])]);
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartEnrich', { source: { sheetName: 'Sites' }, options: { title: 'Sites', limit: 1 } });
    expect(jobById(s.addOn, r.job.id).state).toBe('DONE');
    const rows = tabObjects(s.addOn, 'Sites - Businesses').filter((x) => x['status'] === 'FOUND');
    expect(rows.length).toBe(3);
    for (const row of rows) {
      const b = s.sim.businesses().find((x) => x.id === row['openmart_id']);
      expect(b).toBeDefined();
      const tags = ((b?.content['tags'] ?? []) as string[]).slice(0, 2);
      expect(tags.length).toBeGreaterThan(0);
      for (const t of tags) expect(String(row['match_highlights'])).toContain(t);
    }
  });

  it("should show a plain-text 402 only inside the add-on's sentence, short and without the key", () => {
    const s = givenOpenmart({ sim: { variants: ['payment-text'], credits: 0 } });
    let message = '';
    try {
      s.addOn.rpc('submitOpenmartSearch', { form: { title: 'Broke', query: 'hair salons', count: 50 }, confirmCredits: true });
    } catch (e) {
      message = e instanceof Error ? e.message : String(e);
    }
    const job = s.addOn.rpc<{ jobs: Array<{ lastError: string | null }> }>('listJobs').jobs[0];
    const text = message || job?.lastError || '';
    expect(text).toMatch(
      /^(Error: )?Openmart: out of credits or balance \(Payment required; the answer was not JSON: "Payment Required: credit limit reached for API key \[key\]\..*"\)\. Top up your Openmart account, then retry\./,
    );
    expect(text).not.toContain(OM_SIM_KEY);
    expect(text).not.toContain('https://openmart.ai/pricing');
  });
});
