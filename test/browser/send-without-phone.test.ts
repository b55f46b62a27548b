/**
 * "Send without the phone", in Debian's Chromium: the sample sheet gets a Phone column where two
 * cells show #ERROR! (typed text Sheets took for a formula that is no phone number); the Enrich
 * preview offers to send those rows without the phone, the button does it, and the order that goes
 * out carries them with no phone and every other row with its own.
 */
import type { FrameLocator } from 'playwright-core';
import type { Playground } from '../../emulator/playground/server';
import { browserSuite, OP_TEST_KEY, openPlayground, type BrowserPlayground } from '../harness/browser';

jest.setTimeout(90_000);

type Company = Record<string, unknown>;

browserSuite('send without the phone (Chromium)', () => {
  let bp: BrowserPlayground;
  let pg: Playground;
  let sidebar: FrameLocator;

  beforeAll(async () => {
    bp = await openPlayground((p) => {
      p.addOn.rpc('saveApiKey', { provider: 'openprospect', key: OP_TEST_KEY });
      // A Phone column (F) typed as people type: plain numbers, one +49 number (read back), two broken.
      const sheet = p.addOn.emulator.spreadsheet.getSheetByName('Companies')!;
      sheet.getRange('F1:F5').setValues([['Phone'], ['030 1111111'], ['+49 30 1234567'], ['040 2222222'], ['089 3333333']]);
      sheet.getRange('F3').setFormula('=F2+');
      sheet.getRange('F5').setFormula('=+49 89 ABC');
      p.addOn.emulator.spreadsheet.select("'Companies'!A1");
    });
    ({ pg, sidebar } = bp);
  });

  afterAll(async () => {
    await bp?.close();
  });

  it('should offer the two rows, send them without the phone on a click, and every other row as it is', async () => {
    await sidebar.locator('nav.tabs button[data-section="enrich"]').click();
    const offer = sidebar.locator('#phone-offer');
    await offer.getByText(/2 row\(s\) \(3, 5\) have a phone cell showing #ERROR!/).waitFor({ timeout: 20_000 });
    const summary = sidebar.locator('#preview-summary');
    const ready = async (): Promise<number> => Number(/(\d+) row\(s\) ready/.exec((await summary.textContent()) ?? '')?.[1]);
    const before = await ready();

    await offer.getByRole('button', { name: 'Send without the phone' }).click();
    await offer.getByText(/2 row\(s\) \(3, 5\) will be sent without the phone/).waitFor();
    await summary.getByText(`${before + 2} row(s) ready`, { exact: false }).waitFor();
    await expect(offer.getByRole('button', { name: 'Keep the phone (skip these rows)' }).count()).resolves.toBe(1);

    await sidebar.getByLabel('Title *').fill('Phones');
    await sidebar.locator('#submit-enrichment').click();
    await sidebar.getByText(/Job "Phones" created/).waitFor({ timeout: 20_000 });

    const post = pg.providers.sims.openprospect.requests.find((r) => r.method === 'POST' && r.body !== undefined);
    const companies = (JSON.parse(post?.body ?? '{}') as { companies?: Company[] }).companies ?? [];
    const values = pg.addOn.emulator.spreadsheet.sheetValues('Companies');
    const header = values[0] as string[];
    const idCol = header.indexOf('external_id');
    const byRow = (row: number): Company | undefined => companies.find((c) => c['external_id'] === String(values[row - 1]?.[idCol]));
    expect(companies).toHaveLength(before + 2);
    expect(byRow(3)).toBeDefined();
    expect(byRow(3)).not.toHaveProperty('phone');
    expect(byRow(5)).not.toHaveProperty('phone');
    expect(byRow(2)?.['phone']).toBe('030 1111111');
    expect(byRow(4)?.['phone']).toBe('040 2222222');
    expect(byRow(5)?.['company_name']).toBe(String(values[4]?.[0]));
  });
});
