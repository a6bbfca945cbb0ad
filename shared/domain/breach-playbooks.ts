import type { Playbook, PlaybookSave } from '../api/breach-playbooks';
import type { MutationContext } from '../entities/descriptor';

/** Earlier revisions kept whole on the playbook; older ones remain in the platform's audit log. */
export const PLAYBOOK_HISTORY = 50;

/**
 * A new revision of a family's playbook. Incidents already running keep the revision they started with;
 * only incidents logged from now on get the new tasks. Saving the same tasks again changes nothing.
 */
export function savePlaybook(current: Playbook, args: PlaybookSave, ctx: MutationContext): Playbook {
  if (JSON.stringify(current.tasks) === JSON.stringify(args.tasks)) return current;
  const previous = {
    revision: current.revision,
    savedAt: current.savedAt,
    savedBy: current.savedBy,
    note: current.note,
    tasks: current.tasks,
  };
  return {
    ...current,
    updatedAt: ctx.at,
    revision: current.revision + 1,
    tasks: args.tasks,
    savedAt: ctx.at,
    savedBy: ctx.actor,
    note: args.note,
    history: [...current.history, previous].slice(-PLAYBOOK_HISTORY),
  };
}

/** Whether a task is past its due hour and not done: the screen highlights it. */
export const taskOverdue = (awareAt: string, task: { dueHours: number; done: unknown }, now: Date) =>
  task.done === null && now.getTime() > Date.parse(awareAt) + task.dueHours * 3_600_000;

/** The instant a task is due. */
export const taskDue = (awareAt: string, dueHours: number) => new Date(Date.parse(awareAt) + dueHours * 3_600_000).toISOString();
