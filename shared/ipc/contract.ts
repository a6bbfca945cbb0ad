import { z } from 'zod';
import {
  type AccessReview,
  AccessScope,
  type Employee,
  type Grant,
  GrantRetry,
  GrantRevoke,
  ItemDecideFields,
  ReviewClose,
  type ReviewItem,
  ReviewRemind,
  ReviewStart,
} from '../api/access';
import type { AccountMatch } from '../api/accounts';
import { ActivityDraft, ActivityPatch, type ProcessingActivity } from '../api/activities';
import type { PlatformAuditPage } from '../api/audit';
import { type AudiencePreview, type Notice, NoticeAudience, NoticeParts } from '../api/breach-notices';
import { type Playbook, PlaybookSave } from '../api/breach-playbooks';
import { IncidentRecordExemption, IncidentSetReference, ReportChannel, ReportPhase } from '../api/breach-reports';
import {
  type Incident,
  IncidentAssess,
  IncidentDecide,
  IncidentFacts,
  IncidentPatch,
  IncidentSetAftermath,
  IncidentSetStatus,
  IncidentTickTask,
  NotificationPolicy,
} from '../api/breaches';
import { type EntityName, EntityNameSchema } from '../api/changes';
import { Id, Iso, type Me, type Staff } from '../api/common';
import { checkReachable, type Dsar, DsarCreateFields, DsarPriority, DsarStatus, DsarType, Tag } from '../api/dsar';
import { ClockSettings, DsarAction, type Message, MessageKind } from '../api/dsar-workflow';
import type { Job } from '../api/jobs';
import { type LetterTemplates, LetterTemplatesSave } from '../api/letter-templates';
import {
  PolicyApprove,
  PolicyClassify,
  PolicyDismissHint,
  PolicyDraft,
  PolicyEdit,
  PolicySchedule,
  PolicySubmit,
  PolicyUnschedule,
  type PolicyVersion,
} from '../api/policies';
import {
  type CampaignAudience,
  CampaignCancel,
  CampaignPlanInput,
  CampaignRemind,
  type PersonPolicyNotices,
  type PolicyCampaign,
} from '../api/policy-campaigns';
import { type Processor, ProcessorDraft, ProcessorPatch } from '../api/processors';
import type { Finding, FindingKind } from '../domain/access';
import type { ReportGap } from '../domain/breach-reports';
import type { DueDate } from '../domain/dsar-clock';
import { type ProblemCode, type ProblemParams, problem } from '../domain/problems';
import type { ControllerDetails } from '../domain/records';
import type { Reminder } from '../domain/reminders';
import type { Overview } from './overview';
import type { SearchHit } from './search';

/** A channel: its input schema (parsed in main before anything else) and its output type. */
export interface Channel<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only (boxed, so a nullable output keeps its null). */
  output?: { type: O };
}
const channel =
  <O>() =>
  <I extends z.ZodType>(input: I): Channel<I, O> => ({ input });

const None = z.undefined().or(z.object({}).strict()).optional();

/** A decision as the console takes it (the same refinements as the platform's, checked again by the mutator). */
const ItemDecideInput = ItemDecideFields;

