import type { ConsoleEndpoint } from '../workspaces/host';

/**
 * The number of overdue requests on the dock or taskbar icon (macOS, Linux launchers that show counts), looked up
 * from the overview each minute and after every change in the cache; nothing where no workspace is open.
 */
export function showOverdueBadge(
  host: ConsoleEndpoint,
  setBadgeCount: (count: number) => boolean,
  options: { everyMs?: number; settleMs?: number } = {},
): () => void {
  const { everyMs = 60_000, settleMs = 2_000 } = options;
  let stopped = false;
  // A sync brings many changes in a row: one lookup once they settle.
  let settling: ReturnType<typeof setTimeout> | null = null;
  const update = async () => {
    settling = null;
    if (stopped) return;
    const answer = await host.dispatch('overview.get', undefined).catch(() => null);
    const overdue = answer?.ok ? ((answer.value as { dsar: { overdue: number } | null }).dsar?.overdue ?? 0) : 0;
    if (!stopped) setBadgeCount(overdue);
  };
  const soon = () => {
    if (settling) clearTimeout(settling);
    settling = setTimeout(() => void update(), settleMs);
  };
  void update();
  const timer = setInterval(() => void update(), everyMs);
  const offChanged = host.subscribe('cache.changed', soon);
  const offConnection = host.subscribe('connection.changed', soon);
  return () => {
    stopped = true;
    if (settling) clearTimeout(settling);
    clearInterval(timer);
    offChanged();
    offConnection();
  };
}
