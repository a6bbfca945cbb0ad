import type { Dsar, DsarStatus, DsarType } from '../api/dsar';
import type { DsarAction, DsarEvent, IdentityMethod, JobKind, MessageKind } from '../api/dsar-workflow';
import type { Job } from '../api/jobs';
import type { MutationContext } from '../entities/descriptor';
import { localDate } from './calendar';
import { dueDateOf, dueOnly, extensionRefusal, ledgerOf } from './dsar-clock';
import { deliveredJob, excludedItems } from './dsar-package';
import { requiredParts } from './letters';
import { RuleError } from './rules';

/** A fulfilment job for the platform to run, as `start_job` asks for it. */
export type JobSpec = Pick<Job, 'id' | 'dsarId' | 'kind'> & { changes?: { field: string; after: string }[]; objections?: string[] };

/** What only the platform can do for the request workflow; the console runs the same rules without it. */
export interface DsarPlatform {
  /** Builds the package without the excluded items, keeps it, and answers its checksum, size and files. */
  deliver(job: Job, excludedItemIds: Set<string>, information: string): { sha256: string; bytes: number; files: string[] };
  /** Creates the fulfilment job; it runs once the write has committed. */
  startJob(spec: JobSpec): void;
  accountExists(userId: string): boolean;
}

export type WorkflowContext = MutationContext<DsarPlatform>;

export interface ActionOutcome {
  dsar: Dsar;
  /** A job to create (start_job). */
  job?: JobSpec;
}

/** Identity checks that need the person's platform account. */
export const accountMethods: readonly IdentityMethod[] = ['account_session', 'knowledge_check'];

/** Which fulfilment job fits which request type. */
export const jobFor: Record<DsarType, JobKind> = {
  access: 'package',
  portability: 'package',
  erasure: 'erasure',
  restriction: 'restriction',
  objection: 'objection',
  rectification: 'rectification',
};

/** Art. 19 applies to these: the recipients must be told. */
export const needsRecipientNotice = (type: DsarType) => type === 'erasure' || type === 'rectification' || type === 'restriction';

const jobsOf = (dsar: Pick<Dsar, 'events'>) =>
  dsar.events.filter((e): e is Extract<DsarEvent, { kind: 'job_started' }> => e.kind === 'job_started').map((e) => e.jobId);

/** The platform carried out the request's fulfilment job: what there is to tell recipients (Art. 19) exists now. */
export function carriedOut(dsar: Pick<Dsar, 'type' | 'events'>, findJob: (id: string) => Job | null): boolean {
  return jobsOf(dsar).some((id) => {
    const job = findJob(id);
    return job?.kind === jobFor[dsar.type] && job.state === 'succeeded';
  });
}

/** The statuses each action may start from. */
const from: Record<DsarAction['type'], readonly DsarStatus[] | 'any'> = {
  acknowledge: ['new', 'identity_pending', 'in_progress', 'awaiting_subject'],
  start: ['new'],
  request_identity: ['new', 'in_progress'],
  record_identity: ['new', 'identity_pending'],
  request_clarification: ['new', 'in_progress'],
  record_clarification: ['awaiting_subject'],
  extend: ['new', 'identity_pending', 'in_progress', 'awaiting_subject'],
  deny: ['new', 'identity_pending', 'in_progress', 'awaiting_subject'],
  withdraw: ['new', 'identity_pending', 'in_progress', 'awaiting_subject'],
  mark_duplicate: ['new', 'identity_pending', 'in_progress', 'awaiting_subject'],
  complete: ['in_progress'],
  add_note: 'any',
  start_job: ['in_progress'],
  exclude_item: ['in_progress'],
  include_item: ['in_progress'],
  deliver: ['in_progress'],
  inform_recipient: ['in_progress', 'completed'],
};

/** Whether an action may be taken in a status: for menus, bulk changes and the keyboard. */
export function allowedIn(type: DsarAction['type'], status: DsarStatus): boolean {
  const allowed = from[type];
  return allowed === 'any' || allowed.includes(status);
}

