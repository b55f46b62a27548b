/**
 * "Rows from" in the real sidebar (Chromium): never a result tab by default, the last choice
 * remembered per form across reopening, and the Openmart batch panel with its own mapping.
 */
import { browserSuite, shot, closePlayground, openPlayground, openSheet, saveKey, sectionLoaded, showSection, type Opened } from './kit';

jest.setTimeout(120_000);

browserSuite('"Rows from" (Chromium)', () => {
  let s: Opened;

  beforeAll(async () => {
    s = await openPlayground();
    await sectionLoaded(s.sidebar);
    await saveKey(s, 'openprospect', 'lnc_test_7d41e0b9c5f3a9c');
    await saveKey(s, 'openmart', 'om_test_5b8e2d7c4a19e6');
    // A second sheet of the user's, and a result tab as a finished job leaves it (marked by the add-on).
    const ss = s.pg.addOn.emulator.spreadsheet;
    ss.givenSheet('Partners', [
      ['Company', 'Website'],
      ['Kaffee Rösterei Nord', 'https://roesterei-nord.example'],
    ]);
    ss.givenSheet('Q1 - Companies', [
      ['external_id', 'name'],
      ['c1', 'Brauerei Lindenhof GmbH'],
    ]);
    ss.getSheetByName('Q1 - Companies')!.addDeveloperMetadata('prospect-enrich.result-tab', 'owner\u001fQ1 - Companies');
  });

  afterAll(async () => {
    await closePlayground(s);
  });

  const reopen = async (name: string): Promise<void> => {
    await s.page.reload();
    await sectionLoaded(s.sidebar);
    await showSection(s.sidebar, name);
  };

  it('should not start at the result tab the user is looking at, and name result tabs in the list', async () => {
    await s.page.reload();
    await openSheet(s.page, 'Q1 - Companies');
    await reopen('enrich');
    const rowsFrom = s.sidebar.getByLabel('Rows from');
    await expect(rowsFrom.inputValue()).resolves.toBe('Companies');
    await expect(rowsFrom.locator('option[value="Q1 - Companies"]').textContent()).resolves.toMatch(/· results$/);
    await expect(rowsFrom.locator('option[value="Partners"]').textContent()).resolves.not.toMatch(/results/);
  });

  it('should remember the sheet picked in each form after the sidebar is opened again', async () => {
    await s.sidebar.getByLabel('Rows from').selectOption('Partners');
    await s.sidebar
      .locator('#preview-summary')
      .getByText(/^1 row\(s\) ready/)
      .waitFor();
    await reopen('enrich');
    await expect(s.sidebar.getByLabel('Rows from').inputValue()).resolves.toBe('Partners');
    await s.sidebar
      .locator('#preview-summary')
      .getByText(/^1 row\(s\) ready/)
      .waitFor();
    // Another form keeps its own default.
    await showSection(s.sidebar, 'gu1');
    await expect(s.sidebar.getByLabel('Rows from').inputValue()).resolves.toBe('Companies');
  });

  it('should show the Openmart batch panel its own column mapping and follow changes to it', async () => {
    await showSection(s.sidebar, 'openmart');
    await s.sidebar.locator('summary', { hasText: 'People, tech or emails from rows' }).click();
    const panel = s.sidebar.locator('details:has(summary:has-text("People, tech or emails from rows"))');
    await expect(panel.getByLabel('Rows from').inputValue()).resolves.toBe('Companies');
    await panel.getByLabel('Title', { exact: true }).fill('Decision makers');
    await panel.getByLabel('Job title to look for (find people; a title column wins)').fill('CEO');
    await panel.getByRole('button', { name: 'Preview and estimate' }).click();
    const domain = panel.locator('#openmart-batch-mapping select[data-field="domain"]');
    await domain.waitFor();
    // Guessed from the header "Website" (the second column).
    await expect(domain.inputValue()).resolves.toBe('1');
    await expect(panel.locator('#openmart-batch-mapping select').count()).resolves.toBeGreaterThan(3);
    await panel.getByText(/^3\d row\(s\) in 1 batch\(es\)/).waitFor();
    // The sentence that says "pick its column in the mapping" now has a mapping beside it.
    await domain.selectOption('-1');
    await panel.getByText('No column is mapped to domain, which every row needs. Pick its column in the mapping.').waitFor();
    await domain.selectOption({ label: 'Website' });
    await panel.getByText(/^3\d row\(s\) in 1 batch\(es\)/).waitFor();
    await expect(panel.getByText(/No column is mapped to domain/).count()).resolves.toBe(0);
    await panel.locator('#openmart-batch-mapping').scrollIntoViewIfNeeded();
    await shot(s.page, 'openmart-batch.png');
  });
});
