import { Notification } from 'electron';
import type { Reminder } from '../../shared/domain/reminders';
import type { PrivacyConsole } from '../console';

const texts = {
  de: {
    title: 'Privacy Console – Auftragsverarbeiter',
    dpa_expiring: (r: Reminder) => `${r.processorName}: AVV läuft am ${r.date} ab.`,
    dpa_expired: (r: Reminder) => `${r.processorName}: AVV ist seit ${r.date} abgelaufen.`,
    review_overdue: (r: Reminder) => `${r.processorName}: Prüfung seit ${r.date} überfällig.`,
    objection_open: (r: Reminder) => `${r.processorName}: Einspruch gegen ${r.subject} bis ${r.date} möglich.`,
    objection_lapsed: (r: Reminder) => `${r.processorName}: Einspruchsfrist zu ${r.subject} abgelaufen.`,
  },
  en: {
    title: 'Privacy Console – processors',
    dpa_expiring: (r: Reminder) => `${r.processorName}: DPA expires on ${r.date}.`,
    dpa_expired: (r: Reminder) => `${r.processorName}: DPA expired on ${r.date}.`,
    review_overdue: (r: Reminder) => `${r.processorName}: review overdue since ${r.date}.`,
    objection_open: (r: Reminder) => `${r.processorName}: you may object to ${r.subject} until ${r.date}.`,
    objection_lapsed: (r: Reminder) => `${r.processorName}: the objection period for ${r.subject} has ended.`,
  },
};

export interface NotifiedStore {
  get(): string[];
  set(keys: string[]): void;
}

/** Shows each registry reminder once as a desktop notification: at start and whenever the registry changes. */
export function notifyReminders(console_: PrivacyConsole, notified: NotifiedStore, language: 'de' | 'en'): () => void {
  const text = texts[language];
  const show = async () => {
    if (!Notification.isSupported()) return;
    const envelope = await console_.dispatch('registry.reminders', undefined);
    if (!envelope.ok) return;
    const seen = new Set(notified.get());
    for (const reminder of envelope.value as Reminder[]) {
      if (seen.has(reminder.key)) continue;
      new Notification({ title: text.title, body: text[reminder.kind](reminder) }).show();
      seen.add(reminder.key);
    }
    notified.set([...seen]);
  };
  void show();
  return console_.subscribe('cache.changed', ({ entities }) => {
    if (entities.includes('processor')) void show();
  });
}
