import type { z } from 'zod';
import { type ActivityCreate, type ActivityPatch, ProcessingActivity } from '../api/activities';
import { noticeSafeguardIssues, Processor, type ProcessorCreate, type ProcessorPatch } from '../api/processors';
import type { MutationContext } from '../entities/descriptor';
import { RuleError } from './rules';

/** The whole-record rules (DPA dates, Chapter V, Art. 6(1)(f), Art. 9(2)) hold for the merged record. */
function checked<T>(schema: z.ZodType<T>, candidate: unknown, label: string): T {
  const result = schema.safeParse(candidate);
  if (!result.success) throw RuleError.fromZod(`The changed ${label} breaks a rule.`, result.error);
  return result.data;
}

/** The arguments passed the same rules (`ProcessorCreate`): the new processor is them, at version 0 until stored. */
export function createProcessor(input: ProcessorCreate, ctx: MutationContext): Processor {
  return { ...input, version: 0, updatedAt: ctx.at };
}

export function updateProcessor(current: Processor, patch: ProcessorPatch, ctx: MutationContext): Processor {
  const next = checked(Processor, { ...current, ...patch, updatedAt: ctx.at }, 'processor');
  // Changed notices are checked as entered ones: an accepted one abroad needs its safeguard.
  if (patch.changeNotices) {
    const issues = noticeSafeguardIssues(next.changeNotices);
    if (issues.length) {
      throw new RuleError(
        'invalid-input',
        'The changed processor breaks a rule.',
        issues.map((issue) => ({
          path: issue.path.join('.'),
          code: issue.params.problem,
          params: Object.fromEntries(Object.entries(issue.params).filter(([key]) => key !== 'problem')),
          message: issue.message,
        })),
      );
    }
  }
  return next;
}

/** Art. 30(1)(d): the recipients an activity names must be in the registry. */
function checkRecipients(activity: ProcessingActivity, ctx: MutationContext): ProcessingActivity {
  const unknown = activity.recipientIds.filter((id) => !ctx.find('processor', id));
  if (unknown.length) {
    throw new RuleError(
      'unknown-recipient',
      `Recipients not in the registry: ${unknown.join(', ')}.`,
      unknown.map((id) => ({ path: 'recipientIds', code: 'unknown-recipient', params: { id }, message: `unknown processor ${id}` })),
    );
  }
  return activity;
}

/** The history keeps the last changes; older ones are in the platform's audit log. */
const HISTORY_KEPT = 200;

export function createActivity(input: ActivityCreate, ctx: MutationContext): ProcessingActivity {
  return checkRecipients(
    {
      ...input,
      reviewedAt: input.reviewedAt ?? null,
      version: 0,
      updatedAt: ctx.at,
      history: [{ at: ctx.at, actor: ctx.actor, fields: [] }],
    },
    ctx,
  );
}

export function updateActivity(current: ProcessingActivity, patch: ActivityPatch, ctx: MutationContext): ProcessingActivity {
  const fields = (Object.keys(patch) as (keyof ActivityPatch)[]).filter(
    (field) => JSON.stringify(patch[field]) !== JSON.stringify(current[field]),
  );
  // Nothing differs: nothing to record, nothing to send.
  if (!fields.length) return current;
  // A document stored before histories existed has none yet.
  const history = [...(current.history ?? []), { at: ctx.at, actor: ctx.actor, fields }].slice(-HISTORY_KEPT);
  const activity = checked(ProcessingActivity, { ...current, ...patch, updatedAt: ctx.at, history }, 'processing activity');
  return checkRecipients(activity, ctx);
}
