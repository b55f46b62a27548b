/**
 * Shared spreadsheets through the built bundle (issue 14): two editors in one document, each with
 * their own user properties, keys and trigger. Every case ends with the requests the provider
 * received, showing whose key paid.
 */
import type { AddOn } from '../harness/addon';
import {
  COMPANY_HEADER,
  DOMAIN_HEADER,
  GU1_BASE,
  GU1_HEADER,
  GU1_KEY,
  OM_SIM_BASE,
  OM_SIM_KEY,
  OP_BASE,
  OP_KEY,
  companyRows,
  enrichmentOptions,
  givenCompanies,
  givenGu1,
  givenOpenProspect,
  givenOpenmart,
  domainRows,
  gu1Ids,
  gu1Rows,
} from '../harness/scenarios';
import { jobsAs, keysByUser, keysSentTo } from '../harness/editors';
import type { JobView } from '../../src/app/job-view';
import type { ScheduleView } from '../../src/app/schedules';

const HOUR = 3_600_000;
const OWNER = 'owner@example.com';
const EDITOR = 'editor@example.com';
const EDITOR_OP_KEY = 'lnc_test_e0e1e2e3e4e5e6e7';
const EDITOR_GU1_KEY = 'gk_sandbox_e9e8e7e6e5e4e3e2';
const EDITOR_OM_KEY = 'om_live_e1e2e3e4e5e6e7e8';
const NOT_YOURS = /started by another editor of this spreadsheet \(owner@example\.com\); only they can/;

const asOwner = { emulator: { userEmail: OWNER } };

/** The owner's enrichment "Owner" waiting at OpenProspect, and an editor with their own key for the same organisation. */
function ownerOrderAndKeyedEditor() {
  const s = givenOpenProspect(asOwner);
  s.sim.addKey(EDITOR_OP_KEY);
  givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(4));
  s.addOn.rpc('submitEnrichment', {
    source: { sheetName: 'Leads' },
    mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
    options: enrichmentOptions('Owner'),
  });
  const editor = s.addOn.as(EDITOR);
  editor.rpc('saveApiKey', { provider: 'openprospect', key: EDITOR_OP_KEY });
  return { s, ownerOrder: s.sim.orders()[0]!.id, editor };
}