/** The message each step sends to the subject. */
export const messageKindOf: Partial<Record<DsarAction['type'], MessageKind>> = {
  acknowledge: 'acknowledgement',
  request_identity: 'identity_request',
  request_clarification: 'clarification_request',
  extend: 'extension_notice',
  deny: 'denial',
  complete: 'completion',
};

/**
 * The steps that cannot be taken back once the platform has them: erasing or rectifying the person's data,
 * delivering the package, recording that a recipient was told (Art. 19).
 */
export function irreversibleSteps(action: DsarAction): boolean {
  switch (action.type) {
    case 'start_job':
      return action.job === 'erasure' || action.job === 'rectification';
    case 'deliver':
    case 'inform_recipient':
      return true;
    default:
      return false;
  }
}

/**
 * Applies one action to a request: checks the workflow's rules and returns the next state with the
 * timeline entries. The platform runs this as the authority; the console runs it before queueing a write
 * (so rule errors appear at once, offline too) and to show the pending change.
 */
export function applyAction(dsar: Dsar, action: DsarAction, ctx: WorkflowContext): ActionOutcome {
  if (!allowedIn(action.type, dsar.status)) {
    throw new RuleError('invalid-transition', `A request that is ${dsar.status} cannot take "${action.type}".`, undefined, {
      status: dsar.status,
      action: action.type,
    });
  }
  const wantedKind = messageKindOf[action.type];
  if (wantedKind && 'message' in action && action.message.kind !== wantedKind) {
    throw new RuleError('wrong-message', `"${action.type}" sends a ${wantedKind} message, not ${action.message.kind}.`, 'message.kind', {
      messageKind: wantedKind,
    });
  }
  const events: DsarEvent[] = [];
  const base = () => ({ id: ctx.newId(), at: ctx.at, actor: ctx.actor });
  let status = dsar.status;
  const moveTo = (to: DsarStatus) => {
    if (to !== status) events.push({ ...base(), kind: 'status', from: status, to });
    status = to;
  };
  // A letter's required parts are composed here, from the step and the request as they are now: on both
  // sides the same, and never from the text the officer edited.
  let extendedDue: string | undefined;
  const message = (m: Extract<DsarAction, { message: unknown }>['message']) => {
    if (m.delivery === 'email' && dsar.subject.email === null) {
      throw new RuleError('no-email', 'No e-mail address is known for the person: send the letter by post.', 'message.delivery');
    }
    if (m.delivery === 'post' && !dsar.subject.address?.trim()) {
      throw new RuleError('no-postal-address', 'No postal address is known for the person: it cannot go by post.', 'message.delivery');
    }
    events.push({
      ...base(),
      kind: 'message',
      message: m,
      parts: requiredParts(dsar, action, { findJob: (id) => ctx.find('job', id), extendedDue }),
    });
  };
  let duplicateOf = dsar.duplicateOf;
  let job: ActionOutcome['job'];

  switch (action.type) {
    case 'acknowledge':
      message(action.message);
      break;
    case 'start':
      moveTo('in_progress');
      break;
    case 'request_identity':
      events.push({ ...base(), kind: 'identity_requested' });
      message(action.message);
      moveTo('identity_pending');
      break;
    case 'record_identity':
      // A person without an account cannot confirm from one, nor answer questions about its data.
      if (dsar.subject.userId === null && accountMethods.includes(action.method)) {
        throw new RuleError('no-account', 'The person has no platform account: choose a method that does not need one.', 'method');
      }
      if (dsar.subject.email === null && action.method === 'email_confirmation') {
        throw new RuleError('no-email', 'No e-mail address is known for the person: it cannot be confirmed by e-mail.', 'method');
      }
      if (!dsar.subject.address?.trim() && action.method === 'postal_confirmation') {
        throw new RuleError('no-postal-address', 'No postal address is known for the person.', 'method');
      }
      events.push({ ...base(), kind: 'identity_recorded', method: action.method, outcome: action.outcome, note: action.note });
      if (action.outcome === 'verified') moveTo('in_progress');
      else moveTo('identity_pending');
      break;
    case 'request_clarification':
      events.push({ ...base(), kind: 'clarification_requested' });
      message(action.message);
      moveTo('awaiting_subject');
      break;
    case 'record_clarification':
      events.push({ ...base(), kind: 'clarification_received', note: action.note });
      moveTo('in_progress');
      break;
    case 'extend': {
      const ledger = ledgerOf(dsar);
      const refusal = extensionRefusal(ledger, action.clock, ctx.at);
      if (refusal) throw refusal;
      // The first month's end as the rule saw it, for the audit trail.
      const { baseDue } = dueDateOf(ledger, action.clock);
      extendedDue = dueOnly({ ...ledger, extendedAt: ctx.at, extendedMonths: action.months }, action.clock).due;
      events.push({ ...base(), kind: 'extended', reason: action.reason, baseDue, months: action.months, clock: action.clock });
      message(action.message);
      break;
    }
    case 'deny':
      events.push({ ...base(), kind: 'denied', reason: action.reason, explanation: action.explanation });
      message(action.message);
      moveTo('denied');
      break;
    case 'withdraw':
      if (action.note) events.push({ ...base(), kind: 'note', text: action.note });
      moveTo('withdrawn');
      break;
    case 'mark_duplicate': {
      if (action.of === dsar.id) throw new RuleError('duplicate-of-itself', 'A request cannot repeat itself.', 'of');
      const original = ctx.find('dsar', action.of);
      if (!original || original.status === 'duplicate') {
        throw new RuleError('invalid-duplicate-target', `${action.of} is not a request this one can repeat.`, 'of', { id: action.of });
      }
      events.push({ ...base(), kind: 'duplicate', of: action.of });
      duplicateOf = action.of;
      moveTo('duplicate');
      break;
    }
    case 'complete': {
      const kind = jobFor[dsar.type];
      // Without a platform account there is nothing to export, erase or change: the answer is that no data
      // is held, sent with the completion.
      const hasAccount = dsar.subject.userId !== null;
      if (hasAccount && kind === 'package' && !deliveredJob(dsar)) {
        throw new RuleError('not-delivered', 'Deliver the data package before completing the request.');
      }
      if (hasAccount && kind !== 'package') {
        const done = jobsOf(dsar)
          .map((id) => ctx.find('job', id))
          .some((j) => j?.kind === kind && j.state === 'succeeded');
        if (!done) {
          throw new RuleError('not-carried-out-yet', `Run the ${kind} job successfully before completing the request.`, undefined, {
            job: kind,
          });
        }
      }
      message(action.message);
      moveTo('completed');
      break;
    }
    case 'add_note':
      events.push({ ...base(), kind: 'note', text: action.text });
      break;
    case 'start_job': {
      const kind = jobFor[dsar.type];
      if (action.job !== kind) {
        throw new RuleError('wrong-job', `A ${dsar.type} request is fulfilled by a ${kind} job.`, 'job', { type: dsar.type, job: kind });
      }
      if (kind === 'rectification' && !action.changes?.length) {
        throw new RuleError('rectification-without-fields', 'Name at least one field to rectify.', 'changes');
      }
      if (kind === 'objection' && !action.objections?.length) {
        throw new RuleError('objection-without-purposes', 'Name what the subject objects to.', 'objections');
      }
      const jobs = jobsOf(dsar).map((id) => ctx.find('job', id));
      if (jobs.some((j) => j?.state === 'running')) throw new RuleError('job-running', 'A job for this request is still running.');
      // One successful job fulfils the request; a failed one may be run again.
      if (jobs.some((j) => j?.state === 'succeeded')) {
        throw new RuleError('already-fulfilled', `The ${kind} job has already succeeded.`, undefined, { job: kind });
      }
      if (kind === 'package' && deliveredJob(dsar)) throw new RuleError('already-delivered', 'The package was already delivered.');
      if (ctx.find('job', action.jobId))
        throw new RuleError('job-exists', `Job ${action.jobId} exists already.`, 'jobId', { id: action.jobId });
      events.push({ ...base(), kind: 'job_started', jobId: action.jobId, job: kind });
      job = { id: action.jobId, dsarId: dsar.id, kind, changes: action.changes, objections: action.objections };
      break;
    }
    case 'exclude_item':
    case 'include_item':
    case 'deliver': {
      const found = packageJob(dsar, action.jobId, ctx);
      if (deliveredJob(dsar)) throw new RuleError('already-delivered', 'The package was already delivered.');
      const excluded = excludedItems(dsar, action.jobId);
      if (action.type === 'deliver') {
        const built = ctx.platform?.deliver(found, new Set(excluded.keys()), action.information) ?? { sha256: '', bytes: 0, files: [] };
        events.push({ ...base(), kind: 'delivered', jobId: action.jobId, ...built, excluded: excluded.size });
        break;
      }
      const category = found.result?.kind === 'package' ? found.result.categories.find((c) => c.category === action.category) : undefined;
      if (!category?.items.some((item) => item.id === action.itemId)) {
        throw new RuleError('unknown-item', `The package has no item ${action.itemId} in ${action.category}.`, 'itemId', {
          item: action.itemId,
          category: action.category,
        });
      }
      if (action.type === 'exclude_item') {
        if (excluded.has(action.itemId)) {
          throw new RuleError('already-excluded', `${action.itemId} is already excluded.`, 'itemId', { item: action.itemId });
        }
        events.push({
          ...base(),
          kind: 'item_excluded',
          jobId: action.jobId,
          category: action.category,
          itemId: action.itemId,
          reason: action.reason,
        });
      } else {
        if (!excluded.has(action.itemId))
          throw new RuleError('not-excluded', `${action.itemId} is not excluded.`, 'itemId', { item: action.itemId });
        events.push({ ...base(), kind: 'item_included', jobId: action.jobId, category: action.category, itemId: action.itemId });
      }
      break;
    }
    case 'inform_recipient': {
      if (!needsRecipientNotice(dsar.type)) {
        throw new RuleError('no-recipient-duty', 'Art. 19 applies to rectification, erasure and restriction only.');
      }
      if (!carriedOut(dsar, (id) => ctx.find('job', id))) {
        throw new RuleError('not-carried-out', 'Recipients are told what the platform has carried out: run the fulfilment job first.');
      }
      // Calendar days as the controller counts them (Berlin): just after midnight there it is already tomorrow in
      // the officer's date field, while UTC still says today.
      const received = localDate(dsar.receivedAt, 'Europe/Berlin');
      if (action.informedOn < received || action.informedOn > localDate(ctx.at, 'Europe/Berlin')) {
        throw new RuleError('informed-date-out-of-range', `The date must lie between the receipt (${received}) and today.`, 'informedOn', {
          received,
        });
      }
      const already = dsar.events.some((e) => e.kind === 'recipient_informed' && e.processorId === action.processorId);
      if (already) {
        throw new RuleError('already-informed', `${action.processorId} was already informed.`, 'processorId', {
          processor: action.processorId,
        });
      }
      events.push({ ...base(), kind: 'recipient_informed', processorId: action.processorId, informedOn: action.informedOn });
      break;
    }
  }

  return { dsar: { ...dsar, status, duplicateOf, events: [...dsar.events, ...events], updatedAt: ctx.at }, job };
}

function packageJob(dsar: Dsar, jobId: string, ctx: WorkflowContext): Job {
  const found = ctx.find('job', jobId);
  if (!found || found.dsarId !== dsar.id || found.kind !== 'package') {
    throw new RuleError('unknown-job', `No package job ${jobId} for this request.`, 'jobId', { id: jobId });
  }
  if (found.state !== 'succeeded') throw new RuleError('job-not-ready', 'The package is not ready yet.', 'jobId');
  return found;
}
