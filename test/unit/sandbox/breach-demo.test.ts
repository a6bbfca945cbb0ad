import { describe, expect, it } from 'vitest';
import { emitIncident } from '../../../sandbox/breaches/emit';
import { ensureIncidents, seedIfEmpty } from '../../../sandbox/seed/seed';
import { PlatformStore } from '../../../sandbox/store/store';
import type { Incident } from '../../../shared/api/breaches';
import { breachAuthorityDeadline } from '../../../shared/domain/breach-clock';

describe('the demo breach register', () => {
  it('a processor reports a new incident while the demo runs: aware 49 hours, assessed, the clock ticking; one at a time', () => {
    const store = new PlatformStore(':memory:');
    const now = new Date('2026-11-27T12:00:00Z');
    seedIfEmpty(store, { requests: 5, now });
    ensureIncidents(store, now);
    expect(store.count('playbook')).toBe(7);
    const incident = emitIncident(store, now) as Incident;
    expect(incident.reportedBy).toMatchObject({ kind: 'processor', processorId: 'prc_email-postfach' });
    expect(Date.parse(breachAuthorityDeadline(incident.awareAt)) - now.getTime()).toBe(23 * 3_600_000);
    expect(incident.assessments.at(-1)).toMatchObject({ band: 'very_high', recommendation: { authority: true, subjects: true } });
    expect(incident.decision).toBeNull();
    expect(incident.playbook).toMatchObject({ family: 'exfiltration', revision: 1 });
    expect(store.get('incident', incident.id)).toEqual(incident);
    expect(emitIncident(store, now)).toBeNull();
  });

  it('the history: notified incidents carry their reports under a reference, and the people told have a delivered notice', () => {
    const store = new PlatformStore(':memory:');
    const now = new Date('2026-11-27T12:00:00Z');
    seedIfEmpty(store, { requests: 5, now });
    ensureIncidents(store, now);
    const incidents = store.all<Incident>('incident');
    const notified = incidents.filter((i) => i.decision?.authority);
    expect(notified.length).toBeGreaterThan(5);
    for (const incident of notified) {
      expect(incident.reports[0]?.phase).toBe('initial');
      expect(incident.authorityReference).toMatch(/^BlnBDI-DP-\d{4}-\d{4}$/);
    }
    expect(incidents.some((i) => i.reports.some((r) => r.phase === 'follow_up'))).toBe(true);
    const told = incidents.filter((i) => i.decision?.subjects).map((i) => i.id);
    expect(
      store
        .all<{ incidentId: string; state: string }>('notice')
        .map((n) => n.incidentId)
        .sort(),
    ).toEqual(told.sort());
    // Documented only: decided, neither notified, still in the register (Art. 33(5)).
    expect(incidents.some((i) => i.decision && !i.decision.authority && i.status === 'closed')).toBe(true);
  });
});
