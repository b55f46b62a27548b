/**
 * What every browser test shares: Debian's Chromium (never a downloaded browser), its flags for
 * these machines, the playground opened beside the built sidebar with nothing leaving localhost,
 * and the sidebar helpers (switch section, no sideways scroll).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { createPlayground, type Playground } from '../../emulator/playground/server';

export const ROOT = join(__dirname, '../..');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** The flags that work on these machines (closed network: no background connections). */
export const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

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
    throw new Error(
      `Chromium not found at ${CHROMIUM}. The browser tests need Debian's chromium: apt-get update && apt-get install -y chromium (.ci/run does this), or set CHROMIUM_PATH. They never download a browser.`,
    );
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

/** Wait until the sidebar has rendered a section (`name`, or whichever it opened at): #app[data-loaded] names it. */
export async function sectionLoaded(sidebar: FrameLocator, name?: string): Promise<void> {
  await sidebar.locator(name ? `#app[data-loaded="${name}"]` : '#app[data-loaded]').waitFor({ state: 'attached' });
}

/** Click a sidebar tab and wait until it has rendered. */
export async function showSection(sidebar: FrameLocator, name: string): Promise<void> {
  await sidebar.locator(`nav.tabs button[data-section="${name}"]`).click();
  await sectionLoaded(sidebar, name);
}

/** Wait until a button that runs an action is usable again (its action has answered). */
export async function actionDone(sidebar: FrameLocator, label: string): Promise<void> {
  await sidebar.locator(`button:has-text("${label}"):not([disabled])`).first().waitFor();
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
    await actionDone(sidebar, 'Refresh now');
  }
  return job;
}

/** Screenshots go to docs/screenshots only when asked (a test run leaves the work tree as it was). */
export const SHOTS = process.env['UPDATE_SCREENSHOTS'] === '1' ? join(ROOT, 'docs/screenshots') : join(tmpdir(), 'playground-screenshots');

/** A screenshot of the 300-px sidebar into SHOTS. */
export async function shot(page: Page, file: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.locator('#sidebar').screenshot({ path: join(SHOTS, file) });
}

export async function closePlayground(o: Opened | undefined): Promise<void> {
  await o?.browser.close();
  await o?.pg.close();
}

/** Save a key for a provider in Settings. */
export async function saveKey(o: Opened, provider: string, key: string): Promise<void> {
  await showSection(o.sidebar, 'settings');
  const block = o.sidebar.locator(`.provider[data-provider="${provider}"]`);
  await block.locator('input[type="password"]').fill(key);
  await block.getByRole('button', { name: 'Save key' }).click();
  await block.getByText(/Key saved/).waitFor();
}

/** Click a sheet tab and wait until the grid shows it. */
export async function openSheet(page: Page, name: string): Promise<void> {
  await page.locator(`#tabs button[data-sheet="${name}"]`).click();
  await page.locator(`#grid[data-sheet="${name}"]`).waitFor();
}

/** Type into a grid cell through the formula bar. */
export async function typeInCell(page: Page, a1: string, text: string): Promise<void> {
  await page.locator(`#grid td[data-cell="${a1}"]`).click();
  await page.locator('#formula-input').fill(text);
  await page.locator('#formula-input').press('Enter');
}

function sidebarFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().endsWith('/sidebar'));
  if (!frame) throw new Error('the sidebar frame is not loaded');
  return frame;
}

let axeSource: string | undefined;

/** axe-core's violations in the sidebar as it is now, as "rule: target, target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const frame = sidebarFrame(page);
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(axeSource);
  return frame.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> } }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Open every closed <details> of the sidebar (a section "expanded"). */
export async function expandAll(page: Page): Promise<void> {
  await sidebarFrame(page).evaluate(() => {
    for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
  });
}
