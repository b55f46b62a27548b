/** docs/coverage/openmart.md: the counts at its top are the counts of its tables, and no row is left unreachable after. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const TEXT = readFileSync(join(ROOT, 'docs/coverage/openmart.md'), 'utf8');
const WORDS = ['sidebar', 'function', 'automatic', 'n/a', 'RPC only', 'not sent'] as const;
type Word = (typeof WORDS)[number];

interface Row {
  table: string;
  name: string;
  before: Word;
  after: Word;
}

function wordOf(cell: string, where: string): Word {
  const m = /^\*\*([^*]+)\*\*/.exec(cell.trim());
  const w = m?.[1] as Word | undefined;
  if (!w || !WORDS.includes(w)) throw new Error(`${where}: "${cell.trim().slice(0, 40)}" does not start with one of ${WORDS.join(', ')}`);
  return w;
}

/** Rows of the tables whose header is "| operation | before | after |" or "| parameter | before | after |". */
function rows(): Row[] {
  const out: Row[] = [];
  let table = '';
  let section = '';
  for (const line of TEXT.split('\n')) {
    if (line.startsWith('## ')) section = line.slice(3);
    const head = /^\| (operation|parameter) \| before \| after \|$/.exec(line);
    if (head) {
      table = head[1] as string;
      continue;
    }
    if (!line.startsWith('|')) {
      table = '';
      continue;
    }
    if (table === '' || line.startsWith('|---')) continue;
    const cells = line.split(' | ');
    const [name, before, after] = [cells[0]!.slice(2), cells[1]!, cells.slice(2).join(' | ').replace(/ \|$/, '')];
    out.push({ table, name: `${section}: ${name}`, before: wordOf(before, name), after: wordOf(after, name) });
  }
  return out;
}

const reached = (w: Word): boolean => w === 'sidebar' || w === 'function' || w === 'automatic';

function stated(label: string): [number, number] {
  const m = new RegExp(`^\\| ${label.replace(/[()]/g, '\\$&')} \\| (\\d+) \\| (\\d+) \\|$`, 'm').exec(TEXT);
  if (!m) throw new Error(`no count row "${label}"`);
  return [Number(m[1]), Number(m[2])];
}

describe('docs/coverage/openmart.md', () => {
  const all = rows();
  const ops = all.filter((r) => r.table === 'operation');
  const params = all.filter((r) => r.table === 'parameter');

  it('should list the 17 documented operations and 116 parameters', () => {
    expect(ops).toHaveLength(17);
    expect(params).toHaveLength(116);
    expect(new Set(params.map((p) => p.name)).size).toBe(params.length);
    // Every endpoint of the document's table is a row.
    const doc = readFileSync(join(ROOT, 'docs/api-docs/openmart-api.txt'), 'utf8');
    const endpoints = [...doc.matchAll(/^\| (GET|POST|DELETE) \| (\/api\/[^ ]+) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(endpoints).toHaveLength(17);
    expect(ops.map((o) => o.name.replace(/^Operations: /, '').replace(/`/g, '')).sort()).toEqual(endpoints.sort());
  });

  it('should state the counts its tables hold', () => {
    expect(stated('operations reached (of 17)')).toEqual([ops.filter((o) => reached(o.before)).length, ops.filter((o) => reached(o.after)).length]);
    expect(stated('parameters reached: sidebar, function or automatic (of 116)')).toEqual([params.filter((p) => reached(p.before)).length, params.filter((p) => reached(p.after)).length]);
    expect(stated('parameters n/a, with the reason')).toEqual([params.filter((p) => p.before === 'n/a').length, params.filter((p) => p.after === 'n/a').length]);
    const not = (w: Word) => w === 'RPC only' || w === 'not sent';
    expect(stated('parameters not reachable (RPC only, not sent)')).toEqual([params.filter((p) => not(p.before)).length, params.filter((p) => not(p.after)).length]);
  });

  it('should leave nothing unreachable after, and give every n/a a reason', () => {
    expect(all.filter((r) => !reached(r.after) && r.after !== 'n/a').map((r) => r.name)).toEqual([]);
    for (const line of TEXT.split('\n').filter((l) => l.includes('**n/a**'))) expect(line.split('**n/a**')[1]!.trim().length).toBeGreaterThan(20);
  });
});
