/**
 * Who may act on a job or schedule. Jobs and schedules live in document properties, seen by
 * every editor; keys, quotas and triggers are per user. So each record keeps its owner: an
 * opaque id the add-on creates once per user in that user's properties (not the email:
 * Session.getActiveUser() can be blank). Only the owner's executions advance, refresh, re-run,
 * resubmit, retry, schedule or cancel it, with the owner's key; other editors read it.
 *
 * Records saved before owners existed have none: the first user whose execution acts on one
 * with a key for its provider adopts it (and pays for it from then on); without a key nobody
 * touches it.
 */
import * as z from 'zod/mini';

/** The owner fields every job and schedule carries (optional: older records have none). */
export const OwnerFields = {
  /** The owner's opaque id (user properties `owner.id`). */
  owner: z.optional(z.string()),
  /** The owner's email when Apps Script gave it, for other editors to read; never used to decide. */
  ownerEmail: z.optional(z.string()),
};

/** The user this execution runs as. `id` is undefined until they first own something. */
export interface Me {
  id: string | undefined;
  email: string;
}

export type Claim = 'mine' | 'unowned' | 'theirs';

/** Whose a record is, from this execution's point of view. */
export function claimOf(rec: { owner?: string | undefined }, me: Pick<Me, 'id'>): Claim {
  if (rec.owner === undefined) return 'unowned';
  return me.id !== undefined && rec.owner === me.id ? 'mine' : 'theirs';
}

/** The record stamped with its (new) owner. */
export function stamp<T extends { owner?: string | undefined; ownerEmail?: string | undefined }>(rec: T, id: string, email: string): T {
  const { ownerEmail: _old, ...rest } = rec;
  return (email ? { ...rest, owner: id, ownerEmail: email } : { ...rest, owner: id }) as T;
}

/** "started by another editor of this spreadsheet (ann@example.com)", the email only when known. */
export function byAnotherEditor(rec: { ownerEmail?: string | undefined }, what = 'started'): string {
  return `${what} by another editor of this spreadsheet${rec.ownerEmail ? ` (${rec.ownerEmail})` : ''}`;
}

/** The sentence a co-editor gets instead of an action on someone else's job or schedule. */
export function notYoursSentence(rec: { ownerEmail?: string | undefined }, thing: 'job' | 'schedule', action: string): string {
  const verb = thing === 'job' ? 'started' : 'created';
  return `This ${thing} was ${byAnotherEditor(rec, verb)}; only they can ${action} it (with their own key). You can follow its progress and open its result tabs; to run it on your own key, submit the same rows again from your sidebar.`;
}
