/**
 * A playground in Debian's Chromium for a browser test file (never a downloaded browser): the
 * page beside the 300 px sidebar, nothing leaving localhost. `prepare` runs on the emulated
 * spreadsheet before the page opens (keys saved, jobs finished through the add-on's own RPCs).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { createPlayground, type Playground } from '../../emulator/playground/server';
import { ARGS, CHROMIUM, HAVE_CHROMIUM, ROOT } from '../browser/kit';

export { CHROMIUM, HAVE_CHROMIUM, browserSuite } from '../browser/kit';

export interface BrowserPlayground {
  pg: Playground;
  browser: Browser;
  page: Page;
  sidebar: FrameLocator;
  close: () => Promise<void>;
}

/** Start a playground (no background trigger timer), run `prepare`, open the page. */
export async function openPlayground(prepare: (pg: Playground) => void = () => undefined): Promise<BrowserPlayground> {
  if (!HAVE_CHROMIUM) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (Debian), or set CHROMIUM_PATH.`);
  if (!existsSync(join(ROOT, 'dist/Code.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  const pg = await createPlayground({ root: ROOT, port: 0, speed: 120, triggerEveryMs: 0, env: {} });
  prepare(pg);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  await page.goto(pg.url);
  return {
    pg,
    browser,
    page,
    sidebar: page.frameLocator('#sidebar-frame'),
    close: async () => {
      await browser.close();
      await pg.close();
    },
  };
}

/** The OpenProspect key the browser tests save (the simulator accepts any well-formed key). */
export const OP_TEST_KEY = 'lnc_test_7d41e0b9c5f3a9c';
