import type { Dsar, DsarStatus, DsarType } from '../../shared/api/dsar';
import type { DsarEvent } from '../../shared/api/dsar-workflow';
import type { Account } from '../accounts/account';
import { person } from './people';
import type { Random } from './random';

const DAY = 86_400_000;

/** How often each right is exercised on the platform. */
export const typeMix: [DsarType, number][] = [
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
export function generateDsars(random: Random, count: number, now: Date, assignees: string[]): { dsars: Dsar[]; accounts: Account[] } {
  const spanDays = Math.max(120, Math.min(3 * 365, Math.round(count / 2)));
  const dsars: Dsar[] = [];
  const accounts = new Map<string, Account>();
  for (let i = 0; i < count; i++) {
    // Skewed towards recent dates: the queue is busiest now.
    const ageDays = Math.floor(random.next() ** 1.6 * spanDays);
    const receivedAt = new Date(now.getTime() - ageDays * DAY - random.int(0, DAY - 1));
    const status = random.weighted(ageDays > 40 ? closedMix : recentMix);
    const type = random.weighted(typeMix);
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
    const subject = {
      userId: random.next() < 0.9 ? `usr_${random.int(10_000, 9_999_999)}` : null,
      name: who.name,
      email: who.email as string | null,
      locale: random.next() < 0.85 ? ('de' as const) : ('en' as const),
      address: channel === 'letter' ? who.address : null,
    };
    // Every other letter comes from someone without an account who gave no e-mail address: replies go by post.
    if (channel === 'letter' && i % 2 === 0) Object.assign(subject, { userId: null, email: null });
    // Now and then the same person files the same request twice: the duplicate detection has work to do.
    const previous = dsars[dsars.length - 1];
    const repeat = i % 40 === 39 && previous && open && previous.status !== 'completed';
    const dsar: Dsar = {
      id: `dsr_${(i + 1).toString(36).padStart(6, '0')}`,
      version: 1,
      updatedAt: updatedAt.toISOString(),
      type: repeat ? previous.type : type,
      status,
      subject: repeat ? previous.subject : subject,
      channel,
      receivedAt: receivedAt.toISOString(),
      assigneeId,
      priority: random.weighted([
        ['normal', 80],
        ['high', 12],
        ['low', 8],
      ] as const),
      notes: random.pick(noteFor[type] ?? ['']),
      tags: random.next() < 0.1 ? [random.pick(['VIP', 'Presse', 'Anwalt', 'Wiederholung'])] : [],
      duplicateOf: null,
      events: historyOf(status, receivedAt, updatedAt, channel, assigneeId),
    };
    dsars.push(dsar);
    if (dsar.subject.userId && !accounts.has(dsar.subject.userId)) {
      accounts.set(dsar.subject.userId, {
        id: dsar.subject.userId,
        name: dsar.subject.name,
        email: dsar.subject.email ?? who.email,
        createdAt: new Date(receivedAt.getTime() - random.int(30, 1500) * DAY).toISOString(),
        locale: dsar.subject.locale,
        address: who.address,
        birthDate: random.next() < 0.4 ? `19${random.int(60, 99)}-0${random.int(1, 9)}-1${random.int(0, 9)}` : null,
        displayName: who.name.split(' ')[0],
        restricted: false,
        objections: [],
        erased: [],
        retained: [],
      });
    }
  }
  return { dsars, accounts: [...accounts.values()] };
}

/** A plausible timeline for a seeded request in the status it has. */
function historyOf(status: DsarStatus, receivedAt: Date, updatedAt: Date, channel: string, assigneeId: string | null): DsarEvent[] {
  let n = 0;
  const at = (date: Date) => ({ id: `seed-${receivedAt.getTime().toString(36)}-${n++}`, at: date.toISOString() });
  const actor = assigneeId ?? 'platform';
  const nextDay = new Date(Math.min(updatedAt.getTime(), receivedAt.getTime() + DAY));
  const events: DsarEvent[] = [{ ...at(receivedAt), actor: 'subject', kind: 'received', channel }];
  if (status === 'new') return events;
  if (status === 'identity_pending') {
    events.push(
      { ...at(nextDay), actor, kind: 'identity_requested' },
      { ...at(nextDay), actor, kind: 'status', from: 'new', to: 'identity_pending' },
    );
    return events;
  }
  events.push({ ...at(nextDay), actor, kind: 'status', from: 'new', to: 'in_progress' });
  if (status === 'in_progress') return events;
  if (status === 'awaiting_subject') {
    events.push(
      { ...at(updatedAt), actor, kind: 'clarification_requested' },
      { ...at(updatedAt), actor, kind: 'status', from: 'in_progress', to: 'awaiting_subject' },
    );
    return events;
  }
  if (status === 'denied') {
    events.push({
      ...at(updatedAt),
      actor,
      kind: 'denied',
      reason: 'excessive',
      explanation: 'Vierter gleichlautender Antrag innerhalb von drei Monaten.',
    });
  }
  events.push({ ...at(updatedAt), actor, kind: 'status', from: 'in_progress', to: status });
  return events;
}
