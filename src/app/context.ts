/**
 * The Apps Script services one execution uses, gathered by src/index.ts (the only file that
 * touches globals) and handed to everything else, so tests can pass the emulator's instead.
 */
import type { Clock } from '../platform/clock';
import type { UrlFetch } from '../platform/http';
import type { ScriptAppLike } from '../platform/triggers';
import type { PropertyStore } from '../platform/store';
import type { LockLike } from '../platform/lock';
import type { CacheLike } from '../platform/cache';
import type { QuotaMeter } from '../platform/quota';
import type { Scrubber } from '../platform/scrub';

export interface AppContext {
  spreadsheet: () => GoogleAppsScript.Spreadsheet.Spreadsheet;
  ui: () => GoogleAppsScript.Base.Ui;
  html: Pick<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutputFromFile' | 'createHtmlOutput'>;
  urlFetch: UrlFetch;
  userProps: () => PropertyStore;
  docProps: () => PropertyStore;
  scriptApp: ScriptAppLike;
  documentLock: () => LockLike;
  userCache: () => CacheLike;
  documentCache: () => CacheLike;
  clock: Clock;
  uuid: () => string;
  /** Hex SHA-256 of a string (Utilities.computeDigest). */
  sha256: (text: string) => string;
  /** The spreadsheet's time zone (what the user schedules and reads), not the script's. */
  timeZone: () => string;
  /** This execution's count of UrlFetch calls and trigger time (written once at the end). */
  quota: QuotaMeter;
  /** The email Apps Script gives for the user this execution runs as ('' when it hides it). */
  userEmail: () => string;
  /** The one scrubber, holding this user's saved keys (read once per execution). */
  scrubber: () => Scrubber;
}
