import { ApiError, AuthError, ConnectionError, NotFoundError, PaymentError, PermissionError, ValidationError } from '../../../../src/platform/errors';
import { keyAccepted, notActive, stopSentence, stopsTheRun } from '../../../../src/providers/gu1/errors';

const init = (status: number, code?: string) => ({ provider: 'gu1' as const, status, code, message: `m${status}` });

describe('providers/gu1/errors', () => {
  describe('#keyAccepted()', () => {
    it('should read a 400/422/404 after the key check as an accepted key, and a 401 or no answer as not', () => {
      expect(keyAccepted(new ValidationError(init(400)))).toBe(true);
      expect(keyAccepted(new ValidationError(init(422)))).toBe(true);
      expect(keyAccepted(new NotFoundError(init(404)))).toBe(true);
      expect(keyAccepted(new AuthError(init(401)))).toBe(false);
      expect(keyAccepted(new ConnectionError(init(0)))).toBe(false);
      expect(keyAccepted(new Error('x'))).toBe(false);
    });
  });

  describe('#stopsTheRun()', () => {
    it('should stop on the key, the balance and a scope; not on a missing entity', () => {
      expect(stopsTheRun(new AuthError(init(401)))).toBe(true);
      expect(stopsTheRun(new PaymentError(init(402, 'INSUFFICIENT_BALANCE')))).toBe(true);
      expect(stopsTheRun(new PermissionError(init(403)))).toBe(true);
      expect(stopsTheRun(new NotFoundError(init(404, 'ENTITY_NOT_FOUND')))).toBe(false);
      expect(stopsTheRun(new ApiError(init(418)))).toBe(false);
    });
  });

  describe('#notActive()', () => {
    it('should read a 403 or 404 SERVICE_INTEGRATION_NOT_ACTIVE as an integration to activate, nothing else', () => {
      for (const e of [new PermissionError(init(403, 'SERVICE_INTEGRATION_NOT_ACTIVE')), new NotFoundError(init(404, 'SERVICE_INTEGRATION_NOT_ACTIVE'))]) {
        expect(notActive(e)?.userMessage()).toMatch(
          /^gu1 says an integration of this run is not active for your organization \(m40[34]\)\. Activate it in gu1/,
        );
      }
      expect(notActive(new NotFoundError(init(404, 'ENTITY_NOT_FOUND')))).toBeUndefined();
      expect(notActive(new ValidationError(init(400, 'SERVICE_INTEGRATION_NOT_ACTIVE')))).toBeUndefined();
    });
  });

  describe('#stopSentence()', () => {
    it('should say what to do and what was kept', () => {
      expect(stopSentence(new AuthError(init(401)), null)).toBe('gu1 refused the API key (m401): check your gu1 key in Settings.');
      expect(stopSentence(new AuthError(init(401)), '3 rows written before it stopped are kept')).toBe(
        'gu1 refused the API key (m401): check your gu1 key in Settings. 3 rows written before it stopped are kept.',
      );
      expect(stopSentence(new PaymentError(init(402)), '3 rows kept')).toMatch(
        /^gu1: out of credits or balance \(m402\)\..* 3 rows kept; Refresh continues from the first unwritten row\.$/,
      );
      expect(stopSentence(new ValidationError({ ...init(400, 'INVALID_INTEGRATION_CODE'), message: 'Unknown integration code: zz' }), null)).toMatch(
        /^gu1 rejected the input: Unknown integration code: zz\. Integration codes come from gu1/,
      );
    });
  });
});
