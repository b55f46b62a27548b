/** Two editors in one document: who sent what, and each editor's Jobs view. */
import type { AddOn } from './addon';
import type { JobView } from '../../src/app/contract';
import { rpcOf } from './rpc';

/** The key each request to `base` carried, in order (Authorization Bearer or X-API-Key). */
export function keysSentTo(addOn: AddOn, base: string, pathPart = ''): string[] {
  return addOn.emulator.http.log
    .filter((e) => e.url.startsWith(base) && e.url.includes(pathPart))
    .map((e) => e.headers['x-api-key'] ?? (e.headers['authorization'] ?? '').replace(/^Bearer /, ''));
}

/** The jobs as `user` sees them in the Jobs view (`refreshJobs` also polls that user's jobs). */
export function jobsAs(addOn: AddOn, user: string, rpc: 'listJobs' | 'refreshJobs' = 'listJobs'): JobView[] {
  const view = rpcOf(addOn.as(user))(rpc);
  return view ? view.jobs : [];
}

/** The keys each user's executions sent to `base`, per user, each list without repeats. */
export function keysByUser(addOn: AddOn, base: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of addOn.emulator.http.log.filter((x) => x.url.startsWith(base))) {
    const key = e.headers['x-api-key'] ?? (e.headers['authorization'] ?? '').replace(/^Bearer /, '');
    const list = (out[String(e.user)] ??= []);
    if (!list.includes(key)) list.push(key);
  }
  return out;
}
