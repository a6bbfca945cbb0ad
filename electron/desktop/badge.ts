import { deflateSync } from 'node:zlib';
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

/** What the shell offers for showing the count: a badge (macOS, Linux launchers) or a taskbar overlay (Windows). */
export interface BadgeTarget {
  platform: NodeJS.Platform;
  setBadgeCount(count: number): boolean;
  /** Windows: an icon over the taskbar button with its description; null removes it. */
  setOverlayIcon(png: Buffer | null, description: string): void;
}

/**
 * The count on the dock or taskbar: Windows has no badge count, so its taskbar button gets a red mark with the
 * number in its description (what screen readers and the tooltip say); elsewhere the badge count.
 */
export function badgeSetter(target: BadgeTarget, language: 'de' | 'en'): (count: number) => boolean {
  if (target.platform !== 'win32') return (count) => target.setBadgeCount(count);
  const mark = redDot(16);
  return (count) => {
    if (count === 0) target.setOverlayIcon(null, '');
    else target.setOverlayIcon(mark, language === 'de' ? `${count} überfällige Anfragen` : `${count} overdue requests`);
    return true;
  };
}

/** A red filled circle as a PNG of `size`×`size` pixels (RGBA), made without an image library. */
export function redDot(size: number): Buffer {
  const row = 1 + size * 4;
  const pixels = Buffer.alloc(row * size);
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    pixels[y * row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const inside = Math.hypot(x - centre, y - centre) <= size / 2 - 0.5;
      pixels.set(inside ? [0xe0, 0x31, 0x31, 0xff] : [0, 0, 0, 0], y * row + 1 + x * 4);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
