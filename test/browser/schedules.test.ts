/**
 * Schedules in the real sidebar (Chromium): labelled pickers that fit the choice, the
 * spreadsheet's time zone named, the answer in view beside the button, Pause and Resume; and
 * "Stop tracking" saying that the order itself goes on.
 */
import { browserSuite, shot, closePlayground, openPlayground, saveKey, sectionLoaded, showSection, type Opened } from './kit';

jest.setTimeout(150_000);

browserSuite('schedules and tracking (Chromium)', () => {
  let s: Opened;

  beforeAll(async () => {
    s = await openPlayground();
    await sectionLoaded(s.sidebar);
    s.pg.addOn.emulator.spreadsheet.givenSheet('Clients', [
      ['external_id', 'Name'],
      ['20-12345678-9', 'Acme SA'],
      ['30-71234567-1', 'Beta SRL'],
    ]);
    await saveKey(s, 'gu1', 'gk_sandbox_c72e914fd042');
    await saveKey(s, 'openprospect', 'lnc_test_7d41e0b9c5f3a9c');
  });

  afterAll(async () => {
    await closePlayground(s);
  });

  /** Press Refresh now until the job titled `title` is DONE. */
  const untilDone = async (title: string): Promise<void> => {
    const job = s.sidebar.locator(`.job:has-text("${title}")`).first();
    const deadline = Date.now() + 60_000;
    while ((await job.getAttribute('data-state')) !== 'DONE') {
      if (Date.now() > deadline) throw new Error(`"${title}" did not finish: ${await job.textContent()}`);
      await s.page.waitForTimeout(1000);
      await s.sidebar.getByRole('button', { name: 'Refresh now' }).click();
      await s.sidebar.locator('button:has-text("Refresh now"):not([disabled])').waitFor();
    }
  };

  it('should say that the order goes on before it stops tracking', async () => {
    await showSection(s.sidebar, 'enrich');
    await s.sidebar.locator('#preview-summary').waitFor();
    await s.sidebar.getByLabel('Title *').fill('Tracked order');
    await s.sidebar.locator('#submit-enrichment').click();
    await s.sidebar
      .locator('#enrich-result')
      .getByText(/Job "Tracked order" created/)
      .waitFor({ timeout: 20_000 });
    await showSection(s.sidebar, 'jobs');
    const stop = s.sidebar.locator('.job:has-text("Tracked order") button', { hasText: 'Stop tracking…' });
    const asked = new Promise<string>((resolve) => {
      s.page.once('dialog', (d) => {
        resolve(d.message());
        void d.dismiss();
      });
    });
    await stop.click();
    await expect(asked).resolves.toBe(
      'Stop tracking "Tracked order"? The order itself goes on at openprospect and may still bill; its results are just no longer written here.',
    );
  });

  it('should offer only the pickers that fit, with visible labels and the zone named', async () => {
    await showSection(s.sidebar, 'gu1');
    await s.sidebar.getByLabel('Rows from').selectOption('Clients');
    await s.sidebar.getByLabel('Title', { exact: true }).fill('Nightly KYB');
    await s.sidebar.getByLabel('Integration codes (one per line)').fill('ar_afip_enrichment');
    await s.sidebar.getByRole('button', { name: 'Preview and estimate' }).click();
    await s.sidebar.locator('#gu1-estimate').waitFor();
    await s.sidebar.locator('#gu1-confirm').check();
    await s.sidebar.locator('#submit-gu1').click();
    await s.sidebar
      .locator('#gu1-result')
      .getByText(/Job "Nightly KYB"/)
      .waitFor({ timeout: 30_000 });
    await showSection(s.sidebar, 'jobs');
    await untilDone('Nightly KYB');
    const job = s.sidebar.locator('.job[data-state="DONE"]:has-text("Nightly KYB")').first();
    await job.locator('summary', { hasText: 'Run again on a schedule' }).click();
    const form = job.locator('.schedule-form');
    await form.getByText("Times are in the spreadsheet's time zone, Europe/Berlin").waitFor();
    const visibleLabels = async (): Promise<string[]> =>
      form.locator('label').evaluateAll((ls) => ls.filter((l) => (l as HTMLElement).offsetParent !== null).map((l) => l.textContent ?? ''));
    await expect(form.getByLabel('How often').inputValue()).resolves.toBe('daily');
    await expect(visibleLabels()).resolves.toEqual(['How often', 'At (Europe/Berlin time)']);
    await form.getByLabel('How often').selectOption('weekly');
    await expect(visibleLabels()).resolves.toEqual(['How often', 'On', 'At (Europe/Berlin time)']);
    await form.getByLabel('How often').selectOption('hourly');
    await expect(visibleLabels()).resolves.toEqual(['How often']);
    await form.getByLabel('How often').selectOption('weekly');
    await form.getByLabel('On').selectOption({ label: 'Friday' });
    await form.getByLabel('At (Europe/Berlin time)').selectOption('7');
    await form.getByRole('button', { name: 'Save schedule' }).click();
    // The answer heads the schedules list (the job cards are redrawn by the 20-s refresh).
    const answer = s.sidebar.locator('#schedules-status');
    await answer.getByText('Scheduled: runs weekly on Friday at 07:00 (Europe/Berlin).').waitFor();
    const inView = await answer.evaluate((e) => {
      const r = e.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    await form.scrollIntoViewIfNeeded();
    await shot(s.page, 'schedule-form.png');
  });

  it('should pause and resume a schedule', async () => {
    const schedule = s.sidebar.locator('#schedules .schedule:has-text("Nightly KYB")');
    await schedule.getByText("Runs weekly on Friday at 07:00 (Europe/Berlin, the spreadsheet's time zone).").waitFor();
    await schedule.getByRole('button', { name: 'Pause' }).click();
    await schedule.getByText('Paused: Paused by you; press Resume to run it again.').waitFor();
    await schedule.getByText(/Next run: paused/).waitFor();
    await expect(schedule.getAttribute('data-paused')).resolves.toBe('true');
    await schedule.getByRole('button', { name: 'Resume' }).click();
    await schedule.getByText(/Next run: Fri, \w{3} \d+, 07:00 \(Europe\/Berlin\)/).waitFor();
    await expect(schedule.getByRole('button', { name: 'Pause' }).count()).resolves.toBe(1);
  });
});
