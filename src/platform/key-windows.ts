/**
 * The scrubber's linear check (./scrub.ts): does a text hold a window of RUN characters that,
 * lower-cased, is a window of a key? One pass over the UTF-16 units with a rolling hash (mod 2^32)
 * of the last RUN lower-cased units, looked up in the keys' window hashes (a 64 K table first, so
 * most windows cost no Set lookup); it allocates nothing. A hit only says "maybe": the caller
 * confirms it the slow, exact way. Works for keys of plain ASCII (all real ones); a unit that does
 * not lower-case to ASCII ends every window through it.
 */

/** A run of this many characters of a key counts as the key. */
export const RUN = 8;

/** The rolling hash's odd base and its RUN-th power. */
const BASE = 0x01000193;
/** Held once: the scan's loop looks up no global. */
const imul = Math.imul;
const BASE_RUN = ((): number => {
  let p = 1;
  for (let i = 0; i < RUN; i++) p = imul(p, BASE);
  return p;
})();

/** Lower-cased forms of the non-ASCII units met so far (-1: not one unit). */
const lowerCache = new Map<number, number>();

/** A UTF-16 unit lower-cased alone, or -1 when that is not one unit (U+0130 becomes two). */
export function lowerUnit(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let l = lowerCache.get(c);
  if (l === undefined) {
    const t = String.fromCharCode(c).toLowerCase();
    l = t.length === 1 ? t.charCodeAt(0) : -1;
    lowerCache.set(c, l);
  }
  return l;
}

/** Code of the JSON escape `\<n>` other than `\u`, or -1. */
function simpleEscape(n: number): number {
  switch (n) {
    case 34: // "
    case 92: // \
    case 47: // /
      return n;
    case 98: // b
      return 8;
    case 102: // f
      return 12;
    case 110: // n
      return 10;
    case 114: // r
      return 13;
    case 116: // t
      return 9;
    default:
      return -1;
  }
}

/** Value of the 4 hex digits at `at`, or -1. */
function hex4(s: string, at: number): number {
  if (at + 4 > s.length) return -1;
  let v = 0;
  for (let k = at; k < at + 4; k++) {
    const c = s.charCodeAt(k);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/** The key windows of a scrubber, hashed for the linear scan. */
export class KeyWindows {
  private readonly hashes: Set<number>;
  /** Low 16 bits of the hashes, as a table: most windows are ruled out without a Set lookup. */
  private readonly lowBits = new Uint8Array(65_536);
  /** The last RUN units of the scan (reused: the scan allocates nothing). */
  private readonly ring = new Int32Array(RUN);

  /** `grams`: lower-cased windows of RUN plain-ASCII characters (see `asciiOnly`). */
  constructor(grams: Iterable<string>) {
    this.hashes = new Set([...grams].map((g) => this.rollingHash(g)));
    for (const h of this.hashes) this.lowBits[h & 0xffff] = 1;
  }

  /** True when every gram is plain ASCII, so the scan applies. */
  static asciiOnly(grams: Iterable<string>): boolean {
    return [...grams].every((g) => [...g].every((ch) => ch.charCodeAt(0) < 128));
  }

  /** Rolling hash of one gram (the scan's hash of a window holding it). */
  private rollingHash(gram: string): number {
    let h = 0;
    for (let i = 0; i < gram.length; i++) h = (imul(h, BASE) + gram.charCodeAt(i)) | 0;
    return h;
  }

  /**
   * Does any window of RUN lower-cased units hash like a gram? With `json`, only the windows that
   * hold a JSON escape, decoded (`\u0061` as `a`): the scan jumps to just before each backslash and
   * stops RUN units after the last escape (the other windows are raw text, which `text` covers).
   */
  scan(s: string, json: boolean): boolean {
    const hashes = this.hashes;
    const lowBits = this.lowBits;
    const ring = this.ring;
    let h = 0;
    let run = 0;
    /** (json) Raw index up to which windows still hold the last escape. */
    let tail = 0;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (json && i >= tail) {
        const next = s.indexOf('\\', i);
        if (next < 0) return false;
        if (next - (RUN - 1) > i) {
          i = next - (RUN - 1);
          run = 0;
          h = 0;
          c = s.charCodeAt(i);
        }
        tail = next;
      }
      if (json && c === 92 && i + 1 < s.length) {
        const n = s.charCodeAt(i + 1);
        const u = n === 117 ? hex4(s, i + 2) : -1;
        const e = u >= 0 ? u : simpleEscape(n);
        if (e >= 0) {
          c = e;
          i += u >= 0 ? 5 : 1;
          tail = i + RUN;
        }
      }
      if (c >= 65 && c <= 90) c += 32;
      else if (c > 127) c = lowerUnit(c);
      // A unit that does not lower-case to ASCII is in no key run of an ASCII key.
      if (c < 0 || c > 127) {
        run = 0;
        h = 0;
        continue;
      }
      const slot = run % RUN;
      h = (imul(h, BASE) + c) | 0;
      if (run >= RUN) h = (h - imul(ring[slot] as number, BASE_RUN)) | 0;
      ring[slot] = c;
      run++;
      if (run >= RUN && lowBits[h & 0xffff] === 1 && hashes.has(h)) return true;
    }
    return false;
  }
}
