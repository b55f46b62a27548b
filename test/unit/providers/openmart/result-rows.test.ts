import { brandRow, businessRow, enrichRows, searchRowToRow, taskKey, taskRows } from '../../../../src/providers/openmart/result-rows';

describe('providers/openmart/result-rows', () => {
  describe('#taskRows()', () => {
    it('should number people from 1 under the tracking id, flattening email and phones', () => {
      const task = {
        task_id: 't1',
        status: 'COMPLETED',
        tracking_id: 'row-7',
        data: [
          {
            first_name: 'Jane',
            last_name: 'Doe',
            title: '- Head of Sales',
            email: { email: 'jane@acme.com', verified: true },
            phones: [{ phone_number: '+14155550100', line_type: 'mobile', valid: true }],
            linkedin_url: null,
            seniority: 'VP',
          },
          { first_name: 'Jo', last_name: null, title: 'CEO', email: null, phones: [] },
        ],
      };
      const rows = taskRows('find_people', task, 'b1');
      expect(rows).toEqual([
        {
          external_id: 'row-7',
          index: 1,
          status: 'COMPLETED',
          reason: null,
          first_name: 'Jane',
          last_name: 'Doe',
          title: '- Head of Sales',
          email: 'jane@acme.com',
          email_verified: true,
          phones: ['+14155550100 (mobile)'],
          linkedin_url: null,
          seniority: 'VP',
          task_id: 't1',
          batch_id: 'b1',
        },
        {
          external_id: 'row-7',
          index: 2,
          status: 'COMPLETED',
          reason: null,
          first_name: 'Jo',
          last_name: null,
          title: 'CEO',
          email: null,
          email_verified: null,
          phones: [],
          linkedin_url: null,
          task_id: 't1',
          batch_id: 'b1',
        },
      ]);
    });

    it('should write one status line (index 0) for ERRORED, CANCELLED and empty results, and none while PROCESSING', () => {
      expect(taskRows('find_people', { task_id: 't', status: 'ERRORED', tracking_id: 'r', error: 'domain could not be resolved' }, 'b')).toEqual([
        { external_id: 'r', index: 0, status: 'ERRORED', reason: 'domain could not be resolved', task_id: 't', batch_id: 'b' },
      ]);
      expect(taskRows('find_people', { task_id: 't', status: 'ERRORED', tracking_id: 'r' }, 'b')[0]).toMatchObject({ reason: 'Openmart gave no reason' });
      expect(taskRows('lookup_business_email', { task_id: 't', status: 'CANCELLED', tracking_id: 'r' }, 'b')[0]).toMatchObject({
        index: 0,
        status: 'CANCELLED',
      });
      expect(taskRows('lookup_business_email', { task_id: 't', status: 'COMPLETED', tracking_id: 'r', data: [] }, 'b')[0]).toMatchObject({
        index: 0,
        status: 'COMPLETED',
        reason: 'no results',
      });
      expect(taskRows('find_people', { task_id: 't', status: 'PROCESSING', tracking_id: 'r' }, 'b')).toEqual([]);
    });

    it('should key by task id when tracking_id is null', () => {
      expect(taskKey({ task_id: 'abc', status: 'COMPLETED', tracking_id: null })).toBe('task:abc');
    });

    it('should store find_tech generically: one flattened row per object', () => {
      const rows = taskRows(
        'find_tech',
        {
          task_id: 't',
          status: 'COMPLETED',
          tracking_id: 'r',
          data: { tech_type: 'shopify', detected: true, evidence: ['a', 'b'], page: { url: 'https://x.com' } },
        },
        'b',
      );
      expect(rows).toEqual([
        {
          external_id: 'r',
          index: 1,
          status: 'COMPLETED',
          reason: null,
          tech_type: 'shopify',
          detected: true,
          evidence: ['a', 'b'],
          'page.url': 'https://x.com',
          task_id: 't',
          batch_id: 'b',
        },
      ]);
    });

    it('should map mailboxes to email + email_status', () => {
      expect(
        taskRows('lookup_business_email', { task_id: 't', status: 'COMPLETED', tracking_id: 'r', data: [{ email: 'info@x.com', status: 'valid' }] }, 'b')[0],
      ).toMatchObject({ index: 1, email: 'info@x.com', email_status: 'valid' });
    });
  });

  describe('#businessRow()', () => {
    it('should put the known columns first and flatten the rest', () => {
      const row = searchRowToRow({
        id: 'om1',
        content: {
          business_name: '=HYPERLINK("x")',
          zipcode: '02115',
          from_sources: { GOOGLE_MAP: { id: 'ChIJ1' } },
          social_media_links: { FACEBOOK: ['https://facebook.com/x'], X: null },
        },
        match_score: 3.5,
      });
      expect(row).toMatchObject({
        openmart_id: 'om1',
        business_name: '=HYPERLINK("x")',
        zipcode: '02115',
        match_score: 3.5,
        'from_sources.GOOGLE_MAP.id': 'ChIJ1',
        social_media_links: 'FACEBOOK: https://facebook.com/x',
      });
      expect(Object.keys(businessRow('x', {}))[0]).toBe('openmart_id');
    });
  });

  describe('#enrichRows()', () => {
    it('should number matches from 1 under the external id, or write NOT_FOUND at 0', () => {
      expect(enrichRows('r1', [])).toEqual([{ external_id: 'r1', match: 0, status: 'NOT_FOUND', reason: 'no Openmart record matched' }]);
      expect(
        enrichRows('r1', [
          { id: 'a', content: { city: 'Austin' } },
          { id: 'b', content: {} },
        ]).map((r) => [r['match'], r['openmart_id'], r['status']]),
      ).toEqual([
        [1, 'a', 'FOUND'],
        [2, 'b', 'FOUND'],
      ]);
    });
  });

  describe('#brandRow()', () => {
    it('should keep brand fields and treat null arrays as empty', () => {
      const row = brandRow({
        brand_id: 'b1',
        business_name: 'Cable Car Coffee SF',
        business_emails: null,
        social_media_links: { FACEBOOK: null, LINKEDIN: null },
        num_stores: 1,
      });
      expect(row).toMatchObject({ brand_id: 'b1', business_name: 'Cable Car Coffee SF', business_emails: null, social_media_links: '', num_stores: 1 });
    });
  });
});
