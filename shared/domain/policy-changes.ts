import type {
  PolicyClassify,
  PolicyComment,
  PolicyDismissHint,
  PolicyDraft,
  PolicyEdit,
  PolicySection,
  PolicyVersion,
} from '../api/policies';
import { policyVersionId } from '../api/policies';
import type { MutationContext } from '../entities/descriptor';
import { canonicalJson } from './canonical-json';
import { RuleError } from './rules';

type Kind = PolicyVersion['timeline'][number]['kind'];
const event = (ctx: MutationContext, kind: Kind, text = '') => ({ id: ctx.newId(), at: ctx.at, actor: ctx.actor, kind, text });

/** Every section's id once: a diff and a review comment name a section by it. */
function checkSections(sections: readonly PolicySection[]): void {
  const seen = new Set<string>();
  for (const section of sections) {
    if (seen.has(section.id))
      throw new RuleError('duplicate-section', `The section ${section.id} is there twice.`, 'sections', { id: section.id });
    seen.add(section.id);
  }
}

/**
 * A new draft of a document in a language: the next number after the last version (the id says which), drafted
 * from an earlier version or from nothing. Whoever drafts it is its author, who may not approve it.
 */
export function draftPolicy(input: PolicyDraft, ctx: MutationContext): PolicyVersion {
  const number = Number(/^pol_[a-z]+_[a-z]{2}_(\d+)$/.exec(input.id)?.[1] ?? Number.NaN);
  if (!Number.isInteger(number) || input.id !== policyVersionId(input.document, input.language, number)) {
    throw new RuleError(
      'invalid-policy-id',
      `A version of ${input.document} (${input.language}) is named pol_${input.document}_${input.language}_<number>.`,
      'id',
    );
  }
  if (number > 1 && !ctx.find('policyVersion', policyVersionId(input.document, input.language, number - 1))) {
    throw new RuleError(
      'policy-number-gap',
      `Version ${number - 1} does not exist: the next version is numbered after the last one.`,
      'id',
    );
  }
  if (input.basedOn !== null && !ctx.find('policyVersion', policyVersionId(input.document, input.language, input.basedOn))) {
    throw new RuleError('unknown-policy-version', `There is no version ${input.basedOn} to draft from.`, 'basedOn', {
      number: input.basedOn,
    });
  }
  checkSections(input.sections);
  return {
    id: input.id,
    version: 0,
    updatedAt: ctx.at,
    document: input.document,
    language: input.language,
    number,
    basedOn: input.basedOn,
    title: input.title,
    sections: input.sections,
    changeSummary: input.changeSummary,
    classification: null,
    dismissedHints: [],
    comments: [],
    status: 'draft',
    authorId: ctx.actor,
    approvedBy: null,
    approvedAt: null,
    effectiveAt: null,
    publishedAt: null,
    sha256: null,
    timeline: [event(ctx, 'drafted')],
  };
}

const editable: readonly PolicyVersion['status'][] = ['draft', 'in_review', 'approved'];

/** The text as it shall read. Published and scheduled text is never changed; an edit after approval voids it. */
export function editPolicy(current: PolicyVersion, patch: PolicyEdit, ctx: MutationContext): PolicyVersion {
  if (!editable.includes(current.status)) {
    throw new RuleError('policy-not-editable', `A ${current.status} version is not changed: draft a new one.`, 'status', {
      status: current.status,
    });
  }
  const changed = (Object.keys(patch) as (keyof PolicyEdit)[]).filter((key) => JSON.stringify(patch[key]) !== JSON.stringify(current[key]));
  if (!changed.length) return current;
  if (patch.sections) checkSections(patch.sections);
  // Four eyes saw another text: an approval does not carry over, and a review starts again on the new text.
  const voided = current.status === 'approved';
  const returned = current.status === 'in_review';
  const textChanged = changed.includes('sections');
  return {
    ...current,
    ...patch,
    updatedAt: ctx.at,
    status: voided || returned ? 'draft' : current.status,
    approvedBy: voided ? null : current.approvedBy,
    approvedAt: voided ? null : current.approvedAt,
    // What the change does may have changed with its text: it is classified again.
    classification: textChanged ? null : current.classification,
    timeline: [
      ...current.timeline,
      event(ctx, 'edited', changed.join(',')),
      ...(voided ? [event(ctx, 'approval_void')] : []),
      ...(returned ? [event(ctx, 'returned')] : []),
    ],
  };
}

