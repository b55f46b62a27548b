/**
 * The adaptive wave sizes (platform/concurrency.ts) of this user, one per provider, kept in the
 * user cache: no Properties call, shared by the sidebar and the trigger, and a lost entry only
 * starts again from today's fixed sizes.
 */
import { GU1_AIMD, OPENMART_READS_AIMD, aimd, type AimdConfig, type Concurrency } from '../platform/concurrency';
import { JsonCache } from '../platform/cache';
import type { WaveKind } from '../jobs/handler';
import type { AppContext } from './context';

const CONFIGS: Record<WaveKind, AimdConfig> = { gu1: GU1_AIMD, 'openmart-reads': OPENMART_READS_AIMD };

/** One controller per kind for the life of an execution (made on first use). */
export function concurrencyFor(ctx: AppContext): (kind: WaveKind) => Concurrency {
  const made = new Map<WaveKind, Concurrency>();
  return (kind) => {
    let c = made.get(kind);
    if (!c) {
      const cache = new JsonCache(ctx.userCache());
      const key = `aimd.${kind}`;
      c = aimd(
        CONFIGS[kind],
        () => cache.get<unknown>(key),
        (s) => cache.put(key, s),
      );
      made.set(kind, c);
    }
    return c;
  };
}
