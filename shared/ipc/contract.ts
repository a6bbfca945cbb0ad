import { z } from 'zod';
import { ActivityDraft, ActivityPatch, type ProcessingActivity } from '../api/activities';
import type { Me, Staff } from '../api/common';
import { type Dsar, DsarStatus, DsarType } from '../api/dsar';
import { type Processor, ProcessorDraft, ProcessorPatch } from '../api/processors';
import type { ControllerDetails } from '../domain/records';
import type { Reminder } from '../domain/reminders';

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

export const QueueSort = z.enum(['due_asc', 'due_desc', 'received_desc', 'received_asc']);
export type QueueSort = z.infer<typeof QueueSort>;

export const QueueQuery = z.strictObject({
  statuses: z.array(DsarStatus).max(7).default([]),
  types: z.array(DsarType).max(6).default([]),
  /** 'me', 'unassigned', a staff id, or null for anyone. */
  assignee: z.string().min(1).max(64).nullable().default(null),
  search: z.string().trim().max(200).default(''),
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
  subjectEmail: string;
  receivedAt: string;
  dueDate: string;
  assigneeId: string | null;
  priority: Dsar['priority'];
  /** A local change to this request is still waiting to reach the platform. */
  pending: boolean;
}
export interface QueuePage {
  rows: QueueRow[];
  /** Pass as `after` for the next page; null at the end. */
  next: string | null;
}

export interface SyncStatus {
  state: 'starting' | 'syncing' | 'online' | 'offline';
  lastSyncedAt: string | null;
  pendingWrites: number;
  conflicts: number;
  lastError: string | null;
  /** During a bootstrap: entities applied so far. */
  applied: number;
}

export interface Conflict {
  id: string;
  entity: string;
  entityId: string;
  kind: 'stale' | 'rejected';
  /** What the user wanted to change. */
  intended: Record<string, unknown>;
  /** Why the platform said no. */
  detail: string;
  createdAt: string;
}

export interface WorkspaceInfo {
  name: string;
  url: string;
  demo: boolean;
  me: Me | null;
}

export const channels = {
  'workspace.info': channel<WorkspaceInfo>()(None),
  'sync.status': channel<SyncStatus>()(None),
  'sync.now': channel<SyncStatus>()(None),
  'staff.list': channel<Staff[]>()(None),
  'dsar.list': channel<QueuePage>()(QueueQuery),
  'dsar.get': channel<(Dsar & { dueDate: string; pending: boolean }) | null>()(z.strictObject({ id: z.string().min(1).max(64) })),
  'dsar.assign': channel<QueueRow>()(z.strictObject({ id: z.string().min(1).max(64), assigneeId: z.string().min(1).max(64).nullable() })),
  'processor.list': channel<(Processor & { pending: boolean })[]>()(None),
  'processor.get': channel<(Processor & { pending: boolean }) | null>()(z.strictObject({ id: z.string().min(1).max(64) })),
  'processor.create': channel<Processor & { pending: boolean }>()(ProcessorDraft),
  'processor.update': channel<Processor & { pending: boolean }>()(z.strictObject({ id: z.string().min(1).max(64), patch: ProcessorPatch })),
  'registry.reminders': channel<Reminder[]>()(None),
  'activity.list': channel<(ProcessingActivity & { pending: boolean })[]>()(None),
  'activity.create': channel<ProcessingActivity & { pending: boolean }>()(ActivityDraft),
  'activity.update': channel<ProcessingActivity & { pending: boolean }>()(
    z.strictObject({ id: z.string().min(1).max(64), patch: ActivityPatch }),
  ),
  'controller.get': channel<ControllerDetails>()(None),
  'controller.update': channel<ControllerDetails>()(
    z.strictObject({
      controllerName: z.string().trim().max(200),
      controllerAddress: z.string().trim().max(400),
      controllerContact: z.string().trim().max(300),
      dpoName: z.string().trim().max(200),
      dpoContact: z.string().trim().max(300),
    }),
  ),
  'records.export': channel<{ fileName: string; mimeType: string; base64: string; sha256: string }>()(
    z.strictObject({ format: z.enum(['pdf', 'csv']), language: z.enum(['de', 'en']) }),
  ),
  'exports.log': channel<{ at: string; kind: string; format: string; fileName: string; sha256: string; actor: string }[]>()(None),
  'conflicts.list': channel<Conflict[]>()(None),
  'conflicts.resolve': channel<SyncStatus>()(z.strictObject({ id: z.string().min(1).max(64), action: z.enum(['reapply', 'discard']) })),
} as const;

export type ChannelName = keyof typeof channels;
export const channelNames = Object.keys(channels) as ChannelName[];
export type ChannelInput<K extends ChannelName> = z.input<(typeof channels)[K]['input']>;
export type ChannelOutput<K extends ChannelName> = NonNullable<(typeof channels)[K]['output']>['type'];

/** Events main pushes to the renderer. */
export interface Events {
  'cache.changed': { entities: string[] };
  'sync.status': SyncStatus;
}
export type EventName = keyof Events;
export const eventNames: EventName[] = ['cache.changed', 'sync.status'];
