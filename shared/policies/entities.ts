import {
  PolicyApprove,
  PolicyClassify,
  PolicyComment,
  PolicyDismissHint,
  PolicyDraft,
  PolicyEdit,
  PolicySchedule,
  PolicySubmit,
  PolicyUnschedule,
  PolicyVersion,
} from '../api/policies';
import { CampaignCancel, CampaignPlan, CampaignRemind, PolicyCampaign } from '../api/policy-campaigns';
import { type CampaignPlatform, cancelCampaign, planCampaign, remindCampaign } from '../domain/policy-campaigns';
import {
  approvePolicy,
  classifyPolicy,
  commentPolicy,
  dismissHint,
  draftPolicy,
  editPolicy,
  schedulePolicy,
  submitPolicy,
  unschedulePolicy,
} from '../domain/policy-changes';
import { createMutator, defineEntity, updateMutator } from '../entities/descriptor';

const update = updateMutator<PolicyVersion>();

/**
 * A version of a policy document (privacy policy, cookie notice) in one language: drafted, reviewed, approved by
 * a second person, scheduled, published by the platform at its instant, superseded by the next.
 */
export const policyVersionEntity = defineEntity<PolicyVersion>()({
  name: 'policyVersion',
  label: 'policy version',
  schema: PolicyVersion,
  path: '/v1/policy-versions',
  list: { key: 'policyVersions', summary: 'Every version of every policy document, in every language' },
  scopes: { read: 'policy:read', write: 'policy:write' },
  mutators: {
    draft: createMutator<PolicyVersion>()({
      summary: 'Draft a new version (the client chooses the id: pol_<document>_<language>_<number>)',
      args: PolicyDraft,
      http: { method: 'post', path: '' },
      apply: (_, input, ctx) => draftPolicy(input, ctx),
    }),
    edit: update({
      summary: 'Change the text; an edit after approval voids the approval',
      args: PolicyEdit,
      http: { method: 'patch', path: '/{id}' },
      apply: editPolicy,
    }),
    classify: update({
      summary: 'Answer what the change does and confirm it as material or minor, with a reason',
      args: PolicyClassify,
      http: { method: 'post', path: '/{id}/classify' },
      apply: classifyPolicy,
    }),
    comment: update({
      summary: 'Comment on a section in review, or mark a comment resolved',
      args: PolicyComment,
      http: { method: 'post', path: '/{id}/comment' },
      apply: commentPolicy,
    }),
    dismissHint: update({
      summary: 'Set a suggestion from the registry aside, with the reason',
      args: PolicyDismissHint,
      http: { method: 'post', path: '/{id}/dismiss-hint' },
      apply: dismissHint,
    }),
    submit: update({
      summary: 'Submit the draft for review',
      args: PolicySubmit,
      http: { method: 'post', path: '/{id}/submit' },
      apply: submitPolicy,
    }),
    approve: update({
      summary: 'Approve a version in review (four eyes: never the author)',
      args: PolicyApprove,
      http: { method: 'post', path: '/{id}/approve' },
      scope: 'policy:approve',
      apply: approvePolicy,
    }),
    schedule: update({
      summary: 'Schedule an approved version: the platform publishes it at that instant',
      args: PolicySchedule,
      http: { method: 'post', path: '/{id}/schedule' },
      apply: schedulePolicy,
    }),
    unschedule: update({
      summary: 'Stop a scheduled version before it takes effect (back to draft, approval void)',
      args: PolicyUnschedule,
      http: { method: 'post', path: '/{id}/unschedule' },
      apply: unschedulePolicy,
    }),
  },
});

const campaignUpdate = updateMutator<PolicyCampaign, CampaignPlatform>();

/**
 * Telling users of a material change: one campaign per version, sent by the platform as a job; its counts per
 * day come back as this document, the rows per person stay on the platform.
 */
export const policyCampaignEntity = defineEntity<PolicyCampaign, CampaignPlatform>()({
  name: 'policyCampaign',
  label: 'policy campaign',
  schema: PolicyCampaign,
  path: '/v1/policy-campaigns',
  scopes: { read: 'policy:read', write: 'policy:write' },
  mutators: {
    plan: createMutator<PolicyCampaign, CampaignPlatform>()({
      summary: 'Tell users of a scheduled material change (the id follows the version: cmp_<document>_<language>_<number>)',
      args: CampaignPlan,
      http: { method: 'post', path: '' },
      apply: (_, args, ctx) => planCampaign(args, ctx),
    }),
    remind: campaignUpdate({
      summary: 'Send a reminder to everyone reached who has not acknowledged the change',
      args: CampaignRemind,
      http: { method: 'post', path: '/{id}/remind' },
      apply: remindCampaign,
      // The job's counts move every step; a reminder asked while the campaign stood as sent still means the same.
      rebase: (newer) => newer.state === 'sent',
    }),
    cancel: campaignUpdate({
      summary: 'Stop a campaign that has not finished',
      args: CampaignCancel,
      http: { method: 'post', path: '/{id}/cancel' },
      apply: cancelCampaign,
      rebase: (newer) => newer.state === 'planned' || newer.state === 'sending',
    }),
  },
});
