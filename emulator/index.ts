/**
 * The Apps Script service emulator: `createEmulator()` returns the globals a built bundle runs
 * against in `node:vm` (SpreadsheetApp, UrlFetchApp, PropertiesService, CacheService, LockService,
 * ScriptApp, HtmlService, Utilities, Session, Logger, console, and a virtual-clock Date), plus the
 * test-side handles: clock, counters, HTTP routing and log, UI log, raw stores, triggers, executions.
 * Platform facts and error texts: docs/PLATFORM.md. Latency model: ./costs.ts.
 */
import * as vm from 'node:vm';
import { DEFAULT_LATENCY } from './costs';
import { makeCacheService } from './gas/cache';
import { makeVirtualDate, VirtualClock } from './gas/clock';
import { Counters } from './gas/counters';
import { TRIGGER_RUNTIME_PER_DAY_MS, type ExecutionKind } from './gas/execution';
import { makeHtmlService } from './gas/html';
import { makeLockService } from './gas/lock';
import { makeLogging, type LogSink } from './gas/logger';
import { makePropertiesService } from './gas/properties';
import { PROPERTIES_PER_DAY, PropertiesQuota } from './gas/properties-quota';
import { Realm } from './gas/realm';
import { Rng } from './gas/rng';
import { Runtime } from './gas/runtime';
import { makeScriptApp } from './gas/script-app';
import { makeSession } from './gas/session';
import { makeSheets, type SpreadsheetHelpers } from './gas/spreadsheet';
import { makeUi, newUiLog } from './gas/ui';
import { makeUrlFetch, URLFETCH_DAILY_QUOTA } from './gas/urlfetch';
import { makeUtilities } from './gas/utilities';

/** `vm.constants.DONT_CONTEXTIFY` (Node 20.18+/22.8+; older: undefined, a contextified object). */
const DONT_CONTEXTIFY = (vm as unknown as { constants?: { DONT_CONTEXTIFY?: vm.Context } }).constants?.DONT_CONTEXTIFY;

export type { LatencyModel } from './costs';
export type { ExecutionKind, AuthModeName } from './gas/execution';
export type { TriggerInfo } from './gas/script-app';
export type { UiLog, MenuItem, ButtonName } from './gas/ui';
export type { HttpLogEntry, PayloadWarning } from './gas/urlfetch';
export type { ServiceCallInfo, ServiceCallListener } from './gas/runtime';
export type { SpreadsheetHelpers } from './gas/spreadsheet';
import type { Emulator, EmulatorOptions, ExecutionRunOptions, GasServices } from './types';
export type { EmulatorOptions, ExecutionRunOptions, GasServices, Emulator } from './types';

