import type { IpcRegistry } from '../ipc/registry';
import { type SearchDeps, searchEverything } from './everything';

export function registerSearchHandlers(ipc: IpcRegistry, deps: SearchDeps & { today(): string }): void {
  ipc.handle('search.everything', ({ text }) => searchEverything(deps, text, deps.today()));
}
