import { playbookIdOf } from '../api/breach-playbooks';
import type { IncidentRecordExemption, IncidentSetReference } from '../api/breach-reports';
import type {
  Assessment,
  Incident,
  IncidentAssess,
  IncidentCreate,
  IncidentDecide,
  IncidentEvent,
  IncidentEventKind,
  IncidentPatch,
  IncidentSetStatus,
  IncidentTickTask,
  NotificationPolicy,
} from '../api/breaches';
import { BREACH_POLICY_ID, type BreachPolicy } from '../api/breaches';
import type { MutationContext } from '../entities/descriptor';
import { breachAuthorityDeadline } from './breach-clock';
import {
  assessmentChanges,
  assessSeverity,
  defaultNotificationPolicy,
  MIN_REASON_LENGTH,
  type SeverityAssessment,
} from './breach-severity';
import { RuleError } from './rules';

type Facts = Omit<IncidentCreate, 'id'>;

/** The register's rules on the facts: the order of the instants, and links that exist. */
function checkFacts(facts: Facts, ctx: MutationContext): void {
  if (Date.parse(facts.awareAt) < Date.parse(facts.discoveredAt)) {
    throw new RuleError('aware-before-discovery', 'The controller cannot be aware before the breach was discovered.', 'awareAt');
  }
  if (Date.parse(facts.awareAt) > Date.parse(ctx.at) + 60_000) {
    throw new RuleError('aware-in-future', 'The instant of awareness cannot lie in the future.', 'awareAt');
  }
  if (facts.reportedBy.kind === 'processor') {
    if (!ctx.find('processor', facts.reportedBy.processorId)) {
      throw new RuleError('unknown-processor', 'The reporting processor is not in the registry.', 'reportedBy', {
        id: facts.reportedBy.processorId,
      });
    }
    if (Date.parse(facts.reportedBy.processorAwareAt) > Date.parse(facts.awareAt)) {
      throw new RuleError('processor-aware-after-us', 'The processor told us, so it was aware before we were (Art. 33(2)).', 'reportedBy');
    }
  } else if (!ctx.find('staff', facts.reportedBy.staffId)) {
    throw new RuleError('unknown-staff', 'The reporting member of staff is not known.', 'reportedBy', { id: facts.reportedBy.staffId });
  }
  for (const [field, id] of [
    ['ownerId', facts.ownerId],
    ['awareDecidedBy', facts.awareDecidedBy],
  ] as const) {
    if (!ctx.find('staff', id)) throw new RuleError('unknown-staff', `No member of staff ${id}.`, field, { id });
  }
  const activity = facts.activityIds.find((id) => !ctx.find('activity', id));
  if (activity) throw new RuleError('unknown-activity', `No processing activity ${activity}.`, 'activityIds', { id: activity });
  const processor = facts.processorIds.find((id) => !ctx.find('processor', id));
  if (processor) throw new RuleError('unknown-processor', `No processor ${processor}.`, 'processorIds', { id: processor });
}

/** A timeline entry: what happened by kind and values (the screen words it), and a note where a person wrote one. */
export const event = (ctx: MutationContext, kind: IncidentEventKind, params: IncidentEvent['params'] = {}, text = ''): IncidentEvent => ({
  id: ctx.newId(),
  at: ctx.at,
  actor: ctx.actor,
  kind,
  params,
  text,
});

export function createIncident(input: IncidentCreate, ctx: MutationContext): Incident {
  const { id, ...facts } = input;
  checkFacts(facts, ctx);
  // The incident starts on its family's playbook as it reads now, and keeps that revision.
  const playbook = ctx.find('playbook', playbookIdOf(facts.family));
  return {
    id,
    version: 0,
    updatedAt: ctx.at,
    ...facts,
    status: 'open',
    assessments: [],
    decision: null,
    playbook: {
      family: facts.family,
      revision: playbook?.revision ?? 0,
      tasks: (playbook?.tasks ?? []).map((task) => ({ ...task, done: null })),
    },
    authorityReference: null,
    reports: [],
    exemption: null,
    timeline: [event(ctx, 'logged', playbook ? { playbook: playbook.revision } : {})],
  };
}

