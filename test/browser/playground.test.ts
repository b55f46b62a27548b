/**
 * The playground in Debian's Chromium, driven by playwright-core (never a downloaded browser):
 * the built sidebar beside the emulated spreadsheet, a key saved in Settings, columns mapped in
 * Enrich with the invalid row's reason, an enrichment submitted and followed in Jobs to 100 %,
 * both result tabs in the grid, and custom-function cells answering tables.
 *
 * Screenshots of the sidebar's main states go to docs/screenshots/ with UPDATE_SCREENSHOTS=1
 * (otherwise to a temporary folder, so a test run leaves the work tree as it was).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { Playground } from '../../emulator/playground/server';
import {
  CHROMIUM,
  HAVE_CHROMIUM,
  SHOTS,
  actionDone,
  browserSuite,
  sectionLoaded,
  expectNoHorizontalScroll as noSidewaysScroll,
  openPlayground,
  showSection,
  waitForJobDone,
} from './kit';

const TITLE = 'Playground Q1';

jest.setTimeout(90_000);

if (!HAVE_CHROMIUM && process.env['CI'] !== 'true') {
  process.stderr.write(
    `Browser tests skipped: no Chromium at ${CHROMIUM}; install it with "sudo apt-get install -y chromium" (Debian) or set CHROMIUM_PATH.\n`,
  );
}

browserSuite('playground (Chromium)', () => {
  let pg: Playground;
  let browser: Browser;
  let page: Page;
  let sidebar: FrameLocator;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ pg, browser, page, sidebar } = await openPlayground());
  });

  afterAll(async () => {
    await browser?.close();
    await pg?.close();
  });

  const section = (name: string): Promise<void> => showSection(sidebar, name);

  const shot = async (file: string): Promise<void> => {
    await page.locator('#sidebar').screenshot({ path: join(SHOTS, file) });
  };

  /** The sidebar page never scrolls sideways. */
  const expectNoHorizontalScroll = (): Promise<void> => noSidewaysScroll(sidebar);

  /** Click a tab and wait until the grid shows it. */
  const openSheet = async (name: string): Promise<void> => {
    await page.locator(`#tabs button[data-sheet="${name}"]`).click();
    await page.locator(`#grid[data-sheet="${name}"]`).waitFor();
  };

  /** Type into a grid cell through the formula bar. */
  const typeInCell = async (a1: string, text: string): Promise<void> => {
    await page.locator(`#grid td[data-cell="${a1}"]`).click();
    await page.locator('#formula-input').fill(text);
    await page.locator('#formula-input').press('Enter');
  };

  it('should show the sample sheet beside the 300 px sidebar', async () => {
    await expect(page.locator('#grid td[data-cell="A2"]').textContent()).resolves.toBe('Brauerei Lindenhof GmbH');
    await expect(page.locator('#grid td[data-cell="A1"]').textContent()).resolves.toBe('Company');
    await expect(page.locator('#tabs button').allTextContents()).resolves.toEqual(['Companies']);
    const box = await page.locator('#sidebar-frame').boundingBox();
    expect(box?.width).toBe(300);
    // No key yet: the sidebar opens at Settings with its three-step guide.
    await sidebar.locator('nav.tabs button[data-section="settings"][aria-selected="true"]').waitFor();
    await sidebar.locator('#first-steps li').nth(2).waitFor();
    await expectNoHorizontalScroll();
  });

  it('should save a key in Settings and show it masked', async () => {
    await section('settings');
    const block = sidebar.locator('.provider[data-provider="openprospect"]');
    await block.locator('input[type="password"]').fill('lnc_test_7d41e0b9c5f3a9c');
    await block.getByRole('button', { name: 'Save key' }).click();
    await block.getByText(/Key saved \(lnc_…3a9c\)/).waitFor();
    await expectNoHorizontalScroll();
    await shot('settings.png');
  });

  it('should map columns and show the invalid row with its reason', async () => {
    await section('enrich');
    const industry = sidebar.locator('select[data-field="industry_description"]');
    if ((await industry.count()) > 0) {
      // Unmap the guessed Industry column: the preview follows.
      await industry.selectOption('-1');
      await sectionLoaded(sidebar, 'enrich');
    }
    const city = sidebar.locator('select[data-field="city"]');
    await city.selectOption({ label: 'City' });
    await expect(city.inputValue()).resolves.toBe('2');
    await sidebar
      .locator('#preview-summary')
      .getByText(/30 row\(s\) ready, 1 invalid/)
      .waitFor();
    await sidebar
      .locator('.invalid-row')
      .getByText(/Row 32: company name is empty/)
      .waitFor();
    // The price before the submit, in OpenProspect's terms: set at review, shown in Jobs then.
    await sidebar
      .locator('#enrich-cost')
      .getByText(/priced by OpenProspect at review/)
      .waitFor();
    await expectNoHorizontalScroll();
    await shot('enrich.png');
  });

  it('should submit the enrichment and follow it in Jobs to 100 %', async () => {
    await sidebar.getByLabel('Title *').fill(TITLE);
    await sidebar.locator('#submit-enrichment').click();
    await sidebar.getByText(new RegExp(`Job "${TITLE}" created`)).waitFor({ timeout: 20_000 });
    await section('jobs');
    const bar = sidebar.locator(`.job:has-text("${TITLE}") [role="progressbar"]`);
    await bar.waitFor();
    // Orders progress on the fast clock; "Refresh now" polls the jobs (as the 20-s timer does).
    const deadline = Date.now() + 60_000;
    while ((await bar.getAttribute('aria-valuenow')) !== '100') {
      if (Date.now() > deadline) throw new Error(`the job did not reach 100 %: ${await sidebar.locator('.job').first().textContent()}`);
      await page.waitForTimeout(1000);
      await sidebar.getByRole('button', { name: 'Refresh now' }).click();
      await actionDone(sidebar, 'Refresh now');
    }
    await sidebar.locator(`.job[data-state="DONE"]:has-text("${TITLE}")`).waitFor();
    await sidebar
      .locator(`.job:has-text("${TITLE}") .cost`)
      .getByText(/^Cost: (priced by OpenProspect at review|estimated by OpenProspect at [\d.]+ [A-Z]{3})/)
      .waitFor();
    await expectNoHorizontalScroll();
    await shot('jobs.png');
  });

  it('should show both result tabs in the grid', async () => {
    const companiesTab = page.locator(`#tabs button[data-sheet="${TITLE} - Companies"]`);
    await companiesTab.waitFor();
    await page.locator(`#tabs button[data-sheet="${TITLE} - Prospects"]`).waitFor();
    await openSheet(`${TITLE} - Companies`);
    await expect(page.locator('#grid td[data-cell="A1"]').textContent()).resolves.toBe('external_id');
    await expect(page.locator('#grid td[data-cell="C2"]').textContent()).resolves.not.toBe('');
    await openSheet(`${TITLE} - Prospects`);
    await expect(page.locator('#grid td[data-cell="A1"]').textContent()).resolves.toBe('prospect_id');
  });

  it('should answer ENRICHED in a cell as a table read from the result tab', async () => {
    await openSheet('Companies');
    // The enrichment wrote the generated ids back into a new external_id column (F).
    await expect(page.locator('#grid td[data-cell="F1"]').textContent()).resolves.toBe('external_id');
    const id = (await page.locator('#grid td[data-cell="F2"]').textContent()) ?? '';
    expect(id).not.toBe('');
    await typeInCell('H1', '=ENRICHED(F2:F4, {"name","city"})');
    await page.locator('#grid td[data-cell="H1"].formula').waitFor();
    const expected = pg.addOn.emulator.spreadsheet.sheetValues(`${TITLE} - Companies`);
    const header = expected[0] as string[];
    const row = expected.find((r) => r[0] === id) as unknown[];
    await page.waitForFunction((text) => document.querySelector('#grid td[data-cell="H1"]')?.textContent === text, String(row[header.indexOf('name')]));
    await expect(page.locator('#grid td[data-cell="I1"]').textContent()).resolves.toBe(String(row[header.indexOf('city')] ?? ''));
    await expect(page.locator('#grid td[data-cell="H3"]').getAttribute('class')).resolves.toMatch(/spill/);
  });

  it('should answer OPENMART_SEARCH with a table once formulas may spend credits', async () => {
    await typeInCell('H6', '=OPENMART_SEARCH("coffee", "San Francisco, CA", 5)');
    // Off by default: the cell says where to turn it on.
    await page.waitForFunction(() => document.querySelector('#grid td[data-cell="H6"]')?.textContent === '#ERROR!');
    await expect(page.locator('#grid td[data-cell="H6"]').getAttribute('title')).resolves.toMatch(/Formulas may spend credits/);

    await section('settings');
    const om = sidebar.locator('.provider[data-provider="openmart"]');
    await om.locator('input[type="password"]').fill('om_test_5b8e2d7c4a19e6');
    await om.getByRole('button', { name: 'Save key' }).click();
    await om.getByText(/Key saved/).waitFor();
    await sidebar.locator('#formula-spend').check();
    await sidebar.locator('#formula-cap').fill('50');
    await sidebar.locator('#save-formulas').click();
    await sidebar
      .locator('#formula-used')
      .getByText(/Used today: 0 of 50/)
      .waitFor();
    await shot('settings-formulas.png');

    await page.locator('#grid td[data-cell="H6"]').click();
    await page.locator('#formula-input').press('Enter');
    await page.waitForFunction(() => document.querySelector('#grid td[data-cell="H6"]')?.textContent === 'Name');
    await expect(page.locator('#grid td[data-cell="I6"]').textContent()).resolves.toBe('Website');
    await expect(page.locator('#grid td[data-cell="H7"]').textContent()).resolves.not.toBe('');
    await expect(page.locator('#grid td[data-cell="H11"]').textContent()).resolves.not.toBe('');
    await page.screenshot({ path: join(SHOTS, 'playground.png') });
  });

  it('should run a gu1 job from the Companies rows and show its cost in Jobs', async () => {
    await section('settings');
    const block = sidebar.locator('.provider[data-provider="gu1"]');
    await block.locator('input[type="password"]').fill('gk_sandbox_c72e914fd042');
    await block.getByRole('button', { name: 'Save key' }).click();
    await block.getByText(/Key saved/).waitFor();
    await section('gu1');
    await sidebar.getByLabel('Rows from').selectOption('Companies');
    await sidebar.getByLabel('Title').fill('KYB check');
    await sidebar.getByLabel('Integration codes (one per line)').fill('ar_afip_enrichment');
    await sidebar.getByRole('button', { name: 'Preview and estimate' }).click();
    // The price is unknown until gu1 has answered once: the estimate says so.
    await sidebar
      .locator('#gu1-estimate')
      .getByText(/Estimated cost: unknown/)
      .waitFor();
    await expectNoHorizontalScroll();
    await shot('gu1.png');
    // An unknown price is never spent without a tick.
    await sidebar.locator('#submit-gu1').click();
    await sidebar.getByText(/The price is unknown: tick "I accept this cost" first/).waitFor();
    await sidebar.locator('#gu1-confirm').check();
    await sidebar.locator('#submit-gu1').click();
    await sidebar.getByText(/Job "KYB check"/).waitFor({ timeout: 30_000 });
    await section('jobs');
    const job = await waitForJobDone(page, sidebar, 'KYB check');
    // 31 rows with an external_id at 45 cents each.
    await job
      .locator('.cost')
      .getByText(/Cost: 13\.95 in your gu1 account's currency/)
      .waitFor();
    await openSheet('KYB check - gu1');
    // The price gu1 charged is now known: the settings show it and the next estimate uses it.
    await section('gu1');
    await sidebar.locator('summary', { hasText: 'gu1 settings' }).click();
    await sidebar.getByText(/Prices seen: ar_afip_enrichment 0\.45/).waitFor();
    await sidebar.getByRole('button', { name: 'Preview and estimate' }).click();
    await sidebar
      .locator('#gu1-estimate')
      .getByText(/Estimated cost: 13\.95 in your gu1 account's currency/)
      .waitFor();
  });

  it('should schedule a daily refresh of the finished enrichment and show its next run', async () => {
    await section('jobs');
    const job = sidebar.locator(`.job[data-state="DONE"]:has-text("${TITLE}")`).first();
    await job.locator('summary', { hasText: 'Run again on a schedule' }).click();
    await job.getByLabel('How often').selectOption('daily');
    await job.getByLabel('At (Europe/Berlin time)').selectOption('7');
    await job.getByRole('button', { name: 'Save schedule' }).click();
    const schedule = sidebar.locator('#schedules .schedule');
    // The hour is the spreadsheet's, and the zone is named (issue 20).
    await schedule.getByText("Runs daily at 07:00 (Europe/Berlin, the spreadsheet's time zone).").waitFor();
    await schedule.getByText(/Next run: \w{3}, \w{3} \d+, 07:00 \(Europe\/Berlin\)/).waitFor();
    await expectNoHorizontalScroll();
    await shot('schedules.png');
  });

  it('should keep an open History and a half-filled schedule form, focus and scroll through three refreshes', async () => {
    await section('jobs');
    const job = sidebar.locator(`.job[data-state="DONE"]:has-text("${TITLE}")`).first();
    await job.locator('summary', { hasText: 'History' }).click();
    await job.locator('summary', { hasText: 'Run again on a schedule' }).click();
    await job.getByLabel('How often').selectOption('weekly');
    await job.getByLabel('At (Europe/Berlin time)').selectOption('9');
    await job.getByLabel('On', { exact: true }).selectOption('5');
    await job.getByLabel('At (Europe/Berlin time)').focus();
    const scroll = await sidebar.locator('html').evaluate((h) => {
      h.scrollTop = Math.min(40, h.scrollHeight - h.clientHeight);
      return h.scrollTop;
    });
    expect(scroll).toBeGreaterThan(0);
    const list = sidebar.locator('#jobs');
    const before = Number(await list.getAttribute('data-renders'));
    for (let i = 1; i <= 3; i++) {
      // HTMLElement.click() refreshes without moving the focus (as the background refresh does).
      await sidebar.getByRole('button', { name: 'Refresh now' }).evaluate((b) => (b as HTMLButtonElement).click());
      await actionDone(sidebar, 'Refresh now');
    }
    await expect(job.locator('summary', { hasText: 'History' }).evaluate((s) => (s.parentElement as HTMLDetailsElement).open)).resolves.toBe(true);
    await expect(job.locator('summary', { hasText: 'Run again on a schedule' }).evaluate((s) => (s.parentElement as HTMLDetailsElement).open)).resolves.toBe(
      true,
    );
    await expect(job.getByLabel('How often').inputValue()).resolves.toBe('weekly');
    await expect(job.getByLabel('At (Europe/Berlin time)').inputValue()).resolves.toBe('9');
    await expect(job.getByLabel('On', { exact: true }).inputValue()).resolves.toBe('5');
    await expect(job.getByLabel('At (Europe/Berlin time)').evaluate((s) => s === document.activeElement)).resolves.toBe(true);
    await expect(sidebar.locator('html').evaluate((h) => h.scrollTop)).resolves.toBe(scroll);
    // The progress loop (sidebar/pump.ts) may have brought lists too: at least the three refreshes.
    expect(Number(await list.getAttribute('data-renders'))).toBeGreaterThanOrEqual(before + 3);
  });

  it('should show the Openmart section with the credit balance and no sideways scroll', async () => {
    await section('settings');
    const block = sidebar.locator('.provider[data-provider="openmart"]');
    if (await block.getByText(/No key saved/).count()) {
      await block.locator('input[type="password"]').fill('om_test_5b8e2d7c4a19e6');
      await block.getByRole('button', { name: 'Save key' }).click();
      await block.getByText(/Key saved/).waitFor();
    }
    await section('openmart');
    await sidebar
      .locator('#openmart-credits')
      .getByText(/Credits: \d/)
      .waitFor();
    await sidebar.locator('summary', { hasText: 'Credit confirmation threshold' }).click();
    await sidebar.locator('#openmart-threshold').fill('50');
    await sidebar.getByRole('button', { name: 'Save threshold' }).click();
    await sidebar.getByText('Billed actions above 50 credits ask for confirmation.').waitFor();
    const search = sidebar.locator('#openmart-search');
    await search.getByLabel('Title * (names the tab)').fill('Coffee SF');
    await search.getByLabel('Query').fill('coffee roaster');
    await search.getByRole('button', { name: 'Count and estimate' }).click();
    await sidebar.getByText(/Estimate: 100 credits .* above your confirmation threshold/).waitFor();
    await expectNoHorizontalScroll();
    await shot('openmart.png');
  });
});
