/**
 * A typed sidebar call for tests, as sidebar/rpc.ts types the real one: the name must be a server
 * function, the input and the answer are those of the RPC contract (src/app/contract.ts).
 */
import type { ServerFns, ServerName } from '../../sidebar/rpc';
import type { AddOn } from './addon';

/** `rpcOf(addOn)('listJobs').jobs`: the add-on's `rpc` with the contract's types. */
export function rpcOf(addOn: Pick<AddOn, 'rpc'>) {
  return <K extends ServerName>(name: K, ...args: Parameters<ServerFns[K]>): ReturnType<ServerFns[K]> => addOn.rpc<ReturnType<ServerFns[K]>>(name, ...args);
}
