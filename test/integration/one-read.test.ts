/**
 * One way for three providers (issue 15), through the built bundle: a submit reads its source
 * rows once (counted `getValues` on the source sheet) and its first run uses that plan; a later
 * run finds moved columns again by their header text (OpenProspect and Openmart as gu1 does); and
 * every preview names the values Sheets changed (an id that lost its leading zeros).
 */
import type { AddOn } from '../harness/addon';
import { rpcOf } from '../harness/rpc';
import {
  COMPANY_HEADER,
  companyRows,
  DOMAIN_HEADER,
  domainRows,
  enrichmentOptions,
  givenGu1,
  givenOpenmart,
  givenOpenProspect,
  GU1_HEADER,
  gu1Ids,
  gu1Rows,
} from '../harness/scenarios';

const HOUR = 3_600_000;
const AFIP = 'ar_afip_enrichment';

/** Run `fn` and count the `getValues` calls on sheet `name` it made. */
function sourceReads(addOn: AddOn, name: string, fn: () => void): number {
  let reads = 0;
  const stop = addOn.emulator.execution.onServiceCall((c) => {
    if (c.method === 'getValues' && c.sheet === name) reads++;
    return undefined;
  });
  try {
    fn();
  } finally {
    stop();
  }
  return reads;
}

describe('one read of the source per submit (built bundle)', () => {
  it('should read an OpenProspect enrichment source once, write its ids, and post the order from that read', () => {
    const s = givenOpenProspect();
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [COMPANY_HEADER, ...companyRows(3)]);
    const rpc = rpcOf(s.addOn);
    const reads = sourceReads(s.addOn, 'Leads', () => {
      rpc('submitEnrichment', {
        source: { sheetName: 'Leads' },
        mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
        options: enrichmentOptions('Once'),
      });
    });
    expect(reads).toBe(1);
    expect(s.sim.orders()).toHaveLength(1);
    expect(s.sim.orders()[0]!.input.companies.map((c) => c.company_name)).toEqual(companyRows(3).map((r) => r[0]));
  });

  it('should read an Openmart batch source once and submit the batch from that read', () => {
    const s = givenOpenmart();
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(3)]);
    const reads = sourceReads(s.addOn, 'Leads', () => {
      rpcOf(s.addOn)('submitOpenmartBatch', {
        operation: 'find_people',
        source: { sheetName: 'Leads' },
        options: { title: 'Once', role: 'Owner', max_k: 1 },
        confirmCredits: true,
      });
    });
    expect(reads).toBe(1);
    expect(s.sim.batches()).toHaveLength(1);
  });

  it('should read an Openmart enrich source once', () => {
    const s = givenOpenmart();
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(3)]);
    const reads = sourceReads(s.addOn, 'Leads', () => {
      rpcOf(s.addOn)('submitOpenmartEnrich', { source: { sheetName: 'Leads' }, options: { title: 'Once' }, confirmCredits: true });
    });
    expect(reads).toBe(1);
  });

  it('should read a gu1 source once and send its rows from that read', () => {
    const s = givenGu1({ entities: gu1Ids(3) });
    s.addOn.emulator.spreadsheet.givenSheet('Clients', [GU1_HEADER, ...gu1Rows(3)]);
    const reads = sourceReads(s.addOn, 'Clients', () => {
      const r = rpcOf(s.addOn)('submitGu1', {
        source: { sheetName: 'Clients' },
        mapping: { external_id: 0 },
        options: { title: 'Once', integrationCodes: [AFIP] },
        confirmed: true,
      });
      expect(r.job.state).toBe('DONE');
    });
    expect(reads).toBe(1);
    expect(s.sim.ledger.map((l) => l.externalId).sort()).toEqual(gu1Ids(3));
  });
});

