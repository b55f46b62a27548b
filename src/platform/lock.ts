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
 * A lock whose release first applies pending spreadsheet writes: Google asks for
 * `SpreadsheetApp.flush()` before `releaseLock()`, so the next execution that takes the lock sees
 * them. The lock is released even when the flush throws.
 */
export function flushingLock(lock: LockLike, flush: () => void): LockLike {
  return {
    tryLock: (ms) => lock.tryLock(ms),
    releaseLock: () => {
      try {
        flush();
      } finally {
        lock.releaseLock();
      }
    },
  };
}
