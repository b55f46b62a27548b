/**
 * The README's two commands on a fresh machine: `npm install` must not rewrite the lock file,
 * generated figures must not land in a tracked file by accident, and every document the code
 * and docs cite must be in the repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const ROOT = join(__dirname, '../..');
const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8');
const tracked = (): string[] => execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);

describe('repository hygiene', () => {
  describe('package-lock.json', () => {
    it('should declare the same dependencies and devDependencies as package.json', () => {
      const pkg = JSON.parse(read('package.json'));
      const lock = JSON.parse(read('package-lock.json'));
      const root = lock.packages[''];
      expect(root.dependencies ?? {}).toEqual(pkg.dependencies ?? {});
      expect(root.devDependencies ?? {}).toEqual(pkg.devDependencies ?? {});
      // A runtime dependency marked "dev" in the lock is what made `npm install` rewrite it.
      for (const name of Object.keys(pkg.dependencies ?? {})) expect(lock.packages[`node_modules/${name}`]?.dev).toBeUndefined();
    });
  });

  describe('npm run bench', () => {
    it('should write its figures to an ignored file unless asked to --save', () => {
      const run = read('bench/run.ts');
      expect(run).toContain("save ? 'bench/results.json' : 'bench/results.local.json'");
      const ignored = execFileSync('git', ['check-ignore', 'bench/results.local.json'], { cwd: ROOT, encoding: 'utf8' });
      expect(ignored.trim()).toBe('bench/results.local.json');
    });
  });

  describe('cited documents', () => {
    it('should all be files in the repository', () => {
      const files = tracked();
      const names = new Set(files.map((f) => basename(f)));
      const texts = files.filter((f) => /\.(ts|mjs|cjs|md|json)$/.test(f) && !f.startsWith('docs/api-docs/') && f !== 'package-lock.json');
      const missing: string[] = [];
      for (const f of texts) {
        for (const m of read(f).matchAll(/[\w./-]*\b[\w-]+\.md\b/g)) {
          const cited = m[0];
          if (cited.startsWith('/')) missing.push(`${f}: ${cited} (outside the repository)`);
          // A path starting with a dot is read from the citing file's folder.
          else if (
            cited.startsWith('.') ? !existsSync(join(ROOT, dirname(f), cited)) : cited.includes('/') ? !existsSync(join(ROOT, cited)) : !names.has(cited)
          )
            missing.push(`${f}: ${cited}`);
        }
      }
      expect(missing).toEqual([]);
    });
  });
});
