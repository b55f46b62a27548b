import { EnrichmentOptionsSchema, buildEnrichmentOrders, toCompany, type SheetRecord } from '../../../../src/providers/openprospect/build-enrichment';
import { FEATURE_DEPENDENCIES, RECOMMENDED_FEATURES, featureHints } from '../../../../src/providers/openprospect/order-options';
import { FEATURES } from '../../../../src/providers/openprospect/schemas';

const OPTIONS = { title: 'Q1 2026 Hotel Prospects', features: ['COMPANY_DATA', 'CONTACTS', 'TECHNOLOGIES'], profile_name: 'Hotel Enrichment Q1' };
const row = (rowNumber: number, values: Record<string, string>): SheetRecord => ({ rowNumber, values });
const GRAND = row(2, {
  company_name: 'Grand Hotel Berlin',
  external_id: 'CRM-1001',
  website_url: 'https://www.grandhotel-berlin.de',
  city: 'Berlin',
  country: 'Germany',
});
const ALPINE = row(3, { company_name: 'Alpine Resort Innsbruck', external_id: 'CRM-1002', city: 'Innsbruck', country: 'Austria' });
const messages = (problems: Array<{ message: string }>): string[] => problems.map((p) => p.message);

describe('providers/openprospect', () => {
  describe('#buildEnrichmentOrders()', () => {
    it('should build the guide example body from two rows', () => {
      const out = buildEnrichmentOrders([GRAND, ALPINE], OPTIONS);
      expect(out.problems).toEqual([]);
      expect(out.invalid).toEqual([]);
      expect(out.orders).toEqual([
        {
          rowNumbers: [2, 3],
          body: {
            order_type: 'ENRICHMENT',
            title: 'Q1 2026 Hotel Prospects',
            features: ['COMPANY_DATA', 'CONTACTS', 'TECHNOLOGIES'],
            profile_name: 'Hotel Enrichment Q1',
            companies: [
              {
                company_name: 'Grand Hotel Berlin',
                external_id: 'CRM-1001',
                website_url: 'https://www.grandhotel-berlin.de',
                city: 'Berlin',
                country: 'Germany',
              },
              { company_name: 'Alpine Resort Innsbruck', external_id: 'CRM-1002', city: 'Innsbruck', country: 'Austria' },
            ],
          },
        },
      ]);
    });

    it('should send every documented company field, trimmed, with employee_count as an integer', () => {
      const values = {
        company_name: '  Grand Hotel Berlin ',
        external_id: 'CRM-1001',
        website_url: 'grandhotel-berlin.de',
        postal_code: '10117',
        city: 'Berlin',
        street: 'Unter den Linden 77',
        country: 'DE',
        email: 'info@grandhotel-berlin.de',
        phone: '+49 30 12345678',
        employee_count: '1.200',
        industry_code: '55.10',
        industry_description: 'Hotels',
        unrelated: 'ignored',
      };
      expect(toCompany(row(5, values))).toEqual({
        reasons: [],
        company: {
          company_name: 'Grand Hotel Berlin',
          external_id: 'CRM-1001',
          website_url: 'grandhotel-berlin.de',
          postal_code: '10117',
          city: 'Berlin',
          street: 'Unter den Linden 77',
          country: 'DE',
          email: 'info@grandhotel-berlin.de',
          phone: '+49 30 12345678',
          employee_count: 1200,
          industry_code: '55.10',
          industry_description: 'Hotels',
        },
      });
    });

    it('should refuse a row without a company name or external ID, naming row and field', () => {
      const out = buildEnrichmentOrders([GRAND, row(7, { company_name: '  ', external_id: 'X-7' }), row(8, { company_name: 'Acme' })], OPTIONS);
      expect(out.invalid).toEqual([
        { rowNumber: 7, reasons: ['Row 7: company name is empty'] },
        { rowNumber: 8, reasons: ['Row 8: external ID is empty (the add-on needs it to match results back to this row)'] },
      ]);
      expect(out.orders[0]?.rowNumbers).toEqual([2]);
    });

    it('should refuse a company name over 500 characters with its length', () => {
      const out = buildEnrichmentOrders(
        [row(12, { company_name: 'x'.repeat(612), external_id: 'A' }), row(13, { company_name: 'y'.repeat(500), external_id: 'B' })],
        OPTIONS,
      );
      expect(out.invalid).toEqual([{ rowNumber: 12, reasons: ['Row 12: company name is longer than 500 characters (612)'] }]);
      expect(out.orders[0]?.rowNumbers).toEqual([13]);
    });

    it('should refuse bad employee counts, emails and websites, listing every reason of a row', () => {
      const out = buildEnrichmentOrders(
        [row(4, { company_name: 'Acme', external_id: 'A', employee_count: '50-100', email: 'info at acme', website_url: 'acme corp' })],
        OPTIONS,
      );
      expect(out.invalid).toEqual([
        {
          rowNumber: 4,
          reasons: [
            'Row 4: website "acme corp" is not a web address (expected e.g. https://www.example.com or example.com)',
            'Row 4: email "info at acme" is not an email address',
            'Row 4: employee count "50-100" is not a whole number',
          ],
        },
      ]);
      expect(out.orders).toEqual([]);
      expect(messages(out.problems)).toEqual(['None of the rows is valid; fix the rows listed and try again.']);
    });

    it('should refuse a repeated external ID on the later row', () => {
      const out = buildEnrichmentOrders([GRAND, row(9, { company_name: 'Other', external_id: 'CRM-1001' })], OPTIONS);
      expect(out.invalid).toEqual([{ rowNumber: 9, reasons: ['Row 9: external ID "CRM-1001" is also used by row 2'] }]);
      expect(out.orders[0]?.rowNumbers).toEqual([2]);
    });

    it('should split 25,000 rows into 3 orders of at most 10,000 with no row in two orders', () => {
      const records = Array.from({ length: 25_000 }, (_, i) => row(i + 2, { company_name: `Company ${i}`, external_id: `ID-${i}` }));
      const out = buildEnrichmentOrders(records, OPTIONS);
      expect(out.orders.map((o) => o.body.companies.length)).toEqual([10_000, 10_000, 5_000]);
      expect(out.orders.map((o) => o.body.title)).toEqual([
        'Q1 2026 Hotel Prospects (part 1 of 3)',
        'Q1 2026 Hotel Prospects (part 2 of 3)',
        'Q1 2026 Hotel Prospects (part 3 of 3)',
      ]);
      const all = out.orders.flatMap((o) => o.rowNumbers);
      expect(all).toHaveLength(25_000);
      expect(new Set(all).size).toBe(25_000);
      expect(all).toEqual(records.map((r) => r.rowNumber));
      for (const o of out.orders) {
        expect(o.body.companies.map((c) => c.external_id)).toEqual(o.rowNumbers.map((n) => `ID-${n - 2}`));
        expect(o.body.features).toEqual(OPTIONS.features);
      }
    });

    it('should keep exactly 10,000 rows in one order without a suffix', () => {
      const records = Array.from({ length: 10_000 }, (_, i) => row(i + 2, { company_name: `C${i}`, external_id: `${i}` }));
      const out = buildEnrichmentOrders(records, OPTIONS);
      expect(out.orders).toHaveLength(1);
      expect(out.orders[0]?.body.title).toBe('Q1 2026 Hotel Prospects');
    });

    it('should require a title and keep it within 500 characters, suffix included', () => {
      expect(messages(buildEnrichmentOrders([GRAND], { ...OPTIONS, title: ' ' }).problems)).toEqual([
        'Title is required: it names the job and its result tabs.',
      ]);
      expect(messages(buildEnrichmentOrders([GRAND], { ...OPTIONS, title: 't'.repeat(501) }).problems)).toEqual(['Title is longer than 500 characters (501).']);
      const records = Array.from({ length: 10_001 }, (_, i) => row(i + 2, { company_name: `C${i}`, external_id: `${i}` }));
      const out = buildEnrichmentOrders(records, { ...OPTIONS, title: 't'.repeat(490) });
      expect(out.orders).toEqual([]);
      expect(messages(out.problems)).toEqual(['Title is too long: with the part suffix it would be 504 characters; the limit is 500.']);
    });

    it('should require at least one feature and refuse unknown or duplicate features', () => {
      expect(messages(buildEnrichmentOrders([GRAND], { ...OPTIONS, features: [] }).problems)).toEqual([
        'Tick at least one feature (Company data, Contacts, Technologies, Jobs, Handelsregister, Analysis, Email discovery, Email generation).',
      ]);
      const out = buildEnrichmentOrders([GRAND], { ...OPTIONS, features: ['COMPANY_DATA', 'REVIEWS', 'COMPANY_DATA', 'company_data'] });
      expect(out.orders).toEqual([]);
      expect(out.problems).toEqual([
        { field: 'features', message: `Feature "REVIEWS" is not one of ${FEATURES.join(', ')}.` },
        { field: 'features', message: 'Feature COMPANY_DATA is listed twice.' },
        { field: 'features', message: `Feature "company_data" is not one of ${FEATURES.join(', ')}.` },
      ]);
    });

    it('should accept all 8 documented features', () => {
      const out = buildEnrichmentOrders([GRAND], { ...OPTIONS, features: [...FEATURES] });
      expect(out.problems).toEqual([]);
      expect(out.orders[0]?.body.features).toEqual([...FEATURES]);
    });

    it('should refuse profile_name together with profile_id, and a profile_id that is not a UUID', () => {
      const both = buildEnrichmentOrders([GRAND], { ...OPTIONS, profile_id: '42665897-b189-4e0f-8841-499351a30aff' });
      expect(both.problems).toEqual([{ field: 'profile_id', message: 'Fill in either "New search profile name" or "Existing search profile id", not both.' }]);
      const badId = buildEnrichmentOrders([GRAND], { title: 'T', features: ['COMPANY_DATA'], profile_id: 'hotel-profile' });
      expect(messages(badId.problems)).toEqual([
        'Existing search profile id "hotel-profile" is not a profile id (they look like 4f767705-03a2-4e91-a3e8-1ec3f9dea865).',
      ]);
      const idOnly = buildEnrichmentOrders([GRAND], {
        title: 'T',
        features: ['COMPANY_DATA'],
        profile_id: '42665897-b189-4e0f-8841-499351a30aff',
        profile_name: '',
      });
      expect(idOnly.orders[0]?.body).toMatchObject({ profile_id: '42665897-b189-4e0f-8841-499351a30aff' });
      expect(idOnly.orders[0]?.body).not.toHaveProperty('profile_name');
      expect(messages(buildEnrichmentOrders([GRAND], { ...OPTIONS, profile_name: 'p'.repeat(501) }).problems)).toEqual([
        'New search profile name is longer than 500 characters (501).',
      ]);
    });

    it('should omit both profile fields when neither is given (the server derives one from the title)', () => {
      const body = buildEnrichmentOrders([GRAND], { title: 'T', features: ['COMPANY_DATA'] }).orders[0]?.body;
      expect(body).not.toHaveProperty('profile_name');
      expect(body).not.toHaveProperty('profile_id');
    });

    it('should validate priority, webhook_url and the ideal customer profile, and pass contact_roles', () => {
      const out = buildEnrichmentOrders([GRAND], { ...OPTIONS, priority: 'URGENT', webhook_url: 'ftp://x', ideal_customer_profile: 'i'.repeat(5_001) });
      expect(out.problems).toEqual([
        { field: 'priority', message: 'Priority "URGENT" must be NORMAL or EXPRESS.' },
        { field: 'webhook_url', message: 'Webhook URL "ftp://x" is not an http(s) address.' },
        { field: 'ideal_customer_profile', message: 'Ideal customer profile is longer than 5,000 characters (5,001).' },
      ]);
      const good = buildEnrichmentOrders([GRAND], {
        ...OPTIONS,
        priority: 'EXPRESS',
        webhook_url: 'https://your-api.com/webhooks/openprospect?token=s3cret',
        ideal_customer_profile: 'Luxury hotels in the DACH region',
        contact_roles: 'CEO\nCTO, Head of Sales\n\nCEO',
      });
      expect(good.orders[0]?.body).toMatchObject({
        priority: 'EXPRESS',
        webhook_url: 'https://your-api.com/webhooks/openprospect?token=s3cret',
        ideal_customer_profile: 'Luxury hotels in the DACH region',
        contact_roles: ['CEO', 'CTO', 'Head of Sales'],
      });
    });

    it('should report options problems and row reasons together, and no orders', () => {
      const out = buildEnrichmentOrders([GRAND, row(4, { company_name: '', external_id: 'Z' })], { features: ['COMPANY_DATA'] });
      expect(out.orders).toEqual([]);
      expect(messages(out.problems)).toEqual(['Title is required: it names the job and its result tabs.']);
      expect(out.invalid.map((i) => i.rowNumber)).toEqual([4]);
    });

    it('should refuse options of the wrong shape with a field-named problem', () => {
      expect(buildEnrichmentOrders([GRAND], { title: 5, features: ['COMPANY_DATA'] }).problems).toEqual([
        { field: 'title', message: 'title has the wrong type (expected string).' },
      ]);
      expect(buildEnrichmentOrders([GRAND], null).problems[0]?.field).toBe('(input)');
    });

    it('should say so when there are no rows', () => {
      expect(messages(buildEnrichmentOrders([], OPTIONS).problems)).toEqual(['There are no rows to send.']);
    });

    it('should return feature dependency hints without blocking', () => {
      const out = buildEnrichmentOrders([GRAND], { ...OPTIONS, features: ['EMAIL_DISCOVERY', 'HANDELSREGISTER'] });
      expect(out.orders).toHaveLength(1);
      expect(out.hints).toEqual([
        'Email discovery builds on Contacts: tick Contacts too for best results.',
        'Handelsregister builds on Company data: tick Company data too for best results.',
        'Handelsregister: German companies only.',
      ]);
    });
  });

  describe('#featureHints()', () => {
    it('should have no hints for the recommended combination and cover every feature in the dependency table', () => {
      expect(featureHints(RECOMMENDED_FEATURES)).toEqual([]);
      expect(Object.keys(FEATURE_DEPENDENCIES).sort()).toEqual([...FEATURES].sort());
    });
  });

  describe('EnrichmentOptionsSchema', () => {
    it('should accept the sidebar shape with blanks and text lists', () => {
      expect(
        EnrichmentOptionsSchema.safeParse({ title: 'T', features: ['COMPANY_DATA'], profile_id: '', contact_roles: 'CEO\nCTO', webhook_url: null }).success,
      ).toBe(true);
      expect(EnrichmentOptionsSchema.safeParse({ title: 'T', features: [1] }).success).toBe(false);
    });
  });
});
