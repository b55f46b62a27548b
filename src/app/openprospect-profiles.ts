/**
 * Search profiles from the sidebar: a creation is a job (../jobs/openprospect-profile.ts) that
 * the trigger and the open sidebar poll until SUCCEEDED or FAILED; finished profiles are offered
 * in the Enrich and Discover forms.
 */
import { KeyStore } from '../platform/keys';
import { StoreError } from '../platform/store';
import { newJob } from '../jobs/model';
import { OP_PROFILE, OP_PROFILE_KIND, readyProfiles, storeProfileBody, type OpProfileData } from '../jobs/openprospect-profile';
import { dataOf } from '../jobs/kind';
import { JobStore } from '../jobs/store';
import { buildProfileCreation } from '../providers/openprospect/build-profile';
import { withoutAgain, againOf } from './duplicates';
import type { AppContext } from './context';
import { UserInputError } from './input';
import { startJob } from './job-start';
import { toView, type JobView } from './job-view';
import { requireScopes } from './openprospect-scopes';

/** Start a profile creation job from the form (all ten fields); its first request goes out now. */
export function createProfileJob(ctx: AppContext, input: unknown): { job: JobView; notice: string | null } {
  new KeyStore(ctx.userProps()).require('openprospect');
  const build = buildProfileCreation(withoutAgain(input));
  if (!build.ok) throw new UserInputError(build.problems.map((p) => p.message).join(' '));
  requireScopes(ctx, 'profiles');
  const id = ctx.uuid();
  const data: OpProfileData = { key: `${id}-profile` };
  const job = newJob({
    id,
    provider: 'openprospect',
    kind: OP_PROFILE_KIND,
    title: build.body.profile_name ?? 'Search profile',
    now: ctx.clock.now(),
    data,
    total: 1,
  });
  try {
    storeProfileBody(ctx.docProps(), id, build.body);
  } catch (e) {
    if (e instanceof StoreError)
      throw new UserInputError(
        `The profile form is too large to keep for a retry (Apps Script keeps 9 KB per saved value); shorten the ideal customer profile or the offering.`,
      );
    throw e;
  }
  const started = startJob(ctx, job, {
    repeat: { rows: build.body, again: againOf(input) },
    // Refused before any creation existed (invalid form, missing scope): nothing to follow.
    refused: (latest) => latest.state === 'FAILED' && dataOf(latest, OP_PROFILE).creationId === undefined,
  });
  return { job: toView(started.job), notice: started.notice };
}

/** The profiles this spreadsheet's creation jobs made, newest first (for the order forms). */
export function listProfiles(ctx: AppContext): Array<{ profileId: string; name: string }> {
  return readyProfiles(new JobStore(ctx.docProps()).all()).map((p) => ({ profileId: p.profileId, name: p.name }));
}
