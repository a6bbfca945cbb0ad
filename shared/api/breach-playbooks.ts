import { z } from 'zod';
import { problem } from '../domain/problems';
import { EntityBase, Iso, Role } from './common';

/** The phases of handling a breach, in the order a playbook walks them. */
export const TaskPhase = z.enum(['contain', 'preserve', 'assess', 'decide', 'notify', 'communicate', 'review']);
export type TaskPhase = z.infer<typeof TaskPhase>;

/** A text the team reads in either language. */
export const Bilingual = z.strictObject({ de: z.string().trim().min(3).max(500), en: z.string().trim().min(3).max(500) });
export type Bilingual = z.infer<typeof Bilingual>;

/** One task of a playbook: who does it, by when (hours after awareness), and what evidence it leaves. */
export const PlaybookTask = z.strictObject({
  /** Stable within the playbook: `contain-isolate`. */
  key: z.string().regex(/^[a-z0-9-]{2,40}$/, 'lower-case letters, digits and -'),
  phase: TaskPhase,
  title: Bilingual,
  role: Role,
  /** Due this many hours after the instant of awareness (the 72-hour clock's start). */
  dueHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 90),
  /** The evidence the task leaves behind (a log export, a ticket); ticking it off names where it is. Empty: none. */
  evidence: z.strictObject({ de: z.string().trim().max(500), en: z.string().trim().max(500) }),
});
export type PlaybookTask = z.infer<typeof PlaybookTask>;

const Tasks = z
  .array(PlaybookTask)
  .min(1)
  .max(40)
  .superRefine((tasks, ctx) => {
    const seen = new Set<string>();
    tasks.forEach((task, index) => {
      if (seen.has(task.key)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'key'],
          message: `task ${task.key} twice`,
          params: problem('duplicate-task', { key: task.key }),
        });
      }
      seen.add(task.key);
    });
  });

/** One earlier revision of a playbook, kept whole: an incident started on it can always be traced to it. */
export const PlaybookRevision = z.object({
  revision: z.number().int().positive(),
  savedAt: Iso,
  savedBy: z.string().min(1).max(64),
  note: z.string().max(500),
  tasks: z.array(PlaybookTask),
});

/** The playbook of one incident family (id `pb_<family>`), versioned: each save is a new revision. */
export const Playbook = EntityBase.extend({
  family: z.string().min(1).max(40),
  revision: z.number().int().positive(),
  tasks: z.array(PlaybookTask),
  savedAt: Iso,
  savedBy: z.string().min(1).max(64),
  note: z.string().max(500),
  /** Earlier revisions, newest last. */
  history: z.array(PlaybookRevision),
}).meta({ id: 'Playbook' });
export type Playbook = z.infer<typeof Playbook>;

/** PATCH /v1/playbooks/{id}: the tasks as they shall be and why; the result is a new revision. */
export const PlaybookSave = z.strictObject({ tasks: Tasks, note: z.string().trim().max(500).default('') }).meta({ id: 'PlaybookSave' });
export type PlaybookSave = z.infer<typeof PlaybookSave>;

/** A task as an incident carries it: the playbook's task, and when and by whom it was done, with its evidence. */
export const IncidentTask = PlaybookTask.extend({
  done: z.object({ at: Iso, by: z.string().min(1).max(64), evidence: z.string().max(2000) }).nullable(),
});
export type IncidentTask = z.infer<typeof IncidentTask>;

export const playbookIdOf = (family: string) => `pb_${family}`;
