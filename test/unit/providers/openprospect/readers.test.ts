/**
 * Fixture tests per OpenProspect route (written from the guides' field lists): the documented
 * shape, display fields of the other JSON type, and the required fields that must fail loudly.
 */
import { MalformedResponseError } from '../../../../src/platform/errors';
import { CreateOrderResponseSchema, OrderSchema } from '../../../../src/providers/openprospect/schemas';
import { ResultsPageSchema } from '../../../../src/providers/openprospect/result-schemas';
import { parseAnswer } from '../../../../src/platform/response';

const res = (body: unknown) => ({ status: 200, headers: {}, body });
const ORDER = '0b9e2c1a-7d4f-4e8a-9c3b-1f2e3d4c5b6a';

const company = {
  id: 'c-1',
  name: 'Hotel Adlon',
  website_url: 'https://www.adlon.de',
  city: 'Berlin',
  country: 'DE',
  postal_code: '10117',
  employee_count: 450,
  phone_numbers: ['+49 30 22610'],
  social_media_links: [{ platform: 'linkedin', url: 'https://linkedin.com/company/adlon' }],
  match_score: 0.92,
  source_id: 'ROW-1',
  prospects: [{ id: 'p-1', first_name: 'Anna', last_name: 'Schmidt', job_title: 'Head of Sales', email: 'a.schmidt@adlon.de', qualification_score: 8 }],
};

describe('providers/openprospect readers', () => {
  describe('POST /orders/ (requires order_id)', () => {
    it('should read the documented 202 answer', () => {
      const doc = { order_id: ORDER, status: 'RECEIVED', company_count: 2, estimated_cost: { total: 12.5, currency: 'EUR' }, message: 'Order received' };
      expect(parseAnswer('openprospect', CreateOrderResponseSchema, res(doc), 'POST /orders/')).toMatchObject(doc);
    });

    it('should take an answer without status, with a cost of another shape and extra keys', () => {
      const out = parseAnswer(
        'openprospect',
        CreateOrderResponseSchema,
        res({ order_id: ORDER, estimated_cost: { amount: '12.50' }, company_count: '2', links: { self: '/x' } }),
        'POST /orders/',
      );
      expect(out).toMatchObject({ order_id: ORDER, estimated_cost: null, company_count: 2 });
      expect(out.status).toBeUndefined();
    });

    it('should fail naming the route when order_id is missing', () => {
      expect(() => parseAnswer('openprospect', CreateOrderResponseSchema, res({ status: 'RECEIVED' }), 'POST /orders/')).toThrow(
        new MalformedResponseError({ provider: 'openprospect', status: 200, message: 'POST /orders/: order_id: expected string, got nothing' }),
      );
    });
  });

  describe('GET /orders/{id} (requires order_id and status)', () => {
    it('should read an unknown status and numbers sent as text', () => {
      expect(
        parseAnswer('openprospect', OrderSchema, res({ order_id: ORDER, status: 'QUEUED_FOR_REVIEW', company_count: '120', title: 2026 }), 'GET /orders/x'),
      ).toMatchObject({ status: 'QUEUED_FOR_REVIEW', company_count: 120, title: '2026' });
    });

    it('should fail without a status', () => {
      expect(() => parseAnswer('openprospect', OrderSchema, res({ order_id: ORDER }), `GET /orders/${ORDER}`)).toThrow(
        `GET /orders/${ORDER}: status: expected string, got nothing`,
      );
    });
  });

  describe('GET /orders/{id}/results (requires items, total, has_more; company and prospect ids)', () => {
    it('should read the documented page', () => {
      const page = parseAnswer('openprospect', ResultsPageSchema, res({ items: [company], total: 1, limit: 50, offset: 0, has_more: false }), 'results');
      expect(page.items[0]).toMatchObject(company);
    });

    it('should keep a postal code sent as a number as its text, read counts sent as text, and empty unreadable numbers', () => {
      const odd = { ...company, postal_code: 10117, employee_count: '450', review_count: 'many', phone_numbers: [4930226100], extra_field: { a: 1 } };
      const page = parseAnswer(
        'openprospect',
        ResultsPageSchema,
        res({ items: [odd], total: 1, limit: 50, offset: 0, has_more: false, next: null }),
        'results',
      );
      expect(page.items[0]).toMatchObject({
        postal_code: '10117',
        employee_count: 450,
        review_count: null,
        phone_numbers: ['4930226100'],
        extra_field: { a: 1 },
      });
    });

    it('should fail loudly without the paging fields or a company id', () => {
      expect(() => parseAnswer('openprospect', ResultsPageSchema, res({ items: [company], total: 1 }), 'GET /orders/x/results')).toThrow(
        'GET /orders/x/results: has_more: expected boolean, got nothing',
      );
      expect(() =>
        parseAnswer('openprospect', ResultsPageSchema, res({ items: [{ ...company, id: '' }], total: 1, has_more: false }), 'GET /orders/x/results'),
      ).toThrow(/items\.0\.id/);
      expect(() =>
        parseAnswer(
          'openprospect',
          ResultsPageSchema,
          res({ items: [{ ...company, prospects: [{ first_name: 'A' }] }], total: 1, has_more: false }),
          'GET /orders/x/results',
        ),
      ).toThrow(/items\.0\.prospects\.0\.id/);
    });
  });
});
