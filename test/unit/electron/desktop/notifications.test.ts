import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Reminder } from '../../../../shared/domain/reminders';
import { electronMock } from './electron-mock';

vi.mock('electron', () => electronMock);
const { notifyReminders } = await import('../../../../electron/desktop/notifications');

const reminder = (key: string, kind: Reminder['kind']): Reminder => ({
  key,
  kind,
  processorId: 'p',
  processorName: 'Zahlwerk',
  date: '2026-12-20',
  days: 23,
  subject: 'Ledgerly Ltd.',
});

function fakeConsole(reminders: Reminder[]) {
  const events = new EventEmitter();
  return {
    reminders,
    events,
    dispatch: vi.fn(async () => ({ ok: true as const, value: reminders })),
    subscribe: (event: string, listener: (payload: unknown) => void) => {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
  };
}

describe('desktop notifications for registry reminders', () => {
  it('shows each reminder once, remembering what was shown, and again only for new ones after a registry change', async () => {
    electronMock.shown.length = 0;
    let stored: string[] = ['p:review:old'];
    const console_ = fakeConsole([reminder('p:objection:1', 'objection_open'), reminder('p:review:old', 'review_overdue')]);
    const stop = notifyReminders(console_ as never, { get: () => stored, set: (keys) => (stored = keys) }, 'de');
    await vi.waitFor(() => expect(electronMock.shown).toHaveLength(1));
    expect(electronMock.shown[0].body).toBe('Zahlwerk: Einspruch gegen Ledgerly Ltd. bis 2026-12-20 möglich.');
    expect(stored).toEqual(['p:review:old', 'p:objection:1']);

    console_.reminders.push(reminder('p:dpa:2027', 'dpa_expiring'));
    console_.events.emit('cache.changed', { entities: ['dsar'] });
    console_.events.emit('cache.changed', { entities: ['processor'] });
    await vi.waitFor(() => expect(electronMock.shown).toHaveLength(2));
    expect(console_.dispatch).toHaveBeenCalledTimes(2);
    stop();
  });
});
