import type { RegistryFigure } from '../../shared/ipc/overview';

/** Where a figure of the overview leads: each module's screen filtered to exactly the rows behind it. */
export const links = {
  runningClocks: () => '/breaches?clock=running',
  incident: (id: string) => `/breaches?${new URLSearchParams({ open: id })}`,
  processors: (kind: RegistryFigure) => `/processors?${new URLSearchParams({ attention: kind })}`,
  campaign: (versionId: string) => `/policies?${new URLSearchParams({ version: versionId, tab: 'campaign' })}`,
  review: (id: string) => `/access?${new URLSearchParams({ tab: 'reviews', review: id })}`,
  leavers: (overdue: boolean) =>
    `/access?${new URLSearchParams({ tab: 'attention', finding: 'leaver', ...(overdue ? { overdue: '1' } : {}) })}`,
};
