/**
 * gu1 end to end through the built bundle: sidebar RPCs and trigger runs in the vm, against the
 * gu1 simulator behind the emulated UrlFetchApp (issue 5, "Done means").
 */
import { ENRICH_PATH, HOSTILE_NAME, LONG_NOTES_LENGTH } from '../../emulator/apis/gu1';
import type { HttpHandler, SimRequest } from '../../emulator/apis/types';
import { GU1_HEADER, givenGu1, gu1Ids, gu1Rows, tabObjects, type Gu1Scenario } from '../harness/scenarios';
import type { Gu1Preview as Preview, Gu1SettingsView as Settings, Gu1SubmitResult as SubmitResult, JobView } from '../../src/app/contract';

const AFIP = 'ar_afip_enrichment';
const CNPJ = 'br_cpfcnpj_complete_company_enrichment';
const RENAPER = 'ar_renaper_person_validation';
const TWO_CODES = [AFIP, CNPJ];
/** 45 + 80 cents: the simulator's price of one row with TWO_CODES. */
const ROW_CENTS = 125;
const HOUR = 3_600_000;

function sheet(s: Gu1Scenario, rows: unknown[][], name = 'Clients'): void {
  s.addOn.emulator.spreadsheet.givenSheet(name, [GU1_HEADER, ...rows]);
}

function submit(s: Gu1Scenario, options: Record<string, unknown>, extra: Record<string, unknown> = {}): SubmitResult {
  // Confirmed unless a test says otherwise: a fresh document knows no price, and an unknown price always asks.
  return s.addOn.rpc<SubmitResult>('submitGu1', {
    source: { sheetName: 'Clients' },
    mapping: { external_id: 0 },
    options: { title: 'KYB', ...options },
    confirmed: true,
    ...extra,
  });
}

function job(s: Gu1Scenario, id?: string): JobView {
  const jobs = s.addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs;
  return (id ? jobs.find((j) => j.id === id) : jobs[0]) as JobView;
}

function keys(rows: Array<Record<string, unknown>>): string[] {
  return rows.map((r) => `${String(r['external_id'])}|${String(r['integration_code'])}`);
}

function enrichBodies(
  s: Gu1Scenario,
  externalId?: string,
): Array<{ externalId: string; integrationCodes: string[]; enrichmentGroupRefs?: string[]; parameters?: Record<string, unknown> }> {
  return s.sim.requests
    .filter((r) => r.path === ENRICH_PATH)
    .map((r) => JSON.parse(r.body ?? '{}'))
    .filter((b) => externalId === undefined || b.externalId === externalId);
}

/** Every (externalId, code) billed at most once. */
function billedTwice(s: Gu1Scenario): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const l of s.sim.ledger) {
    const k = `${l.externalId}|${l.integrationCode}`;
    if (seen.has(k)) twice.push(k);
    seen.add(k);
  }
  return twice;
}

/** A handler wrapper that runs `onRequest(n)` as the n-th enrichment request arrives. */
function onNthRequest(onRequest: (n: number, req: SimRequest) => void): (h: HttpHandler) => HttpHandler {
  let n = 0;
  return (h) => ({
    handle(req) {
      onRequest(++n, req);
      return h.handle(req);
    },
  });
}

