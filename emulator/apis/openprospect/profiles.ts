/**
 * Search profile creation: `POST /search-profile-creations` (Idempotency-Key required,
 * orders:write) and `GET /search-profile-creations/{id}` (orders:read).
 *
 * Undocumented choices: POST answers 202 with the creation in PENDING; the status moves one step
 * per GET of that creation: 1st GET PENDING, 2nd RUNNING, 3rd and later SUCCEEDED (with
 * `profile_id`) or FAILED (with `failure_reason`), as set by `setProfileOutcome` at the moment
 * the creation finishes. Required body fields: profile_name (<= 500) and ideal_customer_profile
 * (<= 5,000); other NOTES fields optional with the order limits; unknown fields are rejected.
 * Response shape: `{profile_creation_id, status, profile_name, profile_id, failure_reason,
 * created_at, updated_at}`.
 */
import { json } from '../types';
import type { RouteHandler } from './context';
import { notFound, validationError } from './errors';
import { canonicalJson, checkIdempotency, readIdempotencyKey, saveIdempotency } from './idempotency';
import { nextId } from './ids';
import type { Issue } from './issues';
import { LIMITS, type SimProfileCreation, type SimState } from './model';
import { isoMicros } from './time';
import { FieldReader, readJsonObject } from './validation';

const SCOPE = 'search-profile-creations';
const FIELDS = [
  'profile_name',
  'ideal_customer_profile',
  'seller_offering',
  'seller_industry',
  'target_countries',
  'target_cities',
  'target_industries',
  'excluded_industries',
  'contact_roles',
  'output_language',
];

/** The JSON shape of a creation. */
export function creationView(c: SimProfileCreation): Record<string, unknown> {
  return {
    profile_creation_id: c.id,
    status: c.status,
    profile_name: c.profileName,
    profile_id: c.profileId,
    failure_reason: c.failureReason,
    created_at: isoMicros(c.createdAt),
    updated_at: isoMicros(c.updatedAt),
  };
}

function validate(body: Record<string, unknown>): { name: string } | { issues: Issue[] } {
  const r = new FieldReader(body, ['body']);
  r.rejectExtra(FIELDS);
  const name = r.str('profile_name', { required: true, min: 1, max: LIMITS.profileNameMax, notBlank: true });
  r.str('ideal_customer_profile', { required: true, min: 1, max: LIMITS.icpMax, notBlank: true });
  r.str('seller_offering', { max: LIMITS.sellerOfferingMax });
  r.str('seller_industry', { max: LIMITS.sellerIndustryMax });
  for (const f of ['target_countries', 'target_cities', 'target_industries', 'excluded_industries', 'contact_roles']) r.strList(f);
  r.str('output_language', { min: 1, max: LIMITS.outputLanguageMax });
  return r.issues.length > 0 || name === null ? { issues: r.issues } : { name };
}

/** POST /api/v1/search-profile-creations. */
export const createProfileCreation: RouteHandler = ({ req, state, key }) => {
  const idem = readIdempotencyKey(req, true);
  const parsed = readJsonObject(req);
  const early: Issue[] = [...(idem.issue ? [idem.issue] : []), ...(parsed.ok ? [] : parsed.issues)];
  if (early.length > 0 || !parsed.ok || idem.key === null) return validationError(early);
  const fingerprint = canonicalJson(parsed.body);
  const prior = checkIdempotency(state, SCOPE, key.org, idem.key, fingerprint, req.now);
  if (prior) {
    // Replay: the same creation, in its current state.
    const rec = JSON.parse(prior.body) as { profile_creation_id?: string };
    const c = state.creations.find((x) => x.id === rec.profile_creation_id);
    return prior.status === 202 && c ? json(202, creationView(c)) : prior;
  }
  const v = validate(parsed.body);
  if ('issues' in v) return validationError(v.issues);
  const c: SimProfileCreation = {
    id: nextId(state, 'profile-creation'),
    org: key.org,
    status: 'PENDING',
    input: parsed.body,
    profileName: v.name,
    profileId: null,
    failureReason: null,
    polls: 0,
    createdAt: req.now,
    updatedAt: req.now,
    idempotencyKey: idem.key,
  };
  state.creations.push(c);
  state.counts.profileCreationsCreated++;
  const res = json(202, creationView(c));
  saveIdempotency(state, SCOPE, key.org, idem.key, { fingerprint, resourceId: c.id, status: 202, body: res.body, createdAt: req.now });
  return res;
};

function step(state: SimState, c: SimProfileCreation, now: number): void {
  c.polls++;
  if (c.status === 'SUCCEEDED' || c.status === 'FAILED') return;
  if (c.polls === 2) c.status = 'RUNNING';
  else if (c.polls >= 3) {
    const { outcome, reason } = state.profileOutcome;
    c.status = outcome;
    if (outcome === 'SUCCEEDED') {
      c.profileId = nextId(state, 'profile');
      state.profiles.set(c.profileId, { id: c.profileId, org: c.org, name: c.profileName, createdAt: now, origin: 'creation' });
    } else {
      c.failureReason = reason ?? 'Profile synthesis failed';
    }
  } else return;
  c.updatedAt = now;
}

/** GET /api/v1/search-profile-creations/{profile_creation_id}. */
export const getProfileCreation: RouteHandler = ({ req, state, key, params }) => {
  const id = params['profile_creation_id'] ?? '';
  const c = state.creations.find((x) => x.id === id && x.org === key.org);
  if (!c) return notFound('PROFILE_CREATION_NOT_FOUND', 'SearchProfileCreation', id, 'Search profile creation');
  step(state, c, req.now);
  return json(200, creationView(c));
};
