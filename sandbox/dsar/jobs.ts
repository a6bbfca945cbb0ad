import { randomUUID } from 'node:crypto';
import type { Dsar } from '../../shared/api/dsar';
import type { DataCategory, DsarEvent, DsarEventBody, FieldChange, ObjectionPurpose } from '../../shared/api/dsar-workflow';
import type { Job, JobResult } from '../../shared/api/jobs';
import type { JobSpec } from '../../shared/domain/dsar-workflow';
import type { Account } from '../accounts/account';
import { accountData, latestInvoiceYear } from '../accounts/data';
import { StepTimer } from '../jobs/steps';
import type { PlatformStore } from '../store/store';

const allCategories = (data: ReturnType<typeof accountData>) => Object.keys(data) as DataCategory[];

/** Retention duties that turn an erasure into a restriction (Art. 17(3)(b) GDPR, § 35(3) BDSG). */
const retention: Partial<Record<DataCategory, string>> = {
  invoices: '§ 147 Abs. 1 Nr. 4, Abs. 3 AO; § 257 Abs. 1 Nr. 4, Abs. 4 HGB',
  payments: '§ 147 Abs. 1 Nr. 4, Abs. 3 AO',
};

/** What the records of processing keep without the person instead of erasing ("danach anonymisiert"). */
const anonymisedOnErasure: readonly DataCategory[] = ['forum_posts'];

/**
 * Runs fulfilment jobs the way a platform would: in the background, one step at a time, each step
 * visible in the changes feed as progress. A job left running by a stopped platform runs again on start.
 */
export class JobRunner {
  private readonly steps: StepTimer;

  constructor(
    private readonly store: PlatformStore,
    stepMs: number,
  ) {
    this.steps = new StepTimer(stepMs);
  }

  /** Creates the job (inside the action's transaction) and starts it once that has committed. */
  create(spec: JobSpec): Job {
    const job: Job = {
      id: spec.id,
      version: 1,
      updatedAt: new Date().toISOString(),
      dsarId: spec.dsarId,
      kind: spec.kind,
      state: 'running',
      progress: 0,
      step: null,
      result: null,
      error: null,
    };
    this.store.put('job', job);
    this.store.db.prepare('INSERT OR REPLACE INTO job_specs (job_id, spec) VALUES (?, ?)').run(job.id, JSON.stringify(spec));
    return job;
  }

  start(jobId: string): void {
    this.schedule(() => this.step(jobId, 0));
  }

  resume(): void {
    for (const job of this.store.all<Job>('job')) if (job.state === 'running') this.start(job.id);
  }

  stop(): void {
    this.steps.stop();
  }

  private schedule(work: () => void): void {
    this.steps.schedule(work);
  }

  private spec(jobId: string): JobSpec {
    const row = this.store.db.prepare<[string], { spec: string }>('SELECT spec FROM job_specs WHERE job_id = ?').get(jobId);
    if (!row) throw new Error(`no spec for job ${jobId}`);
    return JSON.parse(row.spec) as JobSpec;
  }

  private step(jobId: string, index: number): void {
    const job = this.store.get<Job>('job', jobId);
    const dsar = job ? this.store.get<Dsar>('dsar', job.dsarId) : null;
    if (!job || !dsar || job.state !== 'running') return;
    const account = dsar.subject.userId ? this.store.account<Account>(dsar.subject.userId) : null;
    if (!account) {
      this.finish(
        job,
        dsar,
        null,
        'The subject has no platform account: there is no data to act on. Link the request to an account at intake.',
      );
      return;
    }
    const steps: string[] =
      job.kind === 'package' || job.kind === 'erasure' ? allCategories(accountData(account)) : ['account', 'processing'];
    if (index < steps.length) {
      this.store.transaction(() =>
        this.store.put('job', {
          ...job,
          version: job.version + 1,
          updatedAt: new Date().toISOString(),
          progress: index / steps.length,
          step: steps[index],
        }),
      );
      this.schedule(() => this.step(jobId, index + 1));
      return;
    }
    this.finish(job, dsar, account, null);
  }

