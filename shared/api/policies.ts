import { z } from 'zod';
import { EntityBase, Id, Iso } from './common';

/** The documents the platform publishes: its privacy policy and its cookie notice. */
export const PolicyDocument = z.enum(['privacy', 'cookies']);
export type PolicyDocument = z.infer<typeof PolicyDocument>;
export const PolicyLanguage = z.enum(['de', 'en']);
export type PolicyLanguage = z.infer<typeof PolicyLanguage>;

/** draft → in review → approved (by someone else) → scheduled → published → superseded. */
export const PolicyStatus = z.enum(['draft', 'in_review', 'approved', 'scheduled', 'published', 'superseded']);
export type PolicyStatus = z.infer<typeof PolicyStatus>;

/** One numbered section of a policy: its heading and its text in Markdown (no raw HTML reaches a reader). */
export const PolicySection = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,60}$/, 'lower-case letters, digits and -'),
  heading: z.string().trim().min(1).max(200),
  body: z.string().trim().max(30_000),
});
export type PolicySection = z.infer<typeof PolicySection>;

const Sections = z.array(PolicySection).min(1).max(80);

/** The guided questions on what a change does (each yes makes it material: users are told actively). */
export const ChangeQuestion = z.enum([
  'new_purpose',
  'new_recipient',
  'new_transfer',
  'legal_basis_changed',
  'longer_retention',
  'rights_affected',
  'new_consent',
]);
export type ChangeQuestion = z.infer<typeof ChangeQuestion>;

/** Material (told to users actively, well in advance) or minor (simply published), as the author confirmed it. */
export const Classification = z.object({
  answers: z.array(ChangeQuestion),
  proposed: z.enum(['material', 'minor']),
  kind: z.enum(['material', 'minor']),
  reason: z.string(),
  /** A new processing on consent needs consent, not a notice: flagged for the author. */
  needsConsent: z.boolean(),
  by: z.string().min(1).max(64),
  at: Iso,
});
export type Classification = z.infer<typeof Classification>;

/** POST /v1/policy-versions/{id}/classify: the answers, and the classification the author confirms with a reason. */
export const PolicyClassify = z
  .strictObject({
    answers: z.array(ChangeQuestion).max(7),
    kind: z.enum(['material', 'minor']),
    reason: z.string().trim().min(10).max(2000),
  })
  .meta({ id: 'PolicyClassify' });
export type PolicyClassify = z.infer<typeof PolicyClassify>;

export const PolicyEvent = z.object({
  id: Id,
  at: Iso,
  actor: z.string().min(1).max(64),
  kind: z.enum([
    'drafted',
    'edited',
    'classified',
    'submitted',
    'approved',
    'approval_void',
    'returned',
    'scheduled',
    'unscheduled',
    'published',
    'superseded',
  ]),
  text: z.string().max(2000).default(''),
});

/** One version of one document in one language, moving through its workflow; immutable once published. */
export const PolicyVersion = EntityBase.extend({
  document: PolicyDocument,
  language: PolicyLanguage,
  /** 1, 2, … per document and language. */
  number: z.number().int().positive(),
  /** The version this one was drafted from (its number), for the diff and the changelog. */
  basedOn: z.number().int().positive().nullable(),
  title: z.string().min(1).max(200),
  sections: z.array(PolicySection),
  /** What changed, for the changelog and the users' notice. */
  changeSummary: z.string().max(5000),
  /** Material or minor, confirmed by the author; required before review (none for a first version). */
  classification: Classification.nullable().default(null),
  /** Review comments, each on one section; resolved ones stay, marked. */
  comments: z
    .array(
      z.object({
        id: Id,
        sectionId: z.string(),
        text: z.string(),
        by: z.string(),
        at: Iso,
        resolvedBy: z.string().nullable(),
      }),
    )
    .default([]),
  /** Suggestions from the registry the author set aside, each with the reason (the rest are taken up in the text). */
  dismissedHints: z.array(z.object({ key: z.string(), reason: z.string(), by: z.string(), at: Iso })).default([]),
  status: PolicyStatus,
  authorId: z.string().min(1).max(64),
  approvedBy: z.string().nullable(),
  approvedAt: Iso.nullable(),
  /** When it takes effect (the "Stand" date it carries); set when scheduled. */
  effectiveAt: Iso.nullable(),
  publishedAt: Iso.nullable(),
  /** SHA-256 of the published text's canonical JSON: what users were shown, provably. */
  sha256: z.string().nullable(),
  timeline: z.array(PolicyEvent),
}).meta({ id: 'PolicyVersion' });
export type PolicyVersion = z.infer<typeof PolicyVersion>;

