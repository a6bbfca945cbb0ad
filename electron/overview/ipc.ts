import type { IpcRegistry } from '../ipc/registry';
import { type OverviewDeps, overviewAt } from './overview';

export function registerOverviewHandlers(ipc: IpcRegistry, deps: OverviewDeps): void {
  const overview = overviewAt(deps);
  ipc.handle('overview.get', () => overview(new Date()));
}
