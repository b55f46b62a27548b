/**
 * Search profile creation (overview "Basic Flow" + NOTES): `POST /search-profile-creations`
 * (Idempotency-Key required; scope orders:write) and `GET /search-profile-creations/{id}`
 * (orders:read), moving PENDING -> RUNNING -> SUCCEEDED (with `profile_id`) or FAILED (with a
 * reason). The response bodies are not documented field by field: the creation id is read from
 * `profile_creation_id` (the overview's name) or `id`, the reason from the usual error keys.
 */
import type { ApiRequest, ApiResponse, Http } from '../../platform/http-types';
import { PATHS, PROFILE_CREATION_STATUSES, type ProfileCreationStatus } from './schemas';
import { ProfileCreationSchema, type ProfileCreation } from './result-schemas';
import { malformedAnswer, parseAnswer } from '../../platform/response';

/** `POST /search-profile-creations` body: the fields NOTES lists, all passed through as given. */
export interface SearchProfileCreationBody {
  profile_name?: string;
  ideal_customer_profile?: string;
  seller_offering?: string;
  seller_industry?: string;
  target_countries?: string[];
  target_cities?: string[];
  target_industries?: string[];
  excluded_industries?: string[];
  contact_roles?: string[];
  output_language?: string;
}

/** A profile creation, normalised. */
export interface ProfileCreationState {
  profileCreationId: string;
  /** A documented status, or the unknown string the server sent. */
  status: ProfileCreationStatus | (string & {});
  /** Set once SUCCEEDED. */
  profileId?: string;
  /** Set on FAILED when the server gave a reason. */
  failureReason?: string;
  /** The parsed body, for anything else the server sent. */
  raw: ProfileCreation;
}

/** True for one of PENDING, RUNNING, SUCCEEDED, FAILED. */
export function isKnownProfileCreationStatus(status: string): status is ProfileCreationStatus {
  return (PROFILE_CREATION_STATUSES as readonly string[]).includes(status);
}

function reasonOf(body: ProfileCreation): string | undefined {
  const direct = body.failure_reason ?? body.reason ?? body.error_message;
  if (direct) return direct;
  const err = body.error;
  if (typeof err === 'string' && err !== '') return err;
  if (typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string') {
    return (err as { message: string }).message;
  }
  return body.status === 'FAILED' ? (body.message ?? undefined) : undefined;
}

function normalise(body: ProfileCreation, fallbackId: string | undefined): ProfileCreationState | undefined {
  const id = body.profile_creation_id ?? body.id ?? fallbackId;
  if (!id) return undefined;
  const out: ProfileCreationState = { profileCreationId: id, status: body.status, raw: body };
  if (body.profile_id) out.profileId = body.profile_id;
  const reason = reasonOf(body);
  if (reason !== undefined) out.failureReason = reason;
  return out;
}

/**
 * The request starting a profile creation. `idempotencyKey` is required (documented): reuse it on
 * every retry of the same body; after FAILED, retry with a new key (overview).
 */
export function createProfileRequest(body: SearchProfileCreationBody, opts: { idempotencyKey: string }): ApiRequest {
  if (typeof opts.idempotencyKey !== 'string' || opts.idempotencyKey.trim() === '') {
    throw new TypeError('createSearchProfile: an idempotencyKey is required');
  }
  return { method: 'post', path: PATHS.profileCreations, json: body, idempotencyKey: opts.idempotencyKey };
}

/** Read a started creation; without an id there is nothing to poll (a MalformedResponseError). */
export function readCreatedProfile(res: ApiResponse<unknown>): ProfileCreationState {
  const what = 'POST /search-profile-creations';
  const state = normalise(parseAnswer('openprospect', ProfileCreationSchema, res, what), undefined);
  if (!state) throw malformedAnswer('openprospect', res, `${what}: profile_creation_id: expected a string, got nothing`);
  return state;
}

/** Start a profile creation (createProfileRequest, readCreatedProfile). */
export function createSearchProfile(http: Http, body: SearchProfileCreationBody, opts: { idempotencyKey: string }): ProfileCreationState {
  return readCreatedProfile(http.request<unknown>(createProfileRequest(body, opts)));
}

/** The request polling one profile creation. */
export function profileCreationRequest(profileCreationId: string): ApiRequest {
  return { method: 'get', path: PATHS.profileCreation(profileCreationId) };
}

/** Read a polled creation; SUCCEEDED without profile_id leaves nothing to order from (a MalformedResponseError). */
export function readProfileCreation(res: ApiResponse<unknown>, profileCreationId: string): ProfileCreationState {
  const what = `GET /search-profile-creations/${profileCreationId}`;
  const state = normalise(parseAnswer('openprospect', ProfileCreationSchema, res, what), profileCreationId) as ProfileCreationState;
  if (state.status === 'SUCCEEDED' && !state.profileId) {
    throw malformedAnswer('openprospect', res, `${what}: profile_id: expected a string when status is SUCCEEDED, got nothing`);
  }
  return state;
}

/** Poll one profile creation. */
export function getSearchProfileCreation(http: Http, profileCreationId: string): ProfileCreationState {
  return readProfileCreation(http.request<unknown>(profileCreationRequest(profileCreationId)), profileCreationId);
}