/** An assessment's inputs run again over the incident's facts as they are now. */
function rerun(
  incident: Incident,
  inputs: Pick<Assessment, 'identifiers' | 'circumstances' | 'adjustments' | 'policy'>,
  ctx: MutationContext,
): Assessment {
  const result: SeverityAssessment = assessSeverity(
    {
      categories: incident.categories,
      adjustments: inputs.adjustments.map((a) => ({ ...a, score: a.score as 1 | 2 | 3 | 4 })),
      identifiers: inputs.identifiers,
      circumstances: inputs.circumstances,
      peopleAffected: incident.people.max,
      unintelligible: incident.encryption === 'encrypted_key_safe',
    },
    inputs.policy,
  );
  return {
    at: ctx.at,
    by: ctx.actor,
    identifiers: inputs.identifiers,
    circumstances: inputs.circumstances,
    adjustments: inputs.adjustments.filter((a) => incident.categories.includes(a.category)),
    categories: incident.categories,
    peopleMax: incident.people.max,
    unintelligible: incident.encryption === 'encrypted_key_safe',
    dpc: result.dpc,
    ei: result.ei,
    cb: result.cb,
    score: result.score,
    band: result.band,
    recommendation: { authority: result.recommendation.authority, subjects: result.recommendation.subjects },
    policy: inputs.policy,
  };
}

export function updateIncident(current: Incident, patch: IncidentPatch, ctx: MutationContext): Incident {
  const fields = (Object.keys(patch) as (keyof IncidentPatch)[]).filter(
    (field) => JSON.stringify(patch[field]) !== JSON.stringify(current[field]),
  );
  if (!fields.length) return current;
  const next: Incident = { ...current, ...patch, updatedAt: ctx.at };
  checkFacts(next, ctx);
  const timeline = [...current.timeline, event(ctx, 'facts', { fields: fields.join(',') })];
  // A changed fact the assessment rests on re-runs the last assessment and says what moved.
  const last = current.assessments.at(-1);
  const assessed: (keyof IncidentPatch)[] = ['categories', 'people', 'encryption'];
  if (last && fields.some((field) => assessed.includes(field))) {
    const again = rerun(next, last, ctx);
    const changes = assessmentChanges(last, again);
    timeline.push(event(ctx, 'reassessed', { moved: changes.join(','), band: again.band, score: again.score }));
    // A decision taken on a recommendation that has moved must be taken again (it stays in the timeline) — unless
    // the authority has been notified already: that stands, and the officer is asked to review the rest.
    const moved = next.decision && changes.some((change) => change.startsWith('recommendation.'));
    const voided = moved && !current.reports.length;
    if (voided) timeline.push(event(ctx, 'decision_void'));
    else if (moved) timeline.push(event(ctx, 'decision_review'));
    return { ...next, assessments: [...current.assessments, again], decision: voided ? null : next.decision, timeline };
  }
  return { ...next, timeline };
}

/** The platform's notification policy (the default where it holds none). */
export function policyOf(ctx: MutationContext): NotificationPolicy {
  const held = ctx.find('breachPolicy', BREACH_POLICY_ID);
  return held ? { authorityFrom: held.authorityFrom, subjectsFrom: held.subjectsFrom } : defaultNotificationPolicy;
}

/** An assessment under the notification policy the platform holds now (never one a client brings along). */
export function assessIncident(current: Incident, args: IncidentAssess, ctx: MutationContext): Incident {
  const assessment = rerun(current, { ...args, policy: policyOf(ctx) }, ctx);
  return {
    ...current,
    updatedAt: ctx.at,
    assessments: [...current.assessments, assessment],
    timeline: [...current.timeline, event(ctx, 'assessed', { band: assessment.band, score: assessment.score })],
  };
}

/**
 * The officer's decision on notification (Art. 33, 34): taken on the latest assessment; where it departs from
 * the recommendation, only with the reason written down.
 */
export function decideNotification(current: Incident, args: IncidentDecide, ctx: MutationContext): Incident {
  const last = current.assessments.at(-1);
  if (!last) throw new RuleError('not-assessed', 'Assess the severity before deciding on notification.');
  const departs = args.authority !== last.recommendation.authority || args.subjects !== last.recommendation.subjects;
  if (departs && args.justification.trim().length < MIN_REASON_LENGTH) {
    throw new RuleError(
      'decision-needs-justification',
      'A decision that departs from the recommendation needs its justification.',
      'justification',
    );
  }
  // Art. 33(1): a notification later than 72 hours after awareness carries the reasons for the delay.
  const late = Date.parse(ctx.at) > Date.parse(breachAuthorityDeadline(current.awareAt));
  // Once the authority has a report, its lateness was answered there; a later decision (on the people) is not late.
  if (args.authority && late && !current.reports.length && args.delayReasons.trim().length < MIN_REASON_LENGTH) {
    throw new RuleError('late-without-reasons', 'The 72 hours have passed: give the reasons for the delay (Art. 33(1)).', 'delayReasons');
  }
  return {
    ...current,
    updatedAt: ctx.at,
    decision: {
      at: ctx.at,
      by: ctx.actor,
      authority: args.authority,
      subjects: args.subjects,
      justification: args.justification.trim(),
      delayReasons: args.authority && late && !current.reports.length ? args.delayReasons.trim() : '',
      recommended: last.recommendation,
    },
    timeline: [...current.timeline, event(ctx, 'decided', { authority: args.authority, subjects: args.subjects })],
  };
}

