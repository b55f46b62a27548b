import { createHttp } from '../../../src/platform/http';
import { lowerUnit } from '../../../src/platform/key-windows';
import { REDACTED, RUN, Scrubber, boundText, shortDetail } from '../../../src/platform/scrub';
import { fakeClock, fakeUrlFetch } from './fake-urlfetch';

const KEY = 'lnc_live_9f8e7d6c5b4a39281706';

/** The scrubber's meaning, written the slow, obvious way: every window of the lower-cased text. */
function reference(keys: string[], s: string): string {
  const grams = new Set<string>();
  for (const k of keys) for (let i = 0; i + RUN <= k.length; i++) grams.add(k.toLowerCase().slice(i, i + RUN));
  const lower = s.toLowerCase();
  const aligned = lower.length === s.length;
  const at = (i: number): string => (aligned ? lower.slice(i, i + RUN) : s.slice(i, i + RUN).toLowerCase());
  const hidden = new Uint8Array(s.length);
  for (let i = 0; i + RUN <= s.length; i++) if (grams.has(at(i))) hidden.fill(1, i, i + RUN);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (hidden[i] === 0) out += s.charAt(i);
    else if (i === 0 || hidden[i - 1] === 0) out += REDACTED;
  }
  return out;
}

/** A tiny deterministic PRNG for the randomised cases. */
function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    return x / 0x80000000;
  };
}

/** `json` with every `every`-th character of `key` spelled as a JSON escape (so no raw run of RUN survives). */
const escaped = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
const splitEscaped = (key: string, every: number): string => [...key].map((c, i) => (i % every === 0 ? escaped(c) : c)).join('');

