import { REDACTED, Scrubber, boundText } from '../../../src/platform/scrub';

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
});
