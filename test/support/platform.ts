import { join } from 'node:path';
import { type Sandbox, startSandbox } from '../../sandbox/server';

export const SEED_NOW = new Date('2026-11-20T09:00:00Z');

/**
 * A real sandbox platform on 127.0.0.1 with its store in `dir`. `restart` brings it back on the same port
 * with the same data, as a platform that was down for a while.
 */
export async function testPlatform(
  dir: string,
  requests = 120,
  options: {
    jobStepMs?: number;
    noticeStepMs?: number;
    campaignStepMs?: number;
    accessStepMs?: number;
    accessRetryMs?: number;
    learners?: number;
    now?: () => Date;
  } = {},
) {
  const jobStepMs = options.jobStepMs ?? 15;
  const noticeStepMs = options.noticeStepMs ?? 15;
  const campaignStepMs = options.campaignStepMs ?? 15;
  const accessStepMs = options.accessStepMs ?? 50;
  const accessRetryMs = options.accessRetryMs ?? 3_600_000;
  // Fewer learners than the demo's 40,000: every test starts a platform.
  const learners = options.learners ?? 2_000;
  const dbPath = join(dir, 'platform.sqlite');
  let sandbox: Sandbox = await startSandbox({
    dbPath,
    requests,
    learners,
    seedNow: SEED_NOW,
    jobStepMs,
    noticeStepMs,
    campaignStepMs,
    accessStepMs,
    accessRetryMs,
    now: options.now,
  });
  // What the platform logged of its seeded history: not writes anyone made through the API.
  const seededUpTo = sandbox.store.lastAuditSeq();
  const port = Number(new URL(sandbox.url).port);
  const token = sandbox.defaultToken;
  let running = true;
  return {
    get sandbox() {
      return sandbox;
    },
    url: sandbox.url,
    token,
    async stop() {
      if (running) await sandbox.close();
      running = false;
    },
    async start() {
      if (!running)
        sandbox = await startSandbox({
          dbPath,
          port,
          token,
          learners,
          seedNow: SEED_NOW,
          jobStepMs,
          noticeStepMs,
          campaignStepMs,
          accessStepMs,
          accessRetryMs,
          now: options.now,
        });
      running = true;
    },
    /** Every write the platform applied since it was seeded, as its audit log records them. */
    appliedWrites(entityId?: string) {
      const opened = running ? sandbox.store : null;
      const log = opened ? opened.auditLog(seededUpTo) : [];
      return entityId ? log.filter((entry) => entry.entity_id === entityId) : log;
    },
  };
}
export type TestPlatform = Awaited<ReturnType<typeof testPlatform>>;
