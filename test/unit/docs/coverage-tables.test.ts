/** docs/coverage/openprospect.md and docs/coverage/gu1.md: the counts at their top are the counts of their tables, and nothing is left unreachable after. */
import { counted, coverageRows, coverageText, reached, stated, unreached } from './coverage-table';

describe.each([
  ['openprospect', 18, 82],
  ['gu1', 5, 31],
])('the coverage table of %s', (name, operations, parameters) => {
  const text = coverageText(name);
  const all = coverageRows(text);
  const ops = all.filter((r) => r.table === 'operation');
  const params = all.filter((r) => r.table === 'parameter');

  it(`should list ${operations} operations and ${parameters} parameters, each once`, () => {
    expect(ops).toHaveLength(operations);
    expect(params).toHaveLength(parameters);
    expect(new Set(all.map((r) => r.name)).size).toBe(all.length);
  });

  it('should state the counts its tables hold', () => {
    expect(stated(text, `operations reached (of ${operations})`)).toEqual(counted(ops, reached));
    expect(stated(text, 'operations not reachable (not sent)')).toEqual(counted(ops, unreached));
    expect(stated(text, 'operations n/a, with the reason')).toEqual(counted(ops, (w) => w === 'n/a'));
    expect(stated(text, `parameters reached: sidebar, function or automatic (of ${parameters})`)).toEqual(counted(params, reached));
    expect(stated(text, 'parameters n/a, with the reason')).toEqual(counted(params, (w) => w === 'n/a'));
    expect(stated(text, 'parameters not reachable (RPC only, not sent)')).toEqual(counted(params, unreached));
  });

  it('should leave nothing unreachable after, and give every n/a a reason', () => {
    expect(all.filter((r) => !reached(r.after) && r.after !== 'n/a').map((r) => r.name)).toEqual([]);
    for (const line of text.split('\n').filter((l) => l.includes('**n/a**'))) expect(line.split('**n/a**')[1]!.trim().length).toBeGreaterThan(20);
  });
});
