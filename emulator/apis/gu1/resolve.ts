/**
 * Request body checks and code resolution, in the contract's words: groups are replaced by their
 * stored codes (in order), `integrationCodes` are appended, duplicates are dropped keeping the
 * first-seen order; at least one list must be non-empty; every code must exist and be enabled.
 */
import type { GroupDef, IntegrationDef } from './catalogue';

/** A checked request body. */
export interface EnrichBody {
  externalId: string;
  integrationCodes: string[];
  enrichmentGroupRefs: string[];
  parameters: Record<string, unknown>;
  forceRefresh: boolean;
}

/**
 * A refusal with gu1's error code and a message naming the field or code: a 400, or (`notActive`)
 * the status NOTES.md gives an integration the organization has not activated (403 or 404).
 */
export interface BodyProblem {
  code: string;
  message: string;
  status?: 'notActive';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(body: Record<string, unknown>, field: string): string[] | BodyProblem {
  const v = body[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return { code: 'VALIDATION_ERROR', message: `${field} must be an array of strings` };
  return v as string[];
}

/** Parse and check the JSON body (not the codes: `resolveCodes` does that). */
export function parseBody(text: string | undefined): EnrichBody | BodyProblem {
  let raw: unknown;
  try {
    raw = JSON.parse(text ?? '');
  } catch {
    return { code: 'INVALID_JSON', message: 'The request body must be a JSON object' };
  }
  if (!isRecord(raw)) return { code: 'INVALID_JSON', message: 'The request body must be a JSON object' };
  const externalId = raw['externalId'];
  if (typeof externalId !== 'string' || externalId.trim() === '')
    return { code: 'VALIDATION_ERROR', message: 'externalId is required and must be a non-empty string' };
  const codes = stringList(raw, 'integrationCodes');
  if (!Array.isArray(codes)) return codes;
  const refs = stringList(raw, 'enrichmentGroupRefs');
  if (!Array.isArray(refs)) return refs;
  if (codes.length === 0 && refs.length === 0)
    return { code: 'VALIDATION_ERROR', message: 'At least one of integrationCodes or enrichmentGroupRefs must be non-empty' };
  const params = raw['parameters'];
  if (params !== undefined && params !== null && !isRecord(params)) return { code: 'VALIDATION_ERROR', message: 'parameters must be an object' };
  const parameters = isRecord(params) ? params : {};
  return { externalId, integrationCodes: codes, enrichmentGroupRefs: refs, parameters, forceRefresh: parameters['forceRefresh'] === true };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The group a ref names: its slug exactly, or its UUID in any case. */
export function findGroup(groups: readonly GroupDef[], ref: string): GroupDef | undefined {
  if (UUID.test(ref)) return groups.find((g) => g.id.toLowerCase() === ref.toLowerCase());
  return groups.find((g) => g.slug === ref);
}

/** Expand groups, append codes, dedupe first-seen; then check each code against the catalogue. */
export function resolveCodes(body: EnrichBody, groups: readonly GroupDef[], catalogue: ReadonlyMap<string, IntegrationDef>): string[] | BodyProblem {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (c: string): void => {
    if (seen.has(c)) return;
    seen.add(c);
    out.push(c);
  };
  for (const ref of body.enrichmentGroupRefs) {
    const g = findGroup(groups, ref);
    if (!g) return { code: 'ENRICHMENT_GROUP_NOT_FOUND', message: `Enrichment group not found: ${ref}` };
    g.codes.forEach(add);
  }
  body.integrationCodes.forEach(add);
  for (const code of out) {
    const def = catalogue.get(code);
    if (!def) return { code: 'INVALID_INTEGRATION_CODE', message: `Unknown integration code: ${code}` };
    if (!def.enabled)
      return { code: 'SERVICE_INTEGRATION_NOT_ACTIVE', message: `Integration ${code} is not active for your organization`, status: 'notActive' };
  }
  return out;
}
