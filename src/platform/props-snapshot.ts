/**
 * One Properties read per execution (issue 20: 50,000 Properties calls a day for a consumer
 * account, counted per user across every execution). The first read loads the whole store with
 * one `getProperties()`; later reads are served from that copy; writes go through at once and
 * update it, and a write that would not change the stored value is not made. `reload()` drops the
 * copy: call it after taking the lock, so a run under the lock reads what the last holder wrote.
 */
import type { PropertyStore } from './store';

export class SnapshotStore implements PropertyStore {
  private data: Record<string, string> | null = null;
  private store: GoogleAppsScript.Properties.Properties | null = null;

  /** `changed` runs after every write or delete that reached the store (a change stamp, see app/background.ts). */
  constructor(
    private readonly open: () => GoogleAppsScript.Properties.Properties,
    private readonly changed: () => void = () => undefined,
  ) {}

  private props(): GoogleAppsScript.Properties.Properties {
    this.store ??= this.open();
    return this.store;
  }

  private load(): Record<string, string> {
    // No prototype: a key named like an Object method is just a key.
    this.data ??= Object.assign(Object.create(null) as Record<string, string>, this.props().getProperties());
    return this.data;
  }

  /** Forget the copy: the next read loads the store again. */
  reload(): void {
    this.data = null;
  }

  getProperty(key: string): string | null {
    const d = this.load();
    return d[key] ?? null;
  }

  getProperties(): Record<string, string> {
    return { ...this.load() };
  }

  getKeys(): string[] {
    return Object.keys(this.load());
  }

  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    const d = this.load();
    if (d[key] !== value) {
      this.props().setProperty(key, value);
      d[key] = value;
      this.changed();
    }
    return this.props();
  }

  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    const d = this.load();
    if (key in d) {
      this.props().deleteProperty(key);
      delete d[key];
      this.changed();
    }
    return this.props();
  }
}
