/**
 * Accessibility of the sidebar, measured with axe-core in Chromium: every section, collapsed and
 * with every <details> open, has 0 violations; a title and an h1; the tabs follow the WAI-ARIA
 * tabs pattern (arrow keys, Home/End, one tab stop); only status lines are live regions.
 */
import { axeViolations, browserSuite, closePlayground, expandAll, openPlayground, saveKey, sectionLoaded, showSection, type Opened } from './kit';

jest.setTimeout(120_000);

const SECTIONS = ['enrich', 'discover', 'openmart', 'gu1', 'jobs', 'settings'];

browserSuite('sidebar accessibility (axe-core in Chromium)', () => {
  let s: Opened;

  beforeAll(async () => {
    s = await openPlayground();
    await sectionLoaded(s.sidebar);
  });

  afterAll(async () => {
    await closePlayground(s);
  });

  it('should have a document title, one h1 and no live region but status lines', async () => {
    const facts = await s.sidebar.locator('html').evaluate(() => ({
      title: document.title,
      h1: Array.from(document.querySelectorAll('h1')).map((h) => h.textContent),
      live: Array.from(document.querySelectorAll('[aria-live]')).map((e) => e.id || e.className),
    }));
    expect(facts.title).toBe('Prospect Enrich');
    expect(facts.h1).toEqual(['Prospect Enrich']);
    expect(facts.live).toEqual([]);
    // The only roles that announce by themselves are the status lines (status / alert).
    const announcing = await s.sidebar
      .locator('[role="status"], [role="alert"], [role="log"], [role="marquee"]')
      .evaluateAll((els) => els.map((e) => e.className));
    for (const c of announcing) expect(c).toMatch(/\bstatus\b/);
    expect(await s.sidebar.locator('#app').getAttribute('aria-live')).toBeNull();
  });

  it('should move between tabs with the arrow keys, Home and End, with one tab stop', async () => {
    const selected = (): Promise<string | null> => s.sidebar.locator('nav.tabs [role="tab"][aria-selected="true"]').getAttribute('data-section');
    await s.sidebar.locator('nav.tabs button[data-section="enrich"]').click();
    await sectionLoaded(s.sidebar);
    await s.sidebar.locator('nav.tabs button[data-section="enrich"]').press('ArrowRight');
    await expect(selected()).resolves.toBe('discover');
    await s.sidebar.locator('nav.tabs button[data-section="discover"]').press('ArrowLeft');
    await expect(selected()).resolves.toBe('enrich');
    await s.sidebar.locator('nav.tabs button[data-section="enrich"]').press('ArrowLeft');
    await expect(selected()).resolves.toBe('settings');
    await s.sidebar.locator('nav.tabs button[data-section="settings"]').press('Home');
    await expect(selected()).resolves.toBe('enrich');
    await s.sidebar.locator('nav.tabs button[data-section="enrich"]').press('End');
    await expect(selected()).resolves.toBe('settings');
    await sectionLoaded(s.sidebar);
    // The selected tab has focus and is the only one in the Tab order; the panel names it.
    await expect(s.sidebar.locator('nav.tabs [role="tab"]:focus').getAttribute('data-section')).resolves.toBe('settings');
    await expect(s.sidebar.locator('nav.tabs [role="tab"][tabindex="0"]').count()).resolves.toBe(1);
    await expect(s.sidebar.locator('[role="tabpanel"]').getAttribute('aria-labelledby')).resolves.toBe('tab-settings');
    // The section really changed: the Settings form is shown.
    await s.sidebar.locator('.provider[data-provider="openprospect"]').waitFor();
  });

  it('should have no axe violations in any section without keys, collapsed or expanded', async () => {
    for (const name of SECTIONS) {
      await showSection(s.sidebar, name);
      await expect(axeViolations(s.page).then((v) => [name, v])).resolves.toEqual([name, []]);
      await expandAll(s.page);
      await expect(axeViolations(s.page).then((v) => [`${name} expanded`, v])).resolves.toEqual([`${name} expanded`, []]);
    }
  });

  it('should have no axe violations with keys saved, a preview shown and a job in Jobs', async () => {
    await saveKey(s, 'openprospect', 'lnc_test_7d41e0b9c5f3a9c');
    await saveKey(s, 'openmart', 'om_test_5b8e2d7c4a19e6');
    await saveKey(s, 'gu1', 'gk_sandbox_c72e914fd042');
    await showSection(s.sidebar, 'enrich');
    await s.sidebar.locator('#preview-summary').waitFor();
    await s.sidebar.getByLabel('Title', { exact: false }).first().fill('A11y Q1');
    await s.sidebar.locator('#submit-enrichment').click();
    await s.sidebar.getByText(/Job "A11y Q1" created/).waitFor({ timeout: 20_000 });
    for (const name of SECTIONS) {
      await showSection(s.sidebar, name);
      if (name === 'jobs') await s.sidebar.locator('.job [role="progressbar"]').first().waitFor();
      await expect(axeViolations(s.page).then((v) => [name, v])).resolves.toEqual([name, []]);
      await expandAll(s.page);
      await expect(axeViolations(s.page).then((v) => [`${name} expanded`, v])).resolves.toEqual([`${name} expanded`, []]);
    }
  });
});
