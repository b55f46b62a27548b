#!/usr/bin/env node
// Build: src/index.ts -> dist/Code.js (one script; every export of index.ts becomes a top-level
// `function name(...)` stub carrying its JSDoc, so Apps Script sees menu handlers, RPCs,
// triggers and @customfunction hints), sidebar/ -> dist/Sidebar.html (JS and CSS inlined),
// appsscript.json copied.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync, copyFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryPoints, renderStubs } from './gas-entry.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const GLOBAL = 'AddOn';
mkdirSync(dist, { recursive: true });

async function buildCode() {
  const load = (spec, from) => {
    const file = join(dirname(from), `${spec}.ts`);
    return { text: readFileSync(join(root, file), 'utf8'), file };
  };
  const entries = entryPoints(readFileSync(join(root, 'src/index.ts'), 'utf8'), 'src/index.ts', load);
  const names = entries.map((e) => e.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length > 0) throw new Error(`entry points exported twice: ${twice.join(', ')}`);
  const result = await build({
    entryPoints: [join(root, 'src/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    // Full minification keeps the bundle small and fast to load (issue 8: parse and first call
    // <= 20 ms; test/integration/bundle.test.ts holds the size limit); DEBUG=1 builds a readable bundle. The top-level stubs below stay readable either way.
    minify: process.env.DEBUG !== '1',
    minifySyntax: true,
    legalComments: 'none',
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  const bundle = result.outputFiles[0].text;
  const stubs = renderStubs(entries, GLOBAL);
  const header = '// Built by scripts/build.mjs from src/. Do not edit: run `npm run build`.\n';
  const code = `${header}${bundle}\n${stubs}`;
  writeFileSync(join(dist, 'Code.js'), code);
  writeFileSync(
    join(dist, 'entrypoints.json'),
    JSON.stringify(
      entries.map((e) => ({ name: e.name, params: e.params, customFunction: e.customFunction })),
      null,
      2,
    ),
  );
  return entries.length;
}

async function buildSidebar() {
  const js = await build({
    entryPoints: [join(root, 'sidebar/main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  const css = await build({
    entryPoints: [join(root, 'sidebar/style.css')],
    bundle: true,
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  const page = readFileSync(join(root, 'sidebar/index.html'), 'utf8');
  // `</script` inside inlined JS would end the script element early.
  const script = js.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
  const style = css.outputFiles[0].text.replace(/<\/(style)/gi, '<\\/$1');
  if (!page.includes('<!-- STYLE -->') || !page.includes('<!-- SCRIPT -->'))
    throw new Error('sidebar/index.html needs <!-- STYLE --> and <!-- SCRIPT --> markers');
  const html = page.replace('<!-- STYLE -->', () => `<style>${style}</style>`).replace('<!-- SCRIPT -->', () => `<script>${script}</script>`);
  writeFileSync(join(dist, 'Sidebar.html'), html);
}

const started = Date.now();
const n = await buildCode();
await buildSidebar();
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
const kb = (f) => `${(statSync(join(dist, f)).size / 1024).toFixed(1)} KB`;
console.log(`built dist/ in ${Date.now() - started} ms: Code.js ${kb('Code.js')} (${n} entry points), Sidebar.html ${kb('Sidebar.html')}, appsscript.json`);
