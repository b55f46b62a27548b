import { REDACTED, Scrubber, boundText, shortDetail } from '../../../src/platform/scrub';

const KEY = 'lnc_live_9f8e7d6c5b4a39281706';

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