/** Which of a review's items to show: by reviewer ('me': the caller), decided or not, scope, holder's name. */
export const ItemQuery = z.strictObject({
  reviewId: Id,
  reviewer: z.union([z.literal('me'), z.literal('all'), Id]).default('all'),
  decided: z.enum(['open', 'decided', 'all']).default('all'),
  scope: AccessScope.nullable().default(null),
  q: z.string().trim().max(100).default(''),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ItemQuery = z.infer<typeof ItemQuery>;

/** An item as the review list shows it. */
export type ReviewRow = ReviewItem & { pending: boolean; employeeName: string; department: string; grant: Grant | null };

/** The access module's overview: staff, grants and what the checks found. */
export interface AccessOverview {
  employees: Employee[];
  grants: (Grant & { pending: boolean })[];
  findings: Finding[];
  /** The dormancy threshold the findings were made with. */
  dormantDays: number;
}

/** What a person types into a search box: no control characters (they only ever arrive by injection). */
const SearchText = z
  .string()
  .trim()
  .max(200)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the rule is about exactly these characters
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'no control characters');

export const QueueSort = z.enum(['due_asc', 'due_desc', 'received_desc', 'received_asc']);
export type QueueSort = z.infer<typeof QueueSort>;

export const QueueQuery = z.strictObject({
  statuses: z.array(DsarStatus).max(8).default([]),
  types: z.array(DsarType).max(6).default([]),
  /** 'me', 'unassigned', a staff id, or null for anyone. */
  assignee: Id.nullable().default(null),
  search: SearchText.default(''),
  /** Open requests past their due date, or due within the next 7 days (today included). */
  due: z.enum(['overdue', 'week']).nullable().default(null),
  /** Received on these days (the controller's), both included: a week of the overview's inflow. */
  received: z.strictObject({ from: z.iso.date(), to: z.iso.date() }).nullable().default(null),
  /** Open requests due on these days, both included; null: no bound. A bucket of the overview's days left. */
  dueBetween: z.strictObject({ from: z.iso.date().nullable(), to: z.iso.date().nullable() }).nullable().default(null),
  /** Answered (completed or denied) in this month, on time (on or before the due date), late, or either. */
  answered: z
    .strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM'), onTime: z.boolean().nullable() })
    .nullable()
    .default(null),
  sort: QueueSort.default('due_asc'),
  after: z.string().max(500).nullable().default(null),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type QueueQueryInput = z.input<typeof QueueQuery>;
export type QueueQuery = z.infer<typeof QueueQuery>;

export interface QueueRow {
  id: string;
  type: Dsar['type'];
  status: Dsar['status'];
  subjectName: string;
  /** None for a person who wrote by letter without one. */
  subjectEmail: string | null;
  receivedAt: string;
  dueDate: string;
  /** The pause policy stops the clock while the request waits for the subject. */
  clockPaused: boolean;
  assigneeId: string | null;
  priority: Dsar['priority'];
  /** A local change to this request is still waiting to reach the platform. */
  pending: boolean;
}
export interface QueuePage {
  rows: QueueRow[];
  /** Pass as `after` for the next page; null at the end. */
  next: string | null;
  /** The first bootstrap is still filling the cache: these are the rows so far, and words cannot be searched yet. */
  loading?: boolean;
}

export interface SyncStatus {
  /**
   * offline: the platform cannot be reached (retried, later each time); signed_out: it does not accept who is
   * asking any more (writes wait until the person signs in again); incompatible: its answers do not match the
   * contract (nothing is taken over, writes wait).
   */
  state: 'starting' | 'syncing' | 'online' | 'offline' | 'signed_out' | 'incompatible';
  /** After a failure: when the console tries again on its own. */
  nextRetryAt: string | null;
  lastSyncedAt: string | null;
  pendingWrites: number;
  conflicts: number;
  lastError: string | null;
  /** During a bootstrap: entities applied so far, at most how many follow (when the platform says), per second. */
  applied: number;
  remaining: number | null;
  rate: number | null;
}

export interface Conflict {
  id: string;
  entity: EntityName;
  entityId: string;
  /** The mutator of the entity the write ran, e.g. `assign`. */
  mutator: string;
  kind: 'stale' | 'rejected';
  /** What the user wanted to change: the mutator's arguments. */
  intended: Record<string, unknown>;
  /** Why the platform said no: its problem (to say in the user's language) where it named one, and its English detail. */
  problem: ProblemCode | null;
  params: ProblemParams;
  detail: string;
  createdAt: string;
}

export type Deadline = DueDate & {
  /** In the controller's time zone. */
  today: string;
  daysLeft: number;
};

export interface RecipientTask {
  processorId: string;
  legalName: string;
  /** The affected categories this recipient holds, as the registry names them. */
  categories: string[];
  informedOn: string | null;
}

export interface DsarDetail {
  dsar: Dsar;
  pending: boolean;
  deadline: Deadline;
  clock: ClockSettings;
  /** Other open requests of the same subject and type. */
  duplicates: QueueRow[];
  jobs: Job[];
  /** Art. 19 tasks; null where the request type has none. */
  recipients: RecipientTask[] | null;
}

/** What the desktop tells the officer about requests: new ones nobody took, and her own due within two days. */
/** A reminder of the 72-hour clock: the incident's title is the company's own, no person is named. */
export interface IncidentReminder {
  key: string;
  id: string;
  title: string;
  hoursLeft: 24 | 12 | 4 | 0;
  deadline: string;
}

/**
 * A leaver still holding grants, for the desktop: by department and count, never by name (notifications show on
 * lock screens); once when found, once more when the deadline has passed.
 */
/**
 * What the desktop tells of access: a leaver still holding grants (by department, never by name); the accounts
 * a check found (by kind and count: `members` are the people behind it, notified again only when one is new);
 * a review the user still has grants to decide in, due within three days or overdue.
 */
export type AccessReminder =
  | { kind: 'leaver'; key: string; department: string; grants: number; dueDate: string; overdue: boolean }
  | { kind: 'finding'; key: string; members: string[]; finding: Exclude<FindingKind, 'leaver'>; people: number }
  | { kind: 'review'; key: string; title: string; open: number; dueDate: string; overdue: boolean };

/** The checks' thresholds the team sets: how long without sign-in is dormant, which scopes nobody holds together. */
export const AccessCheckSettings = z.strictObject({
  dormantDays: z.number().int().min(14).max(730),
  sodPairs: z
    .array(
      z
        .tuple([AccessScope, AccessScope])
        .refine(([a, b]) => a !== b, { message: 'two different scopes', params: problem('invalid-value') }),
    )
    .max(30),
});
export type AccessCheckSettings = z.infer<typeof AccessCheckSettings>;

/** How far each reviewer of a review got. */
export interface ReviewerProgress {
  reviewerId: string;
  items: number;
  decided: number;
  /** The last reminder this reviewer got, and whose manager it was escalated to. */
  remindedAt: string | null;
  escalatedTo: string | null;
}

/** The next report as it would go to the authority now: what is missing, to whom, and whether it is late. */
export interface ReportCheck {
  missing: ReportGap[];
  authority: { region: string; name: string } | null;
  late: boolean;
  /** The contact point (b) and the controller, from the settings. */
  contact: { name: string; contact: string };
}

/** A report's draft as the composer holds it; the console adds the controller, contact and authority. */
const ReportDraft = z.strictObject({
  id: Id,
  phase: ReportPhase,
  channel: ReportChannel,
  /** When it went out; now when absent. */
  sentAt: Iso.optional(),
  language: z.enum(['de', 'en']).default('de'),
  delayReasons: z.string().trim().max(2000).default(''),
  update: z.string().trim().max(5000).default(''),
});

export interface DsarReminder {
  key: string;
  kind: 'new' | 'due_soon' | 'overdue';
  id: string;
  /** The type, not the person: a desktop notification shows on lock screens and in shared rooms. */
  type: Dsar['type'];
  dueDate: string;
}

export const BulkChange = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('assign'), assigneeId: Id.nullable() }),
  z.strictObject({ kind: z.literal('priority'), priority: z.enum(['low', 'normal', 'high']) }),
  z.strictObject({ kind: z.literal('start') }),
  /** Each request gets its own templated message, in its subject's language. */
  z.strictObject({ kind: z.literal('acknowledge') }),
  z.strictObject({ kind: z.literal('request_identity') }),
]);
export type BulkChange = z.infer<typeof BulkChange>;

