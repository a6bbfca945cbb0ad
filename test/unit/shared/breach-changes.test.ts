import { describe, expect, it } from 'vitest';
import { demoActivities } from '../../../sandbox/seed/activities';
import { generateIncidents } from '../../../sandbox/seed/incidents';
import { demoProcessors } from '../../../sandbox/seed/processors';
import { createRandom } from '../../../sandbox/seed/random';
import { demoStaff } from '../../../sandbox/seed/staff';
import type { Incident } from '../../../shared/api/breaches';
import { assessIncident, decideNotification, updateIncident } from '../../../shared/domain/breach-changes';
import type { MutationContext } from '../../../shared/entities/descriptor';

const ctx: MutationContext = {
  actor: 'stf_vogel',
  at: new Date().toISOString(),
  newId: () => crypto.randomUUID(),
  find: ((entity: string, id: string) =>
    (entity === 'staff'
      ? demoStaff.find((s) => s.id === id)
      : entity === 'activity'
        ? demoActivities.find((a) => a.id === id)
        : entity === 'processor'
          ? demoProcessors.find((p) => p.id === id)
          : null) ?? null) as MutationContext['find'],
};

describe('breach incidents', () => {
  it('a decision taken on a recommendation that moved is void, and the timeline says so', () => {
    const [seeded] = generateIncidents(createRandom(3), 1, new Date());
    let incident: Incident = { ...seeded, categories: ['account'], encryption: 'encrypted_key_safe', decision: null };
    incident = assessIncident(
      incident,
      {
        identifiers: ['maximum'],
        circumstances: { confidentiality: 0.5, integrity: 0, availability: 0, malicious: true },
        adjustments: [],
      },
      ctx,
    );
    const recommended = incident.assessments.at(-1)?.recommendation ?? { authority: false, subjects: false };
    incident = decideNotification(
      incident,
      { ...recommended, justification: '', delayReasons: 'Forensik abgewartet, erst dann war der Umfang klar.' },
      ctx,
    );
    expect(incident.decision).not.toBeNull();
    // The key turns out compromised: the people must now be told, so the decision must be taken again.
    const changed = updateIncident(incident, { encryption: 'encrypted_key_compromised', categories: ['account', 'payments'] }, ctx);
    expect(changed.decision).toBeNull();
    expect(changed.timeline.at(-1)?.text).toBe('decision void: the recommendation changed');
    // A change that moves nothing the decision rests on keeps it.
    expect(updateIncident(incident, { title: 'Neuer Titel des Vorfalls' }, ctx).decision).toEqual(incident.decision);
  });
});
