import { buildBatches, checkBatchOptions, idsHash, toTask } from '../../../../src/providers/openmart/build-batches';
import { bareDomain } from '../../../../src/providers/openmart/fields';

const rec = (rowNumber: number, values: Record<string, string>) => ({ rowNumber, values: { external_id: `id-${rowNumber}`, ...values } });

describe('providers/openmart/build-batches', () => {
  describe('#bareDomain()', () => {
    it('should send a bare lower-case domain', () => {
      expect(bareDomain('@BlueBottleCoffee.com')).toBe('bluebottlecoffee.com');
      expect(bareDomain('https://www.Allbirds.com/pages/about?x=1')).toBe('allbirds.com');
      expect(bareDomain('jane@acme.co.uk')).toBe('acme.co.uk');
      expect(bareDomain('acme.com:8080')).toBe('acme.com');
      expect(bareDomain('münchen-bäcker.de')).toBe('münchen-bäcker.de');
      expect(bareDomain('not a domain')).toBeNull();
      expect(bareDomain('localhost')).toBeNull();
    });
  });

  describe('#toTask()', () => {
    it("should build each route's task with tracking_id = external_id", () => {
      expect(
        toTask('find_people', rec(2, { domain: '@acme.com', company_name: 'Acme', country: 'US' }), { title: 't', role: 'VP Sales', max_k: 3 }).task,
      ).toEqual({ domain: 'acme.com', company_name: 'Acme', country: 'US', title: 'VP Sales', max_k: 3, tracking_id: 'id-2' });
      expect(
        toTask('find_people', rec(2, { domain: 'acme.com', title: 'CTO' }), { title: 't', role: 'VP Sales', max_k: 1, info_access: ['EMAIL'] }).task,
      ).toMatchObject({ title: 'CTO', max_k: 1, info_access: ['EMAIL'] });
      expect(toTask('find_tech', rec(3, { domain: 'acme.com', city: 'Austin' }), { title: 't', tech_type: 'shopify' }).task).toEqual({
        domain: 'acme.com',
        tech_type: 'shopify',
        tracking_id: 'id-3',
      });
      expect(toTask('lookup_business_email', rec(4, { domain: 'milvali.com', company_name: 'Milvali' }), { title: 't' }).task).toEqual({
        domain: 'milvali.com',
        company_name: 'Milvali',
        tracking_id: 'id-4',
      });
      expect(
        toTask('lookup_people', rec(5, { domain: 'acme.com', full_name: 'Mary Ann Smith', linkedin_url: 'https://linkedin.com/in/mas' }), { title: 't' }).task,
      ).toEqual({
        domain: 'acme.com',
        people: [{ first_name: 'Mary Ann', last_name: 'Smith', linkedin_url: 'https://linkedin.com/in/mas' }],
        tracking_id: 'id-5',
      });
    });

    it('should give a reason per missing required value', () => {
      expect(toTask('find_people', rec(7, { domain: 'acme.com' }), { title: 't', max_k: 3 }).reasons).toEqual([
        'Row 7: title is empty and the form gives no role to look for',
      ]);
      expect(toTask('lookup_business_email', rec(8, { domain: 'x' }), { title: 't' }).reasons).toEqual([
        'Row 8: domain "x" is not a domain (like acme.com)',
        'Row 8: company name is empty (Openmart requires it for business emails)',
      ]);
      expect(toTask('lookup_people', rec(9, { domain: 'a.com', first_name: 'Cher' }), { title: 't' }).reasons).toEqual([
        'Row 9: the person needs a first and a last name',
      ]);
    });
  });

  describe('#checkBatchOptions()', () => {
    it('should default max_k to 3, omit info_access for both, and refuse bad values', () => {
      expect(checkBatchOptions('find_people', { title: 'T', info_access: ['EMAIL', 'PHONE'] })).toEqual({ options: { title: 'T', max_k: 3 }, problems: [] });
      expect(checkBatchOptions('find_people', { title: '', max_k: 9, info_access: 'FAX' }).problems.map((p) => p.field)).toEqual([
        'title',
        'max_k',
        'info_access',
      ]);
    });

    it('should take the find_people pipeline version 0 or 1 and send it only when chosen', () => {
      expect(checkBatchOptions('find_people', { title: 'T', version: '1', info_access: 'EMAIL' }).options).toEqual({
        title: 'T',
        max_k: 3,
        version: 1,
        info_access: ['EMAIL'],
      });
      expect(checkBatchOptions('find_people', { title: 'T', version: '' }).options).toEqual({ title: 'T', max_k: 3 });
      expect(checkBatchOptions('find_people', { title: 'T', version: 2 }).problems).toEqual([
        { field: 'version', message: 'The find people pipeline is 0 (default) or 1 (all-in-one variant).' },
      ]);
    });
  });

  describe('#buildBatches()', () => {
    it('should split 250 rows into batches of 100, 100 and 50 in sheet order', () => {
      const records = Array.from({ length: 250 }, (_, i) => rec(i + 2, { domain: `d${i}.com` }));
      const out = buildBatches('find_tech', records, { title: 'T', tech_type: 'hubspot' });
      expect(out.batches.map((b) => b.tasks.length)).toEqual([100, 100, 50]);
      expect(out.batches[2]!.ids[0]).toBe('id-202');
      expect(out.batches[1]!.rowNumbers[0]).toBe(102);
      expect(idsHash(out.batches[0]!.ids)).toBe(idsHash(records.slice(0, 100).map((r) => r.values.external_id)));
      expect(idsHash(['a', 'b'])).not.toBe(idsHash(['b', 'a']));
    });

    it('should report no batches when no row is valid', () => {
      const out = buildBatches('find_tech', [rec(2, { domain: 'a.com' })], { title: 'T' });
      expect(out.batches).toEqual([]);
      expect(out.problems.map((p) => p.field)).toEqual(['rows']);
    });
  });
});
