import { buildProfileCreation } from '../../../../src/providers/openprospect/build-profile';

describe('providers/openprospect/build-profile', () => {
  describe('#buildProfileCreation()', () => {
    it('should send only the fields given, lists split by line, comma or semicolon', () => {
      const r = buildProfileCreation({
        profile_name: ' Hotels ',
        ideal_customer_profile: 'ICP',
        target_countries: 'Germany, Austria;Switzerland',
        contact_roles: ['CEO', ' ', 'CTO'],
        seller_industry: '  ',
      });
      expect(r).toEqual({
        ok: true,
        body: { profile_name: 'Hotels', ideal_customer_profile: 'ICP', target_countries: ['Germany', 'Austria', 'Switzerland'], contact_roles: ['CEO', 'CTO'] },
      });
    });

    it('should take all ten documented fields', () => {
      const form = {
        profile_name: 'P',
        ideal_customer_profile: 'I',
        seller_offering: 'S',
        seller_industry: 'SI',
        target_countries: ['DE'],
        target_cities: ['Berlin'],
        target_industries: ['Hotels'],
        excluded_industries: ['Gov'],
        contact_roles: ['CEO'],
        output_language: 'de',
      };
      const r = buildProfileCreation(form);
      expect(r.ok && Object.keys(r.body).sort()).toEqual(Object.keys(form).sort());
    });

    it.each([
      [{ ideal_customer_profile: 'I' }, 'Profile name is required.'],
      [{ profile_name: 'P' }, 'Ideal customer profile is required.'],
      [{ profile_name: 'x'.repeat(501), ideal_customer_profile: 'I' }, 'Profile name is longer than 500 characters (501).'],
      [{ profile_name: 'P', ideal_customer_profile: 'x'.repeat(5001) }, 'Ideal customer profile is longer than 5,000 characters (5,001).'],
      [{ profile_name: 'P', ideal_customer_profile: 'I', seller_offering: 'x'.repeat(5001) }, 'Seller offering is longer than 5,000 characters (5,001).'],
      [{ profile_name: 'P', ideal_customer_profile: 'I', seller_industry: 'x'.repeat(1001) }, 'Seller industry is longer than 1,000 characters (1,001).'],
      [{ profile_name: 'P', ideal_customer_profile: 'I', output_language: 'deutsch-at' + 'x' }, 'Output language is longer than 10 characters (11).'],
    ])('should refuse %j with a sentence naming the field', (form, message) => {
      const r = buildProfileCreation(form);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.problems.map((p) => p.message)).toEqual([message]);
    });

    it('should report a wrong type instead of throwing', () => {
      const r = buildProfileCreation({ profile_name: 5 });
      expect(r.ok).toBe(false);
    });
  });
});
