/**
 * The one list of providers: every other list of them (the Provider type, names in sentences,
 * the key's property, the default base URL and host, how the key is sent, the fetchAll wave size,
 * the provider enums of app/ and jobs/, the Settings view) derives from it. It lives in platform/
 * because the lowest layer names providers too (errors, keys, http); what a provider does lives in
 * its folder, src/providers/<name>/ (test/unit/providers/list.test.ts fails on a second list).
 */

/** How a provider takes its key (NOTES.md). */
type KeyHeader = 'bearer' | 'x-api-key';

interface ProviderFacts {
  /** The id in job records, settings and code. */
  readonly name: string;
  /** How sentences name it. */
  readonly label: string;
  /** The user property holding the key (user properties only; starts with KEY_PREFIX). */
  readonly keyProperty: string;
  /** The documented base URL; its origin is the manifest's `urlFetchWhitelist` entry. */
  readonly defaultBaseUrl: string;
  readonly keyHeader: KeyHeader;
  /** fetchAll wave size (OpenProspect result pages: 50 per wave keeps 10,000 companies in 3 waves). */
  readonly waveSize: number;
  /**
   * Data rows one job takes from a source (sheet/limits.ts): a job's records must fit the 9 KB
   * document property and its runs the 6-minute execution (OpenProspect: 10 orders of 10,000;
   * Openmart: 250 batches of 100, whose book fits its properties; gu1: one call per row against a
   * 20,000-call daily UrlFetch quota).
   */
  readonly maxSourceRows: number;
}

/** Every key property starts with it, so the scrubber finds every saved key in one read (keys.ts). */
export const KEY_PREFIX = 'apiKey.';

export const PROVIDERS = [
  {
    name: 'openprospect',
    label: 'OpenProspect',
    keyProperty: 'apiKey.openprospect',
    defaultBaseUrl: 'https://api.openprospect.io/api/v1',
    keyHeader: 'bearer',
    waveSize: 50,
    maxSourceRows: 100_000,
  },
  {
    name: 'openmart',
    label: 'Openmart',
    keyProperty: 'apiKey.openmart',
    defaultBaseUrl: 'https://api.openmart.ai',
    keyHeader: 'x-api-key',
    waveSize: 20,
    maxSourceRows: 25_000,
  },
  {
    name: 'gu1',
    label: 'gu1',
    keyProperty: 'apiKey.gu1',
    defaultBaseUrl: 'https://api.gu1.ai',
    keyHeader: 'bearer',
    waveSize: 10,
    maxSourceRows: 10_000,
  },
] as const satisfies readonly ProviderFacts[];

export type Provider = (typeof PROVIDERS)[number]['name'];

/** Every provider's name, in the list's order (for zod enums: `z.enum(PROVIDER_IDS)`). */
export const PROVIDER_IDS = PROVIDERS.map((p) => p.name) as [Provider, ...Provider[]];

/** How sentences name each provider: `PROVIDER_NAMES.openmart` is "Openmart". */
export const PROVIDER_NAMES = Object.fromEntries(PROVIDERS.map((p) => [p.name, p.label])) as Record<Provider, string>;

/** The facts of one provider. */
export function providerOf(name: Provider): ProviderFacts {
  return PROVIDERS.find((p) => p.name === name) as ProviderFacts;
}

/** The headers carrying the key: the only place a key is ever put. */
export function authHeaders(name: Provider, key: string): Record<string, string> {
  return providerOf(name).keyHeader === 'x-api-key' ? { 'X-API-Key': key } : { Authorization: `Bearer ${key}` };
}

/** `https://api.openmart.ai/`: the host a provider's requests go to (the manifest whitelists each). */
export function hostOf(name: Provider): string {
  return `${/^https:\/\/[^/]+/.exec(providerOf(name).defaultBaseUrl)?.[0] ?? ''}/`;
}
