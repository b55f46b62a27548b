/**
 * The user this execution runs as, as an owner of jobs and schedules (see jobs/ownership.ts):
 * their opaque id, created once in their user properties when they first own something.
 */
import { type Me, byAnotherEditor, claimOf, notYoursSentence, stamp } from '../jobs/ownership';
import type { Job } from '../jobs/model';
import { CACHE_MAX_TTL_S } from '../platform/cache';
import { KeyStore } from '../platform/keys';
import type { AppContext } from './context';
import { UserInputError } from './input';

const OWNER_ID = 'owner.id';
const known = new WeakMap<AppContext, Me>();

/**
 * The user's id, from their user cache when it is there: the Jobs view lists jobs every 20 s, and
 * reading it from the user's properties each time would spend the Properties quota (issue 20).
 */
function cachedOwnerId(ctx: AppContext): string | undefined {
  const cached = ctx.userCache().get(OWNER_ID);
  if (cached) return cached;
  const id = ctx.userProps().getProperty(OWNER_ID) ?? undefined;
  if (id !== undefined) ctx.userCache().put(OWNER_ID, id, CACHE_MAX_TTL_S);
  return id;
}

/** Who runs this execution; `create` makes their id when they have none yet (one property write, once ever). */
export function whoAmI(ctx: AppContext, create = false): Me {
  let me = known.get(ctx);
  if (!me) {
    me = { id: cachedOwnerId(ctx), email: ctx.userEmail() };
    known.set(ctx, me);
  }
  if (me.id === undefined && create) {
    const id = `u-${ctx.uuid()}`;
    ctx.userProps().setProperty(OWNER_ID, id);
    ctx.userCache().put(OWNER_ID, id, CACHE_MAX_TTL_S);
    me = { ...me, id };
    known.set(ctx, me);
  }
  return me;
}

/** A new record stamped with this user as its owner. */
export function ownedByMe<T extends { owner?: string | undefined; ownerEmail?: string | undefined }>(ctx: AppContext, rec: T): T {
  const me = whoAmI(ctx, true);
  return stamp(rec, me.id as string, me.email);
}

/** True when this user has a key for the provider (one property read). */
function hasKey(ctx: AppContext, provider: Job['provider']): boolean {
  return new KeyStore(ctx.userProps()).get(provider) !== undefined;
}

/**
 * The job as this execution may act on it: its own, or one without an owner that this user
 * adopts because they have a key for its provider; null when it belongs to someone else (or
 * nobody, and this user has no key to adopt it with).
 */
export function actionable(ctx: AppContext, job: Job): Job | null {
  const claim = claimOf(job, whoAmI(ctx));
  if (claim === 'mine') return job;
  if (claim === 'theirs' || !hasKey(ctx, job.provider)) return null;
  return ownedByMe(ctx, job);
}

/** The job if this user may `action` it (adopting an ownerless one), else a UserInputError with the sentence. */
export function requireMine(ctx: AppContext, job: Job, action: string): Job {
  const mine = actionable(ctx, job);
  if (mine) return mine;
  if (job.owner === undefined)
    throw new UserInputError(
      `This job was started before jobs had owners; save your own key for this provider in Settings to take it over, then ${action} it.`,
    );
  throw new UserInputError(notYoursSentence(job, 'job', action));
}

/** True when the record belongs to this user. */
export function isMine(ctx: AppContext, rec: { owner?: string | undefined }): boolean {
  return claimOf(rec, whoAmI(ctx)) === 'mine';
}

/** What the Jobs view says about a record this user does not own, or null for their own. */
export function ownerNote(ctx: AppContext, rec: { owner?: string | undefined; ownerEmail?: string | undefined }): string | null {
  const claim = claimOf(rec, whoAmI(ctx));
  if (claim === 'mine') return null;
  if (claim === 'unowned') return 'Started before jobs had owners: the first editor who acts on it with a key for its provider takes it over.';
  return `Read-only: ${byAnotherEditor(rec)}.`;
}
