import { describe, expect, it } from 'vitest';
import { demoProcessors } from '../../../sandbox/seed/processors';
import { objectionDaysLeft, objectionDeadline } from '../../../shared/domain/objections';
import { registryReminders } from '../../../shared/domain/reminders';

describe('objection windows (Art. 28(2))', () => {
  it('count calendar days from the notice', () => {
    expect(objectionDeadline({ noticeAt: '2026-11-20', objectionDays: 30 })).toBe('2026-12-20');
    expect(objectionDeadline({ noticeAt: '2026-02-15', objectionDays: 14 })).toBe('2026-03-01');
    expect(objectionDaysLeft({ noticeAt: '2026-11-20', objectionDays: 30 }, '2026-11-27')).toBe(23);
    expect(objectionDaysLeft({ noticeAt: '2026-10-01', objectionDays: 30 }, '2026-11-27')).toBe(-27);
  });
});

describe('registry reminders', () => {
  const reminders = registryReminders(demoProcessors, '2026-11-27');
  const kinds = (id: string) => reminders.filter((r) => r.processorId === id).map((r) => r.kind);

  it('flags DPAs expiring within 60 days, not later ones', () => {
    expect(kinds('prc_analytics-lernmetrik')).toContain('dpa_expiring'); // 2026-12-31: 34 days
    expect(kinds('prc_payments-zahlwerk')).toContain('dpa_expiring'); // 2027-01-09: 43 days
    // On 5 Nov the payment DPA is 65 days away: outside the window; on 10 Nov exactly 60: inside.
    const expiring = (today: string) =>
      registryReminders(demoProcessors, today)
        .filter((r) => r.kind === 'dpa_expiring')
        .map((r) => r.processorId);
    expect(expiring('2026-11-05')).toEqual(['prc_analytics-lernmetrik']);
    expect(expiring('2026-11-10')).toEqual(['prc_analytics-lernmetrik', 'prc_payments-zahlwerk']);
    expect(registryReminders(demoProcessors, '2027-01-10').map((r) => r.kind)).toContain('dpa_expired');
  });

  it('flags overdue reviews and open objection windows with the days left', () => {
    expect(kinds('prc_lms-h5quiz')).toContain('review_overdue');
    const objection = reminders.find((r) => r.kind === 'objection_open');
    expect(objection).toMatchObject({ processorId: 'prc_payments-zahlwerk', subject: 'Ledgerly Ltd.', date: '2026-12-20', days: 23 });
    expect(reminders.some((r) => r.subject === 'CloudCore Europe GmbH')).toBe(false); // decided
  });

  it('flags a processor without a signed DPA, or with Art. 28(3) clauses not agreed; not an independent controller', () => {
    expect(reminders.find((r) => r.processorId === 'prc_lms-h5quiz' && r.kind === 'dpa_clauses_missing')).toMatchObject({ subject: 'd' });
    expect(reminders.find((r) => r.processorId === 'prc_analytics-lernmetrik' && r.kind === 'dpa_clauses_missing')).toMatchObject({
      subject: 'h',
    });
    expect(kinds('prc_video-streamcraft')).not.toContain('dpa_missing'); // its own controller: no Art. 28 contract
    const unsigned = demoProcessors.map((p) => (p.id === 'prc_hosting-nordcloud' ? { ...p, dpa: { ...p.dpa, signedAt: null } } : p));
    const found = registryReminders(unsigned, '2026-11-27').filter((r) => r.processorId === 'prc_hosting-nordcloud');
    expect(found.map((r) => r.kind)).toEqual(['dpa_missing']);
  });

  it('asks about DPF certification where a US recipient relies on adequacy, until it is answered', () => {
    expect(reminders.some((r) => r.kind === 'dpf_unconfirmed')).toBe(false); // Streamcraft is certified
    const unchecked = demoProcessors.map((p) =>
      p.id === 'prc_video-streamcraft'
        ? { ...p, transfer: { ...p.transfer, dpfCertified: null } }
        : p.id === 'prc_payments-zahlwerk'
          ? { ...p, subProcessors: p.subProcessors.map((s) => ({ ...s, transfer: { ...s.transfer, mechanism: 'adequacy' as const } })) }
          : p,
    );
    const asked = registryReminders(unchecked, '2026-11-27').filter((r) => r.kind === 'dpf_unconfirmed');
    expect(asked.map((r) => [r.processorId, r.subject])).toEqual([
      ['prc_video-streamcraft', 'Streamcraft Video, Inc.'],
      ['prc_payments-zahlwerk', 'Zahlwerk, Inc.'],
    ]);
  });

  it('asks for the safeguard of a new sub-processor in a third country while the notice is open', () => {
    expect(reminders.find((r) => r.kind === 'notice_third_country')).toMatchObject({
      processorId: 'prc_payments-zahlwerk',
      subject: 'Ledgerly Ltd. (GB)',
    });
    const settled = demoProcessors.map((p) => ({
      ...p,
      changeNotices: p.changeNotices.map((n) => ({
        ...n,
        transfer: { mechanism: 'adequacy' as const, sccModule: null, tiaDate: null, dpfCertified: null },
      })),
    }));
    expect(registryReminders(settled, '2026-11-27').some((r) => r.kind === 'notice_third_country')).toBe(false);
  });

  it('ignores terminated processors and sorts by date', () => {
    const ended = demoProcessors.map((p) => ({ ...p, status: 'terminated' as const }));
    expect(registryReminders(ended, '2026-11-27')).toEqual([]);
    expect(reminders.map((r) => r.date)).toEqual([...reminders.map((r) => r.date)].sort());
  });
});
