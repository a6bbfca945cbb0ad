import { z } from 'zod';
import { Id, Iso } from './common';

export const Locale = z.enum(['de', 'en']);
export type Locale = z.infer<typeof Locale>;
const Day = z.iso.date();

/** The platform's data categories, as its jobs export, erase or restrict them. */
export const DataCategory = z.enum([
  'account',
  'enrolments',
  'lesson_progress',
  'quiz_results',
  'submissions',
  'forum_posts',
  'payments',
  'invoices',
  'messages',
  'preferences',
  'login_history',
]);
export type DataCategory = z.infer<typeof DataCategory>;

/** Art. 12(4)/(5), Art. 11(2), Art. 15(4), Art. 17(3): the only grounds on which a request may be refused. */
export const DenialReason = z.enum([
  'manifestly_unfounded',
  'excessive',
  'identity_not_established',
  'rights_of_others',
  'legal_exemption',
]);
export type DenialReason = z.infer<typeof DenialReason>;

/**
 * How identity was checked (EDPB Guidelines 01/2022 paras 69-78). There is deliberately no field for a
 * document: the console and the platform record the method and outcome, never a copy of an ID.
 */
export const IdentityMethod = z.enum([
  'account_session',
  'email_confirmation',
  'knowledge_check',
  'id_document_seen',
  'postal_confirmation',
]);
export type IdentityMethod = z.infer<typeof IdentityMethod>;

export const MessageKind = z.enum([
  'acknowledgement',
  'identity_request',
  'clarification_request',
  'extension_notice',
  'completion',
  'denial',
]);
export type MessageKind = z.infer<typeof MessageKind>;

/**
 * A message to the data subject, sent by the platform and kept in the timeline. `body` (the greeting and what
 * the officer writes) and `closing` are the editable text; what the law requires the letter to say is not in
 * them: it is composed from the step's data when it is sent (`LetterPart`).
 */
export const Message = z.strictObject({
  kind: MessageKind,
  locale: Locale,
  /** One line: a line break in a subject would start new mail headers (header injection). */
  subject: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .regex(/^[^\r\n]*$/, 'one line, without line breaks'),
  body: z.string().trim().min(1).max(20_000),
  closing: z.string().trim().max(2_000).default(''),
  /** How it reaches the person: by e-mail, or printed as a letter (Art. 12(1): in writing) and posted. */
  delivery: z.enum(['email', 'post']).default('email'),
});
export type Message = z.infer<typeof Message>;

/** The parts a letter must contain, by the law behind them (Arts. 12(3), 12(4), 15(4), 17(3), 77, 79). */
export const LetterPartKind = z.enum(['reasons', 'new_due_date', 'restricted', 'withheld', 'no_data', 'complaint', 'judicial_remedy']);
export type LetterPartKind = z.infer<typeof LetterPartKind>;

/** A required part of a sent letter: composed from the step's data, in the subject's language; never edited. */
export const LetterPart = z.strictObject({ kind: LetterPartKind, title: z.string().min(1), text: z.string().min(1) });
export type LetterPart = z.infer<typeof LetterPart>;

export const JobKind = z.enum(['package', 'erasure', 'restriction', 'objection', 'rectification']);
export type JobKind = z.infer<typeof JobKind>;

/** What an objection (Art. 21) can stop on this platform. */
export const ObjectionPurpose = z.enum(['newsletter_analysis', 'progress_analytics', 'course_recommendations', 'web_analytics']);
export type ObjectionPurpose = z.infer<typeof ObjectionPurpose>;

/** Account fields a rectification (Art. 16) can change. */
export const RectifiableField = z.enum(['name', 'email', 'address', 'birthDate', 'displayName']);
export type RectifiableField = z.infer<typeof RectifiableField>;

export const FieldChange = z.strictObject({ field: z.string().min(1).max(60), before: z.string().max(500), after: z.string().max(500) });
export type FieldChange = z.infer<typeof FieldChange>;

/** How the console counts the deadline; sent with an extension so the platform checks the same rule. */
export const ClockSettings = z.strictObject({
  region: z.string().regex(/^DE-[A-Z]{2}$/, 'an ISO 3166-2 code of a German Land, e.g. DE-BE'),
  timeZone: z.string().min(1).max(64),
  pausePolicy: z.enum(['none', 'identity', 'identity_and_clarification']),
});
export type ClockSettings = z.infer<typeof ClockSettings>;

const Reason = z.string().trim().min(10, 'give the reason in at least 10 characters').max(2000);

