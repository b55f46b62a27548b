/**
 * The layer rule of docs/architecture.md: imports point one way, index -> entry -> app ->
 * jobs / functions -> providers -> sheet -> platform; no file imports a layer above its own, and
 * jobs and functions do not import each other. The sidebar reaches the server only through the
 * RPC contract (types) and src/index.ts (the typed call).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const ROOT = join(__dirname, '../..');
const SRC = join(ROOT, 'src');

/** Lower rank = lower layer; a file may import its own layer or lower ones (peers of one rank excepted). */
const RANK: Record<string, number> = { platform: 0, sheet: 1, providers: 2, jobs: 3, functions: 3, app: 4, entry: 5, index: 6 };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The relative imports of a file, as paths relative to src/. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((m) => normalize(relative(SRC, join(dirname(file), m[1] ?? ''))));
}

const layerOf = (srcPath: string): string => (srcPath.includes('/') ? (srcPath.split('/')[0] ?? '') : 'index');

/** Every import that breaks the rule, as "from -> to". */
function layerViolations(): string[] {
  const out: string[] = [];
  for (const file of files(SRC)) {
    const from = relative(SRC, file);
    const layer = layerOf(from);
    for (const target of imports(file)) {
      const to = layerOf(target);
      const up = (RANK[to] ?? Number.POSITIVE_INFINITY) > (RANK[layer] ?? -1);
      const sideways = to !== layer && RANK[to] === RANK[layer];
      if (up || sideways) out.push(`${from} -> ${target}`);
    }
  }
  return out;
}

describe('layers', () => {
  it('should know every folder of src/', () => {
    const layers = new Set(files(SRC).map((f) => layerOf(relative(SRC, f))));
    expect([...layers].filter((l) => RANK[l] === undefined)).toEqual([]);
  });

  it('should have no import from a lower layer upward (index -> entry -> app -> jobs/functions -> providers -> sheet -> platform)', () => {
    expect(layerViolations()).toEqual([]);
  });

  it('should let the sidebar import from src/ only the RPC contract, the typed index and the shared word tables (scopes, form labels)', () => {
    const allowed = new Set(['app/contract', 'index', 'app/scopes', 'providers/openprospect/form-labels']);
    const bad = files(join(ROOT, 'sidebar')).flatMap((file) =>
      imports(file)
        .filter((t) => !t.startsWith('..'))
        .filter((t) => !allowed.has(t))
        .map((t) => `${relative(ROOT, file)} -> src/${t}`),
    );
    expect(bad).toEqual([]);
  });

  it('should flag an upward import (the check itself works)', () => {
    const rank = (from: string, to: string): boolean => (RANK[layerOf(to)] ?? 99) > (RANK[layerOf(from)] ?? -1);
    expect(rank('providers/gu1/records.ts', 'sheet/source')).toBe(false);
    expect(rank('sheet/source.ts', 'providers/gu1/records')).toBe(true);
    expect(rank('jobs/gu1-run.ts', 'app/contract')).toBe(true);
  });
});
