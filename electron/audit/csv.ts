import { localDateTime } from '../../shared/domain/calendar';
import { csvDocument } from '../../shared/domain/csv';
import { labels } from '../../shared/domain/labels';
import { findEntity } from '../../shared/entities/registry';
import type { AuditEntry, AuditKind, AuditOutcome, ExportKind } from '../../shared/ipc/contract';

const texts = {
  de: {
    headers: [
      'Nr.',
      'Zeit',
      'Art',
      'Person',
      'Personen-ID',
      'Was',
      'Objekt',
      'ID',
      'Stand',
      'Antwort um',
      'Antwort der Plattform',
      'Einzelheiten',
    ],
    kind: { write: 'Änderung', export: 'Export', 'sign-in': 'Anmeldung', 'sign-out': 'Abmeldung', 'session-ended': 'Sitzung beendet' },
    outcome: {
      queued: 'wartet auf die Plattform',
      applied: 'übernommen',
      rejected: 'abgelehnt',
      stale: 'abgelehnt (veraltet)',
      undone: 'zurückgenommen',
      done: 'erledigt',
    },
    version: (v: number) => `Version ${v}`,
    attempts: (n: number, message: string) => `${n} Versuch(e) ohne Antwort: ${message}`,
    revoked: (yes: boolean) => (yes ? 'Sitzung widerrufen' : 'Plattform nicht erreichbar, Sitzung nur lokal beendet'),
    withheld: 'nicht gesendet (von dieser Konsole zurückgehalten)',
    maybeApplied: 'ein früherer Versuch kann angekommen sein',
  },
  en: {
    headers: [
      'No.',
      'Time',
      'Kind',
      'Person',
      'Person id',
      'What',
      'Object',
      'Id',
      'Outcome',
      'Answered at',
      "Platform's answer",
      'Details',
    ],
    kind: { write: 'Change', export: 'Export', 'sign-in': 'Sign-in', 'sign-out': 'Sign-out', 'session-ended': 'Session ended' },
    outcome: {
      queued: 'waiting for the platform',
      applied: 'applied',
      rejected: 'refused',
      stale: 'refused (stale)',
      undone: 'undone',
      done: 'done',
    },
    version: (v: number) => `version ${v}`,
    attempts: (n: number, message: string) => `${n} attempt(s) without an answer: ${message}`,
    revoked: (yes: boolean) => (yes ? 'session revoked' : 'platform unreachable, session ended locally'),
    withheld: 'not sent (withheld by this console)',
    maybeApplied: 'an earlier attempt may have arrived',
  },
} satisfies Record<'de' | 'en', { kind: Record<AuditKind, string>; outcome: Record<AuditOutcome, string> } & Record<string, unknown>>;

/** The platform's answer in words: the version it stored, its refusal, the attempts without an answer. */
function answerText(entry: AuditEntry, language: 'de' | 'en'): string {
  const words = texts[language];
  const answer = entry.answer;
  if (!answer) return '';
  if (answer.version !== undefined) return words.version(answer.version);
  if (answer.revoked !== undefined) return words.revoked(answer.revoked);
  if (answer.attempts) return words.attempts(answer.attempts, answer.message ?? '');
  if (answer.local) return [words.withheld, answer.problem, answer.maybeApplied ? words.maybeApplied : null].filter(Boolean).join(': ');
  return [answer.problem, answer.message].filter(Boolean).join(': ');
}

/** The step: an export by its kind; a write by the name the platform's log gives it (a request's action by its type). */
function what(entry: AuditEntry, language: 'de' | 'en'): string {
  if (entry.kind === 'export') return labels[language].exportKind[entry.action as ExportKind] ?? entry.action;
  if (entry.kind !== 'write' || !entry.entity) return entry.action;
  const mutator = findEntity(entry.entity)?.mutators[entry.action];
  try {
    return mutator?.auditName?.(entry.detail as never) ?? entry.action;
  } catch {
    return entry.action;
  }
}

/** The trail for an auditor's spreadsheet: one row per entry, times in the controller's zone, every cell inert. */
export function auditCsv(entries: readonly AuditEntry[], language: 'de' | 'en', timeZone: string): string {
  const words = texts[language];
  const time = (at: string | null) => (at ? localDateTime(new Date(at), timeZone).replace('T', ' ') : '');
  return csvDocument([
    words.headers,
    ...entries.map((entry) => [
      entry.seq,
      time(entry.at),
      words.kind[entry.kind],
      entry.actorName ?? '',
      entry.actor,
      what(entry, language),
      entry.entity ? labels[language].entity[entry.entity] : '',
      entry.entityId ?? '',
      words.outcome[entry.outcome],
      time(entry.answeredAt),
      answerText(entry, language),
      JSON.stringify(entry.detail),
    ]),
  ]);
}