export const policyVersionId = (document: PolicyDocument, language: PolicyLanguage, number: number) =>
  `pol_${document}_${language}_${number}`;

/** POST /v1/policy-versions: a new draft, from an earlier version or from nothing (the client chooses the id). */
export const PolicyDraft = z
  .strictObject({
    id: Id,
    document: PolicyDocument,
    language: PolicyLanguage,
    basedOn: z.number().int().positive().nullable(),
    title: z.string().trim().min(1).max(200),
    sections: Sections,
    changeSummary: z.string().trim().max(5000).default(''),
  })
  .meta({ id: 'PolicyDraft' });
export type PolicyDraft = z.infer<typeof PolicyDraft>;

/** PATCH /v1/policy-versions/{id}: the text as it shall read; an edit after approval voids the approval. */
export const PolicyEdit = z
  .strictObject({ title: z.string().trim().min(1).max(200), sections: Sections, changeSummary: z.string().trim().max(5000) })
  .partial()
  .meta({ id: 'PolicyEdit' });
export type PolicyEdit = z.infer<typeof PolicyEdit>;

/** POST /v1/policy-versions/{id}/comment: a review comment on a section (or, with `resolve`, one marked done). */
export const PolicyComment = z
  .union([
    z.strictObject({ commentId: Id, sectionId: z.string().min(1).max(60), text: z.string().trim().min(2).max(2000) }),
    z.strictObject({ resolve: Id }),
  ])
  .meta({ id: 'PolicyComment' });
export type PolicyComment = z.infer<typeof PolicyComment>;

/** POST /v1/policy-versions/{id}/dismiss-hint: set a registry suggestion aside, with the reason. */
export const PolicyDismissHint = z
  .strictObject({ key: z.string().trim().min(3).max(120), reason: z.string().trim().min(10).max(2000) })
  .meta({ id: 'PolicyDismissHint' });
export type PolicyDismissHint = z.infer<typeof PolicyDismissHint>;

/** POST /v1/policy-versions/{id}/submit: ready for review. */
export const PolicySubmit = z.strictObject({ note: z.string().trim().max(2000).default('') }).meta({ id: 'PolicySubmit' });
/** POST /v1/policy-versions/{id}/approve: four eyes — never the author's own. */
export const PolicyApprove = z.strictObject({ note: z.string().trim().max(2000).default('') }).meta({ id: 'PolicyApprove' });
/** POST /v1/policy-versions/{id}/schedule: the instant it takes effect; the platform publishes it then. */
export const PolicySchedule = z.strictObject({ effectiveAt: Iso }).meta({ id: 'PolicySchedule' });
/** POST /v1/policy-versions/{id}/unschedule: stop a scheduled version before it takes effect (back to draft). */
export const PolicyUnschedule = z.strictObject({ reason: z.string().trim().min(10).max(2000) }).meta({ id: 'PolicyUnschedule' });

/** GET /v1/public/policies/{document}/{language}: what a visitor reads now, with its "Stand". */
export const PublishedPolicy = z
  .object({
    document: PolicyDocument,
    language: PolicyLanguage,
    number: z.number().int().positive(),
    title: z.string(),
    effectiveAt: Iso,
    sections: z.array(PolicySection),
    /** Upcoming: scheduled, readable ahead of its effective date (what users are told of); in force; superseded. */
    status: z.enum(['upcoming', 'in_force', 'superseded']),
    /** The fingerprint it was published with; none while upcoming (it may still be withdrawn and changed). */
    sha256: z.string().nullable(),
  })
  .meta({ id: 'PublishedPolicy' });
export type PublishedPolicy = z.infer<typeof PublishedPolicy>;

/** GET /v1/public/policies/{document}/{language}/changelog: every published version, newest first. */
export const PolicyChangelog = z
  .object({
    versions: z.array(z.object({ number: z.number().int().positive(), effectiveAt: Iso, changeSummary: z.string(), sha256: z.string() })),
  })
  .meta({ id: 'PolicyChangelog' });
