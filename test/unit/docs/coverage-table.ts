/**
 * Reading a coverage table of docs/coverage/: rows of the "| operation | before | after |" and
 * "| parameter | before | after |" tables, each cell starting with one bold word, and the counts
 * stated at the top. One reader for the three providers' tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const WORDS = ['sidebar', 'function', 'automatic', 'n/a', 'RPC only', 'not sent'] as const;
export type Word = (typeof WORDS)[number];

export interface Row {
  table: 'operation' | 'parameter';
  name: string;
  before: Word;
  after: Word;
}

/** The text of docs/coverage/<name>.md. */
export function coverageText(name: string): string {
  return readFileSync(join(__dirname, `../../../docs/coverage/${name}.md`), 'utf8');
}

function wordOf(cell: string, where: string): Word {
  const m = /^\*\*([^*]+)\*\*/.exec(cell.trim());
  const w = m?.[1] as Word | undefined;
  if (!w || !WORDS.includes(w)) throw new Error(`${where}: "${cell.trim().slice(0, 40)}" does not start with one of ${WORDS.join(', ')}`);
  return w;
}

/** Every row of the operation and parameter tables, named "<section>: <first cell>". */
export function coverageRows(text: string): Row[] {
  const out: Row[] = [];
  let table = '';
  let section = '';
  for (const line of text.split('\n')) {
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
    out.push({ table: table as Row['table'], name: `${section}: ${name}`, before: wordOf(before, name), after: wordOf(after, name) });
  }
  return out;
}

/** A user reaches it: from the sidebar, a cell function, or the add-on does it. */
export const reached = (w: Word): boolean => w === 'sidebar' || w === 'function' || w === 'automatic';
/** Not reachable and no reason given. */
export const unreached = (w: Word): boolean => w === 'RPC only' || w === 'not sent';

/** The [before, after] numbers of the count row `label`. */
export function stated(text: string, label: string): [number, number] {
  const m = new RegExp(`^\\| ${label.replace(/[()]/g, '\\$&')} \\| (\\d+) \\| (\\d+) \\|$`, 'm').exec(text);
  if (!m) throw new Error(`no count row "${label}"`);
  return [Number(m[1]), Number(m[2])];
}

/** [before, after] counts of the rows for which `test` holds. */
export function counted(rows: readonly Row[], test: (w: Word) => boolean): [number, number] {
  return [rows.filter((r) => test(r.before)).length, rows.filter((r) => test(r.after)).length];
}
