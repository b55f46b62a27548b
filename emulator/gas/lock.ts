/** LockService: script/document/user locks, released when the execution ends; another holder is simulated by holdLock. */
import type { UnflushedRelease } from './flush';
import type { Runtime } from './runtime';
import type { GasObject } from './sheets-ctx';

export type LockScope = 'script' | 'document' | 'user';
export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

interface LockState {
  /** Execution id holding the lock (0 = calls made outside any execution), or null. */
  holder: number | null;
  /** Another (simulated) execution holds the lock until this virtual time. */
  externalUntil: number;
}

/** Test hooks for locks. */
export interface LockHooks {
  /** Simulate another execution holding the lock until virtual time `untilMs`. */
  holdLock(scope: LockScope, untilMs: number, userEmail?: string): void;
  /** Whether anybody (this execution or a simulated one) holds the lock now. */
  isHeld(scope: LockScope, userEmail?: string): boolean;
  /** Lock releases made with Sheets writes not yet flushed (./flush.ts); should stay empty. */
  readonly unflushedReleases: readonly UnflushedRelease[];
}

/** Build LockService and its hooks; locks held by an execution are released by `rt.endExecution()`. */
export function makeLockService(rt: Runtime): { service: GasObject; hooks: LockHooks } {
  const states = new Map<string, LockState>();
  const stateOf = (scope: LockScope, email: string): LockState => {
    const key = scope === 'user' ? `user:${email}` : scope;
    let s = states.get(key);
    if (!s) {
      s = { holder: null, externalUntil: 0 };
      states.set(key, s);
    }
    return s;
  };
  const owner = (): number => rt.execution.info()?.id ?? 0;

  // An execution's locks are released when it ends (an overlapping one keeps its own).
  rt.onEnd((ended) => {
    for (const s of states.values()) if (s.holder !== null && s.holder !== 0 && s.holder === ended?.id) s.holder = null;
  });

  const makeLock = (state: LockState): GasObject => {
    let has = false;
    const call = <T>(method: string, body: () => T): T => rt.invoke({ service: 'Lock', method, access: 'doc', family: 'lock' }, body);
    const acquire = (timeoutMs: unknown): boolean => {
      const timeout = Number(timeoutMs);
      if (!Number.isFinite(timeout) || timeout < 0) throw rt.error('Invalid argument: timeoutInMillis');
      const me = owner();
      const now = rt.clock.now();
      if (state.holder === me) {
        has = true;
        return true;
      }
      if (state.holder !== null) {
        rt.clock.advance(timeout);
        return false;
      }
      if (state.externalUntil > now) {
        if (state.externalUntil > now + timeout) {
          rt.clock.advance(timeout);
          return false;
        }
        rt.clock.advance(state.externalUntil - now);
      }
      state.holder = me;
      has = true;
      return true;
    };
    return rt.strict('Lock', {
      toString: () => 'Lock',
      tryLock: (timeoutInMillis: unknown) => call('tryLock', () => acquire(timeoutInMillis)),
      waitLock: (timeoutInMillis: unknown) =>
        call('waitLock', () => {
          if (!acquire(timeoutInMillis)) throw rt.error(LOCK_TIMEOUT);
        }),
      releaseLock: () =>
        call('releaseLock', () => {
          if (has && state.holder === owner()) rt.writes.noteRelease(owner(), rt.clock.now());
          if (has && state.holder === owner()) state.holder = null;
          has = false;
        }),
      hasLock: () => call('hasLock', () => has && state.holder === owner()),
    });
  };

  const getter = (method: string, scope: LockScope) => () =>
    rt.invoke({ service: 'LockService', method, access: 'doc', family: 'lock' }, () =>
      scope === 'document' && !rt.documentVisible() ? null : makeLock(stateOf(scope, rt.activeUser())),
    );

  const service = rt.strict('LockService', {
    toString: () => 'LockService',
    getScriptLock: getter('getScriptLock', 'script'),
    getDocumentLock: getter('getDocumentLock', 'document'),
    getUserLock: getter('getUserLock', 'user'),
  });
  const hooks: LockHooks = {
    holdLock: (scope, untilMs, email) => {
      stateOf(scope, email ?? rt.activeUser()).externalUntil = untilMs;
    },
    isHeld: (scope, email) => {
      const s = stateOf(scope, email ?? rt.activeUser());
      return s.holder !== null || s.externalUntil > rt.clock.now();
    },
    unflushedReleases: rt.writes.unflushedReleases,
  };
  return { service, hooks };
}