/** A search answers the best matches by relevance, at most this many: not a scrollable register. */
export const SEARCH_LIMIT = 500;

/** The most requests one bulk change touches; a larger selection must be narrowed first. */
export const BULK_LIMIT = 5000;

/** What a logged export contained. */
export type ExportKind =
  | 'dsar_register'
  | 'dsar_package'
  | 'dsar_letter'
  | 'records_of_processing'
  | 'breach_register'
  | 'breach_report'
  | 'access_evidence'
  | 'monthly_report'
  | 'audit_trail';

/** What the console's audit trail records: a write (with the platform's answer), an export, a session's start or end. */
export const AuditKind = z.enum(['write', 'export', 'sign-in', 'sign-out', 'session-ended']);
export type AuditKind = z.infer<typeof AuditKind>;
/**
 * Where it stands: a write is `queued` until the platform answers (`applied`, or refused: `rejected`, or
 * `stale` when the entity had moved on), or `undone` before it was sent; the rest are `done` when recorded.
 */
export const AuditOutcome = z.enum(['queued', 'applied', 'rejected', 'stale', 'undone', 'done']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

/** The platform's answer to a write, or what a session step achieved. */
export interface AuditAnswer {
  /** The entity's version the platform stored. */
  version?: number;
  problem?: ProblemCode | null;
  params?: ProblemParams;
  /** The platform's words (a refusal's detail, the last failed attempt's error). */
  message?: string;
  /** Attempts that ended without an answer. */
  attempts?: number;
  /** Sign-out: whether the platform revoked the session (false: it could not be reached). */
  revoked?: boolean;
  /** Decided by this console, not answered by the platform (an undo, a write it withheld). */
  local?: boolean;
  /** A withheld write that an earlier attempt may have delivered: the platform may have applied it. */
  maybeApplied?: boolean;
}

/** One thing this console did, with who, when and what the platform answered. */
export interface AuditEntry {
  seq: number;
  at: string;
  kind: AuditKind;
  actor: string;
  actorName: string | null;
  /** A write's mutator; an export's kind; for sessions the kind again. */
  action: string;
  entity: EntityName | null;
  entityId: string | null;
  /** A write's arguments; an export's format, file and SHA-256; a sign-in's scopes. */
  detail: Record<string, unknown>;
  outcome: AuditOutcome;
  answeredAt: string | null;
  answer: AuditAnswer | null;
}

const Day = z.iso.date();
/** Which entries of the audit trail: all filters together; newest first, a page after `before` (a seq). */
export const AuditQuery = z.strictObject({
  kinds: z.array(AuditKind).max(5).default([]),
  outcomes: z.array(AuditOutcome).max(6).default([]),
  actor: Id.nullable().default(null),
  /** Local days in the controller's time zone, both included. */
  from: Day.nullable().default(null),
  to: Day.nullable().default(null),
  /** The entity's id, as typed (the start of it is enough). */
  entityId: z.string().trim().max(64).default(''),
  before: z.number().int().positive().nullable().default(null),
  limit: z.number().int().min(1).max(500).default(100),
});
export type AuditQueryInput = z.input<typeof AuditQuery>;
export type AuditQuery = z.infer<typeof AuditQuery>;

/** A file made in main for the user to save; every export of personal data is logged with its checksum. */
export interface FileExport {
  fileName: string;
  mimeType: string;
  base64: string;
  sha256: string;
}

/** The controller and DPO as the user records them (Art. 30(1)(a)); every field may stay empty until an export. */
export const ControllerDetailsInput = z.strictObject({
  controllerName: z.string().trim().max(200),
  controllerAddress: z.string().trim().max(400),
  controllerContact: z.string().trim().max(300),
  dpoName: z.string().trim().max(200),
  dpoContact: z.string().trim().max(300),
  /** Art. 30(1)(a), Art. 27: the representative in the Union, where the controller has one. */
  representative: z.string().trim().max(400).default(''),
});

export interface WorkspaceInfo {
  name: string;
  url: string;
  demo: boolean;
  me: Me | null;
}

/** A workspace this console has been signed in to: one platform and one account, with a data directory of its own. */
export interface KnownWorkspaceView {
  id: string;
  /** The platform's address; null for the demo workspace (its platform runs inside the console). */
  platformUrl: string | null;
  workspaceName: string;
  staffName: string;
  staffEmail: string;
  roles: string[];
  lastUsedAt: string;
}

/** Where the console stands with its platforms: which workspace is open, whether signed in, what is under way. */
export interface ConnectionState {
  /** The open workspace; null shows the connection screen. */
  current: (KnownWorkspaceView & { signedIn: boolean; scopes: string[]; service: boolean }) | null;
  workspaces: KnownWorkspaceView[];
  /** A sign-in waiting for the browser: its page, for the person to open (the desktop opens it itself). */
  signingIn: { platformUrl: string | null; url: string } | null;
  /** Why the last attempt failed. */
  error: { code: string; message: string } | null;
  /** An address to offer (the headless shell's --platform). */
  suggestedUrl: string | null;
  /** A service account's token runs this console: no sign-in, no switching. */
  service: boolean;
}

export const SignInInput = z.strictObject({
  /** null: the demo workspace. */
  platformUrl: z.string().trim().min(1).max(2000).nullable(),
  language: z.enum(['de', 'en']),
});

/** The console's own storage limitation: closed requests leave the cache this many months after closing. */
export const LocalRetentionInput = z.strictObject({ closedMonths: z.number().int().min(1).max(120) });

/** One entity, by its name and id. */
const EntityRef = z.strictObject({ entity: EntityNameSchema, id: Id });

/** A write still in the outbox, as the undo bar shows it. */
export interface PendingWriteView {
  /** Which write: the undo names it, so it takes back exactly what was shown. */
  seq: number;
  entity: EntityName;
  entityId: string;
  mutator: string;
  args: Record<string, unknown>;
  /** An irreversible write is held until then (it is sent at once after); null: sent as soon as possible. */
  holdUntil: string | null;
  /** Failed attempts to send it (the platform is unreachable). */
  attempts: number;
}

export const channels = {
  'connection.state': channel<ConnectionState>()(None),
  'connection.signIn': channel<ConnectionState>()(SignInInput),
  'connection.cancelSignIn': channel<ConnectionState>()(None),
  'connection.switch': channel<ConnectionState>()(z.strictObject({ id: z.string().regex(/^[0-9a-f]{16}$/) })),
  'connection.signOut': channel<ConnectionState>()(None),
  'workspace.info': channel<WorkspaceInfo>()(None),
  'sync.status': channel<SyncStatus>()(None),
  'sync.now': channel<SyncStatus>()(None),
  'staff.list': channel<Staff[]>()(None),
  'dsar.list': channel<QueuePage>()(QueueQuery),
  'dsar.get': channel<DsarDetail | null>()(z.strictObject({ id: Id })),
  'dsar.assign': channel<QueueRow>()(z.strictObject({ id: Id, assigneeId: Id.nullable() })),
  'dsar.setPriority': channel<DsarDetail>()(z.strictObject({ id: Id, priority: DsarPriority })),
  'dsar.setTags': channel<DsarDetail>()(z.strictObject({ id: Id, tags: z.array(Tag).max(20) })),
  'dsar.act': channel<DsarDetail>()(z.strictObject({ id: Id, action: DsarAction })),
  'dsar.create': channel<DsarDetail>()(DsarCreateFields.omit({ id: true }).superRefine(checkReachable)),
  'dsar.duplicates': channel<QueueRow[]>()(
    z.strictObject({
      userId: Id.nullable(),
      email: z.string().max(254).nullable(),
      name: z.string().max(200).default(''),
      address: z.string().max(300).nullable().default(null),
      type: DsarType,
    }),
  ),
  /** A message's editable text from its template; its required parts are added when the step is taken. */
  'dsar.draftMessage': channel<Message>()(
    z.strictObject({ id: Id, kind: MessageKind, delivery: z.enum(['email', 'post']).default('email') }),
  ),
  /** A sent message as a printable letter (PDF, DIN 5008 layout), for the ones that go by post; logged. */
  'dsar.letter': channel<FileExport>()(z.strictObject({ id: Id, eventId: Id })),
  /** The team's templates of a language; null while the platform has not sent them yet. */
  'templates.get': channel<(LetterTemplates & { pending: boolean }) | null>()(z.strictObject({ locale: z.enum(['de', 'en']) })),
  /** Saves them as a new version. */
  'templates.save': channel<LetterTemplates & { pending: boolean }>()(LetterTemplatesSave.extend({ locale: z.enum(['de', 'en']) })),
  'dsar.article15': channel<{ text: string }>()(z.strictObject({ id: Id })),
  'dsar.bulk': channel<{ matched: number; changed: number; skipped: number }>()(z.strictObject({ query: QueueQuery, change: BulkChange })),
  'dsar.export': channel<FileExport>()(z.strictObject({ query: QueueQuery, language: z.enum(['de', 'en']) })),
  'dsar.reminders': channel<DsarReminder[]>()(None),
  /** A copy of the delivered package for the file; logged as an export of personal data. */
  'dsar.package': channel<FileExport>()(z.strictObject({ id: Id, jobId: Id })),
  'accounts.search': channel<AccountMatch[]>()(z.strictObject({ q: SearchText.min(2) })),
  'clock.get': channel<ClockSettings>()(None),
  'retention.get': channel<z.infer<typeof LocalRetentionInput>>()(None),
  /** `removed`: closed requests that left the cache at once under the new setting. */
  'retention.update': channel<{ settings: z.infer<typeof LocalRetentionInput>; removed: number }>()(LocalRetentionInput),
  /** `recomputed`: how many due dates moved. */
  'clock.update': channel<{ settings: ClockSettings; recomputed: number }>()(ClockSettings),
  /** The breach register, newest awareness first. */
  'incident.list': channel<(Incident & { pending: boolean })[]>()(None),
  /** Undecided incidents whose 72-hour clock has reached 24, 12 or 4 hours left, or passed (0). */
  'incident.reminders': channel<IncidentReminder[]>()(None),
  /** Leavers still holding grants, the checks' findings, reviews due for the user (the desktop notifies each once). */
  'access.reminders': channel<AccessReminder[]>()(None),
  /** The register as CSV or PDF (Art. 33(5)); logged as an export. */
  'incident.export': channel<FileExport>()(
    z.strictObject({ language: z.enum(['de', 'en']), format: z.enum(['csv', 'pdf']).default('csv') }),
  ),
  'incident.setAftermath': channel<Incident & { pending: boolean }>()(IncidentSetAftermath.extend({ id: Id })),
  'incident.tickTask': channel<Incident & { pending: boolean }>()(IncidentTickTask.extend({ id: Id })),
  /** What the next report still lacks, before anything is sent. */
  'incident.reportCheck': channel<ReportCheck>()(ReportDraft.omit({ channel: true, language: true, sentAt: true })),
  'incident.submitReport': channel<Incident & { pending: boolean }>()(ReportDraft),
  'incident.setReference': channel<Incident & { pending: boolean }>()(IncidentSetReference.extend({ id: Id })),
  'incident.recordExemption': channel<Incident & { pending: boolean }>()(IncidentRecordExemption.extend({ id: Id })),
  /** A submitted report as it was frozen: its PDF (the report's language) or its JSON; logged as an export. */
  'incident.reportFile': channel<FileExport>()(z.strictObject({ id: Id, reportId: Id, format: z.enum(['pdf', 'json']) })),
  /** The playbook of every family. */
  'playbook.list': channel<(Playbook & { pending: boolean })[]>()(None),
  'playbook.save': channel<Playbook & { pending: boolean }>()(PlaybookSave.extend({ id: Id })),
  /** The notices to the people affected by one incident, newest first. */
  'notice.list': channel<(Notice & { pending: boolean })[]>()(z.strictObject({ incidentId: Id })),
  /** Whom an audience reaches, asked of the platform before sending (needs a connection). */
  'notice.preview': channel<AudiencePreview>()(z.strictObject({ audience: NoticeAudience })),
  /** The platform's courses, for an audience "enrolled in" (needs a connection). */
  'notice.courses': channel<string[]>()(None),
  'notice.send': channel<Notice & { pending: boolean }>()(
    z.strictObject({
      incidentId: Id,
      parts: z.strictObject({ de: NoticeParts, en: NoticeParts }),
      contact: z.string().trim().min(5).max(300),
      audience: NoticeAudience,
    }),
  ),
  'incident.create': channel<Incident & { pending: boolean }>()(IncidentFacts),
  'incident.update': channel<Incident & { pending: boolean }>()(z.strictObject({ id: Id, patch: IncidentPatch })),
  /** Assessed under the notification policy the platform holds. */
  'incident.assess': channel<Incident & { pending: boolean }>()(IncidentAssess.extend({ id: Id })),
  /** Which severity band triggers which notification (ENISA sets none): the policy the platform holds. */
  'breachPolicy.get': channel<NotificationPolicy>()(None),
  'breachPolicy.update': channel<NotificationPolicy>()(NotificationPolicy),
  'incident.decide': channel<Incident & { pending: boolean }>()(IncidentDecide.extend({ id: Id })),
  'incident.setStatus': channel<Incident & { pending: boolean }>()(IncidentSetStatus.extend({ id: Id })),
  /** Every version of every policy document, by document, language and number. */
  'policy.list': channel<(PolicyVersion & { pending: boolean })[]>()(None),
  /** A new draft: the console numbers it after the last version of the document in its language. */
  'policy.draft': channel<PolicyVersion & { pending: boolean }>()(PolicyDraft.omit({ id: true })),
  'policy.edit': channel<PolicyVersion & { pending: boolean }>()(z.strictObject({ id: Id, patch: PolicyEdit })),
  'policy.classify': channel<PolicyVersion & { pending: boolean }>()(PolicyClassify.extend({ id: Id })),
  /** A comment on a section (the console chooses its id), or `resolve` one. */
  'policy.comment': channel<PolicyVersion & { pending: boolean }>()(
    z.union([
      z.strictObject({ id: Id, sectionId: z.string().min(1).max(60), text: z.string().trim().min(2).max(2000) }),
      z.strictObject({ id: Id, resolve: Id }),
    ]),
  ),
  'policy.dismissHint': channel<PolicyVersion & { pending: boolean }>()(PolicyDismissHint.extend({ id: Id })),
  'policy.submit': channel<PolicyVersion & { pending: boolean }>()(PolicySubmit.extend({ id: Id })),
  'policy.approve': channel<PolicyVersion & { pending: boolean }>()(PolicyApprove.extend({ id: Id })),
  'policy.unschedule': channel<PolicyVersion & { pending: boolean }>()(PolicyUnschedule.extend({ id: Id })),
  'policy.schedule': channel<PolicyVersion & { pending: boolean }>()(PolicySchedule.extend({ id: Id })),
  /** The operator's staff accounts with their grants, and what the continuous checks found. */
  'access.overview': channel<AccessOverview>()(None),
  'access.reviews': channel<(AccessReview & { pending: boolean })[]>()(None),
  /** Start a review (the console chooses the id); the platform puts every grant in scope in it. */
  'access.review.start': channel<AccessReview & { pending: boolean }>()(ReviewStart.omit({ id: true })),
  'access.review.close': channel<AccessReview & { pending: boolean }>()(ReviewClose.extend({ id: Id })),
  /** Remind the reviewers with grants open (escalated to their managers once the review is overdue). */
  'access.review.remind': channel<AccessReview & { pending: boolean }>()(ReviewRemind.extend({ id: Id })),
  /** Each reviewer's items and decisions in a review, from the cache's counts. */
  'access.progress': channel<ReviewerProgress[]>()(z.strictObject({ reviewId: Id })),
  'access.settings.get': channel<AccessCheckSettings>()(None),
  'access.settings.update': channel<AccessCheckSettings>()(AccessCheckSettings),
  /** One page of a review's items, filtered; with each holder's name and the state of the grant. */
  'access.items': channel<{ rows: ReviewRow[]; total: number; open: number }>()(ItemQuery),
  'access.item.decide': channel<ReviewRow>()(ItemDecideInput.extend({ id: Id })),
  /** The same decision on every item of a filtered selection (at most 20,000), in one step. */
  'access.items.decideAll': channel<{ decided: number; refused: { id: string; problem: ProblemCode }[] }>()(
    z.strictObject({ query: ItemQuery.omit({ offset: true, limit: true }), decision: ItemDecideInput }),
  ),
  'access.grant.revoke': channel<Grant & { pending: boolean }>()(GrantRevoke.extend({ id: Id })),
  'access.grant.retry': channel<Grant & { pending: boolean }>()(GrantRetry.extend({ id: Id })),
  /** The review's evidence for auditors (CSV with inert cells, or PDF with the controls mapped), logged with its SHA-256. */
  'access.evidence': channel<FileExport>()(
    z.strictObject({ reviewId: Id, format: z.enum(['csv', 'pdf']), language: z.enum(['de', 'en']) }),
  ),
  /** Every campaign telling users of a material change (one per version), with its counts. */
  'campaign.list': channel<(PolicyCampaign & { pending: boolean })[]>()(None),
  /** Plan the campaign of a scheduled material version (the console names it after the version). */
  'campaign.plan': channel<PolicyCampaign & { pending: boolean }>()(CampaignPlanInput),
  'campaign.remind': channel<PolicyCampaign & { pending: boolean }>()(CampaignRemind.extend({ id: Id })),
  'campaign.cancel': channel<PolicyCampaign & { pending: boolean }>()(CampaignCancel.extend({ id: Id })),
  /** How many open accounts a campaign in a language reaches: the platform counts (online only). */
  'campaign.audience': channel<CampaignAudience>()(z.strictObject({ language: z.enum(['de', 'en']) })),
  /** For one account: which versions it was told of, when, and whether it acknowledged (online only). */
  'campaign.person': channel<PersonPolicyNotices>()(z.strictObject({ accountId: Id })),
  'processor.list': channel<(Processor & { pending: boolean })[]>()(None),
  'processor.create': channel<Processor & { pending: boolean }>()(ProcessorDraft),
  'processor.update': channel<Processor & { pending: boolean }>()(z.strictObject({ id: Id, patch: ProcessorPatch })),
  'registry.reminders': channel<Reminder[]>()(None),
  'overview.get': channel<Overview>()(None),
  'search.everything': channel<SearchHit[]>()(z.strictObject({ text: SearchText })),
  'report.monthly': channel<FileExport>()(
    z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM'), language: z.enum(['de', 'en']) }),
  ),
  'activity.list': channel<(ProcessingActivity & { pending: boolean })[]>()(None),
  'activity.create': channel<ProcessingActivity & { pending: boolean }>()(ActivityDraft),
  'activity.update': channel<ProcessingActivity & { pending: boolean }>()(z.strictObject({ id: Id, patch: ActivityPatch })),
  'controller.get': channel<ControllerDetails>()(None),
  'controller.update': channel<ControllerDetails>()(ControllerDetailsInput),
  'records.export': channel<FileExport>()(z.strictObject({ format: z.enum(['pdf', 'csv']), language: z.enum(['de', 'en']) })),
  /** The console's own audit trail, newest first; `next` continues it. */
  'audit.trail': channel<{ entries: AuditEntry[]; next: number | null }>()(AuditQuery),
  /** The filtered trail as a CSV file (logged as an export itself). */
  'audit.export': channel<FileExport>()(
    z.strictObject({ query: AuditQuery.omit({ before: true, limit: true }), language: z.enum(['de', 'en']) }),
  ),
  /** The platform's audit log of one entity, newest first (online only). */
  'audit.platform': channel<PlatformAuditPage>()(EntityRef.extend({ before: z.number().int().positive().nullable().default(null) })),
  /** The newest write of an entity that can still be undone; null once the platform has it (or is receiving it). */
  'writes.pending': channel<PendingWriteView | null>()(EntityRef),
  'writes.undo': channel<{ undone: boolean }>()(EntityRef.extend({ seq: z.number().int().positive() })),
  /** Sends an entity's held writes now instead of at the end of their moment for undo. */
  'writes.release': channel<{ released: number }>()(EntityRef),
  'conflicts.list': channel<Conflict[]>()(None),
  'conflicts.resolve': channel<SyncStatus>()(z.strictObject({ id: Id, action: z.enum(['reapply', 'discard']) })),
} as const;

export type ChannelName = keyof typeof channels;
export const channelNames = Object.keys(channels) as ChannelName[];
export type ChannelInput<K extends ChannelName> = z.input<(typeof channels)[K]['input']>;
export type ChannelOutput<K extends ChannelName> = NonNullable<(typeof channels)[K]['output']>['type'];

/** Events main pushes to the renderer. */
export interface Events {
  'cache.changed': { entities: string[] };
  'sync.status': SyncStatus;
  'connection.changed': ConnectionState;
  /** The desktop shell's menu, a deep link or a second start: go to a screen, or open the palette or the key help. */
  'app.command': AppCommand;
}
export type AppCommand = { go: string } | { open: 'palette' | 'help' };
export type EventName = keyof Events;
export const eventNames: EventName[] = ['cache.changed', 'sync.status', 'connection.changed', 'app.command'];
/** Every name the bridge exposes: the preload builds it from these, the headless shell sends them first. */
export const bridgeNames = { channels: channelNames, events: eventNames };

/** Channels the shell's workspace host answers itself (the rest go to the open workspace's console). */
export const isConnectionChannel = (name: string) => name.startsWith('connection.');
