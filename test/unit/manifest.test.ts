import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCOPE_REASONS } from '../../src/app/scopes';
import { PROVIDERS, hostOf } from '../../src/platform/providers';

const manifest = JSON.parse(readFileSync(join(__dirname, '../../appsscript.json'), 'utf8')) as {
  oauthScopes: string[];
  urlFetchWhitelist: string[];
  runtimeVersion: string;
};

describe('appsscript.json', () => {
  it('should ask for exactly the scopes Settings explains, and nothing more', () => {
    expect([...manifest.oauthScopes].sort()).toEqual(SCOPE_REASONS.map((r) => r.scope).sort());
  });

  it('should whitelist exactly the hosts of the providers list (platform/providers.ts)', () => {
    const hosts = PROVIDERS.map((p) => hostOf(p.name));
    expect([...manifest.urlFetchWhitelist].sort()).toEqual(hosts.sort());
    expect(manifest.runtimeVersion).toBe('V8');
  });
});
