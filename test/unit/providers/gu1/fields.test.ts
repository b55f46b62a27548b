import { GU1_FIELDS, parameterKey, parameterNameProblem, recordMapping, recordParameters } from '../../../../src/providers/gu1/fields';
import { guessMapping } from '../../../../src/sheet/headers';

describe('providers/gu1/fields', () => {
  it('should require external_id and never map other columns to it by accident', () => {
    expect(GU1_FIELDS.map((f) => [f.key, f.required])).toEqual([['external_id', true]]);
    expect(guessMapping(['Name', 'Customer ID', 'Tax ID'], GU1_FIELDS)).toEqual({ external_id: 1 });
    expect(guessMapping(['externalId', 'Name'], GU1_FIELDS)).toEqual({ external_id: 0 });
    expect(guessMapping(['Name', 'City'], GU1_FIELDS)).toEqual({});
  });

  describe('#parameterNameProblem()', () => {
    it('should accept identifiers and refuse others and forceRefresh', () => {
      expect(parameterNameProblem('taxId')).toBeNull();
      expect(parameterNameProblem('tax id')).toMatch(/letters, digits and _/);
      expect(parameterNameProblem('1x')).toMatch(/start with a letter/);
      expect(parameterNameProblem('forceRefresh')).toMatch(/force refresh/);
    });
  });

  describe('#recordMapping() / #recordParameters()', () => {
    it('should read parameter columns under prefixed keys and give them back by name', () => {
      expect(recordMapping({ external_id: 0, other: 5 }, { taxId: 2 })).toEqual({ external_id: 0, [parameterKey('taxId')]: 2 });
      expect(recordParameters({ external_id: 'C-1', [parameterKey('taxId')]: '0123' })).toEqual({ taxId: '0123' });
    });
  });
});
