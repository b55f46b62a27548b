/** The runtime's vocabulary: what a service call needs, its spec, and what listeners see. */
import type { LatencyModel } from '../costs';
import type { VirtualClock } from './clock';
import type { Counters } from './counters';
import type { ExecutionInfo } from './execution';
import type { Realm } from './realm';
import type { Rng } from './rng';

/**
 * What a call needs from the execution context:
 * - free: always allowed (Utilities, Logger, HtmlService outputs, menu building)
 * - ui: SpreadsheetApp.getUi (not in custom functions or time-driven triggers)
 * - ui-show: showing UI (alert, sidebar): needs LIMITED
 * - doc / doc-write: the current document, Cache, Lock, Session user: needs LIMITED; writes refused in custom functions
 * - full / full-write: UrlFetch, Properties: needs FULL; writes refused in custom functions
 * - triggers: ScriptApp trigger management: needs FULL, refused in custom functions
 */
export type Access = 'free' | 'ui' | 'ui-show' | 'doc' | 'doc-write' | 'full' | 'full-write' | 'triggers';

/** Families with a total counter and a latency cost. */
export type Family = 'sheets' | 'properties' | 'cache' | 'lock';

export interface CallSpec {
  /** Apps Script class name used in counters, e.g. `Range`, `Properties`, `UrlFetchApp`. */
  service: string;
  method: string;
  access: Access;
  family?: Family;
  /** Cells the call reads or writes (Sheets latency). */
  cells?: number;
  /** Fully qualified name for permission errors, e.g. `SpreadsheetApp.Range.setValues`. */
  qualified?: string;
  /** The sheet a Sheet or Range call works on (its name when called). */
  sheet?: string;
}

export const AUTH_REQUIRED = 'Authorization is required to perform that action.';
export const UI_CONTEXT = 'Cannot call SpreadsheetApp.getUi() from this context.';

export interface RuntimeInit {
  clock: VirtualClock;
  counters: Counters;
  latency: LatencyModel;
  realm: Realm;
  rng: Rng;
  userEmail: string;
  ownerEmail: string;
  timeZone: string;
  /** Daily trigger run time per user (docs/PLATFORM.md: 90 min consumer, 6 h Workspace). */
  triggerRuntimePerDayMs: number;
  onExecutionEnd: (ended: ExecutionInfo | null) => void;
}

/** What a service-call listener sees: the call about to run and its 1-based number since the emulator started. */
export interface ServiceCallInfo {
  index: number;
  service: string;
  method: string;
  /** The call's family (`sheets`, `properties`, ...), when it has one. */
  family?: Family;
  /** The sheet a Sheet or Range call works on (its name when called). */
  sheet?: string;
  /** The execution making the call, or null outside any execution. */
  execution: ExecutionInfo | null;
}

/**
 * Return 'kill' to let the call take effect and then kill its execution before the script sees
 * the result; `{ fail: text }` to make the call fail with that error without taking effect (a
 * transient service failure).
 */
export type ServiceCallListener = (call: ServiceCallInfo) => 'kill' | { fail: string } | undefined;
