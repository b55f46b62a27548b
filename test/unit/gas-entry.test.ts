import { entryPoints, renderStubs } from '../../scripts/gas-entry.mjs';

const source = `
import { x } from './x';
/**
 * Returns a value from a result tab.
 * @param {string} external_id The row's id.
 * @param {string} field The column header.
 * @return The value.
 * @customfunction
 */
export function ENRICHED(external_id: string, field: string, _tab?: string): string { return x(external_id, field); }

/** Menu handler. */
export function showSidebar(): void {}
function privateHelper() {}
`;

describe('scripts/gas-entry', () => {
  describe('#entryPoints()', () => {
    it('should list exported functions with JSDoc, params and the custom-function flag', () => {
      const e = entryPoints(source);
      expect(e.map((x: { name: string }) => x.name)).toEqual(['ENRICHED', 'showSidebar']);
      expect(e[0]!.params).toEqual(['external_id', 'field', 'tab']);
      expect(e[0]!.customFunction).toBe(true);
      expect(e[0]!.jsdoc).toContain('@param {string} external_id');
      expect(e[1]!.customFunction).toBe(false);
    });

    it('should follow `export * from` through the loader, in order', () => {
      const files: Record<string, string> = {
        'src/entry/a.ts': '/** A. */\nexport function a(): void {}',
        'src/entry/b.ts': 'export function b(x: number): number { return x; }',
      };
      const load = (spec: string, from: string) => {
        const file = `${from.replace(/[^/]+$/, '')}${spec.replace(/^\.\//, '')}.ts`;
        return { text: files[file]!, file };
      };
      const e = entryPoints("export * from './entry/a';\nexport * from './entry/b';", 'src/index.ts', load);
      expect(e.map((x: { name: string }) => x.name)).toEqual(['a', 'b']);
      expect(e[0]!.jsdoc).toBe('/** A. */');
      expect(e[1]!.params).toEqual(['x']);
    });

    it('should refuse `export * from` without a loader', () => {
      expect(() => entryPoints("export * from './entry/a';")).toThrow(/needs a loader/);
    });

    it('should refuse exports that are not function declarations', () => {
      expect(() => entryPoints('export const a = 1;')).toThrow(/only "export function"/);
    });
  });

  describe('#renderStubs()', () => {
    it('should emit top-level functions that keep the JSDoc and delegate to the global', () => {
      const out = renderStubs(entryPoints(source), 'AddOn');
      expect(out).toContain('@customfunction\n */\nfunction ENRICHED(external_id, field, tab) {\n  return AddOn.ENRICHED(external_id, field, tab);\n}');
      expect(out).toContain('function showSidebar() {');
    });
  });
});
