/**
 * The playground's providers: by default the simulators (OpenProspect orders progress by
 * themselves on the fast clock, Openmart batches complete, gu1 knows every external id); with a
 * key in the environment, that provider is the live API instead (real HTTP, see real-http.ts).
 *
 * The simulators accept any key (so a visitor can paste anything) except one that contains
 * "invalid", which they refuse with a 401, to show the error path.
 */
import { createGu1Sim, GU1_BASE_URL, type Gu1Sim } from '../apis/gu1';
import { createOpenmartSim, OPENMART_BASE_URL, type OpenmartSim } from '../apis/openmart';
import { createOpenProspectSim, OPENPROSPECT_BASE_URL, type OpenProspectSim } from '../apis/openprospect';
import type { HttpHandler, SimRequest } from '../apis/types';
import { realHttpHandler } from './real-http';

export type ProviderName = 'openprospect' | 'openmart' | 'gu1';

/** Environment variables that switch a provider to its live API. */
export const LIVE_KEY_ENV: Record<ProviderName, string> = {
  openprospect: 'OPENPROSPECT_API_KEY',
  openmart: 'OPENMART_API_KEY',
  gu1: 'GU1_API_KEY',
};

export interface Providers {
  /** Where each provider's requests go. */
  modes: Record<ProviderName, 'simulator' | 'live'>;
  /** Keys from the environment, to save into the user's settings at start. */
  liveKeys: Partial<Record<ProviderName, string>>;
  sims: { openprospect: OpenProspectSim; openmart: OpenmartSim; gu1: Gu1Sim };
  /** base URL -> handler, for emulator.http.register. */
  routes: Array<[string, HttpHandler]>;
}

function bearer(req: SimRequest): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(req.headers['authorization'] ?? '')?.[1];
}

/** Wrap a simulator so it learns every key it sees (except "invalid" ones) before answering. */
function acceptAnyKey(sim: HttpHandler, keyOf: (req: SimRequest) => string | undefined, learn: (key: string, req: SimRequest) => void): HttpHandler {
  return {
    handle(req) {
      const key = keyOf(req);
      if (key && !/invalid/i.test(key)) learn(key, req);
      return sim.handle(req);
    },
  };
}

/** Simulator lifecycle speeds in virtual ms (the playground clock runs fast, see server.ts). */
const OPENPROSPECT_AUTO = { acceptAfterMs: 60_000, startAfterMs: 60_000, deliverEveryMs: 60_000, perDelivery: 6 };
const OPENMART_BATCH_AFTER_MS = 3 * 60_000;

export function createProviders(env: Record<string, string | undefined>, workerPath: string): Providers {
  const openprospect = createOpenProspectSim({ seed: 7 });
  openprospect.autoProgress(OPENPROSPECT_AUTO);
  const openmart = createOpenmartSim({ seed: 7 });
  openmart.autoComplete({ afterMs: OPENMART_BATCH_AFTER_MS });
  const gu1 = createGu1Sim({ seed: 7 });

  const simulated: Record<ProviderName, [string, HttpHandler]> = {
    openprospect: [OPENPROSPECT_BASE_URL, acceptAnyKey(openprospect, bearer, (k) => openprospect.addKey(k))],
    openmart: [
      OPENMART_BASE_URL,
      acceptAnyKey(
        openmart,
        (r) => r.headers['x-api-key'] ?? bearer(r),
        (k) => openmart.addKey(k),
      ),
    ],
    gu1: [
      GU1_BASE_URL,
      acceptAnyKey(gu1, bearer, (k, req) => {
        gu1.addKey(k);
        // Every external id of the sheet "exists" in the simulated gu1 account.
        try {
          const id = (JSON.parse(req.body ?? '{}') as { externalId?: unknown }).externalId;
          if (typeof id === 'string' && id !== '' && !gu1.entity(id)) gu1.addEntity(id);
        } catch {
          // not JSON: the simulator answers 400 itself
        }
      }),
    ],
  };
  const modes = {} as Providers['modes'];
  const liveKeys: Providers['liveKeys'] = {};
  const routes: Providers['routes'] = [];
  const live = realHttpHandler(workerPath);
  for (const p of Object.keys(simulated) as ProviderName[]) {
    const key = env[LIVE_KEY_ENV[p]]?.trim();
    const [base, sim] = simulated[p];
    if (key) {
      modes[p] = 'live';
      liveKeys[p] = key;
      routes.push([base, live]);
    } else {
      modes[p] = 'simulator';
      routes.push([base, sim]);
    }
  }
  return { modes, liveKeys, sims: { openprospect, openmart, gu1 }, routes };
}
