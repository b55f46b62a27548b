/**
 * A search profile creation as a job, like an order: `POST /search-profile-creations` with the
 * Idempotency-Key minted when the job was made (kept in the job, so every re-send, also after a
 * killed run or a lost answer, carries the same key and the same body and OpenProspect answers
 * with the same creation), then `GET /search-profile-creations/{id}` by the trigger and the
 * sidebar until SUCCEEDED (the profile id is kept in the job and offered in the order forms) or
 * FAILED (with the reason; the overview says to retry with a new key, so the user makes a new
 * job, never this one again). Safe to kill at any line: before the creation id is saved, a re-run
 * re-sends the same request; after, it only reads.
 */
import * as z from 'zod/mini';
import { JsonStore } from '../platform/store';
import {
  createSearchProfile,
  getSearchProfileCreation,
  isKnownProfileCreationStatus,
  type ProfileCreationState,
  type SearchProfileCreationBody,
} from '../providers/openprospect/profiles';
import type { JobEnv } from './handler';
import { defineJobKind, readableData, type JobKind, type KindData } from './kind';
import { note, transition, warn, type Job } from './model';

export const OP_PROFILE_KIND = 'openprospect.profile';

export const OpProfileDataSchema = z.object({
  /** The Idempotency-Key of the POST, minted once. */
  key: z.string(),
  creationId: z.optional(z.string()),
  status: z.optional(z.string()),
  profileId: z.optional(z.string()),
  reason: z.optional(z.string()),
});
export type OpProfileData = z.infer<typeof OpProfileDataSchema>;

/** The kind's data, read with `dataOf(job, OP_PROFILE)`. */
export const OP_PROFILE: KindData<OpProfileData> = {
  kind: OP_PROFILE_KIND,
  schema: OpProfileDataSchema,
  again: 'create the profile again from the Discover section',
};

const BODY_PREFIX = 'opprofile:';
const BodySchema = z.record(z.string(), z.unknown());

/** Keep the form beside the job until the creation exists (refused over 9 KB with a clear StoreError). */
export function storeProfileBody(props: JobEnv['docProps'], jobId: string, body: SearchProfileCreationBody): void {
  new JsonStore(props).set(BODY_PREFIX + jobId, BodySchema, body as Record<string, unknown>);
}

/** Remove the kept form of a job. */
export function forgetProfileBody(props: JobEnv['docProps'], jobId: string): void {
  props.deleteProperty(BODY_PREFIX + jobId);
}

/** The job after an answer about the creation. */
function apply(job: Job, data: OpProfileData, state: ProfileCreationState, env: JobEnv): Job {
  const now = env.clock.now();
  const next: OpProfileData = { ...data, creationId: state.profileCreationId, status: state.status };
  let out: Job = { ...job, data: next, counts: { ...job.counts } };
  if (state.status === 'SUCCEEDED' && state.profileId) {
    forgetProfileBody(env.docProps, job.id);
    out = { ...out, data: { ...next, profileId: state.profileId }, progress: { done: 1, total: 1 } };
    return transition(out, 'DONE', now, `Profile ready: ${state.profileId} (offered in the Enrich and Discover forms)`);
  }
  if (state.status === 'FAILED') {
    forgetProfileBody(env.docProps, job.id);
    const reason = state.failureReason ?? 'OpenProspect gave no reason';
    const text = `Profile creation FAILED: ${reason}. Change the form and create a new profile (a new request).`;
    return transition({ ...out, data: { ...next, reason }, lastError: text }, 'FAILED', now, text);
  }
  if (!isKnownProfileCreationStatus(state.status))
    out = warn(out, `OpenProspect answered the unknown status "${state.status.slice(0, 40)}"; still waiting for SUCCEEDED or FAILED.`);
  const waiting = out.state === 'WAITING' ? out : transition(out, 'WAITING', now);
  return data.status === state.status ? waiting : note(waiting, now, `Profile ${state.status}`);
}

/** Advance one profile creation job. */
function advanceProfile(job: Job, data: OpProfileData, env: JobEnv): Job {
  const http = env.http('openprospect');
  if (data.creationId === undefined) {
    const body = new JsonStore(env.docProps).get(BODY_PREFIX + job.id, BodySchema);
    if (!body)
      return transition(
        { ...job, lastError: 'The profile form of this job was not kept; create the profile again from the Discover section.' },
        'FAILED',
        env.clock.now(),
      );
    const created = createSearchProfile(http, body as SearchProfileCreationBody, { idempotencyKey: data.key });
    const saved = apply(job, data, created, env);
    env.checkpoint(saved);
    return saved;
  }
  return apply(job, data, getSearchProfileCreation(http, data.creationId), env);
}

/** The profile creation job kind: the kept form goes with the job. */
export function openProspectProfileHandler(): JobKind<OpProfileData> {
  return defineJobKind({ ...OP_PROFILE, advance: advanceProfile, cleanup: forgetProfileBody });
}

/** The profile ids of finished creation jobs, newest first, for the order forms. */
export function readyProfiles(jobs: readonly Job[]): Array<{ profileId: string; name: string; createdAt: number }> {
  return jobs
    .filter((j) => j.kind === OP_PROFILE_KIND && j.state === 'DONE')
    .map((j) => ({ profileId: readableData(j, OP_PROFILE)?.profileId ?? '', name: j.title, createdAt: j.createdAt }))
    .filter((p) => p.profileId !== '')
    .sort((a, b) => b.createdAt - a.createdAt);
}
