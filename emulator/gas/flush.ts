/**
 * The flush model (docs/PLATFORM.md: "Google asks for SpreadsheetApp.flush() before releaseLock() after
 * writes, so another execution that takes the lock sees them").
 *
 * Apps Script batches spreadsheet writes and applies them at `flush()` or when the execution ends;
 * a lock released with writes still pending lets the next holder read the old cells. The emulator
 * applies writes at once (one process), so it does not show stale reads; instead it records every
 * lock release made while the releasing execution has unflushed writes (`unflushedReleases`), and
 * tests and the chaos suite require that list to stay empty. A flush, or the end of the execution,
 * clears the pending writes.
 */
export interface UnflushedRelease {
  /** Execution id (0: outside any execution). */
  execution: number;
  /** Writes pending at the release. */
  pendingWrites: number;
  /** Virtual time of the release. */
  at: number;
}

export class WriteTracker {
  private readonly pending = new Map<number, number>();
  readonly unflushedReleases: UnflushedRelease[] = [];

  /** A Sheets write by execution `id`. */
  noteWrite(id: number): void {
    this.pending.set(id, (this.pending.get(id) ?? 0) + 1);
  }

  /** `SpreadsheetApp.flush()` (or the end of the execution): its writes are applied. */
  flush(id: number): void {
    this.pending.delete(id);
  }

  /** Writes execution `id` has not flushed yet. */
  pendingWrites(id: number): number {
    return this.pending.get(id) ?? 0;
  }

  /** A lock released by execution `id`: flagged when it still has unflushed writes. */
  noteRelease(id: number, at: number): void {
    const n = this.pendingWrites(id);
    if (n > 0) this.unflushedReleases.push({ execution: id, pendingWrites: n, at });
  }
}
