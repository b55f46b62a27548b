/**
 * A new user's first hour in the playground (Chromium, the real sidebar at 300 px): the first open
 * lands on the Settings guide, Help and the menu speak in verbs, the tab bar stays in view, no
 * empty line takes room, labels and messages use the words on screen, and a submit answers right
 * under its button and clears the form.
 */
import { join } from 'node:path';
import { browserSuite, closePlayground, openPlayground, sectionLoaded, SHOTS, shot, showSection, type Opened } from './kit';

jest.setTimeout(120_000);

browserSuite('the first hour (Chromium)', () => {
  let s: Opened;

  beforeAll(async () => {
    s = await openPlayground();
  });

  afterAll(async () => {
    await closePlayground(s);
  });

  it('should open at a three-step Settings guide while no key is saved', async () => {
    await sectionLoaded(s.sidebar, 'settings');
    await expect(s.sidebar.locator('nav.tabs [aria-selected="true"]').getAttribute('data-section')).resolves.toBe('settings');
    await expect(s.sidebar.locator('#first-steps h2').textContent()).resolves.toBe('Start in three steps');
    const steps = await s.sidebar.locator('#first-steps li').allTextContents();
    expect(steps).toHaveLength(3);
    expect(steps[0]).toMatch(/Paste the API key .* press Save key/);
    expect(steps[1]).toMatch(/Test connection/);
    expect(steps[2]).toMatch(/Rows from/);
    await shot(s.page, 'first-steps.png');
  });

  it('should name menu items with verbs and open Help as a dialog with the steps and what to know before paying', async () => {
    await s.page.locator('#extensions-menu').click();
    const items = await s.page.locator('#menu-popup [role="menuitem"]').allTextContents();
    expect(items).toEqual(['Open sidebar', 'Refresh jobs now', 'Open settings', 'Help']);
    await s.page.locator('#menu-popup [role="menuitem"]', { hasText: 'Help' }).click();
    await s.page.locator('#dialog:not([hidden])').waitFor();
    await expect(s.page.locator('#dialog-title').textContent()).resolves.toBe('Prospect Enrich: help');
    const help = s.page.frameLocator('#dialog-frame');
    await help.locator('h1', { hasText: 'How to use Prospect Enrich' }).waitFor();
    await expect(help.locator('li strong').allTextContents()).resolves.toEqual([
      'Save a key.',
      'Pick your rows.',
      'Submit.',
      'Follow it in Jobs.',
      'Formulas.',
    ]);
    await expect(help.locator('h2').allTextContents()).resolves.toEqual(['What you pay for', 'Shared spreadsheets', 'What is written where', 'Schedules']);
    await expect(help.locator('a').count()).resolves.toBe(0);
    await s.page.locator('#dialog').screenshot({ path: join(SHOTS, 'help.png') });
    await s.page.locator('#dialog-close').click();
  });

  it('should say what to do in Settings terms when a key is refused while testing it', async () => {
    const block = s.sidebar.locator('.provider[data-provider="openmart"]');
    await block.locator('input[type="password"]').fill('om_invalid_key_0000000');
    await block.getByRole('button', { name: 'Save key' }).click();
    await block.getByText(/Key saved/).waitFor();
    await block.getByRole('button', { name: 'Test connection' }).click();
    const line = block.locator('.status.error');
    await line.waitFor();
    await expect(line.textContent()).resolves.toMatch(/^Openmart refused this key \(.+\)\. Paste a valid key above, press Save key and test again\.$/);
    await block.getByRole('button', { name: 'Remove' }).click();
    await block.getByText('No key saved.').waitFor();
  });

  it('should point the Openmart section to Settings with a button while it has no key', async () => {
    await showSection(s.sidebar, 'openmart');
    const credits = s.sidebar.locator('#openmart-credits');
    await credits.getByText('No Openmart key saved yet: paste it in Settings (the last tab above) to see your credits and run searches.').waitFor();
    await credits.getByRole('button', { name: 'Open Settings' }).click();
    await sectionLoaded(s.sidebar, 'settings');
    await expect(s.sidebar.locator('nav.tabs [aria-selected="true"]').getAttribute('data-section')).resolves.toBe('settings');
  });

  it('should keep the tab bar in view in a long form and give an idle status line no room', async () => {
    await showSection(s.sidebar, 'discover');
    const top = s.sidebar.locator('header.top');
    const status = s.sidebar.locator('#global-status');
    await expect(status.evaluate((e) => (e as HTMLElement).offsetHeight)).resolves.toBe(0);
    // The section starts right under the tab bar (the empty line took ~42 px before).
    const gap = await s.sidebar.locator('html').evaluate(() => {
      const bar = document.querySelector('header.top')?.getBoundingClientRect();
      const first = document.querySelector('#section > *')?.getBoundingClientRect();
      return (first?.top ?? 0) - (bar?.bottom ?? 0);
    });
    expect(gap).toBeLessThanOrEqual(24);
    await s.sidebar.locator('html').evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(s.sidebar.locator('html').evaluate(() => window.scrollY)).resolves.toBeGreaterThan(300);
    await expect(top.evaluate((e) => e.getBoundingClientRect().top)).resolves.toBe(0);
    // Still usable from down there.
    await s.sidebar.locator('nav.tabs button[data-section="jobs"]').click();
    await sectionLoaded(s.sidebar, 'jobs');
  });

  it('should show feature hints with the checkbox labels', async () => {
    await showSection(s.sidebar, 'settings');
    const block = s.sidebar.locator('.provider[data-provider="openprospect"]');
    await block.locator('input[type="password"]').fill('lnc_test_7d41e0b9c5f3a9c');
    await block.getByRole('button', { name: 'Save key' }).click();
    await block.getByText(/Key saved/).waitFor();
    // With a key the guide is gone.
    await expect(s.sidebar.locator('#first-steps').count()).resolves.toBe(0);
    await showSection(s.sidebar, 'enrich');
    await s.sidebar.locator('#preview-summary').waitFor();
    await s.sidebar.getByLabel('Contacts', { exact: true }).uncheck();
    await s.sidebar.getByLabel('Email generation', { exact: true }).check();
    await s.sidebar.locator('#feature-hints').getByText('Email generation builds on Contacts: tick Contacts too for best results.').waitFor();
    await expect(s.sidebar.locator('#feature-hints').textContent()).resolves.not.toMatch(/[A-Z]{2,}_[A-Z]/);
    await s.sidebar.getByLabel('Contacts', { exact: true }).check();
    await s.sidebar.getByLabel('Email generation', { exact: true }).uncheck();
    // The profile fields say what they are for.
    await s.sidebar.getByText(/OpenProspect saves this order’s search settings as a profile/).waitFor();
    await s.sidebar.getByText(/Reuse a profile saved before/).waitFor();
  });

  it('should use the on-screen words in Discover labels, hints and messages', async () => {
    await showSection(s.sidebar, 'discover');
    await s.sidebar.getByLabel('Target countries *').waitFor();
    await expect(s.sidebar.getByLabel('Target countries *').getAttribute('placeholder')).resolves.toBe('Germany, AT, CH');
    await s.sidebar.getByText('Country names or ISO codes, comma separated: Germany, AT, CH.').waitFor();
    await s.sidebar.getByText(/A search profile keeps an ideal customer profile/).count();
    await s.sidebar.getByLabel('Title *').fill('Discovery words');
    await s.sidebar.locator('#submit-discovery').click();
    const result = s.sidebar.locator('#discover-result');
    await result.getByText(/What you sell is required: describe what you offer these companies\./).waitFor();
    const text = (await result.textContent()) ?? '';
    expect(text).toMatch(/Target countries is required: name at least one country \(Germany, or its code DE\)\./);
    expect(text).not.toMatch(/Seller offering|seller_offering|target_countries/);
    // What the user typed stays after a refusal.
    await expect(s.sidebar.getByLabel('Title *').inputValue()).resolves.toBe('Discovery words');
  });

  it('should show the preview values in full, not cut to "comp..."', async () => {
    await showSection(s.sidebar, 'enrich');
    await s.sidebar.locator('#preview-summary').waitFor();
    const cells = s.sidebar.locator('#preview table.values td');
    await cells.first().waitFor();
    const cut = await cells.evaluateAll((tds) => tds.filter((td) => td.scrollWidth > td.clientWidth + 1).map((td) => td.textContent));
    expect(cut).toEqual([]);
    await expect(s.sidebar.locator('#preview table.values').textContent()).resolves.toContain('Brauerei Lindenhof GmbH');
  });

  it('should answer a submit right under its button, in view, clear the form, and agree with Settings on checks', async () => {
    await s.sidebar.getByLabel('Title *').fill('First hour');
    await s.sidebar.getByLabel('New search profile name').fill('Hotels DACH');
    await s.sidebar.getByLabel('New search profile name').fill('');
    await s.sidebar.locator('#submit-enrichment').click();
    const result = s.sidebar.locator('#enrich-result');
    await result.getByText(/Job "First hour" created/).waitFor({ timeout: 20_000 });
    // Right after the button's row, and inside the visible part of the sidebar.
    await expect(result.evaluate((e) => e.previousElementSibling?.querySelector('#submit-enrichment') !== null)).resolves.toBe(true);
    const inView = await result.evaluate((e) => {
      const r = e.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    await expect(s.sidebar.getByLabel('Title *').inputValue()).resolves.toBe('');
    // The checks sentence names the Settings choice; Settings shows that choice and the same rule.
    const text = (await result.textContent()) ?? '';
    expect(text).toMatch(/Background checks are on: every hour \(Settings asks for every 15 minutes, but Google lets an add-on check at most hourly\)/);
    await showSection(s.sidebar, 'settings');
    await expect(s.sidebar.getByLabel('Check open jobs every').inputValue()).resolves.toBe('15');
    await s.sidebar.getByText(/Google lets an add-on installed from the Marketplace check at most every hour/).waitFor();
  });
});
