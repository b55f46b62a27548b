/**
 * The one scrubber: every text that leaves the add-on's hands (provider answers as they arrive,
 * stored job errors and history, RPC return values, thrown messages, formula answers) passes
 * `Scrubber.text` or `Scrubber.deep`, which removes every saved key of the user the execution
 * runs as (in a custom function: the spreadsheet owner, whose properties it reads).
 *
 * A key is found case-insensitively and also in part: any run of RUN (8) or more characters of
 * it is replaced by `[key]`, so a provider echoing `…1a2b3c4d` or an upper-cased key gives
 * nothing away. Keys shorter than RUN are removed whole.
 *
 * Every answer passes here whole (a results page is about 330 KB), so the check is linear and
 * allocates nothing: a rolling hash of each window of RUN lower-cased units against the keys'
 * windows; only a hit lower-cases and rewrites the text. `inEscapes` does the same over the
 * windows that hold a JSON escape, decoded, so a key spelled `\u006c\u006e...` or split by `\/`
 * is found in the parsed strings too (platform/http scrubs those only then).
 */
import { KeyWindows, RUN } from './key-windows';
import type { PropertyStore } from './store';

export { RUN };
export const REDACTED = '[key]';

/** Keys shorter than this are not keys (normaliseKey refuses them); never scrub tiny strings. */
const MIN_SECRET = 4;

export class Scrubber {
  /** Lower-cased RUN-grams of every long key, and lower-cased short keys. */
  private readonly grams: Set<string>;
  private readonly short: string[];
  /** The grams for the linear scan; null when a key is not plain ASCII (then the text is lower-cased). */
  private readonly windows: KeyWindows | null;

  constructor(secrets: ReadonlyArray<string | undefined | null>) {
    this.grams = new Set();
    this.short = [];
    for (const raw of secrets) {
      if (!raw || raw.length < MIN_SECRET) continue;
      const s = raw.toLowerCase();
      if (s.length < RUN) this.short.push(s);
      else for (let i = 0; i + RUN <= s.length; i++) this.grams.add(s.slice(i, i + RUN));
    }
    this.windows = KeyWindows.asciiOnly(this.grams) ? new KeyWindows(this.grams) : null;
  }

  /** True when there is nothing to scrub. */
  get empty(): boolean {
    return this.grams.size === 0 && this.short.length === 0;
  }

  /** The text with every key (or run of RUN+ characters of one) replaced by `[key]`. */
  text(s: string): string {
    if (this.empty || s.length < MIN_SECRET || (s.length < RUN && this.short.length === 0)) return s;
    if (!this.mayContain(s)) return s;
    const lower = s.toLowerCase();
    // toLowerCase can change the length of a few characters; then compare piecewise.
    const aligned = lower.length === s.length;
    const hidden = new Uint8Array(s.length);
    const at = (i: number, n: number): string => (aligned ? lower.slice(i, i + n) : s.slice(i, i + n).toLowerCase());
    for (let i = 0; i < s.length; i++) {
      if (i + RUN <= s.length && this.grams.has(at(i, RUN))) hidden.fill(1, i, i + RUN);
      for (const k of this.short) if (at(i, k.length) === k) hidden.fill(1, i, i + k.length);
    }
    let out = '';
    for (let i = 0; i < s.length; i++) {
      if (hidden[i] === 0) out += s.charAt(i);
      else if (i === 0 || hidden[i - 1] === 0) out += REDACTED;
    }
    return out;
  }

  /**
   * True when the JSON text, its escapes decoded (`\u0061`, `\/`, `\"`...), may spell a key run
   * that `text` cannot see in the raw text (a key split across escapes): then every string parsed
   * from it must pass `text` too. Linear; false for a text without a backslash.
   */
  inEscapes(json: string): boolean {
    if (this.empty || json.indexOf('\\') < 0) return false;
    if (this.windows === null || this.short.length > 0) return true;
    return this.windows.scan(json, true);
  }

  /**
   * Quick test: may the text hold a key run? Plain-ASCII keys (all real ones): one linear pass
   * with a rolling hash over lower-cased units, no allocation (a hash hit is confirmed by `text`).
   * Otherwise (a short or non-ASCII key): search the lower-cased text.
   */
  private mayContain(s: string): boolean {
    if (this.short.length > 0 || this.windows === null) {
      const lower = s.toLowerCase();
      for (const k of this.short) if (lower.includes(k)) return true;
      for (const g of this.grams) if (lower.includes(g)) return true;
      return false;
    }
    return this.windows.scan(s, false);
  }

  /** A copy of plain data (strings, arrays, plain objects, numbers...) with every string scrubbed, keys of objects too. */
  deep<T>(value: T): T {
    return this.empty ? value : scrubLeaves(value, (s) => this.text(s));
  }
}

/** Deepest nesting walked; parsed JSON deeper than this is cut to null (never left unscrubbed). */
const MAX_DEPTH = 50;

/**
 * A copy of plain data with every string leaf and object key passed through `scrub` (a bounded
 * walk: anything nested deeper than MAX_DEPTH becomes null). Class instances are kept as they are.
 */
export function scrubLeaves<T>(value: T, scrub: (s: string) => string, depth = 0): T {
  if (typeof value === 'string') return scrub(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return null as T;
  if (Array.isArray(value)) return value.map((v: unknown) => scrubLeaves(v, scrub, depth + 1)) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[scrub(k)] = scrubLeaves(v, scrub, depth + 1);
  return out as T;
}

/**
 * Cut a text to `max` characters, marking the cut, so a stored error stays small whatever a
 * provider sent (a job record must stay under the 9 KB property limit).
 */
export function boundText(s: string, max: number): string {
  if (s.length <= max) return s;
  let marker = '';
  // The marker's own length changes how much is cut; two rounds settle it.
  for (let i = 0; i < 2; i++) marker = ` … [${s.length - Math.max(0, max - marker.length)} more characters cut]`;
  return s.slice(0, Math.max(0, max - marker.length)) + marker;
}

/** Property writes through the scrubber: nothing saved in document properties carries a key. */
export function scrubbingStore(store: PropertyStore, scrubber: () => Scrubber): PropertyStore {
  return {
    getProperty: (k) => store.getProperty(k),
    setProperty: (k, v) => store.setProperty(k, scrubber().text(String(v))),
    deleteProperty: (k) => store.deleteProperty(k),
    getKeys: () => store.getKeys(),
    getProperties: () => store.getProperties(),
  };
}

/**
 * Key-shaped tokens (lnc_live_…, gk_prod_…, sk_live_…, long random strings with a digit): never
 * shown, even when they are not this user's keys. A long name without digits (gu1's integration
 * code `br_cpfcnpj_complete_company_enrichment`) is a name, and a UUID (an order id support asks
 * for) is an id: both stay readable.
 */
const KEY_LIKE =
  /\b(?:[a-z]{2,4}_(?:live|test|prod|production|sandbox)_[A-Za-z0-9_-]+|(?![0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b)(?=[A-Za-z_-]*\d)[A-Za-z0-9_-]{32,})\b/gi;

/** A provider's free text (a plain-text or HTML error body) as a short detail: tags and key-shaped tokens removed, one line, at most `max` chars. */
export function shortDetail(text: string, max = 80): string {
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(KEY_LIKE, '[redacted]')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