describe('gu1 (built bundle)', () => {
  describe('enrichment by external_id', () => {
    it('should write 40 rows x 2 codes as 80 keyed rows whose total matches the ledger', () => {
      const s = givenGu1({ entities: gu1Ids(40) });
      sheet(s, gu1Rows(40));
      const preview = s.addOn.rpc<Preview>('previewGu1', { source: { sheetName: 'Clients' }, options: { integrationCodes: TWO_CODES } });
      expect(preview).toMatchObject({ mapping: { external_id: 0 }, validCount: 40, invalidCount: 0, problems: [] });
      expect(preview.estimate).toMatchObject({ rows: 40, total: 'unknown', totalCents: null });

      const r = submit(s, { integrationCodes: TWO_CODES });
      expect(r.job.state).toBe('DONE');
      const rows = tabObjects(s.addOn, r.job.tabs['results']!);
      expect(rows).toHaveLength(80);
      expect(new Set(keys(rows)).size).toBe(80);
      expect(keys(rows).sort()).toEqual(
        gu1Ids(40)
          .flatMap((id) => TWO_CODES.map((c) => `${id}|${c}`))
          .sort(),
      );
      expect(rows.every((x) => x['success'] === true)).toBe(true);

      expect(s.sim.billedCents()).toBe(40 * ROW_CENTS);
      expect(r.job.counts['costCents']).toBe(s.sim.billedCents());
      const tabCents = rows.reduce((n, x) => n + Number(x['cost_cents']), 0);
      expect(tabCents).toBe(s.sim.billedCents());
      expect(r.job.counts).toMatchObject({ rows: 40, rowsDone: 40, rowsFailed: 0, resultsOk: 80, resends: 0 });
      expect(r.job.progress).toEqual({ done: 40, total: 40, percent: 100 });

      // Adaptive waves (issue 16) start at 10 and double while gu1 answers cleanly: 10 + 20 + the last 10
      // in 3 fetchAll calls, one request per row carrying both codes.
      expect(s.addOn.emulator.counters.get('UrlFetchApp.fetchAll')).toBe(3);
      expect(enrichBodies(s)).toHaveLength(40);
      expect(enrichBodies(s)[0]).toEqual({ externalId: 'CUST-0001', integrationCodes: TWO_CODES });

      const note = s.addOn.emulator.spreadsheet.getSheetByName(r.job.tabs['results']!)!.getRange(1, 1).getNote();
      expect(note).toMatch(/40 rows done, 0 failed, 0 not found of 40; Cost: 50\.00 in your gu1 account's currency/);
      // Nothing open: no trigger left.
      expect(s.addOn.emulator.triggers.list()).toHaveLength(0);

      // The prices are learnt: the next estimate is rows x codes x last known cost.
      const again = s.addOn.rpc<Preview>('previewGu1', { source: { sheetName: 'Clients' }, options: { integrationCodes: TWO_CODES } });
      expect(again.estimate).toMatchObject({ perRowCents: ROW_CENTS, totalCents: 40 * ROW_CENTS, total: '50.00' });
      expect(s.addOn.rpc<Settings>('getGu1Settings').knownCosts).toEqual([
        { code: AFIP, costCents: 45, cost: '0.45' },
        { code: CNPJ, costCents: 80, cost: '0.80' },
      ]);
    });

    it('should expand a group ref to its 3 codes, one row each, and learn the group', () => {
      const s = givenGu1({ entities: gu1Ids(5) });
      sheet(s, gu1Rows(5));
      const r = submit(s, { enrichmentGroupRefs: ['kyb-argentina'] });
      expect(r.job.state).toBe('DONE');
      const rows = tabObjects(s.addOn, r.job.tabs['results']!);
      expect(rows).toHaveLength(15);
      const codes = rows.filter((x) => x['external_id'] === 'CUST-0001').map((x) => x['integration_code']);
      expect(codes).toEqual([AFIP, 'global_sanctions_screening', 'global_pep_screening']);
      expect(enrichBodies(s)[0]).toEqual({ externalId: 'CUST-0001', integrationCodes: [], enrichmentGroupRefs: ['kyb-argentina'] });
      expect(s.addOn.rpc<Settings>('getGu1Settings').knownGroups).toEqual([
        { ref: 'kyb-argentina', codes: [AFIP, 'global_sanctions_screening', 'global_pep_screening'] },
      ]);
      const p = s.addOn.rpc<Preview>('previewGu1', { source: { sheetName: 'Clients' }, options: { enrichmentGroupRefs: ['kyb-argentina'] } });
      expect(p.estimate).toMatchObject({ perRowCents: 45 + 20 + 25, total: '4.50' });
    });

    it('should mark 3 unknown external_ids as "no gu1 entity" and finish the rest', () => {
      const ids = gu1Ids(10);
      const unknown = [ids[2]!, ids[5]!, ids[9]!];
      const s = givenGu1({ entities: ids.filter((id) => !unknown.includes(id)) });
      sheet(s, gu1Rows(10));
      const r = submit(s, { integrationCodes: TWO_CODES });
      expect(r.job.state).toBe('DONE');
      expect(r.job.counts).toMatchObject({ rowsDone: 7, rowsNotFound: 3, rowsFailed: 0 });
      const rows = tabObjects(s.addOn, r.job.tabs['results']!);
      expect(rows).toHaveLength(20);
      const marked = rows.filter((x) => x['error_code'] === 'ENTITY_NOT_FOUND');
      expect(marked.map((x) => x['external_id']).sort()).toEqual([...unknown, ...unknown].sort());
      for (const m of marked) {
        expect(m['success']).toBe(false);
        expect(String(m['error_message'])).toMatch(/^no gu1 entity with this external_id/);
      }
      expect(s.sim.ledger.map((l) => l.externalId).filter((id) => unknown.includes(id))).toEqual([]);
      expect(r.job.counts['costCents']).toBe(7 * ROW_CENTS);
    });

    it('should retry only the rows that did not succeed, into the same tab', () => {
      const ids = gu1Ids(10);
      const unknown = [ids[2]!, ids[5]!, ids[9]!];
      const s = givenGu1({ entities: ids.filter((id) => !unknown.includes(id)) });
      sheet(s, gu1Rows(10));
      const r = submit(s, { integrationCodes: TWO_CODES });
      const billed = s.sim.billedCents();
      // The entities are created in gu1 afterwards; only their rows go out again.
      s.sim.addEntities(unknown);
      const retry = s.addOn.rpc<SubmitResult>('retryGu1FailedRows', { jobId: r.job.id });
      expect(retry.job.state).toBe('DONE');
      expect(retry.job.counts).toMatchObject({ rows: 3, rowsDone: 3, rowsNotFound: 0 });
      expect(
        s.sim.ledger
          .slice(-6)
          .map((l) => l.externalId)
          .sort(),
      ).toEqual([...unknown, ...unknown].sort());
      expect(s.sim.billedCents() - billed).toBe(3 * ROW_CENTS);
      const rows = tabObjects(s.addOn, r.job.tabs['results']!);
      expect(rows).toHaveLength(20);
      expect(rows.every((x) => x['success'] === true)).toBe(true);
      expect(() => s.addOn.rpc('retryGu1FailedRows', { jobId: retry.job.id })).toThrow(/succeeded: nothing to retry/);
    });

    it('should write per-integration failures into their own rows with their code and message', () => {
      const s = givenGu1({ entities: gu1Ids(4) });
      s.sim.failResult('CUST-0003', CNPJ, { code: 'SOURCE_TIMEOUT', message: 'Receita Federal did not answer', retryable: true });
      sheet(s, gu1Rows(4));
      const r = submit(s, { integrationCodes: TWO_CODES });
      expect(r.job.counts).toMatchObject({ rowsDone: 3, rowsFailed: 1, resultsOk: 7, resultsFailed: 1 });
      const rows = tabObjects(s.addOn, r.job.tabs['results']!);
      const failed = rows.find((x) => x['external_id'] === 'CUST-0003' && x['integration_code'] === CNPJ)!;
      expect(failed).toMatchObject({ success: false, error_code: 'SOURCE_TIMEOUT', error_message: 'Receita Federal did not answer', cost_cents: 0 });
      const ok = rows.find((x) => x['external_id'] === 'CUST-0003' && x['integration_code'] === AFIP)!;
      expect(ok).toMatchObject({ success: true, error_code: '', cost_cents: 45 });
    });

    it('should send mapped columns as parameters and forceRefresh only inside parameters', () => {
      const s = givenGu1({ entities: gu1Ids(3) });
      sheet(s, gu1Rows(3));
      submit(s, { integrationCodes: [AFIP], forceRefresh: true }, { parameterColumns: { taxId: 2 } });
      const body = enrichBodies(s)[0]!;
      expect(body).toEqual({ externalId: 'CUST-0001', integrationCodes: [AFIP], parameters: { taxId: '030700000001', forceRefresh: true } });
      expect(body).not.toHaveProperty('forceRefresh');
    });
  });

  describe('preview and confirmation', () => {
    it('should list rows without an external_id or with a duplicate one, and never make an id up', () => {
      const s = givenGu1({ entities: gu1Ids(3) });
      const rows = [...gu1Rows(3), ['', 'Sin ID', '0123'], ['CUST-0002', 'Duplicate', '0456']];
      sheet(s, rows);
      const p = s.addOn.rpc<Preview>('previewGu1', { source: { sheetName: 'Clients' } });
      expect(p.validCount).toBe(3);
      expect(p.invalid.map((x) => x.rowNumber)).toEqual([5, 6]);
      expect(p.invalid[0]!.reasons.join(' ')).toMatch(/Row 5: external_id is empty: gu1 finds entities by the id they have in gu1/);
      expect(p.invalid[1]!.reasons.join(' ')).toMatch(/Row 6: external_id "CUST-0002" is also used by row 3/);
      const r = submit(s, { integrationCodes: [AFIP] });
      expect(r.invalidCount).toBe(2);
      expect(enrichBodies(s).map((b) => b.externalId)).toEqual(gu1Ids(3));
      // The source is untouched: no generated id column.
      expect(s.addOn.emulator.spreadsheet.sheetValues('Clients')).toEqual([GU1_HEADER, ...rows]);
    });

    it('should refuse a source without an external_id column', () => {
      const s = givenGu1();
      s.addOn.emulator.spreadsheet.givenSheet('Clients', [
        ['Name', 'City'],
        ['A', 'Rosario'],
      ]);
      const p = s.addOn.rpc<Preview>('previewGu1', { source: { sheetName: 'Clients' } });
      expect(p.mapping).toEqual({});
      expect(p.problems.join(' ')).toMatch(/external_id.*never makes one up/);
      expect(() => s.addOn.rpc('submitGu1', { source: { sheetName: 'Clients' }, mapping: {}, options: { integrationCodes: [AFIP] } })).toThrow(/external_id/);
      expect(s.sim.requests).toHaveLength(0);
    });

    it('should ask for confirmation above the user threshold (and for an unknown estimate)', () => {
      const s = givenGu1({ entities: gu1Ids(10) });
      sheet(s, gu1Rows(10));
      s.addOn.rpc('saveGu1Settings', { integrationCodes: [AFIP, CNPJ, ' ', AFIP], confirmAbove: 5 });
      expect(s.addOn.rpc<Settings>('getGu1Settings')).toMatchObject({ integrationCodes: [AFIP, CNPJ], confirmAbove: 5 });
      const p = s.addOn.rpc<Preview>('previewGu1', { source: { sheetName: 'Clients' }, options: { integrationCodes: TWO_CODES } });
      expect(p.needsConfirmation).toBe(true);
      expect(() => submit(s, { integrationCodes: TWO_CODES }, { confirmed: false })).toThrow(
        /cost is unknown: gu1 has not priced ar_afip_enrichment, br_cpfcnpj_complete_company_enrichment.*Confirm to send/,
      );
      expect(s.sim.requests).toHaveLength(0);
      expect(submit(s, { integrationCodes: TWO_CODES }, { confirmed: true }).job.state).toBe('DONE');
      // Known now: 10 x 1.25 = 12.50 > 5.00 still needs it; 3.00 worth of rows does not.
      expect(s.addOn.rpc<Preview>('previewGu1', { source: { sheetName: 'Clients' }, options: { integrationCodes: TWO_CODES } }).needsConfirmation).toBe(true);
      s.addOn.rpc('saveGu1Settings', { confirmAbove: 20 });
      expect(s.addOn.rpc<Preview>('previewGu1', { source: { sheetName: 'Clients' }, options: { integrationCodes: TWO_CODES } }).needsConfirmation).toBe(false);
    });

    it('should ask for confirmation of an unknown price even with no threshold set (the default)', () => {
      const s = givenGu1({ entities: gu1Ids(3) });
      sheet(s, gu1Rows(3));
      expect(s.addOn.rpc<Settings>('getGu1Settings').confirmAbove).toBeNull();
      expect(s.addOn.rpc<Preview>('previewGu1', { source: { sheetName: 'Clients' }, options: { integrationCodes: [AFIP] } }).needsConfirmation).toBe(true);
      expect(() => submit(s, { integrationCodes: [AFIP] }, { confirmed: false })).toThrow(/cost is unknown/);
      expect(s.sim.requests).toHaveLength(0);
      expect(submit(s, { integrationCodes: [AFIP] }).job.state).toBe('DONE');
      // Priced now, and no threshold: nothing to confirm.
      expect(s.addOn.rpc<Preview>('previewGu1', { source: { sheetName: 'Clients' }, options: { integrationCodes: [AFIP] } }).needsConfirmation).toBe(false);
    });
  });

  describe('resumable runs', () => {
    it('should finish a run killed at its time budget after 2 waves from the trigger, with no duplicate row and no cent billed twice', () => {
      let addOnRef: Gu1Scenario | undefined;
      // The 21st request (first of wave 3) finds the execution past its 6 minutes: Apps Script kills it
      // right after fetchAll, when gu1 has already billed wave 3.
      const s = givenGu1({ entities: gu1Ids(40), wrap: onNthRequest((n) => n === 21 && addOnRef!.addOn.emulator.clock.advance(400_000)) });
      addOnRef = s;
      sheet(s, gu1Rows(40));
      // A fixed wave size of 10 (the user's choice): the kill lands in wave 3.
      expect(() => submit(s, { integrationCodes: TWO_CODES, forceRefresh: true, waveSize: 10 })).toThrow(/took longer than Apps Script allows/);
      expect(s.addOn.emulator.execution.killed).toBe(true);
      const killed = job(s);
      expect(killed.state).toBe('FETCHING');
      expect(killed.progress.done).toBe(20);
      expect(tabObjects(s.addOn, killed.tabs['results']!)).toHaveLength(40);
      expect(s.sim.ledger).toHaveLength(60);
      expect(s.addOn.emulator.triggers.list().map((t) => t.handlerFunction)).toEqual(['tick']);

      s.addOn.runDueTriggers(HOUR);
      const done = job(s);
      expect(done.state).toBe('DONE');
      const rows = tabObjects(s.addOn, done.tabs['results']!);
      expect(rows).toHaveLength(80);
      expect(new Set(keys(rows)).size).toBe(80);
      expect(billedTwice(s)).toEqual([]);
      expect(s.sim.ledger).toHaveLength(80);
      // Wave 3 went again, once, without forceRefresh: gu1's cache answered it.
      for (const id of gu1Ids(10, 20)) {
        const sent = enrichBodies(s, id);
        expect(sent).toHaveLength(2);
        expect(sent[0]!.parameters).toEqual({ forceRefresh: true });
        expect(sent[1]!.parameters).toBeUndefined();
      }
      expect(done.counts['resends']).toBe(10);
      // gu1 reports a cached answer at 0: what the lost wave cost shows as "up to", and both add up to the ledger.
      expect(done.counts['costCents']! + done.counts['maybeBilledCents']!).toBe(s.sim.billedCents());
      expect(s.addOn.emulator.triggers.list()).toHaveLength(0);
    });

    it('should stop cleanly near its time budget after 2 waves (a selection source) and let the trigger finish', () => {
      let ref: Gu1Scenario | undefined;
      // Slow sheets: after wave 2 only ~20 s of the 4.5-minute budget are left, too little for another wave.
      const s = givenGu1({ entities: gu1Ids(40), wrap: onNthRequest((n) => n === 20 && ref!.addOn.emulator.clock.advance(245_000)) });
      ref = s;
      sheet(s, gu1Rows(40));
      s.addOn.emulator.spreadsheet.select("'Clients'!A1:C41");
      const r = s.addOn.rpc<SubmitResult>('submitGu1', {
        source: 'selection',
        mapping: { external_id: 0 },
        options: { title: 'Sel', integrationCodes: TWO_CODES, forceRefresh: true, waveSize: 10 },
        confirmed: true,
      });
      expect(r.job.state).toBe('FETCHING');
      expect(r.job.progress).toMatchObject({ done: 20, total: 40 });
      // The emulator runs as an add-on: hourly at most, and the sentence names the Settings choice.
      expect(r.notice).toBe(
        'Background checks are on: every hour (Settings asks for every 15 minutes, but Google lets an add-on check at most hourly). While the sidebar is open, it moves the jobs on itself.',
      );
      // The user moves the selection: the run keeps reading the rows it was started on.
      s.addOn.emulator.spreadsheet.select("'Clients'!A1:A2");
      s.addOn.runDueTriggers(HOUR);
      const done = job(s);
      expect(done.state).toBe('DONE');
      expect(tabObjects(s.addOn, done.tabs['results']!)).toHaveLength(80);
      expect(billedTwice(s)).toEqual([]);
      expect(done.counts['resends']).toBe(0);
      expect(done.counts['costCents']).toBe(s.sim.billedCents());
    });

    it('should follow its next row when rows are inserted above it between runs, and stop when it is deleted', () => {
      const budgetStop = (): Gu1Scenario => {
        let ref: Gu1Scenario | undefined;
        const s = givenGu1({ entities: gu1Ids(40), wrap: onNthRequest((n) => n === 20 && ref!.addOn.emulator.clock.advance(245_000)) });
        ref = s;
        sheet(s, gu1Rows(40));
        expect(submit(s, { integrationCodes: TWO_CODES, waveSize: 10 }).job.progress.done).toBe(20);
        return s;
      };
      const moved = budgetStop();
      sheet(moved, [['NEW-1', 'Nuevo', '0'], ['NEW-2', 'Nuevo', '0'], ...gu1Rows(40)]);
      moved.addOn.runDueTriggers(HOUR);
      const done = job(moved);
      expect(done.state).toBe('DONE');
      expect(tabObjects(moved.addOn, done.tabs['results']!)).toHaveLength(80);
      expect(enrichBodies(moved).map((b) => b.externalId)).toEqual(gu1Ids(40));

      const deleted = budgetStop();
      sheet(
        deleted,
        gu1Rows(40).filter((r) => r[0] !== 'CUST-0021'),
      );
      deleted.addOn.runDueTriggers(HOUR);
      const failed = job(deleted);
      expect(failed.state).toBe('FAILED');
      expect(failed.lastError).toMatch(/external_id CUST-0021 \(the next one to send\) is no longer in the source/);
      expect(tabObjects(deleted.addOn, failed.tabs['results']!)).toHaveLength(40);
    });

    it('should re-send a lost response once, without forceRefresh, and take the answer from the cache', () => {
      const s = givenGu1({ entities: gu1Ids(20), faults: [{ pathIncludes: ENRICH_PATH, nth: 5, lost: true }] });
      sheet(s, gu1Rows(20));
      const r = submit(s, { integrationCodes: TWO_CODES, forceRefresh: true });
      expect(r.job.state).toBe('DONE');
      const sent = enrichBodies(s, 'CUST-0005');
      expect(sent).toHaveLength(2);
      expect(sent[0]!.parameters).toEqual({ forceRefresh: true });
      expect(sent[1]!.parameters).toBeUndefined();
      // fetchAll throws the whole wave away on one transport error (PLATFORM.md): its 10 rows go again, once each.
      expect(r.job.counts['resends']).toBe(10);
      expect(enrichBodies(s)).toHaveLength(30);
      expect(s.sim.counts.cacheHits).toBe(20);
      expect(billedTwice(s)).toEqual([]);
      expect(s.sim.billedCents()).toBe(20 * ROW_CENTS);
      const rows = tabObjects(s.addOn, r.job.tabs['results']!);
      expect(rows).toHaveLength(40);
      expect(rows.every((x) => x['success'] === true)).toBe(true);
      expect(r.job.warnings.join(' ')).toMatch(/10 rows were re-sent after a lost response, without forceRefresh/);
    });

    it('should leave a row whose re-send is lost too unwritten, pause, and send it again at a later run without forceRefresh', () => {
      const s = givenGu1({ entities: gu1Ids(3), faults: [{ pathIncludes: ENRICH_PATH, nth: [2, 3], lost: true }] });
      sheet(s, gu1Rows(3));
      const r = submit(s, { integrationCodes: [AFIP], waveSize: 1, forceRefresh: true });
      // Two sends without a usable answer: the row stays unwritten, the run pauses, nothing is marked failed.
      expect(r.job.state).toBe('FETCHING');
      expect(r.job.lastError).toMatch(/gu1 gave no usable answer for 1 row\(s\) \(Could not reach gu1/);
      expect(r.job.lastError).toMatch(/go again at the next run, without forceRefresh/);
      expect(keys(tabObjects(s.addOn, r.job.tabs['results']!))).toEqual([`CUST-0001|${AFIP}`]);
      // Within the run the lost answer was re-sent once, and CUST-0003 waits behind it.
      expect(enrichBodies(s).map((b) => b.externalId)).toEqual(['CUST-0001', 'CUST-0002', 'CUST-0002']);
      s.addOn.runDueTriggers(HOUR);
      const done = job(s);
      expect(done.state).toBe('DONE');
      expect(done.lastError).toBeNull();
      const sent = enrichBodies(s, 'CUST-0002');
      expect(sent.map((b) => b.parameters)).toEqual([{ forceRefresh: true }, undefined, undefined]);
      expect(enrichBodies(s).map((b) => b.externalId)).toEqual(['CUST-0001', 'CUST-0002', 'CUST-0002', 'CUST-0002', 'CUST-0003']);
      expect(done.counts).toMatchObject({ rowsDone: 3, rowsFailed: 0, resends: 2 });
      const rows = tabObjects(s.addOn, done.tabs['results']!);
      expect(keys(rows).sort()).toEqual(['CUST-0001', 'CUST-0002', 'CUST-0003'].map((id) => `${id}|${AFIP}`));
      expect(rows.every((x) => x['success'] === true)).toBe(true);
      // The lost first send was billed; both re-sends (the lost one too) came from the cache.
      expect(billedTwice(s)).toEqual([]);
      expect(s.sim.counts.cacheHits).toBe(2);
      expect(s.sim.billedCents()).toBe(3 * 45);
    });

    it('should mark a row NO_RESPONSE, say so in the job and finish after 5 runs in a row without an answer for it', () => {
      const lostFor =
        (id: string) =>
        (h: HttpHandler): HttpHandler => ({
          handle(req) {
            if (req.path === ENRICH_PATH && JSON.parse(req.body ?? '{}').externalId === id) {
              h.handle(req);
              return { transport: 'timeout', latencyMs: 60_000 };
            }
            return h.handle(req);
          },
        });
      const s = givenGu1({ entities: gu1Ids(3), wrap: lostFor('CUST-0002') });
      sheet(s, gu1Rows(3));
      const r = submit(s, { integrationCodes: [AFIP], waveSize: 1 });
      expect(r.job.state).toBe('FETCHING');
      expect(r.job.lastError).toMatch(/1 of 5 runs in a row without an answer/);
      const states: string[] = [];
      for (let run = 2; run <= 5; run++) {
        s.addOn.runDueTriggers(HOUR);
        const j = job(s);
        states.push(j.state);
        if (run < 5) expect(j.lastError).toMatch(new RegExp(`${run} of 5 runs in a row`));
      }
      expect(states).toEqual(['FETCHING', 'FETCHING', 'FETCHING', 'DONE']);
      const done = job(s);
      // Two sends in the first run, then one per run, never with forceRefresh after the first.
      expect(enrichBodies(s, 'CUST-0002')).toHaveLength(6);
      expect(
        enrichBodies(s)
          .map((b) => b.externalId)
          .filter((id) => id !== 'CUST-0002'),
      ).toEqual(['CUST-0001', 'CUST-0003']);
      expect(done.counts).toMatchObject({ rowsDone: 2, rowsFailed: 1, noResponse: 1, resends: 5 });
      const row = tabObjects(s.addOn, done.tabs['results']!).find((x) => x['external_id'] === 'CUST-0002')!;
      expect(row).toMatchObject({ success: false, error_code: 'NO_RESPONSE' });
      expect(String(row['error_message'])).toMatch(/No usable answer from gu1 in 5 runs in a row \(last: Could not reach gu1/);
      expect(done.warnings.join(' ')).toMatch(/1 rows got no usable answer from gu1 in 5 runs in a row and are marked NO_RESPONSE/);
      expect(done.history.map((h) => h.text).join(' ')).toMatch(/marked NO_RESPONSE after 5 runs in a row/);
      expect(billedTwice(s)).toEqual([]);
    });
  });

  describe('errors and cost control', () => {
    it('should stop at 402 midway with the balance message, keep what was written, and resume after a top-up', () => {
      const s = givenGu1({ entities: gu1Ids(40), sim: { balanceCents: 16 * ROW_CENTS } });
      sheet(s, gu1Rows(40));
      const r = submit(s, { integrationCodes: TWO_CODES });
      expect(r.job.state).toBe('FAILED');
      expect(r.job.lastError).toMatch(/out of credits or balance \(Insufficient balance.*Top up your gu1 account.*16 rows written before it stopped are kept/);
      expect(r.job.counts).toMatchObject({ rowsDone: 16, costCents: 16 * ROW_CENTS, notSent: 24 });
      expect(tabObjects(s.addOn, r.job.tabs['results']!)).toHaveLength(32);
      expect(s.sim.billedCents()).toBe(16 * ROW_CENTS);
      expect(s.addOn.emulator.triggers.list()).toHaveLength(0);

      s.sim.setBalance(1_000_000);
      s.addOn.rpc('refreshJobResults', { jobId: r.job.id });
      const done = job(s, r.job.id);
      expect(done.state).toBe('DONE');
      expect(tabObjects(s.addOn, done.tabs['results']!)).toHaveLength(80);
      expect(billedTwice(s)).toEqual([]);
      expect(done.counts['costCents']).toBe(s.sim.billedCents());
    });

    it('should stop at the cost cap before the call that would pass it', () => {
      const s = givenGu1({ entities: gu1Ids(40) });
      sheet(s, gu1Rows(40));
      const r = submit(s, { integrationCodes: TWO_CODES, costCap: 10 });
      expect(r.job.state).toBe('DONE');
      // Prices unknown: one row teaches them (1.25), then 7 more fit into 10.00; the 9th would pass it.
      expect(s.sim.billedCents()).toBe(1000);
      expect(s.sim.billedCents() + ROW_CENTS).toBeGreaterThan(1000);
      expect(r.job.counts).toMatchObject({ rowsDone: 8, notSent: 32, costCents: 1000 });
      expect(r.job.warnings.join(' ')).toMatch(/Stopped at the cost cap of 10\.00: 10\.00 spent and the next row would cost up to 1\.25; 32 rows not sent/);
      expect(tabObjects(s.addOn, r.job.tabs['results']!)).toHaveLength(16);

      // With known prices the cap is exact from the first wave: 3.00 / 1.25 -> 2 rows.
      const before = s.sim.billedCents();
      const again = submit(s, { title: 'Capped', integrationCodes: TWO_CODES, costCap: 3, forceRefresh: true });
      expect(s.sim.billedCents() - before).toBe(250);
      expect(again.job.counts['notSent']).toBe(38);
      expect(() => s.addOn.rpc('refreshJobResults', { jobId: again.job.id })).toThrow(/stopped at its cost cap of 3\.00/);
    });

    it('should refuse a run gu1 rejects before anything is written: bad key, unknown or disabled code', () => {
      const s = givenGu1({ entities: gu1Ids(3) });
      sheet(s, gu1Rows(3));
      s.addOn.rpc('saveApiKey', { provider: 'gu1', key: 'gk_prod_wrong_key_000' });
      expect(() => submit(s, { integrationCodes: [AFIP] })).toThrow(/check your gu1 key/);
      s.addOn.rpc('saveApiKey', { provider: 'gu1', key: 'gk_sandbox_9f8e7d6c5b4a3210' });
      expect(() => submit(s, { integrationCodes: [AFIP, 'zz_unknown_code'] })).toThrow(/Unknown integration code: zz_unknown_code/);
      expect(() => submit(s, { integrationCodes: ['cl_sii_company_enrichment'] })).toThrow(
        /cl_sii_company_enrichment is not active for your organization\)\. Activate it in gu1/,
      );
      expect(() => submit(s, { enrichmentGroupRefs: ['kyb-nowhere'] })).toThrow(/kyb-nowhere/);
      expect(s.addOn.rpc<{ jobs: JobView[] }>('listJobs').jobs).toEqual([]);
      expect(s.addOn.emulator.spreadsheet.sheetNames()).toEqual(expect.not.arrayContaining(['KYB - gu1']));
      expect(s.addOn.emulator.triggers.list()).toHaveLength(0);
      expect(s.sim.ledger).toHaveLength(0);
    });

    it('should stop a running job with "check your gu1 key" when the key is refused later, keeping its rows', () => {
      let ref: Gu1Scenario | undefined;
      const s = givenGu1({ entities: gu1Ids(40), wrap: onNthRequest((n) => n === 20 && ref!.addOn.emulator.clock.advance(245_000)) });
      ref = s;
      sheet(s, gu1Rows(40));
      const r = submit(s, { integrationCodes: TWO_CODES, waveSize: 10 });
      expect(r.job.state).toBe('FETCHING');
      s.sim.removeKey('gk_sandbox_9f8e7d6c5b4a3210');
      s.addOn.runDueTriggers(HOUR);
      const failed = job(s);
      expect(failed.state).toBe('FAILED');
      expect(failed.lastError).toMatch(/gu1 refused the API key.*check your gu1 key in Settings\. 20 rows written before it stopped are kept/);
      expect(tabObjects(s.addOn, failed.tabs['results']!)).toHaveLength(40);
      expect(s.addOn.emulator.triggers.list()).toHaveLength(0);
    });
  });

  describe('results tab', () => {
    it('should land hostile enrichmentData as literal text, flattened into dot-path columns', () => {
      const s = givenGu1({ entities: gu1Ids(12) });
      sheet(s, gu1Rows(12));
      const r = submit(s, { integrationCodes: [AFIP, RENAPER] });
      const tab = r.job.tabs['results']!;
      const formulas = s.addOn.emulator.spreadsheet
        .sheetFormulas(tab)
        .flat()
        .filter((f) => f !== '');
      expect(formulas).toEqual([]);
      const rows = tabObjects(s.addOn, tab);
      const header = s.addOn.emulator.spreadsheet.sheetValues(tab)[0] as string[];
      expect(header).toEqual(
        expect.arrayContaining(['company.address.city', 'company.taxId', 'person.documentNumber', 'contact.phones', 'registry.registryNumber', 'officers']),
      );
      const cells = s.addOn.emulator.spreadsheet.sheetValues(tab).flat();
      expect(cells.filter((c) => c === HOSTILE_NAME).length).toBeGreaterThanOrEqual(2);

      for (const id of gu1Ids(12)) {
        const data = s.sim.enrichmentData(id, AFIP) as {
          company: { taxId: string; address: { city: string; postalCode: string } };
          contact: { phones: string[] };
          registry: { registryNumber: string; fiscalPeriod: string };
          notes?: string;
        };
        const row = rows.find((x) => x['external_id'] === id && x['integration_code'] === AFIP)!;
        expect(row['company.taxId']).toBe(data.company.taxId);
        expect(row['company.address.city']).toBe(data.company.address.city);
        expect(row['company.address.postalCode']).toBe(data.company.address.postalCode);
        expect(row['contact.phones']).toBe(data.contact.phones.join(', '));
        expect(String(row['contact.phones'])).toMatch(/^\+\d+ \d+ /);
        expect(row['registry.registryNumber']).toBe(data.registry.registryNumber);
        expect(row['registry.fiscalPeriod']).toBe(data.registry.fiscalPeriod);
        if (data.notes !== undefined) {
          expect(data.notes).toHaveLength(LONG_NOTES_LENGTH);
          const cell = String(row['notes']);
          expect(cell.length).toBeLessThanOrEqual(50_000);
          expect(cell).toMatch(/…\[truncated, 60000 chars\]$/);
        }
        const person = s.sim.enrichmentData(id, RENAPER) as { person: { documentNumber: string } };
        const prow = rows.find((x) => x['external_id'] === id && x['integration_code'] === RENAPER)!;
        expect(prow['person.documentNumber']).toBe(person.person.documentNumber);
      }
      expect(rows.some((x) => /^00\d{9}$/.test(String(x['company.taxId'])))).toBe(true);
      expect(rows.some((x) => String(x['officers']).includes('role: -CEO'))).toBe(true);
      expect(rows.some((x) => String(x['notes']).includes('truncated'))).toBe(true);
      expect(cells.some((c) => typeof c === 'string' && /[ñãçłó]/.test(c))).toBe(true);
    });

    it('should upsert a re-run into the same tab by external_id and code', () => {
      const s = givenGu1({ entities: gu1Ids(5) });
      sheet(s, gu1Rows(5));
      const first = submit(s, { integrationCodes: TWO_CODES });
      const tab = first.job.tabs['results']!;
      s.sim.failResult('CUST-0002', AFIP, { code: 'SOURCE_DOWN', message: 'AFIP is down' });
      const second = submit(s, { integrationCodes: TWO_CODES, forceRefresh: true, intoTab: tab });
      expect(second.job.tabs['results']).toBe(tab);
      const rows = tabObjects(s.addOn, tab);
      expect(rows).toHaveLength(10);
      expect(rows.find((x) => x['external_id'] === 'CUST-0002' && x['integration_code'] === AFIP)).toMatchObject({ success: false, error_code: 'SOURCE_DOWN' });
    });
  });

  describe('measurement', () => {
    it('should enrich 2,000 rows x 2 codes in waves growing from 10 to 100 (adaptive, no pushback from gu1)', () => {
      const s = givenGu1({ entities: gu1Ids(2000) });
      sheet(s, gu1Rows(2000));
      const em = s.addOn.emulator;
      em.counters.reset();
      const t0 = em.clock.now();
      const spans: number[] = [];
      const timed = (fn: () => void): void => {
        const a = em.clock.now();
        fn();
        spans.push(em.clock.now() - a);
      };
      let r: SubmitResult | undefined;
      timed(() => {
        r = submit(s, { integrationCodes: TWO_CODES });
      });
      let runs = 1;
      while (job(s).state !== 'DONE' && runs < 10) {
        em.clock.advance(HOUR);
        timed(() => s.addOn.runDueTriggers());
        runs++;
      }
      const done = job(s, r!.job.id);
      expect(done.state).toBe('DONE');
      const rows = tabObjects(s.addOn, done.tabs['results']!);
      expect(rows).toHaveLength(4000);
      expect(billedTwice(s)).toEqual([]);
      expect(done.counts['costCents']).toBe(s.sim.billedCents());
      const requests = em.counters.get('UrlFetchApp.requests');
      const waves = em.counters.get('UrlFetchApp.fetchAll');
      expect(requests).toBe(2000);
      // Slow start 10, 20, 40, 80, then the practical top of 100: 4 + ceil(1,850 / 100) waves.
      expect(waves).toBe(4 + Math.ceil((2000 - 150) / 100));
      const result = {
        urlFetchRequests: requests,
        fetchAllWaves: waves,
        singleFetches: em.counters.get('UrlFetchApp.fetch'),
        executions: runs,
        executionSeconds: spans.map((ms) => Math.round(ms / 1000)),
        busySeconds: Math.round(spans.reduce((a, b) => a + b, 0) / 1000),
        elapsedVirtualMinutes: Math.round((em.clock.now() - t0) / 60_000),
        sheetsCalls: em.counters.get('sheets'),
        propertiesCalls: em.counters.get('properties'),
      };
      console.log(`gu1 2,000 x 2 measurement: ${JSON.stringify(result)}`);
      for (const ms of spans) expect(ms).toBeLessThan(300_000);
    });
  });
});
