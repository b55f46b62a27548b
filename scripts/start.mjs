#!/usr/bin/env node
// `npm start`: build the add-on (dist/), bundle the playground server (dist/playground/main.cjs)
// and run it: an emulated spreadsheet beside the built sidebar on localhost, the providers
// simulated unless OPENPROSPECT_API_KEY / OPENMART_API_KEY / GU1_API_KEY are set.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const outfile = join(root, 'dist/playground/main.cjs');
await build({
  entryPoints: [join(root, 'emulator/playground/main.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  // The page script is bundled by the server with esbuild at run time.
  external: ['esbuild'],
  logLevel: 'warning',
});
process.env.PLAYGROUND_ROOT = root;
createRequire(import.meta.url)(outfile);
