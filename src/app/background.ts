/**
 * What the Jobs view knows about background work without spending Properties calls (issue 20):
 * when a poll last ran (document cache) and whether trigger runs reach the spreadsheet (user
 * cache: a run without the spreadsheet has no document store to write to). A lost cache entry
 * only means "not checked yet" or a notice shown again at the next trigger run.
 */
import { CACHE_MAX_TTL_S, JsonCache, type CacheLike } from '../platform/cache';
import type { AppContext } from './context';
import { whoAmI } from './owner';
import { toUserMessage } from './user-error';

const LAST_POLL_KEY = 'poller.lastRunAt';
/**
 * The open Jobs view refreshes every 20 s but asks the providers at most this often (a poll reads
 * the user's properties, spends UrlFetch calls and writes the quota meter); in between it lists
 * the jobs from one Properties read.
 */
export const VIEW_POLL_MS = 60_000;

/** When a poll (trigger, menu or sidebar) last ran here, or null. */
export function lastPollAt(ctx: AppContext): number | null {
  const v = new JsonCache(ctx.documentCache()).get<unknown>(LAST_POLL_KEY);
  return typeof v === 'number' ? v : null;
}

/** Remember that a poll ran now. */
export function notePoll(ctx: AppContext): void {
  new JsonCache(ctx.documentCache()).put(LAST_POLL_KEY, ctx.clock.now());
}

const NO_SPREADSHEET_KEY = 'trigger.noSpreadsheetAt';
export const NO_SPREADSHEET_TEXT =
  'Background checks cannot reach this spreadsheet (Google ran the trigger without it), so jobs advance only while this Jobs view is open or with Extensions > Prospect Enrich > Refresh jobs now.';

/**
 * For a trigger run: whether it sees the spreadsheet. docs/PLATFORM.md (unverified): a time-driven run
 * of an editor add-on may not; then it reads and changes nothing, and notes it for the sidebar.
 */
export function spreadsheetReached(ctx: AppContext): boolean {
  if ((ctx.spreadsheet() as GoogleAppsScript.Spreadsheet.Spreadsheet | null) === null) {
    new JsonCache(ctx.userCache()).put(NO_SPREADSHEET_KEY, ctx.clock.now());
    return false;
  }
  ctx.userCache().remove(NO_SPREADSHEET_KEY);
  return true;
}

const FAILED_RUN_KEY = 'trigger.failedRun';

/**
 * A trigger run that met an error (a transient Sheets or Properties failure, ...): say it in the
 * log and the user cache, scrubbed, and return. Never throws: the services may be what failed.
 */
export function noteFailedRun(ctx: AppContext, e: unknown): void {
  try {
    const text = ctx.scrubber().text(`The background check stopped at an error and tries again at its next run: ${toUserMessage(e)}`);
    console.warn(text);
    new JsonCache(ctx.userCache()).put(FAILED_RUN_KEY, { at: ctx.clock.now(), text });
  } catch {
    // nothing more can be said; the next run tries again
  }
}

/** What the Jobs view says about background checks that cannot run (no spreadsheet, no trigger), or null. */
export function backgroundNotice(ctx: AppContext): string | null {
  const noSheet = new JsonCache(ctx.userCache()).get<unknown>(NO_SPREADSHEET_KEY) === undefined ? null : NO_SPREADSHEET_TEXT;
  const refused = triggerRefusal(ctx);
  return noSheet && refused ? `${noSheet} ${refused}` : (noSheet ?? refused);
}

export const TRIGGERS_FULL_TEXT =
  'Google allows 20 background triggers per user and you already have 20 in other spreadsheets, so jobs here ' +
  'advance only while this sidebar is open (or with Extensions > Prospect Enrich > Refresh jobs now). To get ' +
  'background checks back, delete a trigger you no longer need at script.google.com/home/triggers, or open a ' +
  'spreadsheet you no longer use and cancel its open jobs and schedules.';
