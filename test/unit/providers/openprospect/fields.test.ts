import { normalizeHeader } from '../../../../src/sheet/headers';
import {
  ENRICHMENT_FIELDS,
  ENRICHMENT_FIELD_KEYS,
  looksLikeEmail,
  looksLikeWebAddress,
  parseEmployeeCount,
} from '../../../../src/providers/openprospect/fields';

const spec = (key: string) => {
  const f = ENRICHMENT_FIELDS.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${key}`);
  return f;
};

describe('providers/openprospect', () => {
  describe('ENRICHMENT_FIELDS', () => {
    it('should list the 12 documented company fields by their exact names, company_name the only required one', () => {
      expect(ENRICHMENT_FIELD_KEYS).toEqual([
        'company_name',
        'external_id',
        'website_url',
        'postal_code',
        'city',
        'street',
        'country',
        'email',
        'phone',
        'employee_count',
        'industry_code',
        'industry_description',
      ]);
      expect(ENRICHMENT_FIELDS.filter((f) => f.required).map((f) => f.key)).toEqual(['company_name']);
    });

    it('should have English and German aliases and no alias on two fields', () => {
      const owner = new Map<string, string>();
      for (const f of ENRICHMENT_FIELDS) {
        for (const a of f.aliases) {
          const n = normalizeHeader(a);
          expect([f.key, undefined]).toContain(owner.get(n));
          owner.set(n, f.key);
        }
      }
      const german: Record<string, string> = {
        Firma: 'company_name',
        Kundennummer: 'external_id',
        Webseite: 'website_url',
        PLZ: 'postal_code',
        Ort: 'city',
        Straße: 'street',
        Land: 'country',
        'E-Mail': 'email',
        Telefon: 'phone',
        Mitarbeiter: 'employee_count',
        Branchencode: 'industry_code',
        Branche: 'industry_description',
      };
      for (const [alias, key] of Object.entries(german)) expect(owner.get(normalizeHeader(alias))).toBe(key);
      for (const alias of ['Company', 'ID', 'Website', 'URL', 'Domain', 'City', 'Country', 'Zip', 'Employees', 'SIC', 'Industry']) {
        expect(owner.has(normalizeHeader(alias))).toBe(true);
      }
    });

    it('should give validator phrases that follow the label', () => {
      expect(spec('company_name').validate?.('x'.repeat(612))).toBe('is longer than 500 characters (612)');
      expect(spec('company_name').validate?.('x'.repeat(500))).toBeNull();
      expect(spec('website_url').validate?.('acme corp')).toMatch(/^"acme corp" is not a web address/);
      expect(spec('email').validate?.('nope')).toBe('"nope" is not an email address');
      expect(spec('employee_count').validate?.('about 50')).toBe('"about 50" is not a whole number');
      expect(spec('city').validate).toBeUndefined();
    });
  });

  describe('#parseEmployeeCount()', () => {
    it('should read whole numbers with thousands separators and refuse ranges and words', () => {
      expect(['120', ' 1,200 ', '1.200', '1 200', "1'200", '250.0', '0'].map(parseEmployeeCount)).toEqual([120, 1200, 1200, 1200, 1200, 250, 0]);
      expect(['50-100', '-5', '12.5', 'many', '', '1,20'].map(parseEmployeeCount)).toEqual([null, null, null, null, null, null]);
    });
  });

  describe('#looksLikeWebAddress()', () => {
    it('should accept full URLs and bare domains and refuse the rest', () => {
      for (const ok of ['https://www.grandhotel-berlin.de', 'http://acme.com/about?x=1', 'grandhotel-berlin.de', 'www.müller-bau.de', 'acme.co.uk/'])
        expect(looksLikeWebAddress(ok)).toBe(true);
      for (const bad of ['acme corp', 'localhost', 'ftp://acme.com', 'mailto:info@acme.com', 'https://', 'acme']) expect(looksLikeWebAddress(bad)).toBe(false);
    });
  });

  describe('#looksLikeEmail()', () => {
    it('should accept a plain address and refuse obvious non-addresses', () => {
      expect(looksLikeEmail('m.schmidt@grandhotel-berlin.de')).toBe(true);
      for (const bad of ['m.schmidt', 'a@b', 'a b@c.de', '@c.de']) expect(looksLikeEmail(bad)).toBe(false);
    });
  });
});
