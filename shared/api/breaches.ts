import { z } from 'zod';
import { problem } from '../domain/problems';
import { IncidentTask } from './breach-playbooks';
import { AuthorityReport, ExemptionRecord } from './breach-reports';
import { EntityBase, Id, Iso } from './common';
import { DataCategory } from './dsar-workflow';

/** The incident families of EDPB Guidelines 01/2021, each with its playbook. */
export const BreachFamily = z.enum([
  'ransomware',
  'exfiltration',
  'internal_error',
  'lost_device',
  'misdirected',
  'social_engineering',
  'other',
]);
export type BreachFamily = z.infer<typeof BreachFamily>;

/** The kinds of loss (confidentiality, integrity, availability). */
export const LossKind = z.enum(['confidentiality', 'integrity', 'availability']);
export type LossKind = z.infer<typeof LossKind>;
export const VulnerableGroup = z.enum(['minors', 'employees', 'vulnerable_adults']);
export type VulnerableGroup = z.infer<typeof VulnerableGroup>;
export const EncryptionState = z.enum(['none', 'encrypted_key_safe', 'encrypted_key_compromised', 'unknown']);
export type EncryptionState = z.infer<typeof EncryptionState>;
export const IncidentStatus = z.enum(['open', 'contained', 'closed']);
export const IdentificationLevel = z.enum(['negligible', 'limited', 'significant', 'maximum']);
export const LossLevel = z.union([z.literal(0), z.literal(0.25), z.literal(0.5)]);
export const SeverityBand = z.enum(['low', 'medium', 'high', 'very_high']);
/** Which band triggers which notification: ENISA sets none; the controller's policy does (a setting). */
export const NotificationPolicy = z
  .strictObject({ authorityFrom: SeverityBand, subjectsFrom: SeverityBand })
  .refine((policy) => SeverityBand.options.indexOf(policy.subjectsFrom) >= SeverityBand.options.indexOf(policy.authorityFrom), {
    // Art. 34 asks for a high risk, Art. 33 for any risk: telling the people never starts below notifying the authority.
    message: 'the people are told only where the authority is notified too',
    params: problem('policy-inverted'),
    path: ['subjectsFrom'],
  });
export type NotificationPolicy = z.infer<typeof NotificationPolicy>;

/** The controller's notification policy, held by the platform (one document, `bp_default`): every assessment follows it. */
export const BreachPolicy = EntityBase.extend({
  authorityFrom: SeverityBand,
  subjectsFrom: SeverityBand,
  savedBy: z.string().min(1).max(64),
}).meta({ id: 'BreachPolicy' });
export type BreachPolicy = z.infer<typeof BreachPolicy>;
export const BREACH_POLICY_ID = 'bp_default';

/** PATCH /v1/breach-policies/{id}: the thresholds as they shall be (privacy officers). */
export const BreachPolicySave = NotificationPolicy.meta({ id: 'BreachPolicySave' });
const defaultPolicy = { authorityFrom: 'medium', subjectsFrom: 'high' } as const;

const Text = (max: number) => z.string().trim().max(max);
const Reason = Text(2000).min(10, 'give the reason in at least 10 characters');

/** An estimate as EDPB 9/2022 allows it: from … to. */
export const Estimate = z
  .strictObject({ min: z.number().int().min(0), max: z.number().int().min(0) })
  .refine((range) => range.max >= range.min, {
    message: 'the upper end is below the lower one',
    params: problem('range-inverted'),
    path: ['max'],
  });

/** Who told the controller: a member of staff, or a processor (Art. 33(2)) with the instant it became aware. */
export const Reporter = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('staff'), staffId: Id }),
  z.strictObject({ kind: z.literal('processor'), processorId: Id, processorAwareAt: Iso }),
]);

/** The facts of an incident as the register keeps them (Art. 33(5)). */
const facts = {
  title: Text(200).min(3),
  description: Text(10_000).min(10),
  family: BreachFamily,
  discoveredAt: Iso,
  /** The instant the controller became aware (Art. 33(1)): the 72-hour clock runs from it. */
  awareAt: Iso,
  /** Who decided that the controller is aware (a staff id). */
  awareDecidedBy: Id,
  reportedBy: Reporter,
  losses: z.array(LossKind).min(1).max(3),
  categories: z.array(DataCategory).min(1).max(20),
  activityIds: z.array(Id).max(50),
  processorIds: z.array(Id).max(50),
  people: Estimate,
  records: Estimate,
  vulnerableGroups: z.array(VulnerableGroup).max(3),
  encryption: EncryptionState,
  ownerId: Id,
  /** Art. 33(3)(c): the likely consequences for the people affected. */
  consequences: Text(5000),
  /** Art. 33(3)(d): the measures taken or proposed, including to mitigate the adverse effects. */
  measures: Text(5000),
};

/** What the facts are before anyone knows the consequences and measures: both may follow later. */
export const IncidentFacts = z.strictObject({
  ...facts,
  consequences: facts.consequences.default(''),
  measures: facts.measures.default(''),
});
export type IncidentFacts = z.infer<typeof IncidentFacts>;

/** One assessment by ENISA's method, kept whole: the inputs the officer chose and what followed. */
export const Assessment = z.object({
  at: Iso,
  by: Id,
  identifiers: z.array(IdentificationLevel).min(1).max(10),
  circumstances: z.object({ confidentiality: LossLevel, integrity: LossLevel, availability: LossLevel, malicious: z.boolean() }),
  adjustments: z.array(z.object({ category: DataCategory, score: z.number().int().min(1).max(4), reason: z.string() })).max(20),
  /** The facts it was made on, so a changed fact shows what moved. */
  categories: z.array(DataCategory),
  peopleMax: z.number().int().min(0),
  unintelligible: z.boolean(),
  dpc: z.number(),
  ei: z.number(),
  cb: z.number(),
  score: z.number(),
  band: SeverityBand,
  recommendation: z.object({ authority: z.boolean(), subjects: z.boolean() }),
  /** The policy the recommendation follows; a re-run keeps it. */
  policy: NotificationPolicy.default(defaultPolicy),
});
export type Assessment = z.infer<typeof Assessment>;

