import { describe, expect, it } from 'vitest';
import type { Dsar } from '../../../shared/api/dsar';
import type { DsarEvent } from '../../../shared/api/dsar-workflow';
import { type ClockLedger, daysLeft, dueDateOf, extensionRefusal, ledgerOf } from '../../../shared/domain/dsar-clock';

const berlin = { region: 'DE-BE', timeZone: 'Europe/Berlin', pausePolicy: 'none' } as const;
const ev = (kind: DsarEvent['kind'], at: string, extra: object = {}) =>
  ({ id: `${kind}-${at}`, at, actor: 'stf_a', kind, ...extra }) as DsarEvent;
const request = (events: DsarEvent[]): Pick<Dsar, 'receivedAt' | 'events'> => ({ receivedAt: '2026-11-02T09:00:00Z', events });

describe('clock ledger', () => {
  it('reads receipt, waits for the subject and the extension from the timeline', () => {
    const ledger = ledgerOf(
      request([
        ev('received', '2026-11-02T09:00:00Z', { channel: 'email' }),
        ev('identity_requested', '2026-11-03T09:00:00Z'),
        ev('identity_recorded', '2026-11-05T09:00:00Z', { method: 'email_confirmation', outcome: 'failed', note: '' }),
        ev('identity_recorded', '2026-11-06T09:00:00Z', { method: 'account_session', outcome: 'verified', note: '' }),
        ev('clarification_requested', '2026-11-10T09:00:00Z'),
        ev('extended', '2026-11-20T09:00:00Z', { reason: 'x', baseDue: '2026-12-02', clock: berlin }),
      ]),
    );
    expect(ledger).toEqual<ClockLedger>({
      receivedAt: '2026-11-02T09:00:00Z',
      // A failed check does not end the wait; only a verified identity does.
      waits: [
        ['identity', '2026-11-03T09:00:00Z', '2026-11-06T09:00:00Z'],
        ['clarification', '2026-11-10T09:00:00Z', null],
      ],
      extendedAt: '2026-11-20T09:00:00Z',
    });
  });

  const waited: ClockLedger = {
    receivedAt: '2026-11-02T09:00:00Z',
    waits: [['identity', '2026-11-03T09:00:00Z', '2026-11-13T09:00:00Z']],
    extendedAt: null,
  };

  it('by default never stops: one month from receipt, rolled to a working day', () => {
    // 2 Dec 2026 is a Wednesday.
    expect(dueDateOf(waited, berlin)).toMatchObject({ due: '2026-12-02', baseDue: '2026-12-02', pausedMs: 0, paused: false });
  });

  it('with the identity pause policy, the ten days waited move the start of counting', () => {
    const due = dueDateOf(waited, { ...berlin, pausePolicy: 'identity' });
    expect(due.countsFrom).toBe('2026-11-12T09:00:00.000Z');
    expect(due.pausedMs).toBe(10 * 86_400_000);
    // 12 Dec 2026 is a Saturday: the period ends on Monday 14 Dec.
    expect(due.due).toBe('2026-12-14');
  });

  it('a clarification wait counts only under the wider policy; an open wait shows the earliest date and "paused"', () => {
    const open: ClockLedger = { ...waited, waits: [['clarification', '2026-11-05T09:00:00Z', null]] };
    expect(dueDateOf(open, { ...berlin, pausePolicy: 'identity' })).toMatchObject({ paused: false, due: '2026-12-02' });
    expect(dueDateOf(open, { ...berlin, pausePolicy: 'identity_and_clarification' })).toMatchObject({ paused: true, due: '2026-12-02' });
  });

  it('an extension gives three months from the same start', () => {
    expect(dueDateOf({ ...waited, extendedAt: '2026-11-20T09:00:00Z' }, berlin)).toMatchObject({
      due: '2027-02-02',
      baseDue: '2026-12-02',
      extended: true,
    });
  });

  it('refuses an extension after the first month, or a second one', () => {
    expect(extensionRefusal(waited, berlin, '2026-12-02T22:59:00Z')).toBeNull(); // 23:59 in Berlin, still the last day
    expect(extensionRefusal(waited, berlin, '2026-12-02T23:01:00Z')).toMatchObject({
      code: 'extension-too-late',
      message: expect.stringMatching(/first month ended on 2026-12-02/),
    });
    expect(extensionRefusal({ ...waited, extendedAt: '2026-11-20T09:00:00Z' }, berlin, '2026-11-21T09:00:00Z')).toMatchObject({
      code: 'already-extended',
    });
  });

  it('counts days left in the controller zone', () => {
    expect(daysLeft('2026-12-02', new Date('2026-11-27T23:30:00Z'), 'Europe/Berlin')).toBe(4); // already 28 Nov in Berlin
    expect(daysLeft('2026-11-20', new Date('2026-11-27T12:00:00Z'), 'Europe/Berlin')).toBe(-7);
  });
});
