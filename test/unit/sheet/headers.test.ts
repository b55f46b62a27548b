import {
  ALIASES,
  detectHeaderRow,
  EXTERNAL_ID_FIELD,
  guessMapping,
  headerNames,
  missingRequired,
  normalizeHeader,
  type FieldSpec,
} from '../../../src/sheet/headers';

/** A company field list like a provider would define it. */
const FIELDS: FieldSpec[] = [
  EXTERNAL_ID_FIELD,
  { key: 'company_name', label: 'company name', required: true, aliases: [...ALIASES.companyName] },
  { key: 'website', label: 'website', aliases: [...ALIASES.website] },
  { key: 'city', label: 'city', aliases: [...ALIASES.city] },
  { key: 'country', label: 'country', aliases: [...ALIASES.country] },
  { key: 'postal_code', label: 'postal code', aliases: [...ALIASES.postalCode] },
  { key: 'street', label: 'street', aliases: [...ALIASES.street] },
  { key: 'email', label: 'email', aliases: [...ALIASES.email] },
  { key: 'phone', label: 'phone', aliases: [...ALIASES.phone] },
  { key: 'employees', label: 'employees', aliases: [...ALIASES.employees] },
  { key: 'industry', label: 'industry', aliases: [...ALIASES.industry] },
];

function byHeader(headers: string[], fields: FieldSpec[] = FIELDS): Record<string, string> {
  const m = guessMapping(headers, fields);
  return Object.fromEntries(Object.entries(m).map(([k, i]) => [k, headers[i] ?? '?']));
}

describe('sheet/headers', () => {
  describe('#normalizeHeader()', () => {
    it('should fold case, accents, ß and punctuation', () => {
      expect(normalizeHeader('  Straße_und-Hausnummer ')).toBe('strasse und hausnummer');
      expect(normalizeHeader('Länderkennung')).toBe('landerkennung');
      expect(normalizeHeader('E-Mail')).toBe('e mail');
      expect(normalizeHeader('Kd.-Nr.')).toBe('kd nr');
    });
  });

  describe('#guessMapping()', () => {
    it('should map English headers', () => {
      expect(byHeader(['ID', 'Company Name', 'Website', 'City', 'Country', 'Zip', 'Street', 'Email', 'Phone', 'Employees', 'Industry'])).toEqual({
        external_id: 'ID',
        company_name: 'Company Name',
        website: 'Website',
        city: 'City',
        country: 'Country',
        postal_code: 'Zip',
        street: 'Street',
        email: 'Email',
        phone: 'Phone',
        employees: 'Employees',
        industry: 'Industry',
      });
    });

    it('should map German headers', () => {
      expect(byHeader(['Kunden-Nr', 'Firma', 'Webseite', 'PLZ', 'Ort', 'Land', 'Straße', 'E-Mail', 'Telefon', 'Mitarbeiter', 'Branche'])).toEqual({
        external_id: 'Kunden-Nr',
        company_name: 'Firma',
        website: 'Webseite',
        postal_code: 'PLZ',
        city: 'Ort',
        country: 'Land',
        street: 'Straße',
        email: 'E-Mail',
        phone: 'Telefon',
        employees: 'Mitarbeiter',
        industry: 'Branche',
      });
    });

    it('should map messy headers: case, spaces, underscores, extra words, typos', () => {
      expect(byHeader(['  COMPANY_NAME ', 'website url', 'e mail', 'external_id', 'Company Size', 'NACE Code', 'Contry', 'Postleitzahl (5-stellig)'])).toEqual({
        company_name: '  COMPANY_NAME ',
        website: 'website url',
        email: 'e mail',
        external_id: 'external_id',
        employees: 'Company Size',
        industry: 'NACE Code',
        country: 'Contry',
        postal_code: 'Postleitzahl (5-stellig)',
      });
    });

    it('should prefer an exact alias over a fuzzy one, whatever the column order', () => {
      expect(byHeader(['Company Email', 'Company'])).toEqual({ company_name: 'Company', email: 'Company Email' });
      expect(byHeader(['Domain name', 'Domain'])['website']).toBe('Domain');
    });

    it('should never map one column to two fields', () => {
      const m = guessMapping(
        ['Name', 'Name'],
        [
          { key: 'company_name', label: 'company', aliases: ['Name'] },
          { key: 'contact', label: 'contact', aliases: ['Name'] },
        ],
      );
      expect(m).toEqual({ company_name: 0, contact: 1 });
      const single = guessMapping(
        ['Name'],
        [
          { key: 'company_name', label: 'company', aliases: ['Name'] },
          { key: 'contact', label: 'contact', aliases: ['Name'] },
        ],
      );
      expect(single).toEqual({ company_name: 0 });
      const cols = Object.values(guessMapping(['PLZ / Ort'], FIELDS));
      expect(new Set(cols).size).toBe(cols.length);
    });

    it('should not map on a generic word alone', () => {
      expect(byHeader(['First Name', 'Last Name'])).toEqual({});
      expect(byHeader(['Order ID'])).toEqual({});
    });

    it('should skip empty headers and leave unknown ones unmapped', () => {
      expect(guessMapping(['', 'Favourite colour', 'Firma'], FIELDS)).toEqual({ company_name: 2 });
    });

    it('should match a field by its key or label', () => {
      expect(guessMapping(['linkedin_url'], [{ key: 'linkedin_url', label: 'LinkedIn', aliases: [] }])).toEqual({ linkedin_url: 0 });
    });
  });

  describe('#detectHeaderRow()', () => {
    it('should take the first non-empty row of a data range', () => {
      expect(
        detectHeaderRow([
          ['', ''],
          [' ', null],
          ['Firma', 'Ort'],
          ['A', 'B'],
        ]),
      ).toBe(2);
    });

    it('should take the first row of a selection, or -1 when it is empty', () => {
      expect(detectHeaderRow([['Firma'], ['A']], 'selection')).toBe(0);
      expect(detectHeaderRow([[''], ['A']], 'selection')).toBe(-1);
      expect(detectHeaderRow([[''], ['']])).toBe(-1);
    });
  });

  describe('#headerNames()', () => {
    it('should trim and stringify header cells', () => {
      expect(headerNames([' Firma ', 2026, ''])).toEqual(['Firma', '2026', '']);
    });
  });

  describe('#missingRequired()', () => {
    it('should list required fields without a column', () => {
      expect(missingRequired({ website: 1 }, FIELDS).map((f) => f.key)).toEqual(['company_name']);
    });
  });
});