/** The officer's decision on notification; a justification where it departs from the recommendation. */
export const NotificationDecision = z.object({
  at: Iso,
  by: Id,
  authority: z.boolean(),
  subjects: z.boolean(),
  justification: z.string(),
  /** Art. 33(1): where the authority is notified after the 72 hours, the reasons for the delay. */
  delayReasons: z.string().default(''),
  /** The recommendation it was taken against. */
  recommended: z.object({ authority: z.boolean(), subjects: z.boolean() }),
});

/** What a timeline entry records; the screen words it in the reader's language from `kind` and `params`. */
export const IncidentEventKind = z.enum([
  'logged',
  'facts',
  'assessed',
  'reassessed',
  'decision_void',
  /** The recommendation moved after the authority was notified: the decision stands, to be reviewed. */
  'decision_review',
  'decided',
  'status',
  'task',
  'report',
  'reference',
  'exemption',
  /** An entry written before entries had kinds: its text as it was. */
  'note',
]);
export type IncidentEventKind = z.infer<typeof IncidentEventKind>;

export const IncidentEvent = z.object({
  id: Id,
  at: Iso,
  actor: z.string().min(1).max(64),
  kind: IncidentEventKind.default('note'),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  /** A note the person wrote (a status change's reason, a task's evidence). */
  text: z.string().max(2000).default(''),
});
export type IncidentEvent = z.infer<typeof IncidentEvent>;

export const Incident = EntityBase.extend({
  ...facts,
  consequences: facts.consequences.default(''),
  measures: facts.measures.default(''),
  status: IncidentStatus,
  assessments: z.array(Assessment),
  decision: NotificationDecision.nullable(),
  /** The playbook the incident started with (its revision), its tasks ticked off as the work goes. */
  playbook: z.object({ family: z.string(), revision: z.number().int().min(0), tasks: z.array(IncidentTask) }).default({
    family: 'other',
    revision: 0,
    tasks: [],
  }),
  /** The authority's reference number for this notification (Art. 33(4): follow-ups go under it). */
  authorityReference: z.string().nullable().default(null),
  /** The reports to the supervisory authority, oldest first, each frozen when submitted. */
  reports: z.array(AuthorityReport).default([]),
  /** Art. 34(3): an exemption from telling the people individually, where one applies. */
  exemption: ExemptionRecord.nullable().default(null),
  /** Who did what, oldest first. */
  timeline: z.array(IncidentEvent),
}).meta({ id: 'Incident' });
export type Incident = z.infer<typeof Incident>;

/** POST /v1/incidents: log an incident (the client chooses the id). */
export const IncidentCreate = IncidentFacts.extend({ id: Id }).meta({ id: 'IncidentCreate' });
export type IncidentCreate = z.infer<typeof IncidentCreate>;

/** PATCH /v1/incidents/{id}: changed facts. */
export const IncidentPatch = z
  .strictObject(facts)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'at least one field is required', params: problem('nothing-changed') })
  .meta({ id: 'IncidentPatch' });
export type IncidentPatch = z.infer<typeof IncidentPatch>;

/** POST /v1/incidents/{id}/assess: an assessment by ENISA's method over the incident's current facts. */
export const IncidentAssess = z
  .strictObject({
    identifiers: z.array(IdentificationLevel).min(1).max(10),
    circumstances: z.strictObject({ confidentiality: LossLevel, integrity: LossLevel, availability: LossLevel, malicious: z.boolean() }),
    adjustments: z
      .array(z.strictObject({ category: DataCategory, score: z.number().int().min(1).max(4), reason: Text(2000) }))
      .max(20)
      .default([]),
  })
  .meta({ id: 'IncidentAssess' });
export type IncidentAssess = z.infer<typeof IncidentAssess>;

/** POST /v1/incidents/{id}/decide: notify the authority, the people, neither. */
export const IncidentDecide = z
  .strictObject({
    authority: z.boolean(),
    subjects: z.boolean(),
    justification: Text(2000).default(''),
    /** Required when the authority is notified after the 72 hours (Art. 33(1)). */
    delayReasons: Text(2000).default(''),
  })
  .meta({ id: 'IncidentDecide' });
export type IncidentDecide = z.infer<typeof IncidentDecide>;

/** POST /v1/incidents/{id}/aftermath: the likely consequences and the measures, as the report needs them (officers). */
export const IncidentSetAftermath = z
  .strictObject({ consequences: facts.consequences, measures: facts.measures })
  .meta({ id: 'IncidentSetAftermath' });
export type IncidentSetAftermath = z.infer<typeof IncidentSetAftermath>;

/** POST /v1/incidents/{id}/task: tick a playbook task off (with where its evidence is), or open it again. */
export const IncidentTickTask = z
  .strictObject({ key: z.string().min(2).max(40), done: z.boolean(), evidence: Text(2000).default('') })
  .meta({ id: 'IncidentTickTask' });
export type IncidentTickTask = z.infer<typeof IncidentTickTask>;

/** POST /v1/incidents/{id}/status: open → contained → closed, with a note. */
export const IncidentSetStatus = z.strictObject({ status: IncidentStatus, note: Reason }).meta({ id: 'IncidentSetStatus' });
export type IncidentSetStatus = z.infer<typeof IncidentSetStatus>;