export function setIncidentStatus(current: Incident, args: IncidentSetStatus, ctx: MutationContext): Incident {
  if (args.status === current.status) return current;
  // Every breach is documented with the decision taken on it before it is closed (Art. 33(5)).
  if (args.status === 'closed' && !current.decision) {
    throw new RuleError('incident-undecided', 'Record the decision on notification before closing the incident.', 'status');
  }
  // A decision to notify the authority is carried out before the incident closes (Art. 33(1)).
  if (args.status === 'closed' && current.decision?.authority && !current.reports.length) {
    throw new RuleError('incident-unreported', 'Report to the authority, as decided, before closing the incident.', 'status');
  }
  return {
    ...current,
    updatedAt: ctx.at,
    status: args.status,
    timeline: [...current.timeline, event(ctx, 'status', { from: current.status, to: args.status }, args.note)],
  };
}

/** A playbook task ticked off (naming where its evidence is, when the task asks for evidence) or opened again. */
export function tickTask(current: Incident, args: IncidentTickTask, ctx: MutationContext): Incident {
  const task = current.playbook.tasks.find((t) => t.key === args.key);
  if (!task) throw new RuleError('unknown-task', `The incident's playbook has no task ${args.key}.`, 'key', { key: args.key });
  const roles = ctx.find('staff', ctx.actor)?.roles ?? [];
  if (!roles.some((role) => role === task.role || role === 'security_lead' || role === 'admin')) {
    throw new RuleError('task-not-your-role', `The task ${args.key} is for another role.`, 'key', { role: task.role });
  }
  if ((task.done !== null) === args.done) return current;
  const needsEvidence = args.done && (task.evidence.de || task.evidence.en) && args.evidence.trim().length < 3;
  if (needsEvidence) throw new RuleError('task-needs-evidence', 'Say where the evidence of this task is.', 'evidence', { key: args.key });
  const done = args.done ? { at: ctx.at, by: ctx.actor, evidence: args.evidence.trim() } : null;
  return {
    ...current,
    updatedAt: ctx.at,
    playbook: { ...current.playbook, tasks: current.playbook.tasks.map((t) => (t.key === args.key ? { ...t, done } : t)) },
    timeline: [...current.timeline, event(ctx, 'task', { key: args.key, done: args.done }, args.evidence.trim())],
  };
}

/** The reference number the authority gave the notification; follow-ups go under it (Art. 33(4)). */
export function setReference(current: Incident, args: IncidentSetReference, ctx: MutationContext): Incident {
  if (!current.reports.length) {
    throw new RuleError('no-report-yet', 'The authority gives its reference once it has the initial report.', 'reference');
  }
  if (args.reference === current.authorityReference) return current;
  return {
    ...current,
    updatedAt: ctx.at,
    authorityReference: args.reference,
    timeline: [...current.timeline, event(ctx, 'reference', { reference: args.reference })],
  };
}

/**
 * Art. 34(3): the people need not be told individually when (a) the data are unintelligible to anyone who
 * gets them, (b) later measures remove the high risk, or (c) it would take disproportionate effort — then a
 * public communication instead, recorded with where and when.
 */
export function recordExemption(current: Incident, args: IncidentRecordExemption, ctx: MutationContext): Incident {
  if (args.ground === 'unintelligible' && current.encryption !== 'encrypted_key_safe') {
    throw new RuleError('exemption-not-encrypted', 'The data are unintelligible only when encrypted with the key safe.', 'ground');
  }
  if (args.ground === 'disproportionate' && !args.publicCommunication) {
    throw new RuleError(
      'public-communication-missing',
      'Say where and when the public communication was made instead.',
      'publicCommunication',
    );
  }
  return {
    ...current,
    updatedAt: ctx.at,
    exemption: {
      ground: args.ground,
      reason: args.reason,
      publicCommunication: args.ground === 'disproportionate' ? args.publicCommunication : null,
      at: ctx.at,
      by: ctx.actor,
    },
    timeline: [...current.timeline, event(ctx, 'exemption', { ground: args.ground }, args.reason)],
  };
}

/** The notification policy, saved anew by a privacy officer; assessments from now on follow it. */
export function saveBreachPolicy(current: BreachPolicy, args: NotificationPolicy, ctx: MutationContext): BreachPolicy {
  if (current.authorityFrom === args.authorityFrom && current.subjectsFrom === args.subjectsFrom) return current;
  return { ...current, updatedAt: ctx.at, authorityFrom: args.authorityFrom, subjectsFrom: args.subjectsFrom, savedBy: ctx.actor };
}
