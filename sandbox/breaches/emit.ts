import { randomUUID } from 'node:crypto';
import type { Incident } from '../../shared/api/breaches';
import { assessIncident, createIncident } from '../../shared/domain/breach-changes';
import type { MutationContext } from '../../shared/entities/descriptor';
import { sha256Hex } from '../store/digest';
import type { PlatformStore } from '../store/store';

const HOUR = 3_600_000;
const TITLE = 'Versanddienstleister meldet unbefugten Zugriff auf Empfängerlisten';

/**
 * A processor reports an incident to the platform's security lead, who logs it: the demo workspace does this
 * once shortly after it starts, with the controller aware for 49 hours, so the 72-hour clock is seen ticking
 * (23 hours left, the 24-hour reminder already due) and the processor's head start shows. Assessed, not decided.
 */
export function emitIncident(store: PlatformStore, now = new Date()): Incident | null {
  const actor = 'stf_krueger';
  if (!store.get('staff', actor) || !store.get('processor', 'prc_email-postfach')) return null;
  // One such incident at a time: a demo restarted while the last one is still open files none.
  if (store.all<Incident>('incident').some((i) => i.title === TITLE && i.status !== 'closed')) return null;
  const aware = now.getTime() - 49 * HOUR;
  // Logged an hour after the company became aware, assessed five hours later.
  const ctx: MutationContext = {
    actor,
    at: new Date(aware + HOUR).toISOString(),
    newId: randomUUID,
    digest: sha256Hex,
    find: (entity, id) => store.get(entity, id),
  };
  const incident = createIncident(
    {
      id: `inc_${randomUUID().replace(/-/g, '').slice(0, 12)}`,
      title: TITLE,
      description:
        'Der E-Mail-Versanddienstleister meldet, dass ein Angreifer mit gestohlenen Zugangsdaten eines Mitarbeiters Empfängerlisten exportiert hat, darunter die Newsletter-Liste der Plattform.',
      family: 'exfiltration',
      discoveredAt: new Date(aware - 20 * HOUR).toISOString(),
      awareAt: new Date(aware).toISOString(),
      awareDecidedBy: 'stf_vogel',
      reportedBy: { kind: 'processor', processorId: 'prc_email-postfach', processorAwareAt: new Date(aware - 18 * HOUR).toISOString() },
      losses: ['confidentiality'],
      categories: ['account', 'preferences'],
      activityIds: store.get('activity', 'act_email') ? ['act_email'] : [],
      processorIds: ['prc_email-postfach'],
      people: { min: 4000, max: 12_000 },
      records: { min: 4000, max: 12_000 },
      vulnerableGroups: ['minors'],
      encryption: 'none',
      ownerId: actor,
      consequences: '',
      measures: '',
    },
    ctx,
  );
  // The security lead assessed it on the first day: the officer can decide, report and tell the people.
  const assessed = assessIncident(
    incident,
    {
      identifiers: ['maximum'],
      circumstances: { confidentiality: 0.5, integrity: 0, availability: 0, malicious: true },
      adjustments: [{ category: 'account', score: 3, reason: 'Konten Minderjähriger: Gefährdung ihres Wohlergehens möglich' }],
    },
    { ...ctx, at: new Date(aware + 6 * HOUR).toISOString() },
  );
  const stored = { ...assessed, version: 1 };
  store.transaction(() => {
    store.put('incident', stored);
    store.audit(actor, 'incident.create', 'incident', stored.id, { family: stored.family });
  });
  return stored;
}