export const TRIGGER_REFUSED_TEXT =
  'Google refused to create the background trigger for this spreadsheet, so jobs here advance only while this ' +
  'sidebar is open (or with Extensions > Prospect Enrich > Refresh jobs now); the add-on tries again in 15 minutes.';
/** After a refusal, the trigger is asked for again only this much later (each attempt is a ScriptApp call). */
const REFUSED_TTL_S = 15 * 60;
const refusedKey = (ctx: AppContext): string => `trigger.refused.${whoAmI(ctx).id ?? 'new'}`;

/** Remember (per user and document) that Apps Script refused this user's poll trigger here; returns the sentence. */
export function noteTriggerRefused(ctx: AppContext, full: boolean): string {
  new JsonCache(ctx.documentCache()).put(refusedKey(ctx), full ? 'full' : 'refused', REFUSED_TTL_S);
  return full ? TRIGGERS_FULL_TEXT : TRIGGER_REFUSED_TEXT;
}

/** The sentence while a recent refusal stands (the trigger is not asked for again until it lapses), or null. */
export function triggerRefusal(ctx: AppContext): string | null {
  const v = new JsonCache(ctx.documentCache()).get<unknown>(refusedKey(ctx));
  return v === 'full' ? TRIGGERS_FULL_TEXT : v === 'refused' ? TRIGGER_REFUSED_TEXT : null;
}

const ranKey = (ctx: AppContext): string => `trigger.ranAt.${whoAmI(ctx).id ?? 'new'}`;
/** A poll trigger that has not fired for this long while jobs wait is taken as disabled (it fires hourly). */
export const TRIGGER_STALE_MS = 3 * 3_600_000;
export const TRIGGER_REVIVED_TEXT =
  'Background checks had stopped: Google had not run them for over 3 hours (it can disable a trigger without notice). They are set up again.';

/** Remember (per user and document) that this user's poll trigger fired now (or was just set up). */
export function noteTriggerRan(ctx: AppContext): void {
  new JsonCache(ctx.documentCache()).put(ranKey(ctx), ctx.clock.now());
}

/**
 * Whether this user's poll trigger is known to have stopped firing: its last run (or set-up) here
 * is over TRIGGER_STALE_MS old. Unknown (never noted, or the cache forgot it) is not stale.
 */
export function triggerStale(ctx: AppContext): boolean {
  const v = new JsonCache(ctx.documentCache()).get<unknown>(ranKey(ctx));
  return typeof v === 'number' && ctx.clock.now() - v > TRIGGER_STALE_MS;
}

/** Forget a refusal (the trigger exists now). */
export function clearTriggerRefused(ctx: AppContext): void {
  ctx.documentCache().remove(refusedKey(ctx));
}

/**
 * The document's change stamp, in the document cache: a new value after every write to the
 * document's properties, so the open Jobs view can ask "anything new since stamp X?" without a
 * Properties call. A lost entry just makes the next answer a full one (and a new stamp).
 */
const DOC_STAMP_KEY = 'doc.stamp';

/** Set a new change stamp (after a write to the document's properties). */
export function bumpDocStamp(cache: CacheLike | null, stamp: string): void {
  cache?.put(DOC_STAMP_KEY, stamp, CACHE_MAX_TTL_S);
}

/** The current change stamp; one is made when the cache has none. Read it before the data it stamps. */
export function docStamp(ctx: AppContext): string {
  const cache = ctx.documentCache();
  const current = cache.get(DOC_STAMP_KEY);
  if (current) return current;
  const fresh = ctx.uuid();
  bumpDocStamp(cache, fresh);
  return fresh;
}

/** The stamp if it is still `since` (nothing written since), else null. */
export function unchangedSince(ctx: AppContext, since: string | undefined): boolean {
  return since !== undefined && ctx.documentCache().get(DOC_STAMP_KEY) === since;
}
