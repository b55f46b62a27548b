/**
 * Loads the BUILT add-on (dist/Code.js) into a fresh node:vm context whose globals are the
 * emulator's Apps Script services (no require, fetch, timers or process), and calls its
 * top-level functions the way Sheets does: menu items, sidebar RPCs, trigger runs, custom
 * functions. One implementation for the test harness and the playground.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { createEmulator, type Emulator, type EmulatorOptions, type ExecutionKind } from './index';

export type { ExecutionKind };

/** The built files the loader needs. */
export interface AddOnBundle {
  code: string;
  sidebar: string;
  manifest: { urlFetchWhitelist?: string[] };
}

export interface AddOn {
  emulator: Emulator;
  /** The vm context (globals = emulator services + the bundle's top-level functions). */
  context: vm.Context;
  /** Call a top-level function as one Apps Script execution of the given kind. */
  call<T = unknown>(kind: ExecutionKind, name: string, ...args: unknown[]): T;
  /** A sidebar call through google.script.run: arguments and results pass as plain data. */
  rpc<T = unknown>(name: string, ...args: unknown[]): T;
  /**
   * Fire every due time-driven trigger once (advancing the clock first by `advanceMs`), each as
   * the user who created it (their user properties, keys, quotas and Session), as Apps Script does.
   * With `onlyUser`, only that user's due triggers fire (the others stay due).
   */
  runDueTriggers(advanceMs?: number, onlyUser?: string): number;
  /**
   * The failure emails Apps Script sends a trigger's owner (docs/PLATFORM.md): one per trigger run
   * that ended in an error, with the error's text. The add-on's trigger runs must leave this empty.
   */
  readonly triggerFailures: TriggerFailure[];
  /** The same `call` and `rpc`, run as another user of this document (a co-editor). */
  as(user: string): Pick<AddOn, 'call' | 'rpc'>;
  /** Names of the top-level functions the bundle declares. */
  functions(): string[];
}

/** One failed trigger run, as the failure summary mailed to the trigger's owner reports it. */
export interface TriggerFailure {
  triggerId: string;
  user: string;
  handlerFunction: string;
  message: string;
  at: number;
}

/** Read dist/Code.js, dist/Sidebar.html and dist/appsscript.json. */
export function readBundle(distDir: string): AddOnBundle {
  return {
    code: readFileSync(join(distDir, 'Code.js'), 'utf8'),
    sidebar: readFileSync(join(distDir, 'Sidebar.html'), 'utf8'),
    manifest: JSON.parse(readFileSync(join(distDir, 'appsscript.json'), 'utf8')) as AddOnBundle['manifest'],
  };
}

/** google.script.run passes values as JSON-like data: Dates and functions become null. */
export function asPlainData(value: unknown): unknown {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'function' || v instanceof Date ? null : v)));
}

/** Load a built add-on into a fresh emulator (its manifest's urlFetchWhitelist applies). */
export function loadAddOn(bundle: AddOnBundle, opts: EmulatorOptions = {}): AddOn {
  const whitelist = bundle.manifest.urlFetchWhitelist;
  const emulator = createEmulator({ files: { Sidebar: bundle.sidebar }, ...(whitelist ? { urlFetchWhitelist: whitelist } : {}), ...opts });
  // The emulator's own context, so its errors and arrays are the script realm's (instanceof works).
  const context = emulator.createContext();
  vm.runInContext(bundle.code, context, { filename: 'Code.js' });

  const fn = (name: string): ((...a: unknown[]) => unknown) => {
    const f = (context as Record<string, unknown>)[name];
    if (typeof f !== 'function') throw new Error(`dist/Code.js has no top-level function ${name}`);
    return f as (...a: unknown[]) => unknown;
  };

  const runner = (user: string | undefined): Pick<AddOn, 'call' | 'rpc'> => {
    const opts = user === undefined ? {} : { user };
    return {
      call<T>(kind: ExecutionKind, name: string, ...args: unknown[]): T {
        return emulator.execution.run(kind, () => fn(name)(...args), opts) as T;
      },
      rpc<T>(name: string, ...args: unknown[]): T {
        if (name.endsWith('_')) throw new Error(`${name} is private and cannot be called from the sidebar`);
        const plainArgs = args.map(asPlainData);
        return asPlainData(emulator.execution.run('rpc', () => fn(name)(...plainArgs), opts)) as T;
      },
    };
  };

  const triggerFailures: TriggerFailure[] = [];
  const addOn: AddOn = {
    emulator,
    triggerFailures,
    context,
    ...runner(undefined),
    as: (user) => runner(user),
    runDueTriggers(advanceMs = 0, onlyUser?: string): number {
      if (advanceMs > 0) emulator.clock.advance(advanceMs);
      const due = emulator.triggers.due().filter((t) => onlyUser === undefined || t.user === onlyUser);
      for (const t of due) {
        emulator.triggers.markRan(t.id, emulator.clock.now());
        try {
          // An installable trigger runs as its creator, whoever is at the keyboard (docs/PLATFORM.md).
          emulator.execution.run('trigger', () => fn(t.handlerFunction)({ triggerUid: t.id, authMode: 'FULL' }), { user: t.user });
        } catch (e) {
          // A failing trigger run is reported by Apps Script by email to its owner (and may get it disabled).
          // The script realm's Error is not this realm's: read its message by shape.
          const message = typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e);
          triggerFailures.push({ triggerId: t.id, user: t.user, handlerFunction: t.handlerFunction, message, at: emulator.clock.now() });
          emulator.logs.push(`trigger ${t.handlerFunction} failed: ${message}`);
        }
      }
      return due.length;
    },
    functions(): string[] {
      return Object.keys(context).filter((k) => typeof (context as Record<string, unknown>)[k] === 'function');
    },
  };
  return addOn;
}