describe('columns found again by header in a later run (built bundle)', () => {
  /** A column inserted at A: every mapped column moves one to the right. */
  function insertColumnAtA(addOn: AddOn, name: string, rows: number): void {
    const sheet = addOn.emulator.spreadsheet.getSheetByName(name)!;
    sheet.insertColumnBefore(1);
    sheet.getRange(1, 1, rows + 1, 1).setValues([['Notes'], ...Array.from({ length: rows }, (_, i) => [`note ${i}`])]);
  }

  it('should post an OpenProspect order held back by a 429 with the moved columns found by header', () => {
    const s = givenOpenProspect({ faults: [{ method: 'POST', pathIncludes: '/orders', nth: 1, status: 429, retryAfter: 7_200 }] });
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [COMPANY_HEADER, ...companyRows(3)]);
    const r = rpcOf(s.addOn)('submitEnrichment', {
      source: { sheetName: 'Leads' },
      mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
      options: enrichmentOptions('Moved'),
    });
    expect(s.sim.orders()).toHaveLength(0);
    expect(r.job.open).toBe(true);
    insertColumnAtA(s.addOn, 'Leads', 3);
    s.addOn.runDueTriggers(3 * HOUR);
    expect(s.sim.orders()).toHaveLength(1);
    expect(s.sim.orders()[0]!.input.companies.map((c) => c.company_name)).toEqual(companyRows(3).map((r) => r[0]));
  });

  it('should stop an OpenProspect order whose mapped header is gone with the sentence naming it', () => {
    const s = givenOpenProspect({ faults: [{ method: 'POST', pathIncludes: '/orders', nth: 1, status: 429, retryAfter: 7_200 }] });
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [COMPANY_HEADER, ...companyRows(3)]);
    const r = rpcOf(s.addOn)('submitEnrichment', {
      source: { sheetName: 'Leads' },
      mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
      options: enrichmentOptions('Gone'),
    });
    s.addOn.emulator.spreadsheet.getSheetByName('Leads')!.getRange(1, 1).setValue('Firmenname');
    s.addOn.runDueTriggers(3 * HOUR);
    expect(s.sim.orders()).toHaveLength(0);
    const job = rpcOf(s.addOn)('listJobs').jobs.find((j) => j.id === r.job.id)!;
    expect(job.lastError).toContain(`The column "${COMPANY_HEADER[0]}" (mapped to company_name) is no longer in the source`);
  });

  it('should submit an Openmart batch held back by a 429 with the moved columns found by header', () => {
    const s = givenOpenmart({ faults: [{ method: 'POST', pathIncludes: '/task/batch/find_people', nth: 1, status: 429, retryAfter: 7_200 }] });
    s.addOn.emulator.spreadsheet.givenSheet('Leads', [DOMAIN_HEADER, ...domainRows(3)]);
    rpcOf(s.addOn)('submitOpenmartBatch', {
      operation: 'find_people',
      source: { sheetName: 'Leads' },
      options: { title: 'Moved', role: 'Owner', max_k: 1 },
      confirmCredits: true,
    });
    expect(s.sim.batches()).toHaveLength(0);
    insertColumnAtA(s.addOn, 'Leads', 3);
    s.addOn.runDueTriggers(3 * HOUR);
    expect(s.sim.batches()).toHaveLength(1);
    const sent = JSON.stringify(s.sim.tasks().map((t) => t.input));
    for (const row of domainRows(3))
      expect(sent).toContain(
        String(row[1])
          .replace(/^https:\/\/www\./, '')
          .replace(/\/$/, ''),
      );
    expect(sent).not.toContain('note ');
  });
});

describe('values Sheets changed, named in every preview (built bundle)', () => {
  const ZEROS = 'Rows 3, 4: Sheets stored 0001234 as 1234 (and the like); format the column as plain text and type them again.';

  /** Ids typed as 0001233..0001235: rows 3 and 4 were typed into a number column. */
  function idsLostZeros(addOn: AddOn, header: string[], row: (i: number) => unknown[]): void {
    const ss = addOn.emulator.spreadsheet;
    ss.givenSheet('Leads', [header, row(0)]);
    ss.getSheetByName('Leads')!
      .getRange(3, 1, 2, header.length)
      .setValues([row(1), row(2)]);
  }

  it('should name an id that lost its leading zeros in the Openmart batch preview', () => {
    const s = givenOpenmart();
    idsLostZeros(s.addOn, ['external_id', ...DOMAIN_HEADER], (i) => [`000123${3 + i}`, ...domainRows(1, i)[0]!]);
    expect(s.addOn.emulator.spreadsheet.sheetValues('Leads').map((r) => r[0])).toEqual(['external_id', '0001233', 1234, 1235]);
    const p = rpcOf(s.addOn)('previewOpenmartBatch', {
      operation: 'find_people',
      source: { sheetName: 'Leads' },
      options: { title: 'Z', role: 'Owner', max_k: 1 },
    });
    expect(p.hints).toEqual([ZEROS]);
  });

  it('should name an id that lost its leading zeros in the gu1 preview', () => {
    const s = givenGu1();
    idsLostZeros(s.addOn, GU1_HEADER, (i) => [`000123${3 + i}`, `Cliente ${i}`, 'x']);
    const p = rpcOf(s.addOn)('previewGu1', { source: { sheetName: 'Leads' }, mapping: { external_id: 0 }, options: { title: 'Z', integrationCodes: [AFIP] } });
    expect(p.hints).toEqual([ZEROS]);
  });
});
