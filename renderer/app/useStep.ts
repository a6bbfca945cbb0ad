import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { BridgeCallError } from '../../shared/ipc/bridge';
import { useProblemText } from './problems';

/**
 * One step of a form through the bridge: the refusal kept beside the form, per field and as a sentence in the
 * reader's language; the screen's queries refreshed when it went through.
 */
export function useStep<Args, Result>(send: (args: Args) => Promise<Result>, refresh: QueryKey) {
  const problems = useProblemText();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: () => {
      setErrors({});
      setFailure(null);
      void queryClient.invalidateQueries({ queryKey: refresh });
    },
    onError: (error) => {
      setErrors(error instanceof BridgeCallError ? problems.byField(error.issues) : {});
      setFailure(problems.failure(error));
    },
  });
  /** Forgets the last refusal (the form now shows something else). */
  const reset = () => {
    setErrors({});
    setFailure(null);
  };
  return { mutation, errors, failure, reset };
}
