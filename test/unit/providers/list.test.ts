/**
 * One list of providers (platform/providers.ts): no other file under src/ or sidebar/ writes a
 * list naming every provider, as quoted names (`['openprospect', 'openmart', 'gu1']`, a union
 * type, a zod enum) or as the keys of one object (`{ openprospect: 50, openmart: 20, gu1: 10 }`).
 * Every such list derives from PROVIDERS instead (PROVIDER_IDS, PROVIDER_NAMES, `providerOf`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROVIDER_IDS, PROVIDER_NAMES, PROVIDERS, authHeaders, hostOf, providerOf } from '../../../src/platform/providers';

const ROOT = join(__dirname, '../../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const withoutComments = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The provider lists written in `text`: runs of quoted names, and objects keyed by every name. */
function providerLists(text: string, names: readonly string[] = PROVIDER_IDS): string[] {
  const code = withoutComments(text);
  const quoted = `(['"\`])(?:${names.map(escapeRe).join('|')})\\1`;
  const runs = [...code.matchAll(new RegExp(`${quoted}(?:\\s*[,|]\\s*${quoted})+`, 'g'))].map((m) => m[0]);
  const quotedLists = runs.filter((run) => names.every((n) => new RegExp(`['"\`]${escapeRe(n)}['"\`]`).test(run)));
  const blocks = [...code.matchAll(/\{[^{}]*\}/g)].map((m) => m[0]);
  const keyed = blocks.filter((b) => names.every((n) => new RegExp(`(^|[\\s{,'"])${escapeRe(n)}['"]?\\s*:`).test(b)));
  return [...quotedLists, ...keyed];
}

describe('providers list', () => {
  it('should be written once: no other list in src/ or sidebar/ names every provider', () => {
    const found = [...files(join(ROOT, 'src')), ...files(join(ROOT, 'sidebar'))]
      .filter((f) => !f.endsWith(join('platform', 'providers.ts')))
      .flatMap((f) => providerLists(readFileSync(f, 'utf8')).map((l) => `${relative(ROOT, f)}: ${l.replace(/\s+/g, ' ').slice(0, 80)}`));
    expect(found).toEqual([]);
  });

  it('should flag a second list (the check itself works)', () => {
    const names = ['openprospect', 'openmart', 'gu1'];
    expect(providerLists("export const P = ['openprospect', 'openmart', 'gu1'];", names)).toHaveLength(1);
    expect(providerLists("type P = 'openprospect' | 'openmart' | 'gu1';", names)).toHaveLength(1);
    expect(providerLists('const W = { openprospect: 50, openmart: 20, gu1: 10 };', names)).toHaveLength(1);
    expect(providerLists("const N = { openprospect: 'OpenProspect', 'openmart': 'Openmart', gu1: 'gu1' };", names)).toHaveLength(1);
    // A list of some providers (the sidebar's sections) or a sentence is no second list.
    expect(providerLists("type Section = 'enrich' | 'openmart' | 'gu1' | 'jobs';", names)).toEqual([]);
    expect(providerLists("const t = 'Paste the key of OpenProspect, Openmart or gu1';", names)).toEqual([]);
    expect(providerLists("// ['openprospect', 'openmart', 'gu1']", names)).toEqual([]);
  });

  it('should give each provider one name, label, key property under the prefix and an https base URL', () => {
    expect(new Set(PROVIDER_IDS).size).toBe(PROVIDERS.length);
    expect(new Set(PROVIDERS.map((p) => p.keyProperty)).size).toBe(PROVIDERS.length);
    for (const p of PROVIDERS) {
      expect(p.keyProperty.startsWith('apiKey.')).toBe(true);
      expect(p.defaultBaseUrl).toMatch(/^https:\/\/[a-z0-9.-]+(\/|$)/);
      expect(hostOf(p.name)).toBe(`${new URL(p.defaultBaseUrl).origin}/`);
      expect(PROVIDER_NAMES[p.name]).toBe(p.label);
      expect(providerOf(p.name)).toBe(p);
    }
  });

  it('should put the key only in the header each provider documents', () => {
    expect(authHeaders('openprospect', 'k1')).toEqual({ Authorization: 'Bearer k1' });
    expect(authHeaders('openmart', 'k2')).toEqual({ 'X-API-Key': 'k2' });
    expect(authHeaders('gu1', 'k3')).toEqual({ Authorization: 'Bearer k3' });
  });
});
