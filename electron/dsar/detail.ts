import type Database from 'better-sqlite3-multiple-ciphers';
import type { Dsar } from '../../shared/api/dsar';
import type { ClockSettings } from '../../shared/api/dsar-workflow';
import { affectedCategories, registryNamesOf } from '../../shared/domain/data-categories';
import { daysLeft, dueDateOf, ledgerOf } from '../../shared/domain/dsar-clock';
import { carriedOut, needsRecipientNotice } from '../../shared/domain/dsar-workflow';
import type { RegistryQueries } from '../../shared/domain/registry-queries';
import type { DsarDetail } from '../../shared/ipc/contract';
import type { Setting } from '../cache/settings';
import { HandlerError } from '../ipc/errors';
import type { JobCache } from './jobs-store';
import { type DsarRow, type QueueColumns, toQueueRow } from './rows';

export interface DetailDeps {
  cache: Database.Database;
  clock: Setting<ClockSettings>;
  jobs: JobCache;
  registry: RegistryQueries;
  byId: Database.Statement<[string], DsarRow>;
  sameSubject: Database.Statement<[string, string], QueueColumns>;
  today(): string;
}

/** One request as the detail pane shows it: deadline with its reasoning, duplicates, jobs, Art. 19 tasks. */
export function requestDetails(deps: DetailDeps) {
  const { byId, sameSubject, today } = deps;
  const detail = (id: string): DsarDetail | null => {
    const row = byId.get(id);
    if (!row) return null;
    const dsar = JSON.parse(row.doc) as Dsar;
    const clock = deps.clock.get();
    const due = dueDateOf(ledgerOf(dsar), clock);
    const now = today();
    const jobs = deps.jobs.forDsar(id).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
    return {
      dsar,
      pending: row.pending === 1,
      deadline: { ...due, today: now, daysLeft: daysLeft(due.due, new Date(), clock.timeZone) },
      clock,
      duplicates: row.is_open
        ? sameSubject
            .all(row.subject_key, row.type)
            .filter((r) => r.id !== id)
            .map(toQueueRow)
        : [],
      jobs,
      // Art. 19: once the platform has carried the request out, and only then.
      recipients: needsRecipientNotice(dsar.type) && carriedOut(dsar, deps.jobs.read) ? recipientTasks(dsar, jobs) : null,
    };
  };

  const recipientTasks = (dsar: Dsar, jobs: DsarDetail['jobs']): NonNullable<DsarDetail['recipients']> => {
    // Erasure: what the job actually erased or restricted; before it ran, everything the account may hold.
    const erasure = jobs.find((j) => j.result?.kind === 'erasure')?.result;
    const categories =
      erasure?.kind === 'erasure'
        ? erasure.categories.filter((c) => c.records > 0).map((c) => c.category)
        : affectedCategories(dsar.type as 'erasure' | 'rectification' | 'restriction');
    const informed = new Map(dsar.events.flatMap((e) => (e.kind === 'recipient_informed' ? [[e.processorId, e.informedOn] as const] : [])));
    return deps.registry.processorsHolding(registryNamesOf(categories)).map((p) => ({
      processorId: p.id,
      legalName: p.legalName,
      categories: p.categories,
      informedOn: informed.get(p.id) ?? null,
    }));
  };
  const mustDetail = (id: string) => {
    const found = detail(id);
    if (!found) throw new HandlerError('not_found', `No request ${id} in the cache.`);
    return found;
  };

  return { detail, mustDetail };
}
