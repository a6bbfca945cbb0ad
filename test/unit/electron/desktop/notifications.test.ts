import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Reminder } from '../../../../shared/domain/reminders';
import type { AccessReminder, DsarReminder, IncidentReminder } from '../../../../shared/ipc/contract';
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

function fakeConsole(
  reminders: Reminder[],
  requests: DsarReminder[] = [],
  incidents: IncidentReminder[] = [],
  leavers: AccessReminder[] = [],
) {
  const events = new EventEmitter();
  return {
    reminders,
    requests,
    incidents,
    leavers,
    events,
    dispatch: vi.fn(async (channel: string) => ({
      ok: true as const,
      value:
        channel === 'dsar.reminders'
          ? requests
          : channel === 'incident.reminders'
            ? incidents
            : channel === 'access.reminders'
              ? leavers
              : reminders,
    })),
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
    expect(electronMock.shown[0].body).toBe('Zahlwerk: Einspruch gegen Ledgerly Ltd. bis 20.12.2026 möglich.');
    expect(stored).toEqual(['p:review:old', 'p:objection:1']);

    console_.reminders.push(reminder('p:dpa:2027', 'dpa_expiring'));
    console_.events.emit('cache.changed', { entities: ['dsar'] });
    console_.events.emit('cache.changed', { entities: ['processor'] });
    await vi.waitFor(() => expect(electronMock.shown).toHaveLength(2));
    // Start: every source; then one call per changed source.
    await vi.waitFor(() => expect(console_.dispatch.mock.calls).toHaveLength(6));
    expect(console_.dispatch.mock.calls.map(([channel]) => channel).sort()).toEqual([
      'access.reminders',
      'dsar.reminders',
      'dsar.reminders',
      'incident.reminders',
      'registry.reminders',
      'registry.reminders',
    ]);
    stop();
  });

  it('tells the officer of new requests and of her own nearing their deadline, once each, in her language', async () => {
    electronMock.shown.length = 0;
    let stored: string[] = [];
    const due: DsarReminder = {
      key: 'dsar:dsr_1:due_soon:2026-11-30',
      kind: 'due_soon',
      id: 'dsr_1',
      type: 'erasure',
      dueDate: '2026-11-30',
    };
    const console_ = fakeConsole([], [due]);
    const stop = notifyReminders(console_ as never, { get: () => stored, set: (keys) => (stored = keys) }, 'en');
    await vi.waitFor(() => expect(electronMock.shown).toHaveLength(1));
    expect(electronMock.shown[0]).toMatchObject({
      title: 'Privacy Console – data-subject requests',
      body: 'Request dsr_1 (Erasure (Art. 17)) is due on 30 Nov 2026.',
    });
    console_.requests.push({ key: 'dsar:dsr_2:new', kind: 'new', id: 'dsr_2', type: 'access', dueDate: '2026-12-28' });
    console_.events.emit('cache.changed', { entities: ['dsar'] });
    await vi.waitFor(() => expect(electronMock.shown).toHaveLength(2));
    expect(electronMock.shown[1].body).toBe('New request dsr_2 (Access (Art. 15)), due 28 Dec 2026.');
    // No data subject is named: notifications show on lock screens and in notification centres.
    for (const shown of electronMock.shown) expect(JSON.stringify(shown)).not.toMatch(/Weiß|Yıldız/);
    expect(stored).toEqual(['dsar:dsr_1:due_soon:2026-11-30', 'dsar:dsr_2:new']);
    stop();
  });

  it('counts down the 72-hour clock of an undecided incident: 24, 12, 4 hours left and passed, once each', async () => {
    electronMock.shown.length = 0;
    let stored: string[] = [];
    const reminder = (hoursLeft: 24 | 12 | 4 | 0): IncidentReminder => ({
      key: `incident:inc_1:${hoursLeft}`,
      id: 'inc_1',
      title: 'Ransomware auf dem Dateiserver',
      hoursLeft,
      deadline: '2026-11-30T09:00:00.000Z',
    });
    const console_ = fakeConsole([], [], [reminder(24)]);
    const stop = notifyReminders(console_ as never, { get: () => stored, set: (keys) => (stored = keys) }, 'en');
    await vi.waitFor(() => expect(electronMock.shown).toHaveLength(1));
    expect(electronMock.shown[0]).toEqual({
      title: 'Privacy Console – breaches',
      body: '"Ransomware auf dem Dateiserver": 24 hours left to notify the authority (Art. 33).',
    });
    console_.incidents.splice(0, 1, reminder(0));
    console_.events.emit('cache.changed', { entities: ['incident'] });
    await vi.waitFor(() => expect(electronMock.shown).toHaveLength(2));
    expect(electronMock.shown[1].body).toBe('"Ransomware auf dem Dateiserver": the 72 hours to notify have passed.');
    stop();
  });

  it('a leaver still holding grants is told by department and count, never by name; again once overdue', async () => {
    electronMock.shown.length = 0;
    let stored: string[] = [];
    const leaver: Extract<AccessReminder, { kind: 'leaver' }> = {
      kind: 'leaver',
      key: 'access:leaver:emp_0013:due',
      department: 'support',
      grants: 3,
      dueDate: '2026-11-27',
      overdue: false,
    };
    const console_ = fakeConsole([], [], [], [leaver]);
    const stop = notifyReminders(console_ as never, { get: () => stored, set: (keys) => (stored = keys) }, 'de');
    await vi.waitFor(() => expect(electronMock.shown).toHaveLength(1));
    expect(electronMock.shown[0]).toMatchObject({
      title: 'Privacy Console – Zugriffsrechte',
      body: 'Ausgeschieden (Support), hält noch 3 Berechtigung(en): bis Ende 27.11.2026 entziehen.',
    });
    console_.leavers.splice(0, 1, { ...leaver, key: 'access:leaver:emp_0013:overdue', overdue: true });
    console_.events.emit('cache.changed', { entities: ['grant'] });
    await vi.waitFor(() => expect(electronMock.shown).toHaveLength(2));
    expect(electronMock.shown[1].body).toBe('Ausgeschieden (Support), hält noch 3 Berechtigung(en): Die Frist endete mit dem 27.11.2026.');
    stop();
  });

  it('a check’s findings are told by kind and count, again only when someone new is among them; a review due for the user', async () => {
    electronMock.shown.length = 0;
    let stored: string[] = [];
    const finding = (members: string[]): AccessReminder => ({
      kind: 'finding',
      key: 'access:no_mfa',
      members: members.map((id) => `access:no_mfa:${id}`),
      finding: 'no_mfa',
      people: members.length,
    });
    const review: AccessReminder = {
      kind: 'review',
      key: 'access:review:arv_1:due',
      title: 'Zahlungsdaten Q4',
      open: 12,
      dueDate: '2026-12-04',
      overdue: false,
    };
    const console_ = fakeConsole([], [], [], [finding(['emp_1', 'emp_2']), review]);
    const stop = notifyReminders(console_ as never, { get: () => stored, set: (keys) => (stored = keys) }, 'en');
    await vi.waitFor(() => expect(electronMock.shown).toHaveLength(2));
    expect(electronMock.shown.map((n) => n.body)).toEqual([
      '2 account(s) hold sensitive or privileged grants without MFA.',
      'Review "Zahlungsdaten Q4": 12 grant(s) wait for your decision, due on 4 Dec 2026.',
    ]);
    // One of them fixed: nothing new, nothing shown.
    console_.leavers.splice(0, 2, finding(['emp_2']), review);
    console_.events.emit('cache.changed', { entities: ['grant'] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(electronMock.shown).toHaveLength(2);
    // Someone new: told again, with the count.
    console_.leavers.splice(0, 2, finding(['emp_2', 'emp_3']), review);
    console_.events.emit('cache.changed', { entities: ['employee'] });
    await vi.waitFor(() => expect(electronMock.shown).toHaveLength(3));
    expect(electronMock.shown[2].body).toBe('2 account(s) hold sensitive or privileged grants without MFA.');
    stop();
  });

  it('looks again when another workspace is opened (its reminders are new to this user)', async () => {
    electronMock.shown.length = 0;
    let stored: string[] = [];
    const console_ = fakeConsole([]);
    const stop = notifyReminders(console_ as never, { get: () => stored, set: (keys) => (stored = keys) }, 'en');
    await vi.waitFor(() => expect(console_.dispatch).toHaveBeenCalledWith('access.reminders', undefined));
    expect(electronMock.shown).toHaveLength(0);
    console_.reminders.push(reminder('p:objection:2', 'objection_open'));
    console_.events.emit('connection.changed', { current: null });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(electronMock.shown).toHaveLength(0);
    console_.events.emit('connection.changed', { current: { id: 'abc' } });
    await vi.waitFor(() => expect(electronMock.shown).toHaveLength(1));
    stop();
  });
});
