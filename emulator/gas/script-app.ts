/** ScriptApp: installable triggers (time-based and spreadsheet), with the add-on frequency and count rules. */
import { makeEnum, enumKey } from './enums';
import type { Runtime } from './runtime';
import type { GasObject } from './sheets-ctx';
import { isValidTimeZone, zonedParts } from './tz';
import { isDate } from './values';
import type { TriggerEvent, TriggerHooks, TriggerInfo } from './script-app-types';
export type { TriggerEvent, TriggerHooks, TriggerInfo } from './script-app-types';

/** docs/PLATFORM.md: 20 triggers per user per script. */
export const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const ADDON_HOURLY = 'Add-ons can only create time-based triggers that run at most once per hour.';
export const ADDON_ONE_PER_TYPE = 'This add-on has created too many time-based triggers in this document for this Google Account.';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MINUTES = [1, 5, 10, 15, 30];
const HOURS = [1, 2, 4, 6, 8, 12];

export const EventType = makeEnum(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'] as const);
export const TriggerSource = makeEnum(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const);
export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
export const WeekDay = makeEnum(['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const);
const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

export interface ScriptAppInit {
  rt: Runtime;
  mode: 'addon' | 'bound';
  documentId: () => string;
  /** The spreadsheet id behind a Spreadsheet façade (for forSpreadsheet / getUserTriggers). */
  spreadsheetIdOf: (obj: unknown) => string | undefined;
}

/** First run of a daily/weekly trigger with atHour/onWeekDay: the next matching wall-clock hour after `from`. */
function firstAligned(from: number, tz: string, hour: number, minute: number, weekDay: number | undefined): number {
  let t = from - (from % HOUR) + minute * 60_000;
  for (let i = 0; i < 24 * 8 + 1; i++, t += HOUR) {
    if (t <= from) continue;
    const p = zonedParts(t, tz);
    if (p.hour === hour && (weekDay === undefined || p.weekday === weekDay)) return t;
  }
  return from + DAY;
}

/** Build ScriptApp and the trigger hooks. */
export function makeScriptApp(init: ScriptAppInit): { service: GasObject; hooks: TriggerHooks } {
  const { rt } = init;
  const triggers: TriggerInfo[] = [];
  const facades = new WeakMap<object, string>();
  const call = <T>(service: string, method: string, access: 'triggers' | 'free', body: () => T): T =>
    rt.invoke({ service, method, access, qualified: `ScriptApp.${method}` }, body);
  const newId = (): string => `${1 + rt.rng.int(9)}${String(rt.rng.int(1_000_000_000)).padStart(9, '0')}${String(rt.rng.int(1_000_000)).padStart(6, '0')}`;

  const facade = (t: TriggerInfo): GasObject => {
    const f = rt.strict('Trigger', {
      toString: () => 'Trigger',
      getHandlerFunction: () => call('Trigger', 'getHandlerFunction', 'free', () => t.handlerFunction),
      getUniqueId: () => call('Trigger', 'getUniqueId', 'free', () => t.id),
      getEventType: () => call('Trigger', 'getEventType', 'free', () => EventType[t.eventType]),
      getTriggerSource: () => call('Trigger', 'getTriggerSource', 'free', () => TriggerSource[t.source]),
      getTriggerSourceId: () => call('Trigger', 'getTriggerSourceId', 'free', () => (t.source === 'CLOCK' ? null : t.documentId)),
    });
    facades.set(f, t.id);
    return f;
  };

  const register = (t: TriggerInfo): GasObject => {
    const mine = triggers.filter((x) => x.user === t.user);
    if (mine.length >= MAX_TRIGGERS_PER_USER) throw rt.error(TOO_MANY_TRIGGERS);
    if (init.mode === 'addon') {
      const sameType = mine.filter((x) => x.documentId === t.documentId && x.eventType === t.eventType);
      if (sameType.length > 0)
        throw rt.error(
          t.eventType === 'CLOCK' ? ADDON_ONE_PER_TYPE : `This add-on has created too many ${t.eventType} triggers in this document for this Google Account.`,
        );
    }
    triggers.push(t);
    return facade(t);
  };

  const clockBuilder = (handler: string): GasObject => {
    const s: { every?: number; unit?: string; atHour?: number; nearMinute?: number; weekDay?: number; tz?: string; after?: number; at?: number } = {};
    const numArg = (method: string, v: unknown, allowed?: number[], min = 0, max = Number.MAX_SAFE_INTEGER): number => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max || (allowed && !allowed.includes(n))) {
        throw rt.error(
          allowed ? `Invalid argument: ${method}() accepts ${allowed.join(', ')}; got ${String(v)}.` : `Invalid argument: ${method}(${String(v)}).`,
        );
      }
      return n;
    };
    const b = (method: string, body: () => void) => () =>
      call('ClockTriggerBuilder', method, 'free', () => {
        body();
        return self;
      });
    const api = {
      toString: () => 'ClockTriggerBuilder',
      everyMinutes: (n: unknown) => b('everyMinutes', () => Object.assign(s, { every: numArg('everyMinutes', n, MINUTES) * 60_000, unit: 'minutes' }))(),
      everyHours: (n: unknown) => b('everyHours', () => Object.assign(s, { every: numArg('everyHours', n, HOURS) * HOUR, unit: 'hours' }))(),
      everyDays: (n: unknown) => b('everyDays', () => Object.assign(s, { every: numArg('everyDays', n, undefined, 1, 1000) * DAY, unit: 'days' }))(),
      everyWeeks: (n: unknown) => b('everyWeeks', () => Object.assign(s, { every: numArg('everyWeeks', n, undefined, 1, 52) * 7 * DAY, unit: 'weeks' }))(),
      atHour: (h: unknown) => b('atHour', () => (s.atHour = numArg('atHour', h, undefined, 0, 23)))(),
      nearMinute: (m: unknown) => b('nearMinute', () => (s.nearMinute = numArg('nearMinute', m, undefined, 0, 59)))(),
      onWeekDay: (d: unknown) =>
        b('onWeekDay', () => {
          const i = WEEKDAYS.indexOf(enumKey(d));
          if (i < 0) throw rt.error('Invalid argument: day');
          s.weekDay = i;
        })(),
      inTimezone: (tz: unknown) =>
        b('inTimezone', () => {
          if (typeof tz !== 'string' || !isValidTimeZone(tz)) throw rt.error(`Invalid argument: timezone (${String(tz)})`);
          s.tz = tz;
        })(),
      after: (ms: unknown) => b('after', () => (s.after = numArg('after', ms, undefined, 0)))(),
      at: (date: unknown) =>
        b('at', () => {
          if (!isDate(date)) throw rt.error("The parameters (Object) don't match the method signature for ScriptApp.ClockTriggerBuilder.at.");
          s.at = date.getTime();
        })(),
      create: () =>
        call('ClockTriggerBuilder', 'create', 'triggers', () => {
          const now = rt.clock.now();
          const oneOff = s.after !== undefined ? now + s.after : s.at;
          if (s.every === undefined && oneOff === undefined)
            throw rt.error('Invalid argument: the trigger has no schedule (everyMinutes, everyHours, everyDays, everyWeeks, after or at).');
          if (init.mode === 'addon') {
            if (s.every !== undefined && s.every < HOUR) throw rt.error(ADDON_HOURLY);
            if (s.every === undefined && oneOff !== undefined && oneOff - now < HOUR) throw rt.error(ADDON_HOURLY);
          }
          const tz = s.tz ?? rt.timeZone;
          let nextRunAt: number;
          if (s.every === undefined) nextRunAt = oneOff ?? now;
          else if (s.every >= DAY && (s.atHour !== undefined || s.weekDay !== undefined))
            nextRunAt = firstAligned(now, tz, s.atHour ?? 0, s.nearMinute ?? 0, s.weekDay);
          else nextRunAt = now + s.every;
          const schedule: Record<string, number | string> = {};
          for (const [k, v] of Object.entries(s)) if (v !== undefined) schedule[k] = v;
          return register({
            id: newId(),
            handlerFunction: handler,
            eventType: 'CLOCK',
            source: 'CLOCK',
            user: rt.activeUser(),
            documentId: init.documentId(),
            everyMs: s.every ?? null,
            createdAt: now,
            lastRunAt: null,
            nextRunAt,
            schedule,
          });
        }),
    };
    const self: GasObject = rt.strict('ClockTriggerBuilder', api);
    return self;
  };

  const spreadsheetBuilder = (handler: string, documentId: string): GasObject => {
    let event: TriggerEvent | undefined;
    const on = (method: string, e: TriggerEvent) => () =>
      call('SpreadsheetTriggerBuilder', method, 'free', () => {
        event = e;
        return self;
      });
    const api = {
      toString: () => 'SpreadsheetTriggerBuilder',
      onOpen: on('onOpen', 'ON_OPEN'),
      onEdit: on('onEdit', 'ON_EDIT'),
      onChange: on('onChange', 'ON_CHANGE'),
      onFormSubmit: on('onFormSubmit', 'ON_FORM_SUBMIT'),
      create: () =>
        call('SpreadsheetTriggerBuilder', 'create', 'triggers', () => {
          if (!event) throw rt.error('Invalid argument: the trigger has no event type (onOpen, onEdit, onChange or onFormSubmit).');
          return register({
            id: newId(),
            handlerFunction: handler,
            eventType: event,
            source: 'SPREADSHEETS',
            user: rt.activeUser(),
            documentId,
            everyMs: null,
            createdAt: rt.clock.now(),
            lastRunAt: null,
            nextRunAt: null,
            schedule: {},
          });
        }),
    };
    const self: GasObject = rt.strict('SpreadsheetTriggerBuilder', api);
    return self;
  };

  const service = rt.strict('ScriptApp', {
    toString: () => 'ScriptApp',
    EventType,
    TriggerSource,
    AuthMode,
    WeekDay,
    newTrigger: (functionName: unknown) =>
      call('ScriptApp', 'newTrigger', 'triggers', () => {
        if (typeof functionName !== 'string' || functionName === '')
          throw rt.error("The parameters (null) don't match the method signature for ScriptApp.newTrigger.");
        return rt.strict('TriggerBuilder', {
          toString: () => 'TriggerBuilder',
          timeBased: () => call('TriggerBuilder', 'timeBased', 'free', () => clockBuilder(functionName)),
          forSpreadsheet: (ss: unknown) =>
            call('TriggerBuilder', 'forSpreadsheet', 'free', () => {
              const id = typeof ss === 'string' ? ss : init.spreadsheetIdOf(ss);
              if (!id) throw rt.error("The parameters (Object) don't match the method signature for ScriptApp.TriggerBuilder.forSpreadsheet.");
              return spreadsheetBuilder(functionName, id);
            }),
        });
      }),
    getProjectTriggers: () =>
      call('ScriptApp', 'getProjectTriggers', 'triggers', () => rt.realm.array(triggers.filter((t) => t.user === rt.activeUser()).map(facade))),
    getUserTriggers: (ss: unknown) =>
      call('ScriptApp', 'getUserTriggers', 'triggers', () => {
        const id = init.spreadsheetIdOf(ss);
        if (!id) throw rt.error("The parameters (Object) don't match the method signature for ScriptApp.getUserTriggers.");
        return rt.realm.array(triggers.filter((t) => t.user === rt.activeUser() && t.documentId === id).map(facade));
      }),
    deleteTrigger: (trigger: unknown) =>
      call('ScriptApp', 'deleteTrigger', 'triggers', () => {
        const id = typeof trigger === 'object' && trigger !== null ? facades.get(trigger) : undefined;
        if (id === undefined) throw rt.error("The parameters (Object) don't match the method signature for ScriptApp.deleteTrigger.");
        const i = triggers.findIndex((t) => t.id === id);
        if (i >= 0) triggers.splice(i, 1);
      }),
  });

  const hooks: TriggerHooks = {
    list: () => triggers.map((t) => ({ ...t, schedule: { ...t.schedule } })),
    due: (now = rt.clock.now()) =>
      triggers
        // Another document's triggers fire there, not in the one this emulator hosts.
        .filter((t) => t.nextRunAt !== null && t.nextRunAt <= now && t.documentId === init.documentId() && t.disabled !== true)
        .sort((a, b) => (a.nextRunAt ?? 0) - (b.nextRunAt ?? 0))
        .map((t) => ({ ...t, schedule: { ...t.schedule } })),
    givenInOtherDocument: (documentId, handlerFunction, everyMs, user = rt.activeUser()) => {
      if (documentId === init.documentId()) throw new Error('emulator: givenInOtherDocument needs another document id');
      const now = rt.clock.now();
      const t: TriggerInfo = {
        id: newId(),
        handlerFunction,
        eventType: 'CLOCK',
        source: 'CLOCK',
        user,
        documentId,
        everyMs,
        createdAt: now,
        lastRunAt: null,
        nextRunAt: now + everyMs,
        schedule: { every: everyMs },
      };
      triggers.push(t);
      return t.id;
    },
    disable: (id) => {
      const t = triggers.find((x) => x.id === id);
      if (!t) throw new Error(`emulator: no trigger ${id}`);
      t.disabled = true;
    },
    markRan: (id, at = rt.clock.now()) => {
      const t = triggers.find((x) => x.id === id);
      if (!t) throw new Error(`emulator: no trigger ${id}`);
      t.lastRunAt = at;
      t.nextRunAt = t.everyMs === null ? null : at + t.everyMs;
    },
  };
  return { service, hooks };
}
