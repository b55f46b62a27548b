#!/usr/bin/env node
// Run a TypeScript entry (bench/run.ts, test/chaos/run.ts) without a TS runtime: esbuild bundles
// it into node_modules/.cache/run-ts/ (so packages still resolve) and node runs the result with
// the remaining arguments. `__dirname` keeps meaning the source file's folder.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args...]');
  process.exit(2);
}
const outDir = join(root, 'node_modules/.cache/run-ts');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, `${basename(entry).replace(/\.ts$/, '')}-${process.pid}.cjs`);

const keepDirname = {
  name: 'keep-dirname',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (a) => ({
      contents: readFileSync(a.path, 'utf8').replace(/\b__dirname\b/g, JSON.stringify(dirname(a.path))),
      loader: 'ts',
    }));
  },
};

await build({
  entryPoints: [resolve(entry)],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  outfile,
  logLevel: 'warning',
  plugins: [keepDirname],
});
// The chaos suite builds hundreds of emulators and vm contexts in one process: give the heap room.
const r = spawnSync(process.execPath, ['--enable-source-maps', '--max-old-space-size=8192', outfile, ...args], { stdio: 'inherit' });
try {
  (await import('node:fs')).rmSync(outfile);
} catch {
  // a leftover temp file is harmless
}
process.exit(r.status ?? 1);
