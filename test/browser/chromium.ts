/**
 * Debian's Chromium for the browser tests (playwright-core, never a downloaded browser): where it
 * is, the flags that work on these machines, and the suite that skips with one line without it
 * (in CI a missing browser fails loudly instead).
 */
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** The flags that work on these machines (closed network: no background connections). */
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

if (!HAVE_CHROMIUM && process.env['CI'] !== 'true') {
  process.stderr.write(`Browser tests skipped: no Chromium at ${CHROMIUM}; install it with "sudo apt-get install -y chromium" (Debian) or set CHROMIUM_PATH.\n`);
}

/** `describe` with Chromium (or in CI), `describe.skip` without. */
export const browserSuite = HAVE_CHROMIUM || process.env['CI'] === 'true' ? describe : describe.skip;
