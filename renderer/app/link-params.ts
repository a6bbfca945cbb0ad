import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * What a link brought in the address (`?open=…`, `?tab=…`): handed to `apply` once, then taken out of the
 * address, so closing what it opened does not open it again.
 */
export function useTakeParam(name: string, apply: (value: string) => void): void {
  const [params, setParams] = useSearchParams();
  const value = params.get(name);
  const applyRef = useRef(apply);
  applyRef.current = apply;
  useEffect(() => {
    if (value === null) return;
    applyRef.current(value);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete(name);
        return next;
      },
      { replace: true },
    );
  }, [name, value, setParams]);
}

/** A filter a link set (`?clock=running`): its value while it is in the address, and how to drop it. */
export function useFilterParam(name: string): [string | null, () => void] {
  const [params, setParams] = useSearchParams();
  const clear = useCallback(
    () =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [name, setParams],
  );
  return [params.get(name), clear];
}
