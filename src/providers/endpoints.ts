/** Where each provider lives and how its key is sent (NOTES.md). */
import type { Provider } from '../platform/http-types';

export interface Endpoint {
  provider: Provider;
  defaultBaseUrl: string;
  /** Headers carrying the key: the only place a key is ever put. */
  authHeaders(key: string): Record<string, string>;
}

export const ENDPOINTS: Record<Provider, Endpoint> = {
  openprospect: {
    provider: 'openprospect',
    defaultBaseUrl: 'https://api.openprospect.io/api/v1',
    authHeaders: (key) => ({ Authorization: `Bearer ${key}` }),
  },
  openmart: {
    provider: 'openmart',
    defaultBaseUrl: 'https://api.openmart.ai',
    authHeaders: (key) => ({ 'X-API-Key': key }),
  },
  gu1: {
    provider: 'gu1',
    defaultBaseUrl: 'https://api.gu1.ai',
    authHeaders: (key) => ({ Authorization: `Bearer ${key}` }),
  },
};

export const PROVIDERS: Provider[] = ['openprospect', 'openmart', 'gu1'];
