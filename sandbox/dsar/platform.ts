import type { DsarPlatform } from '../../shared/domain/dsar-workflow';
import type { PlatformOf } from '../http/entity-routes';
import type { PlatformStore } from '../store/store';
import type { JobRunner } from './jobs';
import { buildPackage } from './package';

/** What the platform does for the request workflow that the console cannot: packages, jobs, accounts. */
export function dsarPlatform(store: PlatformStore, jobs: JobRunner): PlatformOf<DsarPlatform> {
  return () => {
    // Created inside the write's transaction, started once it has committed.
    const started: string[] = [];
    return {
      capabilities: {
        deliver(job, excluded, information) {
          const built = buildPackage(job, excluded, information);
          store.savePackage(job.id, built.sha256, built.zip);
          return { sha256: built.sha256, bytes: built.bytes, files: built.files };
        },
        startJob: (spec) => void started.push(jobs.create(spec).id),
        accountExists: (userId) => store.account(userId) !== null,
      },
      committed: () => {
        for (const id of started) jobs.start(id);
      },
    };
  };
}
