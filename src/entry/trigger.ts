/** Trigger surface: the one time-driven trigger that polls open jobs and runs due schedules. */
import { tick as tickRun } from '../app/tick';
import { rpc } from './run';

/** Time-driven trigger: advance every open job within the time budget. */
export function tick(_e?: unknown): void {
  rpc((ctx) => {
    const started = ctx.clock.now();
    try {
      tickRun(ctx);
    } finally {
      ctx.quota.addTriggerTime(ctx.clock.now() - started);
    }
  });
}
