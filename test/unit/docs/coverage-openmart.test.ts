/** docs/coverage/openmart.md: the counts at its top are the counts of its tables, and no row is left unreachable after. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { counted, coverageRows, coverageText, reached, stated as statedIn, unreached } from './coverage-table';

const TEXT = coverageText('openmart');
const rows = () => coverageRows(TEXT);
const stated = (label: string): [number, number] => statedIn(TEXT, label);

describe('docs/coverage/openmart.md', () => {
  const all = rows();
  const ops = all.filter((r) => r.table === 'operation');
  const params = all.filter((r) => r.table === 'parameter');

  it('should list the 17 documented operations and 116 parameters', () => {
    expect(ops).toHaveLength(17);
    expect(params).toHaveLength(116);
    expect(new Set(params.map((p) => p.name)).size).toBe(params.length);
    // Every endpoint of the document's table is a row.
    const doc = readFileSync(join(__dirname, '../../../docs/api-docs/openmart-api.txt'), 'utf8');
    const endpoints = [...doc.matchAll(/^\| (GET|POST|DELETE) \| (\/api\/[^ ]+) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(endpoints).toHaveLength(17);
    expect(ops.map((o) => o.name.replace(/^Operations: /, '').replace(/`/g, '')).sort()).toEqual(endpoints.sort());
  });

  it('should state the counts its tables hold', () => {
    expect(stated('operations reached (of 17)')).toEqual(counted(ops, reached));
    expect(stated('parameters reached: sidebar, function or automatic (of 116)')).toEqual(counted(params, reached));
    expect(stated('parameters n/a, with the reason')).toEqual(counted(params, (w) => w === 'n/a'));
    expect(stated('parameters not reachable (RPC only, not sent)')).toEqual(counted(params, unreached));
  });

  it('should leave nothing unreachable after, and give every n/a a reason', () => {
    expect(all.filter((r) => !reached(r.after) && r.after !== 'n/a').map((r) => r.name)).toEqual([]);
    for (const line of TEXT.split('\n').filter((l) => l.includes('**n/a**'))) expect(line.split('**n/a**')[1]!.trim().length).toBeGreaterThan(20);
  });
});