describe('platform/scrub', () => {
  describe('Scrubber#text()', () => {
    it('should remove the key exactly, lower-cased and upper-cased', () => {
      const s = new Scrubber([KEY]);
      expect(s.text(`bad key ${KEY}.`)).toBe(`bad key ${REDACTED}.`);
      expect(s.text(`bad key ${KEY.toUpperCase()}`)).toBe(`bad key ${REDACTED}`);
      expect(s.text(`Key=${KEY.toLowerCase()}!`)).toBe(`Key=${REDACTED}!`);
    });

    it('should remove any run of 8 or more characters of a key, but not shorter runs', () => {
      const s = new Scrubber([KEY]);
      expect(s.text(`ends in ${KEY.slice(-8)}`)).toBe(`ends in ${REDACTED}`);
      expect(s.text(`middle ${KEY.slice(5, 17)} here`)).toBe(`middle ${REDACTED} here`);
      expect(s.text(`only ${KEY.slice(-7)}`)).toBe(`only ${KEY.slice(-7)}`);
    });

    it('should remove every key of every provider, several times in one text', () => {
      const s = new Scrubber([KEY, 'om-Key-ABCDEFGH1234', undefined, null]);
      expect(s.text(`${KEY} and om-key-abcdefgh1234 and ${KEY}`)).toBe(`${REDACTED} and ${REDACTED} and ${REDACTED}`);
    });

    it('should leave texts without a key untouched and do nothing without keys', () => {
      expect(new Scrubber([KEY]).text('Check the OpenProspect key in Settings.')).toBe('Check the OpenProspect key in Settings.');
      expect(new Scrubber([]).text(KEY)).toBe(KEY);
    });

    it('should remove a short key whole', () => {
      expect(new Scrubber(['abc123']).text('key ABC123 refused')).toBe(`key ${REDACTED} refused`);
    });
  });

  describe('Scrubber#text() on long texts (the linear scan)', () => {
    it('should find a key run wherever a lower-cased BMP character lets the slow way find it', () => {
      const s = new Scrubber([KEY]);
      // Every UTF-16 unit in place of one key character (U+212A lower-cases to k, U+0130 to two units).
      for (let u = 0; u < 0x10000; u++) {
        const text = `id ${KEY.slice(0, 12)}${String.fromCharCode(u)}${KEY.slice(13)} end`;
        const want = reference([KEY], text);
        if (s.text(text) !== want) throw new Error(`unit ${u.toString(16)}: ${s.text(text)} vs ${want}`);
      }
      expect(s.text(`x lnc_live_9f8e7d6c5b4a39281706`.replace('k', '\u212a'))).toContain(REDACTED);
    });

    it('should agree with the slow way on random texts made of key pieces, case changes and other characters', () => {
      const keys = [KEY, 'gk_sandbox_9F8E7D6C5B4A3210'];
      const s = new Scrubber(keys);
      const next = rng(7);
      const pieces = [...keys.map((k) => k.slice(2, 11)), 'ü', 'İ', '\u212a', ' ', '"', 'x', '\n'];
      for (let n = 0; n < 3000; n++) {
        let text = '';
        while (text.length < 60) {
          const p = pieces[Math.floor(next() * pieces.length)] as string;
          text += next() < 0.3 ? p.toUpperCase() : p;
        }
        expect(s.text(text)).toBe(reference(keys, text));
      }
    });

    it('should scan a long text without a key in one pass, lower-casing nothing', () => {
      const s = new Scrubber([KEY, 'om-Key-ABCDEFGH1234']);
      const long = '{"name":"Müller GmbH","id":"00000000-1111"},'.repeat(5_000);
      const lower = jest.spyOn(String.prototype, 'toLowerCase');
      try {
        expect(s.text(long) === long).toBe(true);
        expect(lower).not.toHaveBeenCalled();
      } finally {
        lower.mockRestore();
      }
      expect(s.text(`${long}${KEY.slice(3, 14)}`) === `${long}${REDACTED}`).toBe(true);
    });

    it('should lower-case units as String#toLowerCase does, one unit at a time', () => {
      for (const c of [0x41, 0x5a, 0x61, 0x30, 0xc4, 0x212a, 0x130, 0x3a3]) {
        const t = String.fromCharCode(c).toLowerCase();
        expect(lowerUnit(c)).toBe(t.length === 1 ? t.charCodeAt(0) : -1);
      }
    });

    it('should still remove a non-ASCII key and a short key (the fallback path)', () => {
      expect(new Scrubber(['schlüssel-ÄÖÜ-1234']).text('got SCHLÜSSEL-äöü-1234!')).toBe(`got ${REDACTED}!`);
      expect(new Scrubber(['abc123', KEY]).text(`${'x'.repeat(500)} ABC123`)).toBe(`${'x'.repeat(500)} ${REDACTED}`);
    });
  });

  describe('Scrubber#inEscapes()', () => {
    const s = new Scrubber([KEY, 'om/Key+ABCDEFGH1234']);
    it('should see a key split across \\u escapes and one split by an escaped slash', () => {
      expect(s.inEscapes(JSON.stringify({ m: 'x' }).replace('x', splitEscaped(KEY, 5)))).toBe(true);
      expect(s.inEscapes('{"m":"om\\/key+abcdefgh1234"}')).toBe(true);
      expect(s.inEscapes('{"m":"OM\\/KEY+ABCD\\u0045FGH"}')).toBe(true);
    });

    it('should see every key run the decoded text holds and the raw text does not (random texts)', () => {
      const keys = [KEY];
      const sc = new Scrubber(keys);
      const one = (e: string): string => (e.length === 5 ? String.fromCharCode(Number.parseInt(e.slice(1), 16)) : (JSON.parse(`"\\${e}"`) as string));
      const decode = (t: string): string => t.replace(/\\(u[0-9a-fA-F]{4}|["\\/bfnrt])/g, (_m, e: string) => one(e));
      const next = rng(11);
      let hiddenOnly = 0;
      for (let n = 0; n < 3000; n++) {
        // Filler with escapes of its own, then the key with a few characters escaped, then filler.
        const fillers = ['a', ' ', '\\"', '\\n', '\\u00fc', 'x'.repeat(Math.floor(next() * 60))];
        const filler = (): string => fillers[Math.floor(next() * fillers.length)] as string;
        const cut = Math.floor(next() * (KEY.length - RUN));
        const part = KEY.slice(cut, cut + RUN + Math.floor(next() * 4));
        const spelled = [...part].map((c) => (next() < 0.2 ? escaped(c) : next() < 0.3 ? c.toUpperCase() : c)).join('');
        const t = `${filler()}${filler()}${spelled}${filler()}`;
        const hidden = reference(keys, decode(t)) !== decode(t);
        if (hidden && reference(keys, t) === t) {
          hiddenOnly++;
          expect(sc.inEscapes(t)).toBe(true);
        }
      }
      expect(hiddenOnly).toBeGreaterThan(500);
    });

    it('should say no for texts whose escapes spell no key, and without a backslash at all', () => {
      expect(s.inEscapes('{"m":"line\\nbreak \\"quoted\\" \\u00fcber"}')).toBe(false);
      expect(s.inEscapes(`{"m":"${KEY}"}`)).toBe(false);
      expect(new Scrubber([]).inEscapes('{"m":"\\u0041"}')).toBe(false);
    });
  });

  describe('a response body through platform/http', () => {
    const key = 'om/Key+ABCDEFGH1234';
    const scrubber = new Scrubber([KEY, key]);
    const bodyOf = (raw: string): unknown => {
      const http = createHttp({
        provider: 'openmart',
        baseUrl: 'https://h.test',
        authHeaders: {},
        urlFetch: fakeUrlFetch(() => ({ status: 200, raw })),
        clock: fakeClock(),
        scrub: (t) => scrubber.text(t),
        scrubEscapes: (t) => scrubber.inEscapes(t),
      });
      return http.request({ method: 'get', path: '/x' }).body;
    };

    it('should remove a key split across escapes from the parsed strings, object keys too', () => {
      const b = splitEscaped(key, 5).replace('/', '\\/');
      const raw = `{"a":"call ${splitEscaped(KEY, 4)} now","${splitEscaped(KEY, 6)}":1,"b":"${b}"}`;
      expect(bodyOf(raw)).toEqual({ a: `call ${REDACTED} now`, [REDACTED]: 1, b: REDACTED });
    });

    it('should leave an answer whose escapes hide no key exactly as parsed', () => {
      const raw = '{"a":"=HYPERLINK(\\"http:\\/\\/x\\")","b":"\\u00fcber"}';
      expect(bodyOf(raw)).toEqual(JSON.parse(raw));
    });
  });

  describe('Scrubber#deep()', () => {
    it('should scrub every string of plain data, object keys included', () => {
      const s = new Scrubber([KEY]);
      const out = s.deep({ a: [KEY, 1, true, null], b: { [KEY.slice(-10)]: `x${KEY.toUpperCase()}` } });
      expect(JSON.stringify(out)).not.toMatch(/9f8e7d6c|9F8E7D6C/);
      expect(out.a).toEqual([REDACTED, 1, true, null]);
    });
  });

  describe('#boundText()', () => {
    it('should cut long texts to the bound with a marker and keep short ones', () => {
      expect(boundText('short', 300)).toBe('short');
      const cut = boundText('x'.repeat(20_000), 300);
      expect(cut.length).toBe(300);
      const cutCount = Number(/\[(\d+) more characters cut\]$/.exec(cut)?.[1]);
      expect(cut.indexOf(' … [') + cutCount).toBe(20_000);
    });
  });

  describe('#shortDetail()', () => {
    it('should hide key-shaped tokens that are no key of this user: prefixed keys and long random strings', () => {
      expect(shortDetail('bad key gk_prod_abcdefghijkl given', 200)).toBe('bad key [redacted] given');
      expect(shortDetail('token 8c1f0a9e4b7d23c65e0f1a2b3c4d5e6f7a8b9c0d used', 200)).toBe('token [redacted] used');
      expect(shortDetail('sk_test_X1 and <b>tags</b>', 200)).toBe('[redacted] and tags');
    });

    it('should keep UUIDs readable: an order id is what support asks for', () => {
      const text = 'Order 54359807-6367-445a-8b21-ba49f605a987 is IN_PROGRESS';
      expect(shortDetail(text, 200)).toBe(text);
    });

    it('should keep long names without a digit readable (gu1 integration codes)', () => {
      const text = 'Integration br_cpfcnpj_complete_company_enrichment is not active for your organization';
      expect(shortDetail(text, 200)).toBe(text);
    });

    it('should cut to the bound with an ellipsis', () => {
      expect(shortDetail('word '.repeat(40), 20)).toHaveLength(20);
      expect(shortDetail('word '.repeat(40), 20).endsWith('…')).toBe(true);
    });
  });
});
