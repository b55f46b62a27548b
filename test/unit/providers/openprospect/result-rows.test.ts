import { COMPANY_COLUMNS, PROSPECT_COLUMNS, columnsFor, companyRow, prospectRows, socialLinksText } from '../../../../src/providers/openprospect/result-rows';
import { ResultCompanySchema, type ResultCompany } from '../../../../src/providers/openprospect/result-schemas';

// The enrichment guide's result item, verbatim (parsed like a real page).
const GRAND_HOTEL = ResultCompanySchema.parse({
  id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
  name: 'Grand Hotel Berlin',
  website_url: 'https://www.grandhotel-berlin.de',
  normalized_url: 'grandhotel-berlin.de',
  business_type: 'Hotel',
  city: 'Berlin',
  country: 'Germany',
  description: 'A luxury 5-star hotel in the heart of Berlin...',
  employee_count: 120,
  phone_numbers: ['+49 30 12345678'],
  social_media_links: [
    { platform: 'facebook', url: 'https://facebook.com/grandhotelberlin' },
    { platform: 'instagram', url: 'https://instagram.com/grandhotelberlin' },
  ],
  match_score: 8,
  match_reasons: ['Industry match', 'Size match', 'Location match'],
  match_reasoning: 'The company operates a luxury hotel in Berlin...',
  web_technologies: ['WordPress', 'Google Analytics', 'Cloudflare'],
  web_technologies_analyzed_at: '2026-02-25T11:30:00.000000Z',
  source_id: 'CRM-1001',
  delivered_at: '2026-02-25T11:45:00.000000Z',
  legal_registration_info: null,
  prospects: [
    {
      id: 'e5f6a7b8-c9d0-1234-e5f6-a7b8c9d01234',
      company_id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
      first_name: 'Maria',
      last_name: 'Schmidt',
      job_title: 'General Manager',
      email: 'm.schmidt@grandhotel-berlin.de',
      phone_number: null,
      linkedin_url: 'https://linkedin.com/in/mariaschmidt',
      qualification_score: 9,
      qualification_reason: 'Senior decision maker in hotel management',
      email_type: 'PERSONAL',
      validation_confidence: 95,
      bounce_risk_score: 5,
    },
  ],
});

// The discovery guide's result item, with HANDELSREGISTER data added (documented keys).
const CLOUDOPS: ResultCompany = ResultCompanySchema.parse({
  id: 'b2c3d4e5-f6a7-8901-bcde-f12345678901',
  name: 'CloudOps Technologies GmbH',
  website_url: 'https://www.cloudops-tech.de',
  normalized_url: 'cloudops-tech.de',
  business_type: 'B2B SaaS',
  city: 'Berlin',
  country: 'Germany',
  description: 'Cloud operations platform for enterprise DevOps teams...',
  employee_count: 85,
  phone_numbers: ['+49 30 98765432'],
  social_media_links: [{ platform: 'linkedin', url: 'https://linkedin.com/company/cloudops-tech' }],
  match_score: 9,
  match_reasons: ['Industry match', 'Size match', 'Location match', 'Growth signals'],
  match_reasoning: 'Strong ICP fit: B2B SaaS company in Berlin with 85 employees...',
  web_technologies: ['React', 'AWS', 'Kubernetes'],
  web_technologies_analyzed_at: '2026-03-02T14:00:00.000000Z',
  source_id: null,
  delivered_at: '2026-03-02T14:30:00.000000Z',
  legal_registration_info: {
    company_name: 'CloudOps Technologies GmbH',
    legal_form: 'GmbH',
    registration_number: 'HRB 123456 B',
    registration_court: 'Amtsgericht Charlottenburg',
    founding_date: '2015-04-01',
    share_capital_amount: 25000,
    business_purpose: 'Software development',
    status: 'active',
    is_dissolved: false,
    vat_id: 'DE123456789',
  },
  prospects: [
    {
      id: 'f6a7b8c9-d0e1-2345-f6a7-b8c9d0e12345',
      company_id: 'b2c3d4e5-f6a7-8901-bcde-f12345678901',
      first_name: 'Thomas',
      last_name: 'Weber',
      job_title: 'CTO',
      email: 't.weber@cloudops-tech.de',
      phone_number: null,
      linkedin_url: 'https://linkedin.com/in/thomasweber',
      qualification_score: 9,
      qualification_reason: 'C-level technology decision maker',
      email_type: 'PERSONAL',
      validation_confidence: 92,
      bounce_risk_score: 8,
      generated_email: { subject: 'Hello Thomas', body: 'Hi Thomas, ...' },
    },
  ],
});

