import { headersOf, resolveByHeader } from '../../../src/sheet/mapping-headers';

describe('sheet/mapping-headers', () => {
  it('should keep the header text of each mapped column', () => {
    expect(headersOf({ external_id: 0, phone: 2 }, ['Customer ID', 'Name', ''])).toEqual({ external_id: 'Customer ID' });
  });
  it('should follow a header that moved, keep one that stayed, and name one that is gone or doubled', () => {
    const stored = { external_id: 'Customer ID' };
    expect(resolveByHeader({ external_id: 0 }, stored, ['Phone', 'customer id '])).toEqual({ mapping: { external_id: 1 } });
    expect(resolveByHeader({ external_id: 0 }, stored, ['Customer ID'])).toEqual({ mapping: { external_id: 0 } });
    expect(resolveByHeader({ external_id: 0 }, stored, ['Kundennummer'])).toEqual({
      problem: expect.stringContaining('"Customer ID" (mapped to external_id) is no longer in the source'),
    });
    expect(resolveByHeader({ external_id: 0 }, stored, ['X', 'Customer ID', 'Customer ID'])).toEqual({ problem: expect.stringContaining('more than once') });
    expect(resolveByHeader({ external_id: 3 }, undefined, [])).toEqual({ mapping: { external_id: 3 } });
  });
});
