/**
 * API keys in the user's own properties (never the sheet, document properties, logs or
 * messages). The sidebar only ever sees a masked form.
 */
import { KEY_PREFIX, PROVIDER_NAMES, providerOf } from './providers';
import type { Provider } from './http-types';
import type { PropertyStore } from './store';

export class MissingKeyError extends Error {
  readonly code = 'KEY_MISSING';
  constructor(readonly provider: Provider) {
    super(`No ${PROVIDER_NAMES[provider]} API key is saved. Open Settings in the sidebar (Extensions > Prospect Enrich > Open settings) and paste your key.`);
    this.name = 'MissingKeyError';
  }
}

/** Keys shorter than this show at most 4 of their characters when masked. */
const SHORT_KEY = 12;

/**
 * `lnc_live_abcdef123456` -> `lnc_…3456`: enough to recognise, useless to steal. A key shorter
 * than 12 characters shows only its last 2 to 4 (at most a third, rounded up, and never more than 4).
 */
export function maskKey(key: string): string {
  if (key.length < SHORT_KEY) {
    const shown = Math.min(4, Math.ceil(key.length / 3));
    return `…${key.slice(-shown)}`;
  }
  const us = key.indexOf('_');
  const head = us > 0 && us <= 4 ? key.slice(0, us + 1) : key.slice(0, 3);
  return `${head}…${key.slice(-4)}`;
}

/** Check what the user pasted: trimmed, no spaces or quotes inside, plausible length. */
export function normaliseKey(raw: string): { key: string } | { error: string } {
  // Quotes and a "Bearer " prefix, in either order (copied from a curl line or a header).
  const unquote = (t: string): string =>
    t
      .trim()
      .replace(/^["']+|["']+$/g, '')
      .trim();
  const key = unquote(unquote(raw).replace(/^Bearer\s+/i, ''));
  if (key.length === 0) return { error: 'The key is empty. Paste the whole key from your provider account.' };
  if (/\s/.test(key)) return { error: 'The key contains spaces or line breaks. Paste it again without them.' };
  if (key.length < 8 || key.length > 512) return { error: 'That does not look like an API key (wrong length). Paste the whole key.' };
  return { key };
}

export class KeyStore {
  constructor(private readonly userProps: PropertyStore) {}

  /** Every saved key, in one Properties call (for the scrubber; also a key of a provider no longer listed). */
  all(): string[] {
    const props = this.userProps.getProperties();
    return Object.keys(props)
      .filter((k) => k.startsWith(KEY_PREFIX))
      .map((k) => String(props[k]));
  }

  get(provider: Provider): string | undefined {
    return this.userProps.getProperty(providerOf(provider).keyProperty) ?? undefined;
  }

  /** The key, or a MissingKeyError that says where to set it. */
  require(provider: Provider): string {
    const key = this.get(provider);
    if (!key) throw new MissingKeyError(provider);
    return key;
  }

  set(provider: Provider, key: string): void {
    this.userProps.setProperty(providerOf(provider).keyProperty, key);
  }

  remove(provider: Provider): void {
    this.userProps.deleteProperty(providerOf(provider).keyProperty);
  }

  masked(provider: Provider): string | null {
    const key = this.get(provider);
    return key ? maskKey(key) : null;
  }
}
