import { ApiError, PaymentError, RateLimitError, ValidationError } from '../../../../src/platform/errors';
import { estimateBatch, estimateEnrich, estimateSearch } from '../../../../src/providers/openmart/credits';
import { explain, isOutOfCredits } from '../../../../src/providers/openmart/errors';
import { explainRecordsError, isOpenmartId, barePlaceId, recordsRequest } from '../../../../src/providers/openmart/records';
import { submitRequest } from '../../../../src/providers/openmart/submit-batch';

describe('providers/openmart', () => {
  describe('#estimate*()', () => {
    it('should estimate an upper bound per route', () => {
      expect(estimateSearch(250).credits).toBe(250);
      expect(estimateEnrich(150, 10, 2).credits).toBe(170);
      expect(estimateBatch('find_people', [{ max_k: 3 }, { max_k: 2 }]).credits).toBe(5);
      expect(estimateBatch('lookup_people', [{ people: [{}, {}] }, { people: [{}] }]).credits).toBe(3);
      expect(estimateBatch('lookup_business_email', [{}, {}]).credits).toBe(2);
      expect(estimateBatch('find_tech', [{}, {}]).credits).toBe(0);
    });
  });

  describe('#explain()', () => {
    it('should show a Go-style {"error": "..."} sentence as the message', () => {
      const e = ApiError.generate('openmart', 422, { error: 'Limit maximum value is 50' });
      expect(e.message).toBe('Invalid input');
      const x = explain(e) as ValidationError;
      expect(x).toBeInstanceOf(ValidationError);
      expect(x.message).toBe('Limit maximum value is 50');
      expect(x.userMessage()).toMatch(/Openmart rejected the input: Limit maximum value is 50/);
    });

    it('should read a 429 that mentions credits as out of credits, and keep a plain 429 a rate limit', () => {
      const credit = ApiError.generate('openmart', 429, { detail: 'credit limit reached' });
      expect(isOutOfCredits(credit)).toBe(true);
      expect(explain(credit)).toBeInstanceOf(PaymentError);
      const rate = ApiError.generate('openmart', 429, { detail: 'too many requests' }, { 'retry-after': '3' });
      expect(isOutOfCredits(rate)).toBe(false);
      expect(explain(rate)).toBeInstanceOf(RateLimitError);
      expect((explain(rate) as ApiError).retryAfterMs).toBe(3000);
    });

    it('should explain a records 422 about the body or its size as a dropped GET body (the add-on always sends 1-100 ids)', () => {
      const e = ApiError.generate('openmart', 422, { error: 'invalid request body: EOF' });
      expect((explainRecordsError(e) as Error).message).toMatch(/dropped the JSON body of this GET request/);
      const size = ApiError.generate('openmart', 422, { error: 'the number of ids should be between 1 and 100' });
      expect((explainRecordsError(size) as Error).message).toMatch(
        /^the number of ids should be between 1 and 100\. Apps Script may have dropped the JSON body/,
      );
      const ids = ApiError.generate('openmart', 422, { error: 'no valid UUIDs provided' });
      expect((explainRecordsError(ids) as Error).message).toBe('no valid UUIDs provided');
    });
  });

  describe('requests', () => {
    it('should send records as a GET with a JSON array body of 1-100 ids', () => {
      expect(recordsRequest('google_place_id', ['ChIJ1'])).toEqual({ method: 'get', path: '/api/v1/business_records/list/google_place_id', json: ['ChIJ1'] });
      expect(() => recordsRequest('openmart_id', [])).toThrow(RangeError);
      expect(() =>
        recordsRequest(
          'openmart_id',
          Array.from({ length: 101 }, () => 'x'),
        ),
      ).toThrow(RangeError);
      expect(isOpenmartId('54ff8cd5-7497-4f46-9c0c-c6b8c0d10d04')).toBe(true);
      expect(isOpenmartId('om_12345')).toBe(false);
      expect(barePlaceId('GOOGLE_MAP@ChIJabc')).toBe('ChIJabc');
    });

    it('should never let a batch submit be retried after a lost answer', () => {
      expect(submitRequest('find_people', [{ domain: 'a.com' }])).toMatchObject({ method: 'post', path: '/api/v1/task/batch/find_people' });
      expect(() => submitRequest('find_people', [])).toThrow(RangeError);
    });
  });
});
