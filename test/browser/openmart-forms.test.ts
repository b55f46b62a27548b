/**
 * The Openmart forms in Debian's Chromium (playwright-core, never a downloaded browser), in the
 * playground's 300 px sidebar: the advanced business search filters collapsed by default, no
 * sideways scroll open or closed, the count before paying, a bound refused with its sentence, and
 * a brand search written to a tab.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { Playground } from '../../emulator/playground/server';
import { browserSuite, expectNoHorizontalScroll, openPlayground, showSection } from './kit';

jest.setTimeout(90_000);

browserSuite('Openmart forms (Chromium, 300 px sidebar)', () => {
  let pg: Playground;
  let browser: Browser;
  let page: Page;
  let sidebar: FrameLocator;

  beforeAll(async () => {
    ({ pg, browser, page, sidebar } = await openPlayground());
    await showSection(sidebar, 'settings');
    const block = sidebar.locator('.provider[data-provider="openmart"]');
    await block.locator('input[type="password"]').fill('om_test_91c3e5a7b2d4f6');
    await block.getByRole('button', { name: 'Save key' }).click();
    await block.getByText(/Key saved/).waitFor();
    await showSection(sidebar, 'openmart');
  });

  afterAll(async () => {
    await browser?.close();
    await pg?.close();
  });

  /** No sideways scroll, and no visible field reaches past the 300 px frame. */
  async function expectFitsIn300(): Promise<void> {
    await expectNoHorizontalScroll(sidebar);
    const m = await sidebar.locator('html').evaluate((h) => {
      const right = Math.max(
        ...Array.from(h.querySelectorAll('input, select, button, label, summary'))
          .filter((e) => (e as HTMLElement).offsetParent !== null)
          .map((e) => e.getBoundingClientRect().right),
      );
      return { client: h.clientWidth, right };
    });
    expect(m.client).toBeLessThanOrEqual(300);
    expect(m.right).toBeLessThanOrEqual(m.client);
  }

  it('should keep the advanced search filters collapsed by default and fit 300 px open or closed', async () => {
    const search = sidebar.locator('#openmart-search');
    await search.getByLabel('Query').waitFor();
    const advanced = sidebar.locator('#openmart-search-advanced');
    expect(await advanced.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await expect(search.getByLabel('Min price tier').isVisible()).resolves.toBe(false);
    await expectFitsIn300();
    await advanced.locator('summary').click();
    await search.getByLabel('Min price tier').waitFor({ state: 'visible' });
    // Every documented filter is reachable.
    for (const label of [
      'Zip / postal codes (comma separated)',
      'Latitude',
      'Longitude',
      'Radius (meters)',
      'Prefer the radius',
      'Has a validated website',
      'Store name',
      'Min rating (0-5)',
      'Max rating (0-5)',
      'Min reviews',
      'Max reviews',
      'Max price tier',
      'Min locations',
      'Max locations',
      'Ownership',
      'Exclude keywords (up to 64)',
      'Exclude domains (comma separated)',
      'Opened after',
      'Opened before',
      'Updated after',
      'Updated before',
    ]) {
      await expect(search.getByLabel(label, { exact: true }).isVisible()).resolves.toBe(true);
    }
    await expectFitsIn300();
  });

  it('should refuse an empty price tier range with a sentence, then count the matches before paying', async () => {
    const search = sidebar.locator('#openmart-search');
    await search.getByLabel('Title * (names the tab)').fill('Tier 2-3 restaurants');
    await search.getByLabel('Query').fill('restaurant');
    await search.getByLabel('Min price tier').selectOption('4');
    await search.getByLabel('Max price tier').selectOption('2');
    await search.getByRole('button', { name: 'Count and estimate' }).click();
    await search.getByText('The price tier range is empty: min_price_tier (4) is above max_price_tier (2); swap them.').waitFor();
    await search.getByLabel('Min price tier').selectOption('2');
    await search.getByLabel('Max price tier').selectOption('3');
    await search.getByLabel('Results wanted (1 credit per row)').fill('20');
    const searchesBefore = pg.addOn.emulator.http.log.filter((e) => e.url.endsWith('/api/v1/search')).length;
    await search.getByRole('button', { name: 'Count and estimate' }).click();
    const sizing = search.locator('.sizing');
    await sizing.waitFor();
    expect(await sizing.textContent()).toMatch(/^About [\d,]+ businesses match; fetching 20 rows costs about 20 credits/);
    // Counting asked for ids only, never a page of rows.
    expect(pg.addOn.emulator.http.log.filter((e) => e.url.endsWith('/api/v1/search')).length).toBe(searchesBefore);
    const sized = pg.addOn.emulator.http.log
      .filter((e) => e.url.endsWith('/api/v1/search/only_ids'))
      .map((e) => JSON.parse(String(e.body)) as Record<string, unknown>);
    expect(sized.at(-1)).toMatchObject({ query: 'restaurant', min_price_tier: 2, max_price_tier: 3, limit: 1, estimate_total: true });
    await expectFitsIn300();
  });

  it('should run a brand search from its form into a "- Brands" tab', async () => {
    const brands = sidebar.locator('#openmart-brand-search');
    await brands.locator('summary').click();
    await brands.getByLabel('Title * (names the tab)').fill('Coffee brands');
    await brands.getByLabel('Search term').fill('coffee shop');
    await brands.getByLabel('Min stores').fill('1');
    await brands.getByLabel('Brands wanted (1 credit per row)').fill('30');
    await brands.getByRole('button', { name: 'Count and estimate' }).click();
    await brands.getByText(/Estimate: 30 credits/).waitFor();
    expect(await brands.locator('.sizing').textContent()).toMatch(/^About [\d,]+ brands match; fetching \d+ rows costs about/);
    await expectFitsIn300();
    await brands.getByLabel('I accept these credits').check();
    await brands.getByRole('button', { name: 'Search brands' }).click();
    await sidebar.getByText(/Job "Coffee brands" (DONE|FETCHING)/).waitFor();
    const sent = pg.addOn.emulator.http.log
      .filter((e) => e.url.endsWith('/api/v2/brands/search'))
      .map((e) => JSON.parse(String(e.body)) as { search_param: Record<string, unknown>; pagination: Record<string, unknown>; estimate_total?: boolean });
    // The count: one brand with estimate_total; then the pages of the job.
    expect(sent[0]).toMatchObject({ pagination: { limit: 1 }, estimate_total: true });
    expect(sent[1]?.estimate_total).toBeUndefined();
    expect(sent[1]?.search_param).toEqual({ search_term: 'coffee shop', location: [{ country: 'US' }], num_stores: [{ ge: 1 }] });
    await page.locator('#tabs button[data-sheet="Coffee brands - Brands"]').click();
    await page.locator('#grid[data-sheet="Coffee brands - Brands"]').waitFor();
    await page.locator('#grid').getByText('brand_id').first().waitFor();
  });
});
