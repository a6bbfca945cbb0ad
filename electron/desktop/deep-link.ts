import type { AppCommand } from '../../shared/ipc/contract';

export const DEEP_LINK_SCHEME = 'privacy-console';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * `privacy-console://requests/dsr_123` (or incidents, processors, activities, policies, reviews, overview) as
 * the screen it opens. Anything else is ignored: a link is untrusted input from any other program.
 */
export function deepLinkCommand(raw: string): AppCommand | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:` || url.username || url.password) return null;
  // `privacy-console://requests/dsr_1`: the host is the screen, the path the id.
  const screen = url.hostname;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts.length > 1) return null;
  const id = parts[0] ?? null;
  if (id !== null && !ID.test(id)) return null;
  const open = (path: string, param: string) => ({ go: id ? `${path}?${new URLSearchParams({ [param]: id })}` : path });
  switch (screen) {
    case 'overview':
      return id ? null : { go: '/overview' };
    case 'requests':
      return id
        ? { go: `/requests?${new URLSearchParams({ q: JSON.stringify({ search: id, statuses: [] }), open: id })}` }
        : { go: '/requests' };
    case 'incidents':
      return open('/breaches', 'open');
    case 'processors':
      return open('/processors', 'open');
    case 'activities':
      return open('/records', 'open');
    case 'policies':
      return open('/policies', 'version');
    case 'reviews':
      return id ? { go: `/access?${new URLSearchParams({ tab: 'reviews', review: id })}` } : { go: '/access' };
    default:
      return null;
  }
}

/** The deep link among a second start's arguments (Windows and Linux pass it there), if any. */
export const deepLinkIn = (argv: readonly string[]): string | null => argv.find((arg) => arg.startsWith(`${DEEP_LINK_SCHEME}://`)) ?? null;
