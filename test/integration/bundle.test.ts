/**
 * Parses the built dist/Code.js and proves it is what Apps Script needs: every entry point a
 * top-level function declaration, custom functions with their JSDoc, and nothing Apps Script
 * lacks (ES modules, require, fetch, timers, process).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as acorn from 'acorn';

const dist = join(__dirname, '../../dist');
const code = readFileSync(join(dist, 'Code.js'), 'utf8');
const entries: Array<{ name: string; params: string[]; customFunction: boolean }> = JSON.parse(readFileSync(join(dist, 'entrypoints.json'), 'utf8'));

type AnyNode = acorn.Node & Record<string, unknown>;

function walk(node: unknown, visit: (n: AnyNode, parent: AnyNode | null) => void, parent: AnyNode | null = null): void {
  if (!node || typeof node !== 'object') return;
  const n = node as AnyNode;
  if (typeof n.type === 'string') visit(n, parent);
  for (const [k, v] of Object.entries(n)) {
    if (k === 'loc' || k === 'start' || k === 'end') continue;
    if (Array.isArray(v)) {
      for (const c of v) walk(c, visit, typeof n.type === 'string' ? n : parent);
    } else if (v && typeof v === 'object') walk(v, visit, typeof n.type === 'string' ? n : parent);
  }
}

describe('dist/Code.js', () => {
  const comments: acorn.Comment[] = [];
  const ast = acorn.parse(code, { ecmaVersion: 2020, sourceType: 'script', onComment: comments }) as unknown as { body: AnyNode[] };

  it('should parse as a plain script (no import/export)', () => {
    expect(() => acorn.parse(code, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
  });

  it('should declare every entry point as a top-level function', () => {
    const declared = new Set(ast.body.filter((n) => n.type === 'FunctionDeclaration').map((n) => (n['id'] as { name: string }).name));
    expect(entries.length).toBeGreaterThanOrEqual(8);
    for (const e of entries) expect(declared).toContain(e.name);
    for (const required of ['onOpen', 'onInstall', 'tick', 'showSidebar', 'getSettings', 'saveApiKey']) expect(declared).toContain(required);
  });

  it('should keep the JSDoc (with @customfunction) right above each custom function', () => {
    const fns = ast.body.filter((n) => n.type === 'FunctionDeclaration');
    for (const e of entries.filter((x) => x.customFunction)) {
      const fn = fns.find((n) => (n['id'] as { name: string }).name === e.name) as AnyNode;
      const doc = comments.filter((c) => c.type === 'Block' && c.end <= fn.start && code.slice(c.end, fn.start).trim() === '').pop();
      expect(doc?.value).toMatch(/@customfunction/);
      for (const p of e.params) expect(doc?.value).toMatch(new RegExp(`@param\\s+\\{[^}]+\\}\\s+\\[?${p}`));
    }
  });

  it('should not use what Apps Script lacks', () => {
    const banned = new Set(['require', 'fetch', 'setTimeout', 'setInterval', 'process', 'importScripts', 'XMLHttpRequest']);
    const found: string[] = [];
    walk(ast, (n, parent) => {
      if (n.type === 'ImportDeclaration' || n.type === 'ExportNamedDeclaration' || n.type === 'ImportExpression') found.push(n.type);
      if (n.type !== 'Identifier') return;
      const name = n['name'] as string;
      if (!banned.has(name)) return;
      // obj.require / { require() {} } are property names, not references
      if (parent?.type === 'MemberExpression' && parent['property'] === n && !parent['computed']) return;
      if ((parent?.type === 'Property' || parent?.type === 'MethodDefinition') && parent['key'] === n && !parent['computed']) return;
      found.push(name);
    });
    expect(found).toEqual([]);
  });

  it('should stay small enough to load fast', () => {
    expect(code.length).toBeLessThan(400 * 1024);
  });
});
