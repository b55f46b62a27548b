/**
 * Openmart batch jobs end to end through the built bundle: rows -> batches of 100 with
 * tracking_id = external_id -> polled by the trigger -> task results in the People tab.
 */
import { DOMAIN_HEADER, domainRows, givenOpenmart, tabObjects } from '../harness/scenarios';
import { HOUR, jobById, type SubmitResult } from './openmart-helpers';
import type { BatchPreview as Preview } from '../../src/app/contract';

const OPTIONS = { title: 'Q3 People', role: 'Head of Marketing', max_k: 2 };

describe('Openmart batches (built bundle)', () => {
  it('should take 250 rows through find_people in 3 batches with the right tracking ids, ERRORED rows marked with the reason', () => {
    const s = givenOpenmart();
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(250)]);
    const preview = s.addOn.rpc<Preview>('previewOpenmartBatch', { operation: 'find_people', source: { sheetName: 'Leads' }, options: OPTIONS });
    expect(preview.mapping).toEqual({ company_name: 0, domain: 1, country: 2 });
    expect(preview).toMatchObject({
      validCount: 250,
      batches: 3,
      idsToGenerate: 250,
      estimate: { credits: 500 },
      needsConfirmation: false,
      balance: 1_000_000,
    });
    expect(preview.tasks[0]).toMatchObject({ domain: 'shop-0.example.com', title: 'Head of Marketing', max_k: 2, company_name: 'Shop 0', country: 'US' });

    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', {
      operation: 'find_people',
      source: { sheetName: 'Leads' },
      mapping: preview.mapping,
      options: OPTIONS,
    });
    expect(r.idsGenerated).toBe(250);
    expect(r.job.state).toBe('WAITING');
    const sheet = s.addOn.emulator.spreadsheet.sheetValues('Leads');
    expect(sheet[0]).toEqual([...DOMAIN_HEADER, 'external_id']);
    const ids = sheet.slice(1).map((row) => String(row[3]));

    const batches = s.sim.batches();
    expect(batches.map((b) => b.taskIds.length)).toEqual([100, 100, 50]);
    const tasks = s.sim.tasks();
    expect(tasks.map((t) => t.trackingId)).toEqual(ids);
    expect(tasks.every((t) => /^shop-\d+\.example\.com$/.test(String(t.input['domain'])))).toBe(true);
    expect(s.addOn.emulator.triggers.list().map((t) => t.handlerFunction)).toEqual(['tick']);

    const errored = new Set(tasks.filter((t) => t.seq % 9 === 4).map((t) => t.trackingId));
    s.sim.completeTasks({ error: (t) => (t.seq % 9 === 4 ? 'domain could not be resolved' : null) });
    s.addOn.runDueTriggers(HOUR);
    const job = jobById(s.addOn, r.job.id);
    expect(job.state).toBe('DONE');
    expect(job.counts).toMatchObject({ rows: 250, batches: 3, batchesSubmitted: 3, tasksErrored: errored.size, tasksCompleted: 250 - errored.size });
    expect(job.warnings.join(' ')).toMatch(/ERRORED/);

    const rows = tabObjects(s.addOn, 'Q3 People - People');
    const keys = rows.map((x) => `${x['external_id']}#${x['index']}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Every row of the sheet is accounted for, by its own external_id.
    expect(new Set(rows.map((x) => x['external_id']))).toEqual(new Set(ids));
    for (const id of errored) {
      const line = rows.filter((x) => x['external_id'] === id);
      expect(line).toEqual([expect.objectContaining({ index: 0, status: 'ERRORED', reason: 'domain could not be resolved' })]);
    }
    // People match what Openmart delivered for each task.
    for (const t of tasks.filter((x) => x.status === 'COMPLETED').slice(0, 40)) {
      const people = t.data as Array<{ first_name: string; email: { email: string } | null }>;
      const mine = rows.filter((x) => x['external_id'] === t.trackingId && x['index'] !== 0);
      expect(mine.map((x) => x['first_name'])).toEqual(people.map((p) => p.first_name));
      expect(mine.map((x) => x['email'] || null)).toEqual(people.map((p) => p.email?.email ?? null));
    }
    // Hostile titles stay literal text.
    expect(
      s.addOn.emulator.spreadsheet
        .sheetFormulas('Q3 People - People')
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    expect(s.addOn.emulator.triggers.list()).toHaveLength(0);
  });

  it('should run find_tech, lookup_business_email and lookup_people into the Tech, Emails and People tabs', () => {
    const s = givenOpenmart();
    s.addOn.emulator.spreadsheet.givenSheet('Shops', [
      ['Company', 'Website', 'First Name', 'Last Name', 'Tech'],
      ['Blue Bottle', 'bluebottlecoffee.com', 'Jane', 'Doe', 'shopify'],
      ['Allbirds', 'https://www.Allbirds.com/', 'John', 'Smith', 'hubspot'],
    ]);
    const src = { sheetName: 'Shops' };
    const tech = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', { operation: 'find_tech', source: src, options: { title: 'Stack' } });
    const mail = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', { operation: 'lookup_business_email', source: src, options: { title: 'Mailboxes' } });
    const people = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', {
      operation: 'lookup_people',
      source: src,
      options: { title: 'Known', info_access: ['EMAIL'] },
    });
    expect(s.sim.tasks().map((t) => t.input)).toEqual([
      expect.objectContaining({ domain: 'bluebottlecoffee.com', tech_type: 'shopify' }),
      expect.objectContaining({ domain: 'allbirds.com', tech_type: 'hubspot' }),
      expect.objectContaining({ domain: 'bluebottlecoffee.com', company_name: 'Blue Bottle' }),
      expect.objectContaining({ domain: 'allbirds.com', company_name: 'Allbirds' }),
      expect.objectContaining({ domain: 'bluebottlecoffee.com', people: [{ first_name: 'Jane', last_name: 'Doe' }], info_access: ['EMAIL'] }),
      expect.objectContaining({ domain: 'allbirds.com', people: [{ first_name: 'John', last_name: 'Smith' }] }),
    ]);
    s.sim.completeTasks();
    s.addOn.runDueTriggers(HOUR);
    for (const j of [tech, mail, people]) expect(jobById(s.addOn, j.job.id).state).toBe('DONE');
    const techRows = tabObjects(s.addOn, 'Stack - Tech');
    expect(techRows).toHaveLength(2);
    expect(techRows.find((t) => t['tech_type'] === 'shopify')).toMatchObject({
      index: 1,
      status: 'COMPLETED',
      tech_type: 'shopify',
      domain: 'bluebottlecoffee.com',
      'checked_pages.home': 'https://bluebottlecoffee.com/',
    });
    const mails = tabObjects(s.addOn, 'Mailboxes - Emails');
    for (const m of mails) expect(m['index'] === 0 ? m['reason'] : m['email']).toBeTruthy();
    const known = tabObjects(s.addOn, 'Known - People');
    expect(known.map((k) => k['first_name']).sort()).toEqual(['Jane', 'John']);
  });

  it('should refuse rows without a domain and a job without a role, sending nothing', () => {
    const s = givenOpenmart();
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ['No site', '', 'US'], ['Bad', 'not a domain', 'US'], ...domainRows(2)]);
    const p = s.addOn.rpc<Preview & { invalid: Array<{ rowNumber: number; reasons: string[] }> }>('previewOpenmartBatch', {
      operation: 'find_people',
      source: { sheetName: 'Leads' },
      options: { title: 'X' },
    });
    expect(p.invalid.map((i) => i.rowNumber)).toEqual([2, 3, 4, 5]);
    expect(() => s.addOn.rpc('submitOpenmartBatch', { operation: 'find_people', source: { sheetName: 'Leads' }, options: { title: 'X' } })).toThrow(
      /None of the rows can be sent/,
    );
    expect(s.sim.batches()).toHaveLength(0);
    expect(s.addOn.emulator.spreadsheet.sheetValues('Leads')[0]).toEqual(DOMAIN_HEADER);
  });

  it('should ask for confirmation above the credit threshold', () => {
    const s = givenOpenmart();
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(30)]);
    s.addOn.rpc('saveOpenmartCreditThreshold', { threshold: 50 });
    const input = { operation: 'find_people', source: { sheetName: 'Leads' }, options: { title: 'Big', role: 'CEO', max_k: 4 } };
    expect(s.addOn.rpc<Preview>('previewOpenmartBatch', input)).toMatchObject({ needsConfirmation: true, estimate: { credits: 120 } });
    expect(() => s.addOn.rpc('submitOpenmartBatch', input)).toThrow(/up to 120 Openmart credits.*threshold of 50.*Confirm/);
    expect(s.sim.batches()).toHaveLength(0);
    s.addOn.rpc('submitOpenmartBatch', { ...input, confirmCredits: true });
    expect(s.sim.batches()).toHaveLength(1);
    expect(s.addOn.rpc<{ balance: number; creditThreshold: number }>('getOpenmartCredits')).toMatchObject({ balance: 1_000_000, creditThreshold: 50 });
  });

  it('should leave no job and no tab behind when Openmart refuses the key, and say where to set one when none is saved', () => {
    const s = givenOpenmart({ saveKey: false });
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(5)]);
    const input = { operation: 'find_people', source: { sheetName: 'Leads' }, options: { title: 'Nope', role: 'Owner' } };
    expect(() => s.addOn.rpc('submitOpenmartBatch', input)).toThrow(/No Openmart API key is saved.*Settings/);
    s.addOn.rpc('saveApiKey', { provider: 'openmart', key: 'om_wrong_key_123456' });
    expect(() => s.addOn.rpc('submitOpenmartBatch', input)).toThrow(/Openmart refused the API key \(Invalid API Key\)/);
    expect(s.sim.batches()).toHaveLength(0);
    expect(s.addOn.rpc<{ jobs: unknown[] }>('listJobs').jobs).toEqual([]);
    expect(s.addOn.emulator.spreadsheet.sheetNames()).toEqual(['Sheet1', 'Leads']);
    expect(Object.keys(s.addOn.emulator.properties.document()).filter((k) => k.startsWith('omb:'))).toEqual([]);
    expect(s.addOn.emulator.triggers.list()).toHaveLength(0);
  });

  it('should key results by task id, with a warning, when Openmart drops the tracking_id', () => {
    const s = givenOpenmart();
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(3)]);
    const r = s.addOn.rpc<SubmitResult>('submitOpenmartBatch', {
      operation: 'find_tech',
      source: { sheetName: 'Leads' },
      options: { title: 'No ids', tech_type: 'shopify' },
    });
    s.sim.setNullTrackingIds(true);
    s.sim.completeTasks();
    s.addOn.runDueTriggers(HOUR);
    const job = jobById(s.addOn, r.job.id);
    expect(job.state).toBe('DONE');
    expect(job.warnings.join(' ')).toMatch(/without their tracking_id/);
    const keys = tabObjects(s.addOn, 'No ids - Tech').map((x) => String(x['external_id']));
    expect(keys.sort()).toEqual(
      s.sim
        .tasks()
        .map((t) => `task:${t.id}`)
        .sort(),
    );
  });
});
