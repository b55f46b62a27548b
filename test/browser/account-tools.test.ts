/**
 * Issue 17 (OpenProspect and gu1 parts) in Debian's Chromium against the built sidebar: a
 * blacklist made from a selection, viewed, renamed, added to from a selection and deleted; a
 * search profile created and followed in Jobs to SUCCEEDED, then offered in the Enrich form; gu1
 * parameters sent from a column.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { Playground } from '../../emulator/playground/server';
import { browserSuite, expectNoHorizontalScroll, openPlayground, showSection, waitForJobDone } from './kit';

jest.setTimeout(90_000);

browserSuite('account tools in the sidebar (Chromium)', () => {
  let pg: Playground;
  let browser: Browser;
  let page: Page;
  let sidebar: FrameLocator;

  beforeAll(async () => {
    ({ pg, browser, page, sidebar } = await openPlayground((p) => {
      const sheet = p.addOn.emulator.spreadsheet;
      sheet.givenSheet('Customers', [
        ['Company', 'Website', 'City'],
        ['Alpha GmbH', 'https://alpha.example', 'Berlin'],
        ['Beta AG', 'https://beta.example', 'Hamburg'],
      ]);
      sheet.givenSheet('More customers', [
        ['Company', 'Website', 'City'],
        ['Gamma KG', 'https://gamma.example', 'Köln'],
      ]);
      sheet.givenSheet('Clients', [
        ['Customer ID', 'Name', 'Tax ID'],
        ['CUST-0001', 'Cliente 1', '030700000001'],
        ['CUST-0002', 'Cliente 2', '030700000002'],
      ]);
    }));
    // "Delete list" asks first.
    page.on('dialog', (d) => void d.accept());
  });

  afterAll(async () => {
    await browser?.close();
    await pg?.close();
  });

  const section = (name: string): Promise<void> => showSection(sidebar, name);

  /** Select a range on a tab by a click and a shift-click, as a user would. */
  const select = async (sheetName: string, from: string, to: string): Promise<void> => {
    await page.locator(`#tabs button[data-sheet="${sheetName}"]`).click();
    await page.locator(`#grid[data-sheet="${sheetName}"]`).waitFor();
    await page.locator(`#grid td[data-cell="${from}"]`).click();
    await page.locator(`#grid td[data-cell="${to}"]`).click({ modifiers: ['Shift'] });
  };

  const saveKey = async (provider: string, key: string): Promise<void> => {
    await section('settings');
    const block = sidebar.locator(`.provider[data-provider="${provider}"]`);
    await block.locator('input[type="password"]').fill(key);
    await block.getByRole('button', { name: 'Save key' }).click();
    await block.getByText(/Key saved/).waitFor();
  };

  const noHorizontalScroll = (): Promise<void> => expectNoHorizontalScroll(sidebar);

  it('should make a blacklist from a selection, view it, add to it, rename and delete it', async () => {
    await saveKey('openprospect', 'lnc_test_7d41e0b9c5f3a9c');
    await select('Customers', 'A1', 'C3');
    await section('discover');
    await sidebar.locator('summary', { hasText: 'New blacklist from a range' }).click();
    await sidebar.getByLabel('Blacklist name', { exact: true }).fill('Existing customers');
    await sidebar.getByLabel('Description (optional)').fill('From our CRM');
    await sidebar.getByRole('button', { name: 'Create from selection' }).click();
    await sidebar.getByText('Blacklist "Existing customers" created with 2 entries.').waitFor();
    const sim = pg.providers.sims.openprospect;
    expect(sim.blacklists().map((b) => [b.name, b.description])).toEqual([['Existing customers', 'From our CRM']]);

    const manage = sidebar.locator('#blacklists-manage');
    await manage.locator('summary', { hasText: 'Your blacklists (1)' }).click();
    await manage.getByRole('button', { name: 'View entries' }).click();
    await manage
      .locator('#blacklist-summary')
      .getByText(/"Existing customers": 2 entries · From our CRM/)
      .waitFor();
    await expect(manage.locator('#blacklist-entries td').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['Alpha GmbH', 'https://beta.example', 'Hamburg']),
    );
    await noHorizontalScroll();

    await select('More customers', 'A1', 'C2');
    await manage.getByRole('button', { name: 'Add selection' }).click();
    await sidebar.getByText('1 entry added to "Existing customers".').waitFor();
    await manage.getByRole('button', { name: 'View entries' }).click();
    await manage
      .locator('#blacklist-summary')
      .getByText(/: 3 entries/)
      .waitFor();
    await manage.locator('#blacklist-entries').getByText('Gamma KG').waitFor();
    expect(sim.blacklists()).toHaveLength(1);

    await manage.getByLabel('New name').fill('Clients 2026');
    await manage.getByRole('button', { name: 'Rename' }).click();
    // The section renders again with the new name in the list.
    await sidebar.locator('#blacklists-manage summary', { hasText: 'Your blacklists (1)' }).click();
    await sidebar.locator('#blacklists-manage select option', { hasText: 'Clients 2026 (3)' }).waitFor({ state: 'attached' });
    expect(sim.blacklists()[0]!.name).toBe('Clients 2026');

    await sidebar.locator('#blacklists-manage').getByRole('button', { name: 'Delete list' }).click();
    await sidebar.locator('#blacklists-manage').waitFor({ state: 'detached' });
    expect(sim.blacklists()).toHaveLength(0);
  });

  it('should create a search profile, follow it in Jobs to SUCCEEDED and offer it in Enrich', async () => {
    await section('discover');
    await sidebar.locator('summary', { hasText: 'New search profile' }).click();
    const form = sidebar.locator('#profile-form');
    await form.getByLabel('Profile name *', { exact: true }).fill('DACH hotels');
    await form.getByLabel('Ideal customer profile *').fill('Independent hotels with 20-200 rooms');
    await form.getByLabel('Target industries').fill('Hospitality');
    await form.getByLabel('Output language').fill('de');
    await form.getByRole('button', { name: 'Create profile' }).click();
    await sidebar.getByText(/Profile "DACH hotels" is being created .*follow it in Jobs/).waitFor({ timeout: 20_000 });
    const sent = pg.providers.sims.openprospect.profileCreations()[0]!;
    expect(sent.input).toMatchObject({ profile_name: 'DACH hotels', target_industries: ['Hospitality'], output_language: 'de' });

    await section('jobs');
    const job = await waitForJobDone(page, sidebar, 'DACH hotels');
    const created = pg.providers.sims.openprospect.profileCreations()[0]!;
    expect(created.status).toBe('SUCCEEDED');
    await job.locator('summary', { hasText: 'History' }).click();
    await job.getByText(`Profile ready: ${created.profileId}`, { exact: false }).waitFor();
    // A profile job has no results to refresh or schedule.
    await expect(job.getByRole('button', { name: 'Refresh results' }).count()).resolves.toBe(0);

    await section('enrich');
    const pick = sidebar.locator('select.profile-pick');
    await pick.locator('option', { hasText: 'DACH hotels' }).waitFor({ state: 'attached' });
    await pick.selectOption({ label: `DACH hotels (${created.profileId!.slice(0, 8)})` });
    await expect(sidebar.getByLabel('Existing search profile id', { exact: true }).inputValue()).resolves.toBe(created.profileId);
    await noHorizontalScroll();
  });

  it('should send gu1 parameters from a column', async () => {
    await saveKey('gu1', 'gk_sandbox_c72e914fd042');
    await section('gu1');
    await sidebar.getByLabel('Rows from').selectOption('Clients');
    await sidebar.getByLabel('Title', { exact: true }).fill('KYB params');
    await sidebar.getByLabel('Integration codes (one per line)').fill('ar_afip_enrichment');
    await sidebar.getByLabel(/Parameters from columns/).fill('taxId = Tax ID');
    await sidebar.getByRole('button', { name: 'Preview and estimate' }).click();
    await sidebar.locator('#gu1-parameters').getByText('Row 2 sends parameters: taxId = 030700000001').waitFor();
    await sidebar.locator('#gu1-confirm').check();
    await sidebar.locator('#submit-gu1').click();
    await sidebar.getByText(/Job "KYB params"/).waitFor({ timeout: 30_000 });
    const bodies = pg.providers.sims.gu1.requests.map((r) => JSON.parse(r.body ?? '{}') as { externalId?: string; parameters?: Record<string, unknown> });
    const sent = bodies.filter((b) => b.externalId?.startsWith('CUST-'));
    expect(sent.map((b) => [b.externalId, b.parameters])).toEqual([
      ['CUST-0001', { taxId: '030700000001' }],
      ['CUST-0002', { taxId: '030700000002' }],
    ]);
    // A header that is not in the source is named before anything is sent.
    await sidebar.getByLabel(/Parameters from columns/).fill('taxId = CUIT');
    await sidebar.locator('#submit-gu1').click();
    await sidebar.getByText(/Parameter taxId: no column "CUIT" in the source/).waitFor();
    await noHorizontalScroll();
  });

  it('should offer "Retry failed rows" on a gu1 card only when a failed row may succeed on a retry', async () => {
    const gu1 = pg.providers.sims.gu1;
    const AFIP = 'ar_afip_enrichment';
    const run = async (title: string): Promise<void> => {
      gu1.clearCache();
      await section('gu1');
      await sidebar.getByLabel('Rows from').selectOption('Clients');
      await sidebar.getByLabel('Title', { exact: true }).fill(title);
      await sidebar.getByLabel('Integration codes (one per line)').fill(AFIP);
      await sidebar.getByLabel(/Parameters from columns/).fill('');
      await sidebar.getByRole('button', { name: 'Preview and estimate' }).click();
      await sidebar.locator('#gu1-confirm').check();
      await sidebar.locator('#submit-gu1').click();
      await sidebar.getByText(new RegExp(`Job "${title}"`)).waitFor({ timeout: 30_000 });
      await section('jobs');
      await waitForJobDone(page, sidebar, title);
    };
    // Only a failure gu1 marked not retryable: sending it again would fail the same way.
    gu1.failResult('CUST-0001', AFIP, { code: 'INVALID_TAX_ID', message: 'CUIT has a bad check digit', retryable: false });
    await run('KYB final');
    const final = sidebar.locator('.job:has-text("KYB final")');
    await expect(final.getByText(/1 failed/).count()).resolves.toBeGreaterThan(0);
    await expect(final.getByRole('button', { name: 'Retry failed rows' }).count()).resolves.toBe(0);
    // A retryable failure beside it: the button is there.
    gu1.failResult('CUST-0002', AFIP, { code: 'SOURCE_TIMEOUT', message: 'AFIP did not answer', retryable: true });
    await run('KYB mixed');
    const mixed = sidebar.locator('.job:has-text("KYB mixed")');
    await mixed.getByRole('button', { name: 'Retry failed rows' }).waitFor();
    gu1.failResult('CUST-0001', AFIP, null);
    gu1.failResult('CUST-0002', AFIP, null);
  });
});
