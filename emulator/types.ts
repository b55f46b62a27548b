/** The emulator's public shapes: its options and the handles `createEmulator()` returns. */
import type * as vm from 'node:vm';
import type { HttpHandler } from './apis/types';
import type { LatencyModel } from './costs';
import type { CacheHooks } from './gas/cache';
import type { FaultLocale } from './gas/fault-texts';
import type { AuthModeName, ExecutionKind } from './gas/execution';
import type { LockHooks } from './gas/lock';
import type { LogSink } from './gas/logger';
import type { ServiceCallListener } from './gas/runtime';
import type { TriggerHooks } from './gas/script-app';
import type { SpreadsheetHelpers } from './gas/spreadsheet';
import type { UiLog } from './gas/ui';
import type { HttpLogEntry, PayloadWarning } from './gas/urlfetch';

export interface EmulatorOptions {
  /** Virtual epoch ms; default Date.UTC(2026, 0, 5, 9, 0, 0). */
  startTime?: number;
  /** addon: time triggers at most hourly, one time-based trigger per user+document. Default 'addon'. */
  mode?: 'addon' | 'bound';
  /** UrlFetch quota 20,000 (consumer, default) / 100,000 (workspace) calls per day. */
  accountType?: 'consumer' | 'workspace';
  userEmail?: string;
  /** Spreadsheet owner (custom functions see the owner's user properties). Default: userEmail. */
  ownerEmail?: string;
  /**
   * Whether custom functions may write document and script properties ('shared': Google's
   * custom-function page lists only user properties as not settable) or none at all ('none',
   * default: docs/PLATFORM.md says Properties are read-only in custom functions, the worst case).
   */
  customFunctionPropertyWrites?: 'shared' | 'none';
  /** The language of Google's error texts the emulator throws (UrlFetch quota, burst, transport); default 'en'. */
  locale?: FaultLocale;
  /** Users whose email Session does not reveal (getActiveUser().getEmail() is ''). */
  blankEmails?: string[];
  /** The script's time zone (the manifest's, `Session.getScriptTimeZone()`); default 'Europe/Berlin'. */
  timeZone?: string;
  /** The spreadsheet's own time zone (`getSpreadsheetTimeZone()`, date cells); default: `timeZone`. */
  spreadsheetTimeZone?: string;
  /** HTML files for HtmlService (name -> content; `.html` optional). */
  files?: Record<string, string>;
  /** If set, fetching a URL that matches none of these prefixes throws. */
  urlFetchWhitelist?: string[];
  latency?: Partial<LatencyModel>;
  /** Seed for uuids, ids and trigger ids. Default 1. */
  seed?: number;
  /**
   * Drop the payload of GET requests before the handler sees it (default true: NOTES.md, "treat a
   * dropped body as likely"; every GET with a payload is flagged either way).
   */
  dropGetBody?: boolean;
  /** Title of the add-on menu created by Ui.createAddonMenu(). Default 'Add-on'. */
  addonName?: string;
  /** Name of the active spreadsheet. Default 'Untitled spreadsheet'. */
  spreadsheetName?: string;
  /** Time-driven trigger runs see no active spreadsheet (docs/PLATFORM.md, unverified; default false). */
  triggersWithoutDocument?: boolean;
}

export interface ExecutionRunOptions {
  authMode?: AuthModeName;
  user?: string;
}

/** Typed views of the services, for unit tests of src/ modules. */
export interface GasServices {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  UrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  LockService: GoogleAppsScript.Lock.LockService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Session: GoogleAppsScript.Base.Session;
  Logger: GoogleAppsScript.Base.Logger;
}

export interface Emulator {
  /** Exactly the globals Apps Script adds, plus the virtual Date: pass to vm.createContext. */
  globals: Record<string, unknown>;
  /** The same service objects, typed. */
  gas: GasServices;
  /**
   * A fresh vm context with these globals whose errors and arrays the services create in that
   * context's realm (so `e instanceof Error` holds in the script). Its global object is an ordinary
   * one holding a copy of `globals` (vm.constants.DONT_CONTEXTIFY), as fast to look up as Apps Script's.
   */
  createContext(): vm.Context;
  /**
   * If the script runs in a context made from a copy of `globals` (vm.createContext({...globals})),
   * call this so thrown errors and returned arrays belong to that context's realm.
   */
  bindContext(context: vm.Context): void;
  clock: { now(): number; advance(ms: number): void; set(ms: number): void };
  counters: { get(name: string): number; snapshot(): Record<string, number>; reset(): void };
  http: {
    register(baseUrl: string, handler: HttpHandler): void;
    log: HttpLogEntry[];
    getPayloadWarnings: PayloadWarning[];
    dropGetBody: boolean;
    /** The next `calls` UrlFetchApp calls throw Google's exec-qps burst error, sending nothing. */
    execQpsBurst(calls: number): void;
  };
  /** The active spreadsheet (service calls on it count like the script's) plus uncounted helpers. */
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet & SpreadsheetHelpers;
  ui: UiLog;
  /** Raw stores, and the Properties calls `email` (default: current user) made in executions on the UTC day of `at`. */
  properties: {
    user(email?: string): Record<string, string>;
    document(): Record<string, string>;
    script(): Record<string, string>;
    callsToday(email?: string, at?: number): number;
  };
  cache: CacheHooks;
  locks: LockHooks;
  triggers: TriggerHooks;
  execution: {
    begin(kind: ExecutionKind, opts?: ExecutionRunOptions): void;
    end(): void;
    run<T>(kind: ExecutionKind, fn: () => T, opts?: ExecutionRunOptions): T;
    /**
     * Run `fn` as another execution overlapping the current one, at this point of it (call it from
     * an `onServiceCall` listener): the current one is suspended until `fn` returns; both share the
     * stores, locks and the clock. Throws like `run` when the overlapping execution is killed.
     */
    concurrent<T>(kind: ExecutionKind, fn: () => T, opts?: ExecutionRunOptions): T;
    /**
     * Observe every service call (any Apps Script method) before it runs; a listener that returns
     * 'kill' lets the call take effect and then kills its execution with `Exceeded maximum
     * execution time` before the script sees the result. Returns the unsubscribe function.
     */
    onServiceCall(listener: ServiceCallListener): () => void;
    /** Service calls made so far (the `index` the next listener call sees, minus one). */
    readonly serviceCalls: number;
    current(): { kind: ExecutionKind; startedAt: number; authMode: string; user: string; limitMs: number } | null;
    readonly killed: boolean;
    /** Trigger run time `user` (default: the current user) has used on the virtual day of `at` (default now). */
    triggerRuntimeToday(user?: string, at?: number): number;
    /** Run `fn` outside any execution (no limit, not counted), its CPU charged like a script's (bench baselines). */
    unbounded<T>(fn: () => T): T;
  };
  /** Switch the default user (Session, user properties, user cache, user lock, triggers). */
  setUser(email: string): void;
  /** Logger.log and console.* output, in order. */
  logs: string[];
  logEntries: LogSink['entries'];
}