  private finish(job: Job, dsar: Dsar, account: Account | null, error: string | null): void {
    this.store.transaction(() => {
      const now = new Date().toISOString();
      const events: DsarEvent[] = [];
      const event = (e: DsarEventBody) => events.push({ id: randomUUID(), at: now, actor: 'platform', ...e } as DsarEvent);
      let result: JobResult | null = null;
      if (account && !error) {
        const outcome = this.apply(job, account);
        result = outcome.result;
        this.store.putAccount(outcome.account);
        if (result.kind === 'rectification') event({ kind: 'rectified', changes: result.changes });
        if (result.kind === 'restriction' || result.kind === 'objection') {
          event({ kind: 'flags', restricted: outcome.account.restricted, objections: outcome.account.objections });
        }
      }
      const state = result ? 'succeeded' : 'failed';
      event({ kind: 'job_finished', jobId: job.id, job: job.kind, state, summary: error ?? summaryOf(result) });
      const done: Job = { ...job, version: job.version + 1, updatedAt: now, state, progress: 1, step: null, result, error };
      this.store.put('job', done);
      const current = this.store.get<Dsar>('dsar', dsar.id) ?? dsar;
      this.store.put('dsar', { ...current, version: current.version + 1, updatedAt: now, events: [...current.events, ...events] });
      this.store.audit('platform', `job.${state}`, 'job', job.id, { dsarId: dsar.id, kind: job.kind });
    });
  }

  private apply(job: Job, account: Account): { result: JobResult; account: Account } {
    const spec = this.spec(job.id);
    const data = accountData(account);
    switch (job.kind) {
      case 'package':
        return {
          result: {
            kind: 'package',
            categories: allCategories(data).map((category) => ({ category, count: data[category].length, items: data[category] })),
          },
          account,
        };
      case 'erasure': {
        const year = latestInvoiceYear(data.invoices);
        const categories = allCategories(data).map((category) => {
          const basis = retention[category];
          // The retention period runs from the end of the year of the latest invoice (§ 147(4) AO); once it
          // is over, nothing stands in the way of erasure.
          const until = year === null ? null : `${year + 8}-12-31`;
          const keep = basis !== undefined && until !== null && until >= new Date().toISOString().slice(0, 10) && data[category].length > 0;
          return {
            category,
            outcome: keep
              ? ('restricted' as const)
              : anonymisedOnErasure.includes(category) && data[category].length
                ? ('anonymised' as const)
                : ('erased' as const),
            records: data[category].length,
            legalBasis: keep ? basis : null,
            until: keep ? until : null,
          };
        });
        return {
          result: { kind: 'erasure', categories },
          account: {
            ...account,
            // Anonymised posts are no longer this person's data: gone from every later copy.
            erased: categories.filter((c) => c.outcome !== 'restricted').map((c) => c.category),
            retained: categories.filter((c) => c.outcome === 'restricted').map((c) => c.category),
          },
        };
      }
      case 'restriction':
        return { result: { kind: 'restriction', restricted: true }, account: { ...account, restricted: true } };
      case 'objection': {
        const objections = [...new Set([...account.objections, ...((spec.objections ?? []) as ObjectionPurpose[])])];
        return { result: { kind: 'objection', objections }, account: { ...account, objections } };
      }
      case 'rectification': {
        const changes: FieldChange[] = [];
        const next = { ...account };
        for (const { field, after } of spec.changes ?? []) {
          const key = field as 'name' | 'email' | 'address' | 'birthDate' | 'displayName';
          changes.push({ field, before: String(account[key] ?? ''), after });
          next[key] = after;
        }
        return { result: { kind: 'rectification', changes }, account: next };
      }
    }
  }
}

function summaryOf(result: JobResult | null): string {
  if (!result) return '';
  switch (result.kind) {
    case 'package':
      return `${result.categories.reduce((n, c) => n + c.count, 0)} records in ${result.categories.filter((c) => c.count).length} categories`;
    case 'erasure':
      return `${result.categories.filter((c) => c.outcome === 'erased').length} categories erased, ${result.categories.filter((c) => c.outcome === 'anonymised').length} anonymised, ${result.categories.filter((c) => c.outcome === 'restricted').length} restricted`;
    case 'restriction':
      return 'processing restricted';
    case 'objection':
      return `objections: ${result.objections.join(', ')}`;
    case 'rectification':
      return result.changes.map((c) => c.field).join(', ');
  }
}
