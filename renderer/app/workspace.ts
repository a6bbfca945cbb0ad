import { useQuery } from '@tanstack/react-query';
import type { Scope } from '../../shared/api/common';
import { useBridge } from '../bridge/context';
import { shellQueries } from './queries';

/** The workspace: its name, the platform's address, whether it is the demo, and who is signed in. */
export function useWorkspace() {
  const bridge = useBridge();
  return useQuery(shellQueries.workspace(bridge));
}

/** Whether the signed-in person's platform role has the scope (false while unknown: nothing is offered yet). */
export function useMayWrite(scope: Scope): boolean {
  const workspace = useWorkspace();
  return workspace.data?.me?.scopes.includes(scope) ?? false;
}

/** Whether the person may read what a scope opens (true while unknown: a start screen does not flicker empty). */
export function useMayRead(): (scope: Scope) => boolean {
  const scopes = useWorkspace().data?.me?.scopes;
  return (scope) => !scopes || scopes.includes(scope);
}