function move(current: PolicyVersion, from: PolicyVersion['status'], to: PolicyVersion['status']): void {
  if (current.status !== from) {
    throw new RuleError('invalid-policy-transition', `A ${current.status} version cannot become ${to}.`, 'status', {
      status: current.status,
      to,
    });
  }
}

/**
 * What the change does, answered by the author: any yes proposes "material" (told to users actively, well in
 * advance); the author confirms the classification with a reason, and may depart from the proposal only so.
 * A new processing on consent is flagged: it needs the users' consent, not a notice.
 */
export function classifyPolicy(current: PolicyVersion, args: PolicyClassify, ctx: MutationContext): PolicyVersion {
  if (!editable.includes(current.status)) {
    throw new RuleError('policy-not-editable', `A ${current.status} version is not changed: draft a new one.`, 'status', {
      status: current.status,
    });
  }
  const answers = [...new Set(args.answers)];
  const proposed = answers.length ? 'material' : 'minor';
  const voided = current.status === 'approved';
  return {
    ...current,
    updatedAt: ctx.at,
    classification: {
      answers,
      proposed,
      kind: args.kind,
      reason: args.reason,
      needsConsent: answers.includes('new_consent'),
      by: ctx.actor,
      at: ctx.at,
    },
    // What the approver saw was classified otherwise: approval does not carry over.
    status: voided ? 'draft' : current.status,
    approvedBy: voided ? null : current.approvedBy,
    approvedAt: voided ? null : current.approvedAt,
    timeline: [...current.timeline, event(ctx, 'classified', args.kind), ...(voided ? [event(ctx, 'approval_void')] : [])],
  };
}

/** A review comment on a section, or one marked resolved; anyone who may write comments, while the text may change. */
export function commentPolicy(current: PolicyVersion, args: PolicyComment, ctx: MutationContext): PolicyVersion {
  if (!editable.includes(current.status)) {
    throw new RuleError('policy-not-editable', `A ${current.status} version is not changed: draft a new one.`, 'status', {
      status: current.status,
    });
  }
  if ('resolve' in args) {
    const found = current.comments.find((comment) => comment.id === args.resolve);
    if (!found) throw new RuleError('unknown-comment', `No comment ${args.resolve}.`, 'resolve');
    if (found.resolvedBy) return current;
    return {
      ...current,
      updatedAt: ctx.at,
      comments: current.comments.map((comment) => (comment.id === args.resolve ? { ...comment, resolvedBy: ctx.actor } : comment)),
    };
  }
  if (!current.sections.some((section) => section.id === args.sectionId)) {
    throw new RuleError('unknown-section', `No section ${args.sectionId}.`, 'sectionId', { id: args.sectionId });
  }
  if (current.comments.some((comment) => comment.id === args.commentId)) return current;
  return {
    ...current,
    updatedAt: ctx.at,
    comments: [
      ...current.comments,
      { id: args.commentId, sectionId: args.sectionId, text: args.text, by: ctx.actor, at: ctx.at, resolvedBy: null },
    ],
  };
}

/** A suggestion from the registry set aside, with the reason on record (again: the newer reason counts). */
export function dismissHint(current: PolicyVersion, args: PolicyDismissHint, ctx: MutationContext): PolicyVersion {
  if (!editable.includes(current.status)) {
    throw new RuleError('policy-not-editable', `A ${current.status} version is not changed: draft a new one.`, 'status', {
      status: current.status,
    });
  }
  return {
    ...current,
    updatedAt: ctx.at,
    dismissedHints: [...current.dismissedHints.filter((hint) => hint.key !== args.key), { ...args, by: ctx.actor, at: ctx.at }],
  };
}

