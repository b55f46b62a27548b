/**
 * `POST /integration-execution/marketplace/enrichment-by-external-id`: check the body (400),
 * resolve codes (400), find the entity (404), make sure the balance covers every execution that
 * is not answered from the cache (402, nothing billed), then run each integration "in parallel":
 * cached successes cost nothing unless `parameters.forceRefresh`; fresh ones are billed into the
 * ledger; failures (sticky test failures, seeded ones, another country) cost nothing. A code the
 * organization has not activated is refused with 403/404 SERVICE_INTEGRATION_NOT_ACTIVE; with
 * `partialAs422`, an answer with a failed result is a 422 carrying the partial data.
 */
import { Rng, uuidFor } from '../openprospect/prng';
import { json, type SimRequest, type SimResponse } from '../types';
import type { IntegrationDef } from './catalogue';
import { enrichmentData, fieldsEnriched } from './data';
import { badRequest, entityNotFound, gu1Error, insufficientBalance } from './errors';
import { type CachedResult, type Gu1State, type ResultError, resultKey, type SimEntity } from './model';
import { type EnrichBody, parseBody, resolveCodes } from './resolve';

/** Server time around the parallel executions. */
const OVERHEAD_MS = 120;
/** Time a cache lookup reports as its execution time. */
const CACHE_HIT_MS = 4;

interface Planned {
  def: IntegrationDef;
  cached: CachedResult | undefined;
  failure: ResultError | undefined;
}

function executionTime(state: Gu1State, e: SimEntity, def: IntegrationDef): number {
  const f = new Rng(state.seed, 'latency', e.externalId, def.code).next();
  return Math.round(def.latencyMs * (0.9 + 0.2 * f));
}

function failureOf(state: Gu1State, e: SimEntity, def: IntegrationDef, seq: number): ResultError | undefined {
  const sticky = state.failures.get(resultKey(e.externalId, def.code));
  if (sticky) return sticky;
  if (def.country !== null && e.country !== null && def.country !== e.country) {
    return {
      code: 'COUNTRY_NOT_SUPPORTED',
      message: `${def.code} covers ${def.country} only; the entity is registered in ${e.country}`,
      category: 'validation',
      retryable: false,
      statusCode: 422,
    };
  }
  if (state.failureRate > 0 && new Rng(state.seed, 'failure', e.externalId, def.code, seq).next() < state.failureRate) {
    return { code: 'PROVIDER_UNAVAILABLE', message: `${def.name} did not answer in time`, category: 'provider', retryable: true, statusCode: 503 };
  }
  return undefined;
}

function plan(state: Gu1State, body: EnrichBody, e: SimEntity, codes: string[], now: number): Planned[] {
  return codes.map((code) => {
    const def = state.catalogue.get(code) as IntegrationDef;
    const hit = state.cache.get(resultKey(e.externalId, code));
    const fresh = hit !== undefined && now - hit.at <= state.cacheTtlMs;
    const cached = fresh && !body.forceRefresh ? hit : undefined;
    return { def, cached, failure: cached ? undefined : failureOf(state, e, def, state.counts.requests) };
  });
}

function summaryOf(def: IntegrationDef, data: unknown): string {
  const d = data as Record<string, unknown>;
  if (def.kind === 'pep') return d['isPep'] ? 'PEP match found' : 'No PEP match';
  if (def.kind === 'sanctions') return d['hit'] ? 'Possible sanctions match' : 'No sanctions match';
  if (def.kind === 'media') return String(d['overview'] ?? '');
  return `${def.name}: ${fieldsEnriched(data).length} fields enriched`;
}

function execute(state: Gu1State, req: SimRequest, body: EnrichBody, e: SimEntity, p: Planned): Record<string, unknown> {
  const base = { integrationCode: p.def.code, integrationName: p.def.name };
  if (p.cached) {
    state.counts.cacheHits++;
    return { success: true, enrichmentId: p.cached.enrichmentId, ...base, executionTime: CACHE_HIT_MS, costCents: 0, result: p.cached.result };
  }
  state.counts.executions++;
  const enrichmentId = uuidFor(state.seed, 'enrichment', ++state.enrichmentSeq);
  const time = executionTime(state, e, p.def);
  if (p.failure) {
    state.counts.failedResults++;
    return { success: false, enrichmentId, ...base, executionTime: time, costCents: 0, error: { ...p.failure } };
  }
  const data = enrichmentData(state.seed, e, p.def);
  const rng = new Rng(state.seed, 'quality', e.externalId, p.def.code);
  const result = {
    fieldsEnriched: fieldsEnriched(data),
    dataQuality: { completeness: Math.round((0.6 + 0.4 * rng.next()) * 100) / 100, confidence: Math.round((0.7 + 0.3 * rng.next()) * 100) / 100 },
    summary: summaryOf(p.def, data),
    enrichmentData: data,
  };
  state.cache.set(resultKey(e.externalId, p.def.code), { enrichmentId, executionTime: time, result, at: req.now });
  state.balanceCents -= p.def.costCents;
  state.ledger.push({
    seq: state.ledger.length + 1,
    at: req.now,
    externalId: e.externalId,
    entityId: e.id,
    integrationCode: p.def.code,
    enrichmentId,
    costCents: p.def.costCents,
    forceRefresh: body.forceRefresh,
  });
  return { success: true, enrichmentId, ...base, executionTime: time, costCents: p.def.costCents, result };
}

/** Handle one enrichment request (already authenticated). */
export function enrichByExternalId(state: Gu1State, req: SimRequest): SimResponse {
  state.counts.enrichRequests++;
  const body = parseBody(req.body);
  if ('message' in body) {
    state.counts.badRequests++;
    return badRequest(body.code, body.message);
  }
  const codes = resolveCodes(body, state.groups, state.catalogue);
  if (!Array.isArray(codes)) {
    state.counts.badRequests++;
    return codes.status === 'notActive' ? gu1Error(state.notActiveStatus, codes.code, codes.message) : badRequest(codes.code, codes.message);
  }
  const entity = state.entities.get(body.externalId);
  if (!entity) {
    state.counts.notFound++;
    return entityNotFound(body.externalId);
  }
  const planned = plan(state, body, entity, codes, req.now);
  // A provider cannot know in advance which executions fail, so every uncached one must be covered.
  const need = planned.filter((p) => !p.cached).reduce((n, p) => n + p.def.costCents, 0);
  if (need > state.balanceCents) {
    state.counts.insufficientBalance++;
    return insufficientBalance(need, state.balanceCents);
  }
  const results = planned.map((p) => execute(state, req, body, entity, p));
  const totalCostCents = results.reduce((n, r) => n + (r['costCents'] as number), 0);
  const totalExecutionTime = results.reduce((n, r) => n + (r['executionTime'] as number), 0);
  const slowest = results.reduce((m, r) => Math.max(m, r['executionTime'] as number), 0);
  const partial = state.partialAs422 && results.some((r) => r['success'] !== true);
  const res = json(partial ? 422 : 200, {
    success: !partial && results.some((r) => r['success'] === true),
    entityId: entity.id,
    externalId: entity.externalId,
    totalCostCents,
    totalExecutionTime,
    results,
  });
  // The integrations run in parallel: the request takes as long as the slowest one.
  return { ...res, latencyMs: OVERHEAD_MS + slowest };
}
