/**
 * Results beside the rows, in Debian's Chromium: after a finished enrichment, Jobs > "Add result
 * columns to my sheet" adds two fields as =ENRICHED columns right of the sample table; the user
 * sorts the sheet (Sort A→Z on the City column) and every value stays with its row.
 */
import type { FrameLocator, Page } from 'playwright-core';
import type { Playground } from '../../emulator/playground/server';
import { browserSuite, OP_TEST_KEY, openPlayground, type BrowserPlayground } from '../harness/browser';

const TITLE = 'Beside';
const TAB = `${TITLE} - Companies`;
const HOUR = 60 * 60_000;

jest.setTimeout(90_000);

browserSuite('results beside the rows (Chromium)', () => {
  let bp: BrowserPlayground;
  let pg: Playground;
  let page: Page;
  let sidebar: FrameLocator;

  beforeAll(async () => {
    bp = await openPlayground((p) => {
      // A finished enrichment of the sample sheet, run through the add-on's own RPCs and trigger.
      p.addOn.rpc('saveApiKey', { provider: 'openprospect', key: OP_TEST_KEY });
      p.addOn.rpc('submitEnrichment', {
        source: { sheetName: 'Companies' },
        mapping: { company_name: 0, website_url: 1, city: 2, country: 3 },
        options: { title: TITLE, features: ['COMPANY_DATA'], profile_name: 'Beside profile', priority: 'NORMAL' },
      });
      const order = p.providers.sims.openprospect.orders()[0];
      if (!order) throw new Error('no order was created');
      p.providers.sims.openprospect.advance(order.id, 'COMPLETED');
      p.addOn.runDueTriggers(HOUR);
      p.addOn.emulator.spreadsheet.select("'Companies'!A1");
    });
    ({ pg, page, sidebar } = bp);
  });

  afterAll(async () => {
    await bp?.close();
  });

  /** Rows 2..32 of the grid as the page draws them: [external_id (F), name (G), website_url (H)]. */
  const gridRows = async (): Promise<string[][]> =>
    page.locator('#grid').evaluate((grid) => {
      const out: string[][] = [];
      for (let r = 2; r <= 32; r++) out.push(['F', 'G', 'H'].map((c) => grid.querySelector(`td[data-cell="${c}${r}"]`)?.textContent ?? ''));
      return out;
    });

  /** Each row's values must be the result tab's for the row's external_id. */
  const expectValuesWithTheirRows = (rows: string[][]): void => {
    const [header, ...results] = pg.addOn.emulator.spreadsheet.sheetValues(TAB);
    const col = (name: string): number => (header ?? []).indexOf(name);
    let matched = 0;
    for (const [id, name, site] of rows) {
      const result = results.find((r) => r[0] === id);
      expect([name, site]).toEqual(result ? [String(result[col('name')]), String(result[col('website_url')])] : ['', '']);
      if (result && name !== '') matched++;
    }
    expect(matched).toBeGreaterThanOrEqual(25);
  };

  it('should add two fields as columns from Jobs and keep each value with its row after a sort', async () => {
    await page.locator('#grid td[data-cell="A2"]').waitFor();
    await sidebar.locator('nav.tabs button[data-section="jobs"]').click();
    const panel = sidebar.locator('#result-columns');
    await panel.locator('summary').click();
    await panel.getByLabel('From result tab').waitFor();
    await expect(panel.getByLabel('From result tab').inputValue()).resolves.toBe(TAB);
    await expect(panel.getByLabel('Into sheet (the one with your rows)').inputValue()).resolves.toBe('Companies');
    await panel.getByLabel('name', { exact: true }).check();
    await panel.getByLabel('website_url', { exact: true }).check();
    await panel.getByLabel(/^Formulas/).check();
    // The panel fits the 300 px sidebar.
    const { scroll, client } = await sidebar.locator('html').evaluate((h) => ({ scroll: h.scrollWidth, client: h.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
    await panel.getByRole('button', { name: 'Add columns' }).click();
    await panel.getByText(/Added name, website_url from "Beside - Companies" to "Companies" as columns G:H/).waitFor();

    // The grid shows the two columns, filled by the header-row formulas.
    await page.waitForFunction(() => document.querySelector('#grid td[data-cell="G1"]')?.textContent === 'name');
    await expect(page.locator('#grid td[data-cell="H1"]').textContent()).resolves.toBe('website_url');
    await expect(page.locator('#grid td[data-cell="G1"]').getAttribute('class')).resolves.toMatch(/formula/);
    const before = await gridRows();
    expectValuesWithTheirRows(before);

    // The user sorts by City (column C).
    await page.locator('#grid td[data-cell="C3"]').click();
    await page.locator('#sort-az').click();
    await page.waitForFunction((first) => document.querySelector('#grid td[data-cell="F2"]')?.textContent !== first, before[0]?.[0] ?? '');
    const after = await gridRows();
    expect(after.map((r) => r[0])).not.toEqual(before.map((r) => r[0]));
    expect([...after.map((r) => r[0])].sort()).toEqual([...before.map((r) => r[0])].sort());
    expectValuesWithTheirRows(after);
    // Cities are now in order in the user's own column.
    const cities = await page
      .locator('#grid')
      .evaluate((grid) => Array.from({ length: 31 }, (_, i) => grid.querySelector(`td[data-cell="C${i + 2}"]`)?.textContent ?? ''));
    const filled = cities.filter((c) => c !== '');
    expect(filled).toEqual([...filled].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  });
});
