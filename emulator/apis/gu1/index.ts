/**
 * In-process simulator of gu1's marketplace enrichment by external id (`https://api.gu1.ai`),
 * after docs/api-docs/gu1-execute-enrichment-by-external-id.txt and NOTES.md: Bearer
 * auth with the `{success:false,error}` envelope, an entity registry keyed by externalId, an
 * integration catalogue with prices, latencies and countries, enrichment groups, partial
 * success, a cache (unless `parameters.forceRefresh`), a balance and a ledger of every billed
 * cent. Time comes only from `req.now`; generated data is deterministic for a seed.
 */
import { concurrencyLimit, type ConcurrencyLimit } from '../concurrency';
import { uuidFor } from '../openprospect/prng';
import type { HttpHandler, SimRequest, SimResponse } from '../types';
import { DEFAULT_CATALOGUE, DEFAULT_GROUPS, type GroupDef, type IntegrationDef } from './catalogue';
import { enrichmentData } from './data';
import { enrichByExternalId } from './enrich';
import { gu1Error, unauthorized } from './errors';
import { type Gu1Counts, type Gu1State, type LedgerEntry, type ResultError, resultKey, type SimEntity, zeroCounts } from './model';
import { reshapeGu1, type Gu1Variant } from './variants';

export type { GroupDef, IntegrationDef, IntegrationKind } from './catalogue';
export { DEFAULT_CATALOGUE, DEFAULT_GROUPS } from './catalogue';
export { GU1_VARIANTS, type Gu1Variant } from './variants';
export { HOSTILE_NAME, LONG_NOTES_LENGTH } from './data';
export type { Gu1Counts, LedgerEntry, ResultError, SimEntity } from './model';

/** The simulator's base URL (NOTES.md: https only). */
export const GU1_BASE_URL = 'https://api.gu1.ai';
/** The one route the add-on uses. */
export const ENRICH_PATH = '/integration-execution/marketplace/enrichment-by-external-id';

/** Options of `createGu1Sim`. */
export interface Gu1SimOptions {
  /** Seed of all generated ids and data (default 1). */
  seed?: number;
  /** Starting balance in cents (default 1,000,000). */
  balanceCents?: number;
  catalogue?: readonly IntegrationDef[];
  groups?: readonly GroupDef[];
  /** How long a fresh success answers repeats from the cache (default 24 h). */
  cacheTtlMs?: number;
  /** Seeded probability that a fresh execution fails with PROVIDER_UNAVAILABLE (default 0). */
  failureRate?: number;
  /** Answer in these variant shapes (variants.ts). */
  variants?: Gu1Variant[];
  /** At most this many requests of one fetchAll wave in flight; past it a 429 (default: no limit). */
  concurrencyLimit?: number;
  /**
   * The status of `SERVICE_INTEGRATION_NOT_ACTIVE` for a code the organization has not activated
   * (NOTES.md: 403 or 404). Default 404, the worst case: the status an unknown entity gets too.
   */
  notActiveStatus?: 403 | 404;
  /**
   * NOTES.md: "a 422 may carry partial data with `success: false`". When true, every answer with a
   * failed result comes as a 422 with `success: false` and all results (its successes billed as
   * usual). Default false.
   */
  partialAs422?: boolean;
}

/** The simulator: an HttpHandler plus controls for tests and the playground. */
export interface Gu1Sim extends HttpHandler {
  /** Accept a key (any prefix: `gk_prod_...`, `gk_sandbox_...`; NOTES says never check prefixes). */
  addKey(key: string): void;
  removeKey(key: string): void;
  /** Register an entity (as if created in gu1); returns it. Country defaults to none (no country check). */
  addEntity(externalId: string, opts?: { type?: 'company' | 'person'; country?: string | null; name?: string | null }): SimEntity;
  /** Register many entities with the same options. */
  addEntities(externalIds: readonly string[], opts?: { type?: 'company' | 'person'; country?: string | null }): SimEntity[];
  entity(externalId: string): SimEntity | undefined;
  /** Make one (externalId, code) result fail with this error until cleared (null clears). */
  failResult(externalId: string, code: string, error: ResultError | null): void;
  enable(code: string, enabled: boolean): void;
  setLatency(code: string, latencyMs: number): void;
  setBalance(cents: number): void;
  balance(): number;
  /** Forget every cached result (as if the cache expired). */
  clearCache(): void;
  /** The data an integration returns for a registered entity (deterministic). */
  enrichmentData(externalId: string, code: string): unknown;
  catalogue(): readonly IntegrationDef[];
  groups(): readonly GroupDef[];
  /** Every billed execution, in order. */
  readonly ledger: readonly LedgerEntry[];
  /** The sum of the ledger. */
  billedCents(): number;
  /** Every request seen, in order. */
  readonly requests: readonly SimRequest[];
  readonly counts: Gu1Counts;
  /** The concurrency limit (its 429s are not in `requests`). */
  readonly limit: ConcurrencyLimit;
}

