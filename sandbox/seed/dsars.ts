import type { Dsar, DsarStatus, DsarType } from '../../shared/api/dsar';
import { person } from './people';
import type { Random } from './random';

const DAY = 86_400_000;

const types: [DsarType, number][] = [
  ['access', 40],
  ['erasure', 30],
  ['rectification', 9],
  ['objection', 8],
  ['portability', 8],
  ['restriction', 5],
];
const closedMix: [DsarStatus, number][] = [
  ['completed', 86],
  ['denied', 5],
  ['withdrawn', 6],
  ['in_progress', 3],
];
const recentMix: [DsarStatus, number][] = [
  ['new', 22],
  ['identity_pending', 18],
  ['in_progress', 30],
  ['awaiting_subject', 10],
  ['completed', 17],
  ['withdrawn', 3],
];

const noteFor: Partial<Record<DsarType, string[]>> = {
  access: ['Möchte alle gespeicherten Daten inkl. Kurshistorie.', 'Bittet um Kopie der Rechnungsdaten.', ''],
  erasure: ['Konto soll vollständig gelöscht werden.', 'Löschung nach Kündigung des Abos.', ''],
  rectification: ['Nachname nach Heirat geändert.', 'Falsche Rechnungsadresse.'],
  objection: ['Widerspruch gegen Newsletter-Analyse.', 'Widerspruch gegen Lernfortschritts-Auswertung.'],
  portability: ['Export der Kursdaten als JSON gewünscht.'],
  restriction: ['Bestreitet Richtigkeit der Prüfungsergebnisse.'],
};

/**
 * A realistic DSAR history: older requests mostly closed, the last weeks a live queue. `now` anchors the
 * dates so a freshly seeded workspace always has requests due this week and some overdue.
 */
export function generateDsars(random: Random, count: number, now: Date, assignees: string[]): Dsar[] {
  const spanDays = Math.max(120, Math.min(3 * 365, Math.round(count / 2)));
  const dsars: Dsar[] = [];
  for (let i = 0; i < count; i++) {
    // Skewed towards recent dates: the queue is busiest now.
    const ageDays = Math.floor(random.next() ** 1.6 * spanDays);
    const receivedAt = new Date(now.getTime() - ageDays * DAY - random.int(0, DAY - 1));
    const status = random.weighted(ageDays > 40 ? closedMix : recentMix);
    const type = random.weighted(types);
    const who = person(random, i);
    const channel = random.weighted([
      ['web_form', 55],
      ['email', 30],
      ['in_app', 10],
      ['letter', 5],
    ] as const);
    const open = status !== 'completed' && status !== 'denied' && status !== 'withdrawn';
    const assigneeId = status === 'new' || (open && random.next() < 0.25) ? null : random.pick(assignees);
    const updatedAt = new Date(Math.min(now.getTime(), receivedAt.getTime() + random.int(0, 30) * DAY));
    dsars.push({
      id: `dsr_${(i + 1).toString(36).padStart(6, '0')}`,
      version: 1,
      updatedAt: updatedAt.toISOString(),
      type,
      status,
      subject: {
        userId: random.next() < 0.9 ? `usr_${random.int(10_000, 9_999_999)}` : null,
        name: who.name,
        email: who.email,
        locale: random.next() < 0.85 ? 'de' : 'en',
        address: channel === 'letter' ? who.address : null,
      },
      channel,
      receivedAt: receivedAt.toISOString(),
      assigneeId,
      priority: random.weighted([
        ['normal', 80],
        ['high', 12],
        ['low', 8],
      ] as const),
      notes: random.pick(noteFor[type] ?? ['']),
    });
  }
  return dsars;
}