/** POST /v1/dsars/{id}/actions: everything that moves a request forward. Each one lands in the timeline. */
export const DsarAction = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('acknowledge'), message: Message }),
    z.strictObject({ type: z.literal('start') }),
    z.strictObject({ type: z.literal('request_identity'), message: Message }),
    z.strictObject({
      type: z.literal('record_identity'),
      method: IdentityMethod,
      outcome: z.enum(['verified', 'failed']),
      note: z.string().trim().max(2000).default(''),
    }),
    z.strictObject({ type: z.literal('request_clarification'), message: Message }),
    z.strictObject({ type: z.literal('record_clarification'), note: z.string().trim().min(1).max(2000) }),
    z.strictObject({
      type: z.literal('extend'),
      reason: Reason,
      /** Art. 12(3): by up to two further months. */
      months: z.union([z.literal(1), z.literal(2)]).default(2),
      message: Message,
      clock: ClockSettings,
    }),
    // The controller's Land names the supervisory authority the letter cites (Art. 77).
    z.strictObject({ type: z.literal('deny'), reason: DenialReason, explanation: Reason, message: Message, clock: ClockSettings }),
    z.strictObject({ type: z.literal('withdraw'), note: z.string().trim().max(2000).default('') }),
    z.strictObject({ type: z.literal('mark_duplicate'), of: Id }),
    z.strictObject({ type: z.literal('complete'), message: Message, clock: ClockSettings }),
    z.strictObject({ type: z.literal('add_note'), text: z.string().trim().min(1).max(10_000) }),
    z.strictObject({
      type: z.literal('start_job'),
      jobId: Id,
      job: JobKind,
      changes: z
        .array(z.strictObject({ field: RectifiableField, after: z.string().trim().min(1).max(500) }))
        .max(5)
        .optional(),
      objections: z.array(ObjectionPurpose).min(1).max(4).optional(),
    }),
    z.strictObject({ type: z.literal('exclude_item'), jobId: Id, category: DataCategory, itemId: Id, reason: Reason }),
    z.strictObject({ type: z.literal('include_item'), jobId: Id, category: DataCategory, itemId: Id }),
    z.strictObject({ type: z.literal('deliver'), jobId: Id, information: z.string().min(1).max(100_000) }),
    z.strictObject({ type: z.literal('inform_recipient'), processorId: Id, informedOn: Day }),
  ])
  .meta({ id: 'DsarAction' });
export type DsarAction = z.infer<typeof DsarAction>;
export type DsarActionInput = z.input<typeof DsarAction>;

const event = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.object({ id: Id, at: Iso, actor: z.string().min(1).max(64), kind: z.literal(kind), ...shape });

/** One entry of a request's timeline: who did what, when. The clock ledger is read from these. */
export const DsarEvent = z
  .discriminatedUnion('kind', [
    event('received', { channel: z.string() }),
    event('status', { from: z.string(), to: z.string() }),
    event('assigned', { assigneeId: Id.nullable() }),
    event('fields', { changes: z.array(FieldChange) }),
    event('note', { text: z.string() }),
    event('identity_requested', {}),
    event('identity_recorded', { method: IdentityMethod, outcome: z.enum(['verified', 'failed']), note: z.string() }),
    event('clarification_requested', {}),
    event('clarification_received', { note: z.string() }),
    event('extended', { reason: z.string(), baseDue: Day, months: z.number().int().min(1).max(2).default(2), clock: ClockSettings }),
    event('denied', { reason: DenialReason, explanation: z.string() }),
    event('duplicate', { of: Id }),
    event('message', { message: Message, parts: z.array(LetterPart).default([]) }),
    event('job_started', { jobId: Id, job: JobKind }),
    event('job_finished', { jobId: Id, job: JobKind, state: z.enum(['succeeded', 'failed']), summary: z.string() }),
    event('item_excluded', { jobId: Id, category: DataCategory, itemId: Id, reason: z.string() }),
    event('item_included', { jobId: Id, category: DataCategory, itemId: Id }),
    event('delivered', { jobId: Id, sha256: z.string(), bytes: z.number().int(), files: z.array(z.string()), excluded: z.number().int() }),
    event('recipient_informed', { processorId: Id, informedOn: Day }),
    event('rectified', { changes: z.array(FieldChange) }),
    event('flags', { restricted: z.boolean(), objections: z.array(ObjectionPurpose) }),
  ])
  .meta({ id: 'DsarEvent' });
export type DsarEvent = z.infer<typeof DsarEvent>;

/** An event without its envelope (id, instant, actor), as the code that records one writes it. */
export type DsarEventBody = DsarEvent extends infer E ? (E extends DsarEvent ? Omit<E, 'id' | 'at' | 'actor'> : never) : never;
