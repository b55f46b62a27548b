/** Shared helpers of the Openmart simulator tests. */
import { createOpenmartSim, omRequest, type OpenmartSim, type OpenmartSimOptions } from '../../emulator/apis/openmart';
import { isTransportFailure, type SimMethod } from '../../emulator/apis/types';

export const KEY = 'om_test_key';

export function sim(opts: OpenmartSimOptions = {}): OpenmartSim {
  const s = createOpenmartSim({ businesses: 1_200, ...opts });
  s.addKey(KEY);
  return s;
}

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: parsed JSON for assertions
  json: any;
  latencyMs: number;
}

/** Send one request and parse the answer. */
export function send(s: OpenmartSim, method: SimMethod, path: string, o: Parameters<typeof omRequest>[2] = {}): Reply {
  const out = s.handle(omRequest(method, path, o));
  if (isTransportFailure(out)) throw new Error(`transport failure ${out.transport}`);
  return { status: out.status, json: out.body === '' ? undefined : JSON.parse(out.body), latencyMs: out.latencyMs ?? 0 };
}
