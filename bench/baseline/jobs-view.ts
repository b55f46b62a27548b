/**
 * The naive Jobs view a first Apps Script would be (and this add-on was before issue 20): every
 * 20-s refresh opens both property stores, lists the keys and reads each job with its own
 * `getProperty`, asks the provider about every open job, and writes the time of the poll and the
 * quota counter back.
 */
import type { GasServices } from '../../emulator';

export interface NaiveJobsView {
  gas: GasServices;
  /** e.g. https://api.openprospect.io/api/v1 */
  baseUrl: string;
  key: string;
}

/** One refresh of the naive view. */
export function naiveRefresh(o: NaiveJobsView): number {
  const doc = o.gas.PropertiesService.getDocumentProperties();
  const user = o.gas.PropertiesService.getUserProperties();
  let open = 0;
  for (const k of doc.getKeys().filter((x) => x.startsWith('job:'))) {
    const job = JSON.parse(doc.getProperty(k) ?? '{}') as { state?: string; data?: { parts?: Array<{ orderId?: string }> } };
    if (job.state === 'DONE' || job.state === 'FAILED' || job.state === 'CANCELLED') continue;
    open++;
    for (const part of job.data?.parts ?? []) {
      if (part.orderId)
        o.gas.UrlFetchApp.fetch(`${o.baseUrl}/orders/${part.orderId}`, { headers: { Authorization: `Bearer ${o.key}` }, muteHttpExceptions: true });
    }
  }
  doc.setProperty('poller.lastRunAt', String(Date.now()));
  user.setProperty('quota.usage', String(Number(user.getProperty('quota.usage') ?? '0') + open));
  return open;
}
