import { DiscoveryFormSchema, buildDiscoveryOrder } from '../../../../src/providers/openprospect/build-discovery';

// The discovery guide's request example, as the sidebar would send it.
const FORM = {
  title: 'DACH SaaS Discovery Q1 2026',
  features: ['COMPANY_DATA', 'CONTACTS', 'ANALYSIS'],
  ideal_customer_profile: 'Mid-market SaaS companies in the DACH region with 50-500 employees, focused on B2B software solutions',
  seller_offering: 'AI-powered lead generation and prospect enrichment platform',
  seller_industry: 'Software / Technology',
  target_countries: ['Germany', 'Austria', 'Switzerland'],
  target_cities: ['Berlin', 'Munich', 'Vienna'],
  excluded_industries: ['Government', 'Non-profit'],
  output_language: 'en',
  blacklist_ids: ['d33b69ce-80ce-4ede-b4df-4b11427f8b55'],
  profile_name: 'DACH SaaS Discovery Profile',
};

function problemsOf(form: unknown): Array<{ field: string; message: string }> {
  const out = buildDiscoveryOrder(form);
  if (out.ok) throw new Error('expected problems');
  return out.problems;
}

describe('providers/openprospect', () => {
  describe('#buildDiscoveryOrder()', () => {
    it('should send briefing_quantity as a whole number and refuse anything else', () => {
      const ok = buildDiscoveryOrder({ ...FORM, briefing_quantity: '40' });
      expect(ok.ok && ok.body.briefing_quantity).toBe(40);
      const none = buildDiscoveryOrder({ ...FORM, briefing_quantity: '' });
      expect(none.ok && 'briefing_quantity' in none.body).toBe(false);
      for (const bad of [0, -3, 2.5, 'many']) {
        expect(problemsOf({ ...FORM, briefing_quantity: bad }).map((p) => p.field)).toEqual(['briefing_quantity']);
      }
    });

    it('should build exactly the guide example body', () => {
      const out = buildDiscoveryOrder(FORM);
      expect(out).toEqual({ ok: true, hints: [], body: { order_type: 'DISCOVERY', ...FORM } });
    });

    it('should accept the minimum body and omit every unset optional field', () => {
      const out = buildDiscoveryOrder({
        title: 'T',
        features: ['COMPANY_DATA'],
        ideal_customer_profile: 'ICP',
        seller_offering: 'Offer',
        target_countries: ['Germany'],
        seller_industry: '',
        target_cities: [],
        output_language: '  ',
        blacklist_ids: null,
        priority: '',
        webhook_url: '',
      });
      expect(out).toEqual({
        ok: true,
        hints: [],
        body: {
          order_type: 'DISCOVERY',
          title: 'T',
          features: ['COMPANY_DATA'],
          ideal_customer_profile: 'ICP',
          seller_offering: 'Offer',
          target_countries: ['Germany'],
        },
      });
    });

    it('should read list fields typed as text, one per line or comma separated', () => {
      const out = buildDiscoveryOrder({
        ...FORM,
        target_countries: 'Germany\nAustria, Switzerland',
        target_cities: 'Berlin;Munich',
        contact_roles: 'CEO\nCTO',
      });
      expect(out.ok && out.body.target_countries).toEqual(['Germany', 'Austria', 'Switzerland']);
      expect(out.ok && out.body.target_cities).toEqual(['Berlin', 'Munich']);
      expect(out.ok && out.body.contact_roles).toEqual(['CEO', 'CTO']);
    });

    it('should name every missing required field', () => {
      expect(problemsOf({})).toEqual([
        { field: 'title', message: 'Title is required: it names the job and its result tabs.' },
        { field: 'features', message: expect.stringMatching(/^Tick at least one feature \(Company data, Contacts/) },
        { field: 'ideal_customer_profile', message: 'Ideal customer profile is required: describe the companies you want found.' },
        { field: 'seller_offering', message: 'What you sell is required: describe what you offer these companies.' },
        { field: 'target_countries', message: 'Target countries is required: name at least one country (Germany, or its code DE).' },
      ]);
    });

    it('should enforce every documented maximum length', () => {
      const problems = problemsOf({
        ...FORM,
        title: 't'.repeat(501),
        ideal_customer_profile: 'i'.repeat(5_001),
        seller_offering: 's'.repeat(5_001),
        seller_industry: 'x'.repeat(1_001),
        output_language: 'english-uk!',
        profile_name: 'p'.repeat(501),
      });
      expect(problems).toEqual([
        { field: 'title', message: 'Title is longer than 500 characters (501).' },
        { field: 'ideal_customer_profile', message: 'Ideal customer profile is longer than 5,000 characters (5,001).' },
        { field: 'seller_offering', message: 'What you sell is longer than 5,000 characters (5,001).' },
        { field: 'seller_industry', message: 'Your industry is longer than 1,000 characters (1,001).' },
        { field: 'output_language', message: 'Output language "english-uk!" is longer than 10 characters; use a language code such as en or de.' },
        { field: 'profile_name', message: 'New search profile name is longer than 500 characters (501).' },
      ]);
      expect(
        buildDiscoveryOrder({
          ...FORM,
          title: 't'.repeat(500),
          ideal_customer_profile: 'i'.repeat(5_000),
          seller_offering: 's'.repeat(5_000),
          seller_industry: 'x'.repeat(1_000),
          output_language: 'de-CH-1996',
        }).ok,
      ).toBe(true);
    });

    it('should refuse blacklist ids that are not UUIDs and drop repeats', () => {
      expect(problemsOf({ ...FORM, blacklist_ids: ['d33b69ce-80ce-4ede-b4df-4b11427f8b55', 'customers'] })).toEqual([
        { field: 'blacklist_ids', message: 'Blacklist ID "customers" is not a UUID.' },
      ]);
      const out = buildDiscoveryOrder({ ...FORM, blacklist_ids: ['d33b69ce-80ce-4ede-b4df-4b11427f8b55', 'd33b69ce-80ce-4ede-b4df-4b11427f8b55'] });
      expect(out.ok && out.body.blacklist_ids).toEqual(['d33b69ce-80ce-4ede-b4df-4b11427f8b55']);
    });

    it('should refuse companies, the profile conflict and duplicate features', () => {
      expect(
        problemsOf({
          ...FORM,
          companies: [{ company_name: 'Acme' }],
          profile_id: '42665897-b189-4e0f-8841-499351a30aff',
          features: ['COMPANY_DATA', 'COMPANY_DATA'],
        }),
      ).toEqual([
        { field: 'features', message: 'Feature COMPANY_DATA is listed twice.' },
        { field: 'profile_id', message: 'Fill in either "New search profile name" or "Existing search profile id", not both.' },
        { field: 'companies', message: expect.stringMatching(/^companies is not allowed in a discovery order/) },
      ]);
    });

    it('should validate priority and webhook_url like enrichment', () => {
      expect(problemsOf({ ...FORM, priority: 'normal', webhook_url: 'your-api.com/hook' }).map((p) => p.field)).toEqual(['priority', 'webhook_url']);
      const out = buildDiscoveryOrder({ ...FORM, priority: 'EXPRESS', webhook_url: 'https://your-api.com/webhooks/openprospect' });
      expect(out.ok && out.body).toMatchObject({ priority: 'EXPRESS', webhook_url: 'https://your-api.com/webhooks/openprospect' });
    });

    it('should refuse a form of the wrong shape', () => {
      expect(problemsOf({ ...FORM, target_countries: 3 })).toEqual([{ field: 'target_countries', message: 'target_countries has the wrong type.' }]);
      expect(problemsOf('form')[0]?.field).toBe('(input)');
    });

    it('should pass feature hints along', () => {
      const out = buildDiscoveryOrder({ ...FORM, features: ['CONTACTS'] });
      expect(out.hints).toEqual(['Contacts builds on Company data: tick Company data too for best results.']);
    });
  });

  describe('DiscoveryFormSchema', () => {
    it('should type-check the sidebar form', () => {
      expect(DiscoveryFormSchema.safeParse(FORM).success).toBe(true);
      expect(DiscoveryFormSchema.safeParse({ ...FORM, blacklist_ids: [1] }).success).toBe(false);
    });
  });
});