export function submitPolicy(current: PolicyVersion, args: { note: string }, ctx: MutationContext): PolicyVersion {
  move(current, 'draft', 'in_review');
  // A change is reviewed knowing whether users must be told of it; a first version has nothing to compare.
  if (current.basedOn !== null && !current.classification) {
    throw new RuleError('policy-unclassified', 'Say whether the change is material or minor before it goes to review.', 'classification');
  }
  return { ...current, updatedAt: ctx.at, status: 'in_review', timeline: [...current.timeline, event(ctx, 'submitted', args.note)] };
}

/** Four eyes: approved by someone other than its author (and only with the approver scope, which the platform checks). */
export function approvePolicy(current: PolicyVersion, args: { note: string }, ctx: MutationContext): PolicyVersion {
  move(current, 'in_review', 'approved');
  // Four eyes: nobody who wrote, changed or classified the text approves it.
  const writers = new Set([
    current.authorId,
    ...current.timeline.filter((e) => ['drafted', 'edited', 'classified'].includes(e.kind)).map((e) => e.actor),
  ]);
  if (writers.has(ctx.actor)) {
    throw new RuleError('four-eyes', 'Someone who wrote or changed this version cannot approve it: someone else must.', 'status');
  }
  return {
    ...current,
    updatedAt: ctx.at,
    status: 'approved',
    approvedBy: ctx.actor,
    approvedAt: ctx.at,
    timeline: [...current.timeline, event(ctx, 'approved', args.note)],
  };
}

/** The instant it takes effect, in the future: the platform publishes it then, with or without a console running. */
export function schedulePolicy(current: PolicyVersion, args: { effectiveAt: string }, ctx: MutationContext): PolicyVersion {
  move(current, 'approved', 'scheduled');
  if (Date.parse(args.effectiveAt) <= Date.parse(ctx.at)) {
    throw new RuleError('effective-in-past', 'A version takes effect in the future.', 'effectiveAt');
  }
  // Built on what readers have now, or it would silently drop what was published since.
  if (current.basedOn !== null) {
    const base = ctx.find('policyVersion', policyVersionId(current.document, current.language, current.basedOn));
    if (base?.status !== 'published') {
      throw new RuleError(
        'stale-base',
        `Version ${current.basedOn} is no longer the one in force: draft anew from the current one.`,
        'basedOn',
        {
          number: current.basedOn,
        },
      );
    }
  }
  return {
    ...current,
    updatedAt: ctx.at,
    status: 'scheduled',
    effectiveAt: new Date(args.effectiveAt).toISOString(),
    timeline: [...current.timeline, event(ctx, 'scheduled', new Date(args.effectiveAt).toISOString())],
  };
}

/** A scheduled version stopped before it takes effect: back to draft, the approval void, the reason on record. */
export function unschedulePolicy(current: PolicyVersion, args: { reason: string }, ctx: MutationContext): PolicyVersion {
  move(current, 'scheduled', 'draft');
  return {
    ...current,
    updatedAt: ctx.at,
    status: 'draft',
    effectiveAt: null,
    approvedBy: null,
    approvedAt: null,
    timeline: [...current.timeline, event(ctx, 'unscheduled', args.reason), event(ctx, 'approval_void')],
  };
}

/** The text a published version is fingerprinted by: title and sections, canonical JSON. */
export const publishedText = (version: Pick<PolicyVersion, 'title' | 'sections'>) =>
  canonicalJson({ title: version.title, sections: version.sections });

/**
 * What the platform does at the effective instant: the scheduled version is published (fingerprinted, never
 * changed again) and the one it replaces is superseded.
 */
export function publishPolicy(
  scheduled: PolicyVersion,
  previous: PolicyVersion | null,
  at: string,
  digest: (text: string) => string,
  newId: () => string,
): { published: PolicyVersion; superseded: PolicyVersion | null } {
  const stamp = (kind: Kind) => ({ id: newId(), at, actor: 'platform', kind, text: '' });
  return {
    published: {
      ...scheduled,
      updatedAt: at,
      status: 'published',
      publishedAt: at,
      // The "Stand" is when it took effect; publishedAt when it was actually served (later after downtime).
      sha256: digest(publishedText(scheduled)),
      timeline: [...scheduled.timeline, stamp('published')],
    },
    superseded: previous && {
      ...previous,
      updatedAt: at,
      status: 'superseded',
      timeline: [...previous.timeline, stamp('superseded')],
    },
  };
}