describe('shared spreadsheets (built bundle, two users)', () => {
  describe("Openmart: a co-editor cannot put the owner's search on a schedule", () => {
    it("should refuse the schedule with a sentence, and the owner's key pays for nothing more in 12 hours", () => {
      const s = givenOpenmart(asOwner);
      const r = s.addOn.rpc<{ job: JobView }>('submitOpenmartSearch', { form: { title: 'Salons', query: 'hair salons', count: 50 } });
      expect(r.job.state).toBe('DONE');
      const ownerKeys = keysSentTo(s.addOn, OM_SIM_BASE);
      const creditsAfterSearch = s.sim.credits();

      const editor = s.addOn.as(EDITOR);
      const seen = jobsAs(s.addOn, EDITOR).find((j) => j.id === r.job.id)!;
      expect(seen).toMatchObject({ mine: false, ownerNote: `Read-only: started by another editor of this spreadsheet (${OWNER}).`, state: 'DONE' });
      expect(() => editor.rpc('createSchedule', { jobId: r.job.id, every: 'hourly' })).toThrow(NOT_YOURS);
      expect(() => editor.rpc('refreshJobResults', { jobId: r.job.id })).toThrow(NOT_YOURS);
      expect(editor.rpc<ScheduleView[]>('listSchedules')).toEqual([]);

      for (let h = 0; h < 12; h++) s.addOn.runDueTriggers(HOUR);
      expect(keysSentTo(s.addOn, OM_SIM_BASE)).toEqual(ownerKeys);
      expect([...new Set(ownerKeys)]).toEqual([OM_SIM_KEY]);
      expect(s.sim.credits()).toBe(creditsAfterSearch);
    });

    it('should still tell editors apart when Apps Script hides the emails', () => {
      const s = givenOpenmart({ emulator: { userEmail: OWNER, blankEmails: [OWNER, EDITOR] } });
      const r = s.addOn.rpc<{ job: JobView }>('submitOpenmartSearch', { form: { title: 'Salons', query: 'hair salons', count: 5 } });
      expect(jobsAs(s.addOn, OWNER)[0]).toMatchObject({ mine: true, ownerNote: null });
      expect(jobsAs(s.addOn, EDITOR)[0]).toMatchObject({ mine: false, ownerNote: 'Read-only: started by another editor of this spreadsheet.' });
      expect(() => s.addOn.as(EDITOR).rpc('createSchedule', { jobId: r.job.id, every: 'daily' })).toThrow(
        /This job was started by another editor of this spreadsheet; only they can schedule it/,
      );
    });

    it("should let the owner schedule their own search, and only the owner's trigger runs it, on the owner's key", () => {
      const s = givenOpenmart(asOwner);
      const r = s.addOn.rpc<{ job: JobView }>('submitOpenmartSearch', { form: { title: 'Salons', query: 'hair salons', count: 20 } });
      const list = s.addOn.rpc<ScheduleView[]>('createSchedule', { jobId: r.job.id, every: 'hourly' });
      expect(list).toEqual([expect.objectContaining({ mine: true, ownerNote: null })]);
      const editorView = s.addOn.as(EDITOR).rpc<ScheduleView[]>('listSchedules');
      expect(editorView[0]).toMatchObject({
        mine: false,
        ownerNote: expect.stringMatching(/Read-only: created by another editor|Read-only: started by another editor/),
      });
      expect(() => s.addOn.as(EDITOR).rpc('deleteSchedule', { scheduleId: list[0]!.id })).toThrow(/only they can delete it/);
      // The editor opens the sidebar (and gets a trigger of their own for something else): it never runs the owner's schedule.
      s.addOn.as(EDITOR).rpc('refreshJobs');
      for (let h = 0; h < 3; h++) s.addOn.runDueTriggers(HOUR);
      const users = new Set(s.addOn.emulator.http.log.filter((e) => e.url.startsWith(OM_SIM_BASE)).map((e) => e.user));
      expect(users).toEqual(new Set([OWNER]));
      expect([...new Set(keysSentTo(s.addOn, OM_SIM_BASE))]).toEqual([OM_SIM_KEY]);
      expect(s.addOn.emulator.triggers.list().map((t) => t.user)).toEqual([OWNER]);
    });
  });

  describe('OpenProspect: a co-editor without a key opens the Jobs view', () => {
    it("should leave the owner's waiting order alone; it completes on the owner's trigger and key", () => {
      const s = givenOpenProspect(asOwner);
      givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(5));
      const sub = s.addOn.rpc<{ job: JobView }>('submitEnrichment', {
        source: { sheetName: 'Leads' },
        mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
        options: enrichmentOptions('Q1'),
      });
      expect(sub.job.state).toBe('WAITING');

      const editorJobs = jobsAs(s.addOn, EDITOR, 'refreshJobs');
      expect(editorJobs[0]).toMatchObject({ state: 'WAITING', lastError: null, mine: false });
      expect(() => s.addOn.as(EDITOR).rpc('cancelJob', { jobId: sub.job.id })).toThrow(NOT_YOURS);
      expect(s.addOn.emulator.http.log.filter((e) => e.user === EDITOR)).toEqual([]);

      s.sim.advance(s.sim.orders()[0]!.id, 'COMPLETED');
      jobsAs(s.addOn, EDITOR, 'refreshJobs');
      expect(jobsAs(s.addOn, OWNER)[0]!.state).toBe('WAITING');
      s.addOn.runDueTriggers(HOUR);
      expect(jobsAs(s.addOn, OWNER)[0]!.state).toBe('DONE');
      expect([...new Set(keysSentTo(s.addOn, OP_BASE))]).toEqual([OP_KEY]);
    });

    it("should keep the owner's own job waiting (not FAILED) while the owner's key is removed, and finish it once it is back", () => {
      const s = givenOpenProspect(asOwner);
      givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
      s.addOn.rpc('submitEnrichment', {
        source: { sheetName: 'Leads' },
        mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
        options: enrichmentOptions('Q1'),
      });
      s.addOn.rpc('removeApiKey', { provider: 'openprospect' });
      s.sim.advance(s.sim.orders()[0]!.id, 'COMPLETED');
      s.addOn.runDueTriggers(HOUR);
      const waiting = jobsAs(s.addOn, OWNER)[0]!;
      expect(waiting.state).toBe('WAITING');
      expect(waiting.lastError).toMatch(/No OpenProspect API key is saved/);
      s.addOn.rpc('saveApiKey', { provider: 'openprospect', key: OP_KEY });
      s.addOn.runDueTriggers(HOUR);
      expect(jobsAs(s.addOn, OWNER)[0]!.state).toBe('DONE');
    });
  });

  describe('jobs stored by the previous version (no owner)', () => {
    it('should be left alone by an editor without a key and adopted by the first one who acts with a key', () => {
      const s = givenOpenProspect(asOwner);
      givenCompanies(s.addOn, 'Leads', COMPANY_HEADER, companyRows(3));
      const sub = s.addOn.rpc<{ job: JobView }>('submitEnrichment', {
        source: { sheetName: 'Leads' },
        mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
        options: enrichmentOptions('Old'),
      });
      const doc = s.addOn.emulator.properties.document();
      const { owner: _o, ownerEmail: _e, ...legacy } = JSON.parse(doc[`job:${sub.job.id}`]!) as Record<string, unknown>;
      doc[`job:${sub.job.id}`] = JSON.stringify(legacy);
      s.sim.advance(s.sim.orders()[0]!.id, 'COMPLETED');

      const seen = jobsAs(s.addOn, EDITOR, 'refreshJobs')[0]!;
      expect(seen).toMatchObject({ state: 'WAITING', mine: false, ownerNote: expect.stringMatching(/before jobs had owners/) });
      expect(() => s.addOn.as(EDITOR).rpc('cancelJob', { jobId: sub.job.id })).toThrow(/save your own key for this provider in Settings to take it over/);
      expect(JSON.parse(doc[`job:${sub.job.id}`]!)).not.toHaveProperty('owner');

      s.addOn.runDueTriggers(HOUR);
      expect(jobsAs(s.addOn, OWNER)[0]).toMatchObject({ state: 'DONE', mine: true });
      expect(jobsAs(s.addOn, EDITOR)[0]).toMatchObject({ mine: false, ownerNote: `Read-only: started by another editor of this spreadsheet (${OWNER}).` });
      expect([...new Set(keysSentTo(s.addOn, OP_BASE))]).toEqual([OP_KEY]);
    });
  });

  describe('gu1: paused runs of two editors', () => {
    it("should finish each editor's run only by that editor's executions, on that editor's key", () => {
      let ref: ReturnType<typeof givenGu1> | undefined;
      let n = 0;
      // The first 20 enrichment requests of each submit leave too little time for a third wave: each run pauses.
      const s = givenGu1({
        ...asOwner,
        entities: gu1Ids(80),
        wrap: (h) => ({
          handle: (req) => {
            n++;
            if (n === 20 || n === 40) ref!.addOn.emulator.clock.advance(245_000);
            return h.handle(req);
          },
        }),
      });
      ref = s;
      s.sim.addKey(EDITOR_GU1_KEY);
      s.addOn.emulator.spreadsheet.givenSheet('Owner rows', [GU1_HEADER, ...gu1Rows(40)]);
      s.addOn.emulator.spreadsheet.givenSheet('Editor rows', [GU1_HEADER, ...gu1Rows(40, 40)]);
      const submit = (addOn: Pick<AddOn, 'rpc'>, sheetName: string, title: string) =>
        addOn.rpc<{ job: JobView }>('submitGu1', {
          source: { sheetName },
          mapping: { external_id: 0 },
          options: { title, integrationCodes: ['ar_afip_enrichment', 'br_cpfcnpj_complete_company_enrichment'], forceRefresh: true },
          confirmed: true,
        }).job;
      const ownerJob = submit(s.addOn, 'Owner rows', 'Owner KYB');
      expect(ownerJob.state).toBe('FETCHING');
      const editor = s.addOn.as(EDITOR);
      editor.rpc('saveApiKey', { provider: 'gu1', key: EDITOR_GU1_KEY });
      const editorJob = submit(editor, 'Editor rows', 'Editor KYB');
      expect(editorJob.state).toBe('FETCHING');

      // The editor's Jobs view finishes the editor's run only.
      const afterEditor = jobsAs(s.addOn, EDITOR, 'refreshJobs');
      expect(afterEditor.find((j) => j.id === editorJob.id)!.state).toBe('DONE');
      expect(afterEditor.find((j) => j.id === ownerJob.id)!.state).toBe('FETCHING');
      // With nothing of their own left open, the editor keeps no trigger; the owner's stays.
      expect(s.addOn.emulator.triggers.list().map((t) => t.user)).toEqual([OWNER]);
      expect(() => editor.rpc('cancelJob', { jobId: ownerJob.id })).toThrow(NOT_YOURS);
      // The owner's trigger finishes the owner's run; the editor's trigger has nothing of the owner's to do.
      s.addOn.runDueTriggers(HOUR);
      expect(jobsAs(s.addOn, OWNER).find((j) => j.id === ownerJob.id)!.state).toBe('DONE');

      const keyOf = new Map<string, Set<string>>();
      for (const e of s.addOn.emulator.http.log.filter((x) => x.url.startsWith(GU1_BASE) && x.body)) {
        const id = String((JSON.parse(e.body as string) as { externalId?: string }).externalId);
        const key = (e.headers['authorization'] ?? '').replace(/^Bearer /, '');
        keyOf.set(id, new Set([...(keyOf.get(id) ?? []), key]));
      }
      for (const id of gu1Ids(40)) expect([...(keyOf.get(id) ?? [])]).toEqual([GU1_KEY]);
      for (const id of gu1Ids(40, 40)) expect([...(keyOf.get(id) ?? [])]).toEqual([EDITOR_GU1_KEY]);
    });
  });

  describe('budgets', () => {
    it("should refuse a co-editor's 26th open job with a sentence while the owner's order keeps syncing", () => {
      const { s, ownerOrder, editor } = ownerOrderAndKeyedEditor();
      let refused: string | undefined;
      for (let i = 0; i < 40 && refused === undefined; i++) {
        try {
          editor.rpc('importOrder', { orderId: ownerOrder, title: `Copy ${i}` });
        } catch (e) {
          refused = (e as Error).message;
        }
        if (i === 10) s.addOn.runDueTriggers(HOUR);
      }
      s.sim.advance(ownerOrder, 'COMPLETED');
      s.addOn.runDueTriggers(HOUR);
      expect(refused).toMatch(
        /You already have 25 open jobs in this spreadsheet \(at most 25 per editor\)\. Wait for some to finish, or cancel ones you no longer need in Jobs/,
      );
      const owner = jobsAs(s.addOn, OWNER).find((j) => j.title === 'Owner')!;
      expect(owner.state).toBe('DONE');
      expect(owner.mine).toBe(true);
      expect(keysByUser(s.addOn, OP_BASE)).toEqual({ [OWNER]: [OP_KEY], [EDITOR]: [EDITOR_OP_KEY] });
    });

    it("should keep a job record under 9 KB when its provider answers a 20 KB error, and the owner's order keeps syncing", () => {
      const { s, ownerOrder, editor } = ownerOrderAndKeyedEditor();
      editor.rpc('importOrder', { orderId: ownerOrder, title: 'Editor copy' });
      // From now on every request on the editor's key gets a 500 whose message is 20,000 characters long.
      const huge = JSON.stringify({ error: 'server_error', message: 'zz '.repeat(7_000) });
      s.addOn.emulator.http.register(OP_BASE, {
        handle: (req) =>
          (req.headers['authorization'] ?? '').includes(EDITOR_OP_KEY)
            ? { status: 500, headers: { 'Content-Type': 'application/json' }, body: huge }
            : s.faults.handle(req),
      });
      s.sim.advance(ownerOrder, 'COMPLETED');
      for (let i = 0; i < 3; i++) {
        s.addOn.runDueTriggers(HOUR);
        editor.rpc('refreshJobs');
      }
      const doc = s.addOn.emulator.properties.document();
      for (const [k, v] of Object.entries(doc)) expect(Buffer.byteLength(k + v)).toBeLessThanOrEqual(9 * 1024);
      const copy = jobsAs(s.addOn, EDITOR).find((j) => j.title === 'Editor copy')!;
      // The provider's sentence is shown only as a short detail (300 characters at most).
      expect(copy.lastError).toMatch(/zz zz…\)/);
      expect(copy.lastError!.length).toBeLessThanOrEqual(500);
      expect(jobsAs(s.addOn, OWNER).find((j) => j.title === 'Owner')!.state).toBe('DONE');
      expect(keysByUser(s.addOn, OP_BASE)).toEqual({ [OWNER]: [OP_KEY], [EDITOR]: [EDITOR_OP_KEY] });
    });

    it("should refuse a co-editor's 26th schedule with a sentence while the owner's batch keeps syncing", () => {
      const s = givenOpenmart(asOwner);
      s.sim.addKey(EDITOR_OM_KEY);
      s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(3)]);
      const ownerJob = s.addOn.rpc<{ job: JobView }>('submitOpenmartBatch', {
        operation: 'find_people',
        source: { sheetName: 'Leads' },
        options: { title: 'Owner people', role: 'CEO', max_k: 1 },
      }).job;
      const editor = s.addOn.as(EDITOR);
      editor.rpc('saveApiKey', { provider: 'openmart', key: EDITOR_OM_KEY });
      const job = editor.rpc<{ job: JobView }>('submitOpenmartSearch', { form: { title: 'Mine', query: 'bakery', count: 5 } }).job;
      let refused: string | undefined;
      let made = 0;
      for (let i = 0; i < 40 && refused === undefined; i++) {
        try {
          editor.rpc('createSchedule', { jobId: job.id, every: 'daily', hour: i % 24 });
          made++;
        } catch (e) {
          refused = (e as Error).message;
        }
        if (i === 10) s.sim.completeTasks();
        if (i === 12) s.addOn.runDueTriggers(HOUR);
      }
      expect(made).toBe(25);
      expect(refused).toMatch(/You already have 25 schedules in this spreadsheet \(at most 25 per editor\)\. Delete schedules you no longer need/);
      expect(jobsAs(s.addOn, OWNER).find((j) => j.id === ownerJob.id)).toMatchObject({ state: 'DONE', mine: true });
      expect(keysByUser(s.addOn, OM_SIM_BASE)).toEqual({ [OWNER]: [OM_SIM_KEY], [EDITOR]: [EDITOR_OM_KEY] });
    });
  });
});
