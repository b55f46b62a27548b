import { ValidationError } from '../../../../src/platform/errors';
import { codeChoices } from '../../../../src/providers/gu1/codes';
import { unknownCodeText } from '../../../../src/providers/gu1/errors';

describe('providers/gu1/codes', () => {
  describe('#codeChoices()', () => {
    it('should merge saved and run codes, group refs with their codes, and codes seen only in answers', () => {
      const c = codeChoices(
        ['zz_saved', 'ar_afip'],
        [
          { codes: ['ar_afip', 'br_cnpj'], refs: ['kyb-ar'] },
          { codes: [], refs: ['screening'] },
        ],
        {
          costs: { ar_afip: 45, mx_rfc: 30 },
          groups: { 'kyb-ar': ['ar_afip', 'global_pep'] },
        },
      );
      expect(c).toEqual({
        used: ['ar_afip', 'br_cnpj', 'zz_saved'],
        groups: [
          { ref: 'kyb-ar', codes: ['ar_afip', 'global_pep'] },
          { ref: 'screening', codes: [] },
        ],
        seen: ['global_pep', 'mx_rfc'],
      });
    });

    it('should be empty for a new spreadsheet', () => {
      expect(codeChoices([], [], { costs: {}, groups: {} })).toEqual({ used: [], groups: [], seen: [] });
    });
  });

  describe('#unknownCodeText()', () => {
    const err = (code: string, message: string): ValidationError => new ValidationError({ provider: 'gu1', status: 400, code, message });

    it('should say where codes come from for an unknown code', () => {
      expect(unknownCodeText(err('INVALID_INTEGRATION_CODE', 'Unknown integration code: zz'))).toMatch(
        /^gu1 rejected the input: Unknown integration code: zz\. Integration codes come from gu1: your gu1 dashboard/,
      );
    });

    it('should leave other errors alone', () => {
      expect(unknownCodeText(err('ENRICHMENT_GROUP_NOT_FOUND', 'Enrichment group not found: x'))).toBeNull();
    });
  });
});
