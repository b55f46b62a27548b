/** Script lock with a release in `finally` (apps-script-oauth2's lockable_ leaks it on a throw). */
export type LockLike = Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'releaseLock'>;

/** Run `fn` holding the lock; returns `{ ran: false }` when another run holds it past `waitMs`. */
export function withLock<T>(lock: LockLike, waitMs: number, fn: () => T): { ran: true; value: T } | { ran: false } {
  if (!lock.tryLock(waitMs)) return { ran: false };
  try {
    return { ran: true, value: fn() };
  } finally {
    lock.releaseLock();
  }
}

/**
 * The document lock as one execution must use it: taking it calls `reload` (drop any copy of the
 * stores read before, so the run sees what the last holder wrote); releasing it first calls
 * `flush` (Google asks for `SpreadsheetApp.flush()` before `releaseLock()`, so the next holder sees
 * this run's writes). The lock is released even when the flush throws.
 */
export function syncedLock(lock: LockLike, hooks: { flush: () => void; reload: () => void }): LockLike {
  return {
    tryLock: (ms) => {
      const got = lock.tryLock(ms);
      if (got) hooks.reload();
      return got;
    },
    releaseLock: () => {
      try {
        hooks.flush();
      } finally {
        lock.releaseLock();
      }
    },
  };
}