describe('providers/openprospect', () => {
  describe('#companyRow()', () => {
    it('should key an enrichment item by the echoed source_id and shape the documented fields', () => {
      const row = companyRow(GRAND_HOTEL, { orderType: 'ENRICHMENT' });
      expect(Object.keys(row)).toEqual([...COMPANY_COLUMNS]);
      expect(row).toMatchObject({
        external_id: 'CRM-1001',
        company_id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
        name: 'Grand Hotel Berlin',
        employee_count: 120,
        phone_numbers: ['+49 30 12345678'],
        social_media_links: 'facebook: https://facebook.com/grandhotelberlin\ninstagram: https://instagram.com/grandhotelberlin',
        match_score: 8,
        match_reasons: ['Industry match', 'Size match', 'Location match'],
        web_technologies: 'WordPress, Google Analytics, Cloudflare',
        'legal.legal_form': null,
        'legal.is_dissolved': null,
        prospect_count: 1,
        street: null,
        favicon_url: null,
        delivered_at: '2026-02-25T11:45:00.000000Z',
      });
    });

    it('should key a discovery item by the provider company id and spread legal info into sub-columns', () => {
      const row = companyRow(CLOUDOPS, 'DISCOVERY');
      expect(row['external_id']).toBe('b2c3d4e5-f6a7-8901-bcde-f12345678901');
      expect(row).toMatchObject({
        'legal.company_name': 'CloudOps Technologies GmbH',
        'legal.registration_number': 'HRB 123456 B',
        'legal.share_capital_amount': 25000,
        'legal.is_dissolved': false,
        'legal.vat_id': 'DE123456789',
        social_media_links: 'linkedin: https://linkedin.com/company/cloudops-tech',
      });
      expect(Object.keys(row).slice(0, COMPANY_COLUMNS.length)).toEqual([...COMPANY_COLUMNS]);
      expect(Object.keys(row).slice(COMPANY_COLUMNS.length)).toEqual(['legal.vat_id']);
    });

    it('should fall back to the company id when no order type is given and source_id is null', () => {
      expect(companyRow(CLOUDOPS)['external_id']).toBe(CLOUDOPS.id);
      expect(companyRow(GRAND_HOTEL)['external_id']).toBe('CRM-1001');
      expect(companyRow({ ...GRAND_HOTEL, source_id: '' }, 'ENRICHMENT')['external_id']).toBe(GRAND_HOTEL.id);
    });

    it('should write nulls for a sparse item and keep undocumented keys after the columns', () => {
      const row = companyRow(ResultCompanySchema.parse({ id: 'c-1', name: 'Bare', source_id: 'S-1', prospects: [], signals: ['hiring'] }));
      expect(row).toMatchObject({
        external_id: 'S-1',
        website_url: null,
        social_media_links: null,
        web_technologies: null,
        prospect_count: 0,
        signals: ['hiring'],
      });
      expect(Object.keys(row).at(-1)).toBe('signals');
    });
  });

  describe('#prospectRows()', () => {
    it('should key prospects by id with the company key and name beside them', () => {
      const rows = prospectRows(GRAND_HOTEL, 'ENRICHMENT');
      expect(rows).toEqual([
        {
          prospect_id: 'e5f6a7b8-c9d0-1234-e5f6-a7b8c9d01234',
          company_external_id: 'CRM-1001',
          company_name: 'Grand Hotel Berlin',
          first_name: 'Maria',
          last_name: 'Schmidt',
          job_title: 'General Manager',
          email: 'm.schmidt@grandhotel-berlin.de',
          email_type: 'PERSONAL',
          validation_confidence: 95,
          bounce_risk_score: 5,
          phone_number: null,
          linkedin_url: 'https://linkedin.com/in/mariaschmidt',
          qualification_score: 9,
          qualification_reason: 'Senior decision maker in hotel management',
          company_id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
        },
      ]);
      expect(Object.keys(rows[0] ?? {})).toEqual([...PROSPECT_COLUMNS]);
    });

    it('should use the discovery company id and keep undocumented prospect keys (generated emails)', () => {
      const [row] = prospectRows(CLOUDOPS, { orderType: 'DISCOVERY' });
      expect(row).toMatchObject({
        company_external_id: CLOUDOPS.id,
        company_name: 'CloudOps Technologies GmbH',
        generated_email: { subject: 'Hello Thomas', body: 'Hi Thomas, ...' },
      });
    });

    it('should return no rows when prospects are missing or null', () => {
      expect(prospectRows(ResultCompanySchema.parse({ id: 'c', prospects: null }))).toEqual([]);
      expect(prospectRows(ResultCompanySchema.parse({ id: 'c' }))).toEqual([]);
    });
  });

  describe('#socialLinksText()', () => {
    it('should write platform: url lines and skip empty links', () => {
      expect(
        socialLinksText([{ platform: 'x', url: 'https://x.com/a' }, { platform: null, url: 'https://y.com' }, { platform: 'z', url: null }, { url: '' }]),
      ).toBe('x: https://x.com/a\nhttps://y.com\nz');
      expect(socialLinksText([])).toBeNull();
      expect(socialLinksText(null)).toBeNull();
    });
  });

  describe('#columnsFor()', () => {
    it('should append extra keys in first-seen order', () => {
      const rows = [companyRow(GRAND_HOTEL), companyRow(CLOUDOPS)];
      expect(columnsFor(rows, COMPANY_COLUMNS)).toEqual([...COMPANY_COLUMNS, 'legal.vat_id']);
    });
  });
});
