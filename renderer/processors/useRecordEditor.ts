import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { problemsOf } from '../../shared/domain/problems';
import { BridgeCallError } from '../../shared/ipc/bridge';
import { useProblemText } from '../app/problems';

/** The top-level fields that differ: a small patch conflicts less with other people's changes. */
export function changedFields<D extends object>(before: D, after: D): Partial<D> {
  const patch: Partial<D> = {};
  for (const key of Object.keys(after) as (keyof D)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) patch[key] = after[key];
  }
  return patch;
}

interface RecordEditorOptions<D extends object> {
  schema: z.ZodType<D>;
  /** The record as it was when the editor opened; null when creating. */
  original: D | null;
  create(draft: D): Promise<unknown>;
  update(patch: Partial<D>): Promise<unknown>;
  /** Query key prefix to refresh after saving. */
  entity: string;
  savedMessage: string;
  onClose(): void;
}

/**
 * Save logic shared by the registry editors: the contract's rules checked in place before anything is sent,
 * only changed fields sent, and the main process's field issues shown on their fields.
 */
export function useRecordEditor<D extends object>(options: RecordEditorOptions<D>) {
  const problems = useProblemText();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (next: D) => (options.original ? options.update(changedFields(options.original, next)) : options.create(next)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [options.entity] });
      notifications.show({ color: 'teal', message: options.savedMessage });
      options.onClose();
    },
    onError: (error) => {
      if (error instanceof BridgeCallError && error.issues.length) setErrors(problems.byField(error.issues));
      else notifications.show({ color: 'red', message: problems.failure(error) });
    },
  });
  const submit = (draft: D) => {
    const parsed = options.schema.safeParse(draft);
    if (!parsed.success) {
      setErrors(problems.byField(problemsOf(parsed.error)));
      return;
    }
    if (options.original && Object.keys(changedFields(options.original, parsed.data)).length === 0) {
      options.onClose();
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  };
  return { errors, submit, saving: save.isPending };
}
