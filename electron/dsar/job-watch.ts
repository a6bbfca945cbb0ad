import type Database from 'better-sqlite3-multiple-ciphers';
import type { SyncEngine } from '../sync/engine';
import type { Outbox } from '../sync/outbox';

/** Jobs run on the platform; while one runs, the console pulls every second so its progress shows. */
const JOB_POLL_MS = 1000;

export function followJobs(deps: { cache: Database.Database; outbox: Outbox; engine: SyncEngine }) {
  const running = deps.cache.prepare<[], { n: number }>("SELECT count(*) AS n FROM jobs WHERE state = 'running'");
  const starting = () => deps.outbox.all().some((w) => w.entity === 'dsar' && w.op === 'action' && w.body.type === 'start_job');
  let timer: NodeJS.Timeout | null = null;
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };
  const follow = () => {
    if (timer) return;
    timer = setInterval(() => {
      if (!starting() && (running.get()?.n ?? 0) === 0) stop();
      else void deps.engine.kick();
    }, JOB_POLL_MS);
    timer.unref();
  };
  // Jobs left running when the console last closed are followed from the start.
  if ((running.get()?.n ?? 0) > 0) follow();
  return { follow, stop };
}
