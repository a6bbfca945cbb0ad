import { Notification } from 'electron';
import type { Reminder } from '../../shared/domain/reminders';
import type { DsarReminder } from '../../shared/ipc/contract';
import type { PrivacyConsole } from '../console';

const texts = {
  de: {
    title: 'Privacy Console – Auftragsverarbeiter',
    dpa_expiring: (r: Reminder) => `${r.processorName}: AVV läuft am ${r.date} ab.`,
    dpa_expired: (r: Reminder) => `${r.processorName}: AVV ist seit ${r.date} abgelaufen.`,
    review_overdue: (r: Reminder) => `${r.processorName}: Prüfung seit ${r.date} überfällig.`,
    objection_open: (r: Reminder) => `${r.processorName}: Einspruch gegen ${r.subject} bis ${r.date} möglich.`,
    objection_lapsed: (r: Reminder) => `${r.processorName}: Einspruchsfrist zu ${r.subject} abgelaufen.`,
    requests: 'Privacy Console – Betroffenenanfragen',
    new: (r: DsarReminder) => `Neue Anfrage von ${r.subjectName}, Frist ${r.dueDate}.`,
    due_soon: (r: DsarReminder) => `Anfrage von ${r.subjectName} ist am ${r.dueDate} fällig.`,
    overdue: (r: DsarReminder) => `Anfrage von ${r.subjectName} ist seit ${r.dueDate} überfällig.`,
  },
  en: {
    title: 'Privacy Console – processors',
    dpa_expiring: (r: Reminder) => `${r.processorName}: DPA expires on ${r.date}.`,
    dpa_expired: (r: Reminder) => `${r.processorName}: DPA expired on ${r.date}.`,
    review_overdue: (r: Reminder) => `${r.processorName}: review overdue since ${r.date}.`,
    objection_open: (r: Reminder) => `${r.processorName}: you may object to ${r.subject} until ${r.date}.`,
    objection_lapsed: (r: Reminder) => `${r.processorName}: the objection period for ${r.subject} has ended.`,
    requests: 'Privacy Console – data-subject requests',
    new: (r: DsarReminder) => `New request from ${r.subjectName}, due ${r.dueDate}.`,
    due_soon: (r: DsarReminder) => `The request from ${r.subjectName} is due on ${r.dueDate}.`,
    overdue: (r: DsarReminder) => `The request from ${r.subjectName} is overdue since ${r.dueDate}.`,
  },
};

export interface NotifiedStore {
  get(): string[];
  set(keys: string[]): void;
}

/**
 * Shows each reminder once as a desktop notification, at start and whenever its source changes: the registry's
 * (DPAs, reviews, objection windows) and the requests' (new ones nobody took; the officer's own due within two
 * days or overdue).
 */
export function notifyReminders(console_: PrivacyConsole, notified: NotifiedStore, language: 'de' | 'en'): () => void {
  const text = texts[language];
  const show = async (channel: 'registry.reminders' | 'dsar.reminders') => {
    if (!Notification.isSupported()) return;
    const envelope = await console_.dispatch(channel, undefined);
    if (!envelope.ok) return;
    const seen = new Set(notified.get());
    for (const reminder of envelope.value as (Reminder | DsarReminder)[]) {
      if (seen.has(reminder.key)) continue;
      const body =
        channel === 'registry.reminders'
          ? text[(reminder as Reminder).kind](reminder as Reminder)
          : text[(reminder as DsarReminder).kind](reminder as DsarReminder);
      new Notification({ title: channel === 'registry.reminders' ? text.title : text.requests, body }).show();
      seen.add(reminder.key);
    }
    notified.set([...seen]);
  };
  void show('registry.reminders').then(() => show('dsar.reminders'));
  return console_.subscribe('cache.changed', ({ entities }) => {
    if (entities.includes('processor')) void show('registry.reminders');
    if (entities.includes('dsar')) void show('dsar.reminders');
  });
}
