import type { Dsar, DsarAssign, DsarCreate, DsarSetPriority, DsarSetTags } from '../api/dsar';
import type { DsarEvent, DsarEventBody } from '../api/dsar-workflow';
import type { MutationContext } from '../entities/descriptor';
import { mayBeAssigned } from './dsar';
import type { DsarPlatform } from './dsar-workflow';
import { RuleError } from './rules';

type Context = MutationContext<DsarPlatform>;

const entry = (ctx: Context, body: DsarEventBody) => ({ id: ctx.newId(), at: ctx.at, actor: ctx.actor, ...body }) as DsarEvent;

/** A request that reached the controller outside the platform (e-mail, letter), as recorded at intake. */
export function createDsar(input: DsarCreate, ctx: Context): Dsar {
  // A minute of grace for clocks that differ between console and platform.
  if (Date.parse(input.receivedAt) > Date.parse(ctx.at) + 60_000) {
    throw new RuleError('receipt-in-future', 'The receipt cannot lie in the future.', 'receivedAt');
  }
  if (input.subject.userId && ctx.platform && !ctx.platform.accountExists(input.subject.userId)) {
    throw new RuleError('unknown-account', `No platform account ${input.subject.userId}.`, 'subject.userId', { id: input.subject.userId });
  }
  if (input.duplicateOf) {
    const original = ctx.find('dsar', input.duplicateOf);
    if (!original || original.status === 'duplicate') {
      throw new RuleError('invalid-duplicate-target', `${input.duplicateOf} is not a request this one can repeat.`, 'duplicateOf', {
        id: input.duplicateOf,
      });
    }
  }
  const events: DsarEvent[] = [entry(ctx, { kind: 'received', channel: input.channel })];
  if (input.duplicateOf) {
    events.push(entry(ctx, { kind: 'duplicate', of: input.duplicateOf }));
    events.push(entry(ctx, { kind: 'status', from: 'new', to: 'duplicate' }));
  }
  return {
    id: input.id,
    version: 0,
    updatedAt: ctx.at,
    type: input.type,
    status: input.duplicateOf ? 'duplicate' : 'new',
    subject: input.subject,
    channel: input.channel,
    // Instants are compared as text: kept normalised to UTC.
    receivedAt: new Date(input.receivedAt).toISOString(),
    assigneeId: null,
    priority: input.priority,
    notes: input.notes,
    tags: [],
    duplicateOf: input.duplicateOf,
    events,
  };
}

export function assign(current: Dsar, { assigneeId }: DsarAssign, ctx: Context): Dsar {
  if (assigneeId === current.assigneeId) return current;
  if (assigneeId !== null && !mayBeAssigned(ctx.find('staff', assigneeId))) {
    throw new RuleError('invalid-assignee', `${assigneeId} is not an active staff member who may work on requests.`, 'assigneeId', {
      id: assigneeId,
    });
  }
  return {
    ...current,
    assigneeId,
    updatedAt: ctx.at,
    events: [...current.events, entry(ctx, { kind: 'assigned', assigneeId })],
  };
}

export function setPriority(current: Dsar, { priority }: DsarSetPriority, ctx: Context): Dsar {
  if (priority === current.priority) return current;
  return {
    ...current,
    priority,
    updatedAt: ctx.at,
    events: [
      ...current.events,
      entry(ctx, { kind: 'fields', changes: [{ field: 'priority', before: current.priority, after: priority }] }),
    ],
  };
}

export function setTags(current: Dsar, { tags }: DsarSetTags, ctx: Context): Dsar {
  const unique = [...new Set(tags)];
  if (unique.join('\n') === current.tags.join('\n')) return current;
  return {
    ...current,
    tags: unique,
    updatedAt: ctx.at,
    events: [
      ...current.events,
      entry(ctx, { kind: 'fields', changes: [{ field: 'tags', before: current.tags.join(', '), after: unique.join(', ') }] }),
    ],
  };
}