/** Create a fresh emulator: one user, one active spreadsheet, empty stores, virtual clock at startTime. */
export function createEmulator(opts: EmulatorOptions = {}): Emulator {
  const userEmail = opts.userEmail ?? 'user@example.com';
  const globals: Record<string, unknown> = {};
  const clock = new VirtualClock(opts.startTime ?? Date.UTC(2026, 0, 5, 9, 0, 0));
  const counters = new Counters();
  const rng = new Rng(opts.seed ?? 1);
  const realm = new Realm(globals);
  const rt = new Runtime({
    clock,
    counters,
    rng,
    latency: { ...DEFAULT_LATENCY, ...(opts.latency ?? {}) },
    realm,
    userEmail,
    ownerEmail: opts.ownerEmail ?? userEmail,
    timeZone: opts.timeZone ?? 'Europe/Berlin',
    triggerRuntimePerDayMs: TRIGGER_RUNTIME_PER_DAY_MS[opts.accountType ?? 'consumer'],
    onExecutionEnd: () => undefined,
  });
  const VDate = makeVirtualDate(clock);
  Object.assign(rt, {
    triggersWithoutDocument: opts.triggersWithoutDocument ?? false,
    propertiesQuota: new PropertiesQuota(PROPERTIES_PER_DAY[opts.accountType ?? 'consumer']),
  });

  const uiLog = newUiLog();
  const uiObject = makeUi(rt, uiLog, opts.addonName ?? 'Add-on');
  const idRng = new Rng((opts.seed ?? 1) ^ 0x5eed);
  const ssId = Array.from({ length: 44 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.charAt(idRng.int(64))).join('');
  const sheets = makeSheets({
    rt,
    ui: uiLog,
    uiObject,
    VDate,
    id: ssId,
    name: opts.spreadsheetName ?? 'Untitled spreadsheet',
    timeZone: opts.spreadsheetTimeZone,
  });
  const urlFetch = makeUrlFetch({
    rt,
    dailyQuota: URLFETCH_DAILY_QUOTA[opts.accountType ?? 'consumer'],
    whitelist: opts.urlFetchWhitelist,
    dropGetBody: opts.dropGetBody ?? true,
    locale: opts.locale ?? 'en',
  });
  const properties = makePropertiesService(rt, opts.customFunctionPropertyWrites ?? 'none');
  const cache = makeCacheService(rt);
  const locks = makeLockService(rt);
  const scriptApp = makeScriptApp({
    rt,
    mode: opts.mode ?? 'addon',
    documentId: () => sheets.model.id,
    spreadsheetIdOf: (obj) => (obj === sheets.active || obj === spreadsheetView ? sheets.model.id : undefined),
  });
  const sink: LogSink = { lines: [], entries: [] };
  const logging = makeLogging(rt, sink);

  Object.assign(globals, {
    SpreadsheetApp: sheets.SpreadsheetApp,
    UrlFetchApp: urlFetch.service,
    PropertiesService: properties.service,
    CacheService: cache.service,
    LockService: locks.service,
    ScriptApp: scriptApp.service,
    HtmlService: makeHtmlService(rt, opts.files ?? {}),
    Utilities: makeUtilities(rt),
    Session: makeSession(rt, new Set(opts.blankEmails ?? [])),
    Logger: logging.Logger,
    console: logging.console,
    Date: VDate,
  });

  const helperKeys = new Set<string>(Object.keys(sheets.helpers));
  const spreadsheetView = new Proxy(sheets.active, {
    get(target, key, receiver) {
      if (typeof key === 'string' && helperKeys.has(key)) return (sheets.helpers as unknown as Record<string, unknown>)[key];
      return Reflect.get(target, key, receiver) as unknown;
    },
  }) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet & SpreadsheetHelpers;

  const execution: Emulator['execution'] = {
    begin(kind, o = {}) {
      rt.beginExecution(kind, o);
    },
    end() {
      rt.endExecution();
    },
    run<T>(kind: ExecutionKind, fn: () => T, o: ExecutionRunOptions = {}): T {
      execution.begin(kind, o);
      let result: T;
      try {
        result = fn();
      } finally {
        execution.end();
      }
      // A killed execution dies even if the script caught the error and returned.
      const reason = rt.execution.killedReason;
      if (reason !== null) throw rt.error(reason);
      return result;
    },
    concurrent<T>(kind: ExecutionKind, fn: () => T, o: ExecutionRunOptions = {}): T {
      rt.beginExecution(kind, o, true);
      let result: T;
      try {
        result = fn();
      } finally {
        rt.endExecution();
      }
      // Read before the suspended execution's own state comes back into view.
      const reason = rt.execution.lastEndedKilledReason;
      if (reason !== null) throw rt.error(reason);
      return result;
    },
    onServiceCall: (listener) => rt.onServiceCall(listener),
    get serviceCalls() {
      return rt.serviceCalls;
    },
    current() {
      const i = rt.execution.info();
      return i ? { kind: i.kind, startedAt: i.startedAt, authMode: i.authMode, user: i.user, limitMs: i.limitMs } : null;
    },
    get killed() {
      return rt.execution.killed;
    },
    triggerRuntimeToday: (user, at) => rt.execution.triggerRuntime(user ?? rt.activeUser(), at ?? clock.now()),
    unbounded: (fn) => rt.runUnbounded(fn),
  };

  return {
    globals,
    gas: globals as unknown as GasServices,
    createContext: () => {
      // An ordinary global object, as in Apps Script's V8: a contextified one answers every
      // global lookup (Math, JSON, Object...) through an interceptor, about 100x slower, and
      // that time would be charged as the script's own CPU (./costs.ts, cpuFactor).
      const context = vm.createContext(DONT_CONTEXTIFY) as Record<string, unknown>;
      for (const [k, v] of Object.entries(globals)) context[k] = v;
      realm.bind(context);
      return context;
    },
    bindContext: (context) => realm.bind(context),
    clock: { now: () => clock.now(), advance: (ms) => clock.advance(ms), set: (ms) => clock.set(ms) },
    counters: { get: (n) => counters.get(n), snapshot: () => counters.snapshot(), reset: () => counters.reset() },
    http: urlFetch.hub,
    spreadsheet: spreadsheetView,
    ui: uiLog,
    properties: {
      user: (email) => properties.stores.user(email ?? rt.activeUser()),
      document: () => properties.stores.document(),
      script: () => properties.stores.script(),
      callsToday: (email, at) => rt.propertiesQuota?.used(email ?? rt.activeUser(), at ?? clock.now()) ?? 0,
    },
    cache: cache.hooks,
    locks: locks.hooks,
    triggers: scriptApp.hooks,
    execution,
    setUser: (email) => rt.setUser(email),
    logs: sink.lines,
    get logEntries() {
      return sink.entries;
    },
  };
}
