import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * What a link brought in the address (`?open=…`, `?tab=…`): each value handed to its `apply` once, then all of
 * them taken out of the address in one change (two changes would each put back what the other took), so
 * closing what it opened does not open it again.
 */
export function useTakeParams(apply: Record<string, (value: string) => void>): void {
  const [params, setParams] = useSearchParams();
  const applyRef = useRef(apply);
  applyRef.current = apply;
  // The values as one string: a new link with the same names (another request) applies again.
  const taken = JSON.stringify(Object.keys(apply).map((name) => [name, params.get(name)]));
  useEffect(() => {
    const present = (JSON.parse(taken) as [string, string | null][]).filter((entry): entry is [string, string] => entry[1] !== null);
    if (!present.length) return;
    for (const [name, value] of present) applyRef.current[name]?.(value);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name] of present) next.delete(name);
        return next;
      },
      { replace: true },
    );
  }, [taken, setParams]);
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
