import { z } from 'zod';
import { Id, Iso } from './common';

/** Art. 33(4): information in phases — an initial report, follow-ups, a final report. */
export const ReportPhase = z.enum(['initial', 'follow_up', 'final']);
export type ReportPhase = z.infer<typeof ReportPhase>;
/** How the report reached the authority (the Länder take it by web form, e-mail, post or fax). */
export const ReportChannel = z.enum(['portal', 'email', 'post', 'fax']);
export type ReportChannel = z.infer<typeof ReportChannel>;

const Line = (max: number) => z.string().trim().max(max);

/**
 * What a report said, frozen when it was submitted: Art. 33(3)(a)–(d), the contact point, and where late the
 * reasons for the delay. Its SHA-256 (over the canonical JSON) is kept beside it, so the PDF and JSON handed
 * out later can be shown to be what was sent.
 */
export const ReportContent = z.object({
  incidentId: Id,
  phase: ReportPhase,
  /** The authority's reference number (none on an initial report made before it gave one). */
  reference: z.string().nullable(),
  authority: z.object({ region: z.string(), name: z.string() }),
  controller: z.object({ name: z.string(), address: z.string(), contact: z.string() }),
  /** (b) the data protection officer or other contact point. */
  contact: z.object({ name: z.string(), contact: z.string() }),
  /** (a) the nature of the breach, the categories and approximate numbers of people and records. */
  nature: z.object({
    title: z.string(),
    description: z.string(),
    family: z.string(),
    losses: z.array(z.string()),
    discoveredAt: Iso,
    awareAt: Iso,
    categories: z.array(z.string()),
    people: z.object({ min: z.number(), max: z.number() }),
    records: z.object({ min: z.number(), max: z.number() }),
    vulnerableGroups: z.array(z.string()),
    encryption: z.string(),
    /** Art. 33(2): the processor that told us, and when it knew. */
    processor: z.object({ name: z.string(), awareAt: Iso }).nullable(),
  }),
  /** (c) the likely consequences. */
  consequences: z.string(),
  /** (d) the measures taken or proposed, including to mitigate adverse effects. */
  measures: z.string(),
  severity: z.object({ band: z.string(), score: z.number() }).nullable(),
  /** Art. 33(1): the reasons for a notification later than 72 hours after awareness. */
  delayReasons: z.string().nullable(),
  /** What this report adds to the previous one (follow-ups and the final report). */
  update: z.string(),
  submittedAt: Iso,
  /** The controller's time zone: the PDF prints every instant in it, whatever the settings say later. */
  timeZone: z.string().default('Europe/Berlin'),
});
export type ReportContent = z.infer<typeof ReportContent>;

/** One report to the supervisory authority, never changed once submitted. */
export const AuthorityReport = z.object({
  id: Id,
  phase: ReportPhase,
  submittedAt: Iso,
  submittedBy: z.string().min(1).max(64),
  channel: ReportChannel,
  /** The language of the PDF (the authority's: German for the German Länder). */
  language: z.enum(['de', 'en']),
  content: ReportContent,
  /** SHA-256 (hex) of the content's canonical JSON. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuthorityReport = z.infer<typeof AuthorityReport>;

/** POST /v1/incidents/{id}/report: submit the next report; the platform freezes what it says. */
export const IncidentSubmitReport = z
  .strictObject({
    reportId: Id,
    phase: ReportPhase,
    channel: ReportChannel,
    /** When it went to the authority (a letter or fax may have gone before it is recorded): the clock reads this. */
    sentAt: Iso,
    language: z.enum(['de', 'en']).default('de'),
    /** The controller's Land: its supervisory authority is competent (Art. 55, 56; § 40 BDSG). */
    region: z.string().regex(/^DE-[A-Z]{2}$/),
    controller: z.strictObject({ name: Line(200), address: Line(400), contact: Line(300) }),
    contact: z.strictObject({ name: Line(200), contact: Line(300) }),
    delayReasons: Line(2000).default(''),
    update: Line(5000).default(''),
    timeZone: z.string().min(1).max(64).default('Europe/Berlin'),
  })
  .meta({ id: 'IncidentSubmitReport' });
export type IncidentSubmitReport = z.infer<typeof IncidentSubmitReport>;

/** POST /v1/incidents/{id}/reference: the reference number the authority gave the notification. */
export const IncidentSetReference = z
  .strictObject({
    reference: z
      .string()
      .trim()
      .min(2)
      .max(80)
      .regex(/^[^\r\n]*$/),
  })
  .meta({ id: 'IncidentSetReference' });
export type IncidentSetReference = z.infer<typeof IncidentSetReference>;

/** Art. 34(3): why the people affected are not told individually. */
export const SubjectExemption = z.enum(['unintelligible', 'risk_removed', 'disproportionate']);
export type SubjectExemption = z.infer<typeof SubjectExemption>;

export const ExemptionRecord = z.object({
  ground: SubjectExemption,
  reason: z.string(),
  /** (c): the public communication made instead — where, and when. */
  publicCommunication: z.object({ where: z.string(), at: Iso }).nullable(),
  at: Iso,
  by: z.string().min(1).max(64),
});
export type ExemptionRecord = z.infer<typeof ExemptionRecord>;

/** POST /v1/incidents/{id}/exemption: record an Art. 34(3) exemption ((c) with its public communication). */
export const IncidentRecordExemption = z
  .strictObject({
    ground: SubjectExemption,
    reason: Line(2000).min(10),
    publicCommunication: z
      .strictObject({ where: Line(500).min(3), at: Iso })
      .nullable()
      .default(null),
  })
  .meta({ id: 'IncidentRecordExemption' });
export type IncidentRecordExemption = z.infer<typeof IncidentRecordExemption>;