function authenticate(state: Gu1State, req: SimRequest): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec((req.headers['authorization'] ?? '').trim());
  return m?.[1] !== undefined && state.keys.has(m[1]);
}

function route(state: Gu1State, req: SimRequest): SimResponse {
  if (req.path.replace(/\/+$/, '') !== ENRICH_PATH) return gu1Error(404, 'NOT_FOUND', `Route ${req.method} ${req.path} not found`);
  if (req.method !== 'POST')
    return {
      ...gu1Error(405, 'METHOD_NOT_ALLOWED', `Method ${req.method} not allowed; use POST`),
      headers: { 'Content-Type': 'application/json', Allow: 'POST' },
    };
  if (!authenticate(state, req)) {
    state.counts.unauthorized++;
    return unauthorized();
  }
  return enrichByExternalId(state, req);
}

/** Create a fresh simulator. */
export function createGu1Sim(opts: Gu1SimOptions = {}): Gu1Sim {
  const state: Gu1State = {
    seed: opts.seed ?? 1,
    keys: new Set(),
    entities: new Map(),
    catalogue: new Map((opts.catalogue ?? DEFAULT_CATALOGUE).map((d) => [d.code, { ...d }])),
    groups: (opts.groups ?? DEFAULT_GROUPS).map((g) => ({ ...g, codes: [...g.codes] })),
    cache: new Map(),
    cacheTtlMs: opts.cacheTtlMs ?? 24 * 3_600_000,
    balanceCents: opts.balanceCents ?? 1_000_000,
    ledger: [],
    failures: new Map(),
    failureRate: opts.failureRate ?? 0,
    notActiveStatus: opts.notActiveStatus ?? 404,
    partialAs422: opts.partialAs422 ?? false,
    requests: [],
    counts: zeroCounts(),
    enrichmentSeq: 0,
  };
  const def = (code: string): IntegrationDef => {
    const d = state.catalogue.get(code);
    if (!d) throw new Error(`unknown integration code ${code}`);
    return d;
  };
  const addEntity: Gu1Sim['addEntity'] = (externalId, o = {}) => {
    const existing = state.entities.get(externalId);
    if (existing) return existing;
    const ordinal = state.entities.size + 1;
    const e: SimEntity = {
      id: uuidFor(state.seed, 'entity', externalId),
      externalId,
      type: o.type ?? 'company',
      country: o.country ?? null,
      name: o.name ?? null,
      ordinal,
    };
    state.entities.set(externalId, e);
    return e;
  };
  const variants = [...(opts.variants ?? [])];
  const limit = concurrencyLimit(opts.concurrencyLimit, () => gu1Error(429, 'RATE_LIMITED', 'Too many concurrent requests; try again in a moment'));
  return {
    handle: (req) =>
      limit.admit(req, (r) => {
        state.requests.push(r);
        state.counts.requests++;
        return variants.reduce((res, v) => reshapeGu1(v, r, res), route(state, r));
      }),
    limit,
    addKey: (key) => void state.keys.add(key),
    removeKey: (key) => void state.keys.delete(key),
    addEntity,
    addEntities: (ids, o) => ids.map((id) => addEntity(id, o)),
    entity: (id) => state.entities.get(id),
    failResult(externalId, code, error) {
      if (error === null) state.failures.delete(resultKey(externalId, code));
      else state.failures.set(resultKey(externalId, code), { ...error });
    },
    enable: (code, enabled) => void (def(code).enabled = enabled),
    setLatency: (code, ms) => void (def(code).latencyMs = ms),
    setBalance: (cents) => void (state.balanceCents = cents),
    balance: () => state.balanceCents,
    clearCache: () => state.cache.clear(),
    enrichmentData(externalId, code) {
      const e = state.entities.get(externalId);
      if (!e) throw new Error(`unknown entity ${externalId}`);
      return enrichmentData(state.seed, e, def(code));
    },
    catalogue: () => [...state.catalogue.values()],
    groups: () => state.groups,
    ledger: state.ledger,
    billedCents: () => state.ledger.reduce((n, l) => n + l.costCents, 0),
    requests: state.requests,
    counts: state.counts,
  };
}
