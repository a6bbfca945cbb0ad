import { type ComponentType, createContext, Suspense, useContext } from 'react';
import type { DsarType } from '../../shared/api/dsar';
import { PartBoundary } from './PartBoundary';

/** What a feature may show in a request's detail about the person behind it (their platform account). */
export type SubjectPanel = ComponentType<{ accountId: string; requestType: DsarType }>;

/**
 * The panels the features contribute to a request's detail, provided by the shell: a feature shows what it
 * knows of a person there without the request's feature importing it.
 */
export const SubjectPanelsContext = createContext<readonly SubjectPanel[]>([]);

/** Every contributed panel for one request's subject. */
export function SubjectPanels({ accountId, requestType }: { accountId: string; requestType: DsarType }) {
  const panels = useContext(SubjectPanelsContext);
  // A panel may be a chunk of its own: the request's detail stays on screen while it loads.
  return (
    <PartBoundary>
      <Suspense fallback={null}>
        {panels.map((Panel, index) => (
          <Panel key={Panel.displayName ?? index} accountId={accountId} requestType={requestType} />
        ))}
      </Suspense>
    </PartBoundary>
  );
}
