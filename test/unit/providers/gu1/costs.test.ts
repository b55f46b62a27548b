import {
  emptyKnown,
  estimateCost,
  expandCodes,
  forgetCosts,
  learnFromResponse,
  readKnownCosts,
  rememberCosts,
  rowCost,
} from '../../../../src/providers/gu1/costs';
import { memoryProps } from '../../../harness/fixtures';

const paid = (code: string, costCents: number, success = true) => ({ integrationCode: code, success, costCents });

describe('providers/gu1/costs', () => {
  describe('#learnFromResponse()', () => {
    it('should learn the price of paid successes only (a cached 0 or a failure teaches nothing)', () => {
      const known = learnFromResponse(
        { costs: { b: 80 }, groups: {} },
        { results: [paid('a', 45), paid('b', 0), paid('c', 30, false)] },
        { integrationCodes: ['a', 'b', 'c'], enrichmentGroupRefs: [] },
      );
      expect(known.costs).toEqual({ a: 45, b: 80 });
    });

    it('should learn a group expansion only when the request named one group and no codes', () => {
      const res = { results: [paid('a', 1), paid('b', 2)] };
      expect(learnFromResponse(emptyKnown(), res, { integrationCodes: [], enrichmentGroupRefs: ['g'] }).groups).toEqual({ g: ['a', 'b'] });
      expect(learnFromResponse(emptyKnown(), res, { integrationCodes: ['b'], enrichmentGroupRefs: ['g'] }).groups).toEqual({});
      expect(learnFromResponse(emptyKnown(), res, { integrationCodes: [], enrichmentGroupRefs: ['g', 'h'] }).groups).toEqual({});
    });
  });

  describe('#expandCodes() / #rowCost()', () => {
    const known = { costs: { a: 45, b: 80, p: 25 }, groups: { g: ['p', 'a'] } };

    it('should expand known groups first, then codes, deduped (gu1 order)', () => {
      expect(expandCodes(['a', 'b'], ['g'], known)).toEqual({ codes: ['p', 'a', 'b'], unknownGroups: [] });
      expect(expandCodes([], ['g', 'x'], known)).toEqual({ codes: ['p', 'a'], unknownGroups: ['x'] });
    });

    it('should price a row, or report it unknown with the known part', () => {
      expect(rowCost(['a', 'b'], [], known)).toEqual({ cents: 125, knownCents: 125 });
      expect(rowCost(['a', 'zz'], [], known)).toEqual({ cents: null, knownCents: 45 });
      expect(rowCost(['a'], ['x'], known)).toEqual({ cents: null, knownCents: 45 });
    });
  });

  describe('#estimateCost()', () => {
    it('should be rows x codes x last known cost', () => {
      expect(estimateCost(40, ['a', 'b'], [], { costs: { a: 45, b: 80 }, groups: {} })).toEqual({
        rows: 40,
        codes: [
          { code: 'a', costCents: 45 },
          { code: 'b', costCents: 80 },
        ],
        unknownGroups: [],
        perRowCents: 125,
        totalCents: 5000,
        total: '50.00',
      });
    });

    it('should say unknown when a price or a group was never seen', () => {
      expect(estimateCost(3, ['a', 'new'], [], { costs: { a: 45 }, groups: {} })).toMatchObject({
        totalCents: null,
        total: 'unknown',
        codes: [
          { code: 'a', costCents: 45 },
          { code: 'new', costCents: null },
        ],
      });
      expect(estimateCost(3, [], ['g'], emptyKnown())).toMatchObject({ total: 'unknown', unknownGroups: ['g'] });
      expect(estimateCost(3, [], [], emptyKnown())).toMatchObject({ total: 'unknown', totalCents: null });
    });
  });

  describe('#rememberCosts() / #readKnownCosts()', () => {
    it('should merge what a run learnt and read it back', () => {
      const props = memoryProps();
      rememberCosts(props, { costs: { a: 45 }, groups: { g: ['a'] } }, 1);
      rememberCosts(props, { costs: { b: 80 }, groups: {} }, 2);
      expect(readKnownCosts(props)).toEqual({ costs: { a: 45, b: 80 }, groups: { g: ['a'] } });
    });

    it('should not write when nothing changed', () => {
      const props = memoryProps();
      rememberCosts(props, { costs: { a: 45 }, groups: {} }, 1);
      const spy = jest.spyOn(props, 'setProperty');
      rememberCosts(props, { costs: { a: 45 }, groups: {} }, 2);
      expect(spy).not.toHaveBeenCalled();
    });

    it('should keep the record small: the newest 120 codes', () => {
      const props = memoryProps();
      for (let i = 0; i < 200; i++) rememberCosts(props, { costs: { [`some_country_integration_code_${i}`]: i + 1 }, groups: {} }, i);
      const known = readKnownCosts(props);
      expect(Object.keys(known.costs)).toHaveLength(120);
      expect(known.costs['some_country_integration_code_199']).toBe(200);
      expect(known.costs['some_country_integration_code_0']).toBeUndefined();
      expect((props.data['gu1.costs'] ?? '').length).toBeLessThan(9 * 1024);
    });

    it('should read a damaged record as empty and forget on request', () => {
      const props = memoryProps();
      props.data['gu1.costs'] = '{oops';
      expect(readKnownCosts(props)).toEqual(emptyKnown());
      rememberCosts(props, { costs: { a: 1 }, groups: {} }, 1);
      forgetCosts(props);
      expect(readKnownCosts(props)).toEqual(emptyKnown());
    });
  });
});
