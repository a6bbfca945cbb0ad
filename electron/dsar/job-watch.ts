import type { SyncEngine } from '../sync/engine';
import type { Outbox } from '../sync/outbox';
import type { JobCache } from './jobs-store';

/** Jobs run on the platform; while one runs, the console pulls every second so its progress shows. */
const JOB_POLL_MS = 1000;

export function followJobs(deps: { jobs: JobCache; outbox: Outbox; engine: SyncEngine }) {
  const starting = () => deps.outbox.all().some((w) => w.entity === 'dsar' && w.mutator === 'act' && w.args.type === 'start_job');
  let timer: NodeJS.Timeout | null = null;
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };
  const follow = () => {
    if (timer) return;
    timer = setInterval(() => {
      try {
        if (!starting() && deps.jobs.running() === 0) stop();
        else void deps.engine.kick();
      } catch (error) {
        // A timer's failure (a damaged cache) must not end the process; the sync run reports it.
        console.error('[jobs] follow failed:', error);
        stop();
      }
    }, JOB_POLL_MS);
    timer.unref();
  };
  // Jobs left running when the console last closed are followed from the start.
  if (deps.jobs.running() > 0) follow();
  return { follow, stop };
}
