/** State of the gu1 simulator: keys, entities, the catalogue, the cache, the balance and the ledger. */
import type { SimRequest } from '../types';
import type { GroupDef, IntegrationDef } from './catalogue';

/** An entity registered in gu1 (created in gu1 before anyone enriches it by externalId). */
export interface SimEntity {
  id: string;
  externalId: string;
  type: 'company' | 'person';
  /** ISO country; when set, integrations for another country fail with COUNTRY_NOT_SUPPORTED. */
  country: string | null;
  name: string | null;
  /** 1-based registration order; decides which hostile values the entity's data carries. */
  ordinal: number;
}

/** The error of one failed integration result. */
export interface ResultError {
  code: string;
  message: string;
  category?: string;
  retryable?: boolean;
  statusCode?: number;
}

/** One successful result as cached (the response repeats it on a cache hit). */
export interface CachedResult {
  enrichmentId: string;
  executionTime: number;
  result: {
    fieldsEnriched: string[];
    dataQuality: { completeness: number; confidence: number };
    summary: string;
    enrichmentData: unknown;
  };
  at: number;
}

/** One billed execution: the ledger shows every cent the simulated account paid. */
export interface LedgerEntry {
  seq: number;
  at: number;
  externalId: string;
  entityId: string;
  integrationCode: string;
  enrichmentId: string;
  costCents: number;
  forceRefresh: boolean;
}

/** Counters for tests. */
export interface Gu1Counts {
  requests: number;
  enrichRequests: number;
  unauthorized: number;
  badRequests: number;
  notFound: number;
  insufficientBalance: number;
  /** Integration executions that ran fresh (billed when they succeeded). */
  executions: number;
  cacheHits: number;
  failedResults: number;
}

/** Fresh counters. */
export function zeroCounts(): Gu1Counts {
  return {
    requests: 0,
    enrichRequests: 0,
    unauthorized: 0,
    badRequests: 0,
    notFound: 0,
    insufficientBalance: 0,
    executions: 0,
    cacheHits: 0,
    failedResults: 0,
  };
}

export interface Gu1State {
  seed: number;
  keys: Set<string>;
  entities: Map<string, SimEntity>;
  catalogue: Map<string, IntegrationDef>;
  groups: GroupDef[];
  /** `externalId \u001f code` -> the last fresh success. */
  cache: Map<string, CachedResult>;
  cacheTtlMs: number;
  balanceCents: number;
  ledger: LedgerEntry[];
  /** Sticky per-result failures set by tests: `externalId \u001f code` -> error. */
  failures: Map<string, ResultError>;
  /** Seeded probability that a fresh execution fails (PROVIDER_UNAVAILABLE). */
  failureRate: number;
  /** The status of SERVICE_INTEGRATION_NOT_ACTIVE (NOTES.md: 403 or 404). */
  notActiveStatus: 403 | 404;
  /** Answer 422 with `success: false` and the partial results whenever a result failed. */
  partialAs422: boolean;
  requests: SimRequest[];
  counts: Gu1Counts;
  enrichmentSeq: number;
}

/** The cache and failure map key. */
export function resultKey(externalId: string, code: string): string {
  return `${externalId}\u001f${code}`;
}
