/**
 * What every browser test shares: Debian's Chromium (never a downloaded browser), its flags for
 * these machines, the playground opened beside the built sidebar with nothing leaving localhost,
 * and the sidebar helpers (switch section, no sideways scroll).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { createPlayground, type Playground } from '../../emulator/playground/server';

export const ROOT = join(__dirname, '../..');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** The flags that work on these machines (closed network: no background connections). */
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** In CI a missing browser fails loudly instead of skipping. */
export const browserSuite = HAVE_CHROMIUM || process.env['CI'] === 'true' ? describe : describe.skip;

/** A running playground with the page open on it. */
export interface Opened {
  pg: Playground;
  browser: Browser;
  page: Page;
  sidebar: FrameLocator;
}

/** Start the playground (fast clock, trigger every second), launch Chromium and open the page; `before` runs before the page loads. */
export async function openPlayground(before: (pg: Playground) => void = () => undefined): Promise<Opened> {
  if (!HAVE_CHROMIUM) {
    throw new Error(`Chromium not found at ${CHROMIUM}. The browser tests need Debian's chromium: apt-get update && apt-get install -y chromium (.ci/run does this), or set CHROMIUM_PATH. They never download a browser.`);
  }
  if (!existsSync(join(ROOT, 'dist/Code.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  const pg = await createPlayground({ root: ROOT, port: 0, speed: 120, triggerEveryMs: 1000, env: {} });
  before(pg);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  // Nothing leaves localhost (the add-on stylesheet from ssl.gstatic.com has a local stand-in).
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  await page.goto(pg.url);
  return { pg, browser, page, sidebar: page.frameLocator('#sidebar-frame') };
}

/** Click a sidebar tab and wait until it has rendered. */
export async function showSection(sidebar: FrameLocator, name: string): Promise<void> {
  await sidebar.locator(`nav.tabs button[data-section="${name}"]`).click();
  await sidebar.locator('#global-status:not(:has(.spinner))').waitFor();
}

/** The sidebar page never scrolls sideways. */
export async function expectNoHorizontalScroll(sidebar: FrameLocator): Promise<void> {
  const { scroll, client } = await sidebar.locator('html').evaluate((h) => ({ scroll: h.scrollWidth, client: h.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

/** In Jobs: press "Refresh now" each second (as the sidebar's timer would) until the job titled `title` is DONE. */
export async function waitForJobDone(page: Page, sidebar: FrameLocator, title: string, timeoutMs = 60_000): Promise<Locator> {
  const job = sidebar.locator(`.job:has-text("${title}")`);
  const deadline = Date.now() + timeoutMs;
  while ((await job.getAttribute('data-state')) !== 'DONE') {
    if (Date.now() > deadline) throw new Error(`the job "${title}" did not finish: ${await job.textContent()}`);
    await page.waitForTimeout(1000);
    await sidebar.getByRole('button', { name: 'Refresh now' }).click();
    await sidebar.locator('#section .status:not(:has(.spinner))').first().waitFor();
  }
  return job;
}
