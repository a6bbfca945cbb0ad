import { Notification } from 'electron';
import { dateFormat } from '../../shared/domain/format';
import { labels } from '../../shared/domain/labels';
import type { Reminder } from '../../shared/domain/reminders';
import type { AccessReminder, DsarReminder, IncidentReminder } from '../../shared/ipc/contract';
import type { ConsoleEndpoint } from '../workspaces/host';

type Day = (day: string) => string;
type LeaverReminder = Extract<AccessReminder, { kind: 'leaver' }>;
type FindingReminder = Extract<AccessReminder, { kind: 'finding' }>;
type ReviewReminder = Extract<AccessReminder, { kind: 'review' }>;

/** An access reminder in words: a finding is told by kind and count, a leaver by department, never by name. */
const accessText = (text: (typeof texts)['de' | 'en'], reminder: AccessReminder, day: Day) =>
  reminder.kind === 'leaver'
    ? text.leaver(reminder, day)
    : reminder.kind === 'finding'
      ? text.finding(reminder)
      : text.review(reminder, day);

const departments: Record<'de' | 'en', Record<string, string>> = {
  de: {
    support: 'Support',
    finance: 'Buchhaltung',
    instructors: 'Lehrende',
    community: 'Community',
    analytics: 'Analyse',
    it: 'IT',
    legal: 'Recht',
    privacy: 'Datenschutz',
  },
  en: {
    support: 'Support',
    finance: 'Finance',
    instructors: 'Instructors',
    community: 'Community',
    analytics: 'Analytics',
    it: 'IT',
    legal: 'Legal',
    privacy: 'Privacy',
  },
};

/**
 * The notifications' sentences; dates as the console formats them everywhere (shared/domain/format.ts). A
 * request is named by its id and type, never by the person: notifications show on lock screens.
 */
const texts = {
  de: {
    title: 'Privacy Console – Auftragsverarbeiter',
    dpa_expiring: (r: Reminder, d: Day) => `${r.processorName}: AVV läuft am ${d(r.date)} ab.`,
    dpa_expired: (r: Reminder, d: Day) => `${r.processorName}: AVV ist seit ${d(r.date)} abgelaufen.`,
    review_overdue: (r: Reminder, d: Day) => `${r.processorName}: Prüfung seit ${d(r.date)} überfällig.`,
    dpa_missing: (r: Reminder) => `${r.processorName}: kein unterzeichneter AVV erfasst.`,
    dpa_clauses_missing: (r: Reminder) => `${r.processorName}: AVV regelt Art. 28 Abs. 3 lit. ${r.subject} nicht.`,
    dpf_unconfirmed: (r: Reminder) => `${r.processorName}: DPF-Zertifizierung von ${r.subject} ungeprüft.`,
    notice_third_country: (r: Reminder) =>
      `${r.processorName}: neuer Unterauftragsverarbeiter ${r.subject} im Drittland – Garantie klären.`,
    objection_open: (r: Reminder, d: Day) => `${r.processorName}: Einspruch gegen ${r.subject} bis ${d(r.date)} möglich.`,
    objection_lapsed: (r: Reminder, d: Day) => `${r.processorName}: Einspruchsfrist zu ${r.subject} am ${d(r.date)} abgelaufen.`,
    requests: 'Privacy Console – Betroffenenanfragen',
    new: (r: DsarReminder, d: Day) => `Neue Anfrage ${r.id} (${labels.de.dsarType[r.type]}), Frist ${d(r.dueDate)}.`,
    due_soon: (r: DsarReminder, d: Day) => `Anfrage ${r.id} (${labels.de.dsarType[r.type]}) ist am ${d(r.dueDate)} fällig.`,
    overdue: (r: DsarReminder, d: Day) => `Anfrage ${r.id} (${labels.de.dsarType[r.type]}) ist seit ${d(r.dueDate)} überfällig.`,
    breaches: 'Privacy Console – Datenpannen',
    access: 'Privacy Console – Zugriffsrechte',
    leaver: (r: LeaverReminder, d: Day) =>
      r.overdue
        ? `Ausgeschieden (${departments.de[r.department] ?? r.department}), hält noch ${r.grants} Berechtigung(en): Die Frist endete mit dem ${d(r.dueDate)}.`
        : `Ausgeschieden (${departments.de[r.department] ?? r.department}), hält noch ${r.grants} Berechtigung(en): bis Ende ${d(r.dueDate)} entziehen.`,
    finding: (r: FindingReminder) =>
      ({
        revocation_failed: `${r.people} Konto/Konten: Widerruf auf der Plattform gescheitert, sie versucht es nicht mehr selbst.`,
        dormant: `${r.people} Konto/Konten mit Berechtigungen ohne Anmeldung seit langem (ruhend).`,
        no_mfa: `${r.people} Konto/Konten mit sensiblen oder privilegierten Rechten ohne MFA.`,
        sod: `${r.people} Konto/Konten verletzen die Funktionstrennung.`,
        expired: `${r.people} Konto/Konten halten Berechtigungen über ihr Enddatum hinaus.`,
        unjustified: `${r.people} Konto/Konten halten Berechtigungen ohne Begründung.`,
      })[r.finding],
    review: (r: ReviewReminder, d: Day) =>
      r.overdue
        ? `Prüfung „${r.title}“: ${r.open} Berechtigung(en) warten auf Ihre Entscheidung, fällig war der ${d(r.dueDate)}.`
        : `Prüfung „${r.title}“: ${r.open} Berechtigung(en) warten auf Ihre Entscheidung, fällig am ${d(r.dueDate)}.`,
    incident: (r: IncidentReminder) =>
      r.hoursLeft === 0
        ? `„${r.title}“: Die 72-Stunden-Frist zur Meldung ist abgelaufen.`
        : `„${r.title}“: noch ${r.hoursLeft} Stunden bis zur Meldefrist (Art. 33).`,
  },
  en: {
    title: 'Privacy Console – processors',
    dpa_expiring: (r: Reminder, d: Day) => `${r.processorName}: DPA expires on ${d(r.date)}.`,
    dpa_expired: (r: Reminder, d: Day) => `${r.processorName}: DPA expired on ${d(r.date)}.`,
    review_overdue: (r: Reminder, d: Day) => `${r.processorName}: review overdue since ${d(r.date)}.`,
    dpa_missing: (r: Reminder) => `${r.processorName}: no signed DPA recorded.`,
    dpa_clauses_missing: (r: Reminder) => `${r.processorName}: the DPA does not cover Art. 28(3)(${r.subject}).`,
    dpf_unconfirmed: (r: Reminder) => `${r.processorName}: DPF certification of ${r.subject} not checked.`,
    notice_third_country: (r: Reminder) => `${r.processorName}: new sub-processor ${r.subject} in a third country – settle the safeguard.`,
    objection_open: (r: Reminder, d: Day) => `${r.processorName}: you may object to ${r.subject} until ${d(r.date)}.`,
    objection_lapsed: (r: Reminder, d: Day) => `${r.processorName}: the objection period for ${r.subject} ended on ${d(r.date)}.`,
    requests: 'Privacy Console – data-subject requests',
    new: (r: DsarReminder, d: Day) => `New request ${r.id} (${labels.en.dsarType[r.type]}), due ${d(r.dueDate)}.`,
    due_soon: (r: DsarReminder, d: Day) => `Request ${r.id} (${labels.en.dsarType[r.type]}) is due on ${d(r.dueDate)}.`,
    overdue: (r: DsarReminder, d: Day) => `Request ${r.id} (${labels.en.dsarType[r.type]}) is overdue since ${d(r.dueDate)}.`,
    breaches: 'Privacy Console – breaches',
    access: 'Privacy Console – access rights',
    leaver: (r: LeaverReminder, d: Day) =>
      r.overdue
        ? `A leaver (${departments.en[r.department] ?? r.department}) still holds ${r.grants} grant(s): they were due gone by the end of ${d(r.dueDate)}.`
        : `A leaver (${departments.en[r.department] ?? r.department}) still holds ${r.grants} grant(s): revoke by the end of ${d(r.dueDate)}.`,
    finding: (r: FindingReminder) =>
      ({
        revocation_failed: `${r.people} account(s): the platform failed to revoke and has stopped trying on its own.`,
        dormant: `${r.people} account(s) hold grants without signing in for a long time (dormant).`,
        no_mfa: `${r.people} account(s) hold sensitive or privileged grants without MFA.`,
        sod: `${r.people} account(s) break the separation of duties.`,
        expired: `${r.people} account(s) hold grants past their last day.`,
        unjustified: `${r.people} account(s) hold grants without a justification.`,
      })[r.finding],
    review: (r: ReviewReminder, d: Day) =>
      r.overdue
        ? `Review "${r.title}": ${r.open} grant(s) wait for your decision; it was due on ${d(r.dueDate)}.`
        : `Review "${r.title}": ${r.open} grant(s) wait for your decision, due on ${d(r.dueDate)}.`,
    incident: (r: IncidentReminder) =>
      r.hoursLeft === 0
        ? `"${r.title}": the 72 hours to notify have passed.`
        : `"${r.title}": ${r.hoursLeft} hours left to notify the authority (Art. 33).`,
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
export function notifyReminders(console_: ConsoleEndpoint, notified: NotifiedStore, language: 'de' | 'en'): () => void {
  const text = texts[language];
  const day = dateFormat(language, 'UTC').day;
  const show = async (channel: 'registry.reminders' | 'dsar.reminders' | 'incident.reminders' | 'access.reminders') => {
    if (!Notification.isSupported()) return;
    const envelope = await console_.dispatch(channel, undefined);
    if (!envelope.ok) return;
    const seen = new Set(notified.get());
    for (const reminder of envelope.value as (Reminder | DsarReminder | IncidentReminder | AccessReminder)[]) {
      // A finding stands for several people: told again only when one of them is new.
      const members = 'members' in reminder ? reminder.members : [reminder.key];
      if (members.every((key) => seen.has(key))) continue;
      const body =
        channel === 'registry.reminders'
          ? text[(reminder as Reminder).kind](reminder as Reminder, day)
          : channel === 'dsar.reminders'
            ? text[(reminder as DsarReminder).kind](reminder as DsarReminder, day)
            : channel === 'access.reminders'
              ? accessText(text, reminder as AccessReminder, day)
              : text.incident(reminder as IncidentReminder);
      const title =
        channel === 'registry.reminders'
          ? text.title
          : channel === 'dsar.reminders'
            ? text.requests
            : channel === 'access.reminders'
              ? text.access
              : text.breaches;
      new Notification({ title, body }).show();
      for (const key of members) seen.add(key);
    }
    notified.set([...seen]);
  };
  const all = () =>
    void show('registry.reminders')
      .then(() => show('dsar.reminders'))
      .then(() => show('incident.reminders'))
      .then(() => show('access.reminders'));
  all();
  // Another workspace opened (or the same one signed in again): its reminders are looked at.
  const offConnection = console_.subscribe('connection.changed', (state) => {
    if (state.current) all();
  });
  // The 72-hour clock moves without any change in the cache: it is looked at every minute too.
  // So does a leaver's deadline passing.
  const clock = setInterval(() => void show('incident.reminders').then(() => show('access.reminders')), 60_000);
  clock.unref?.();
  const unsubscribe = console_.subscribe('cache.changed', ({ entities }) => {
    if (entities.includes('processor')) void show('registry.reminders');
    if (entities.includes('dsar')) void show('dsar.reminders');
    if (entities.includes('incident')) void show('incident.reminders');
    if ((['employee', 'grant', 'accessReview', 'reviewItem'] as const).some((name) => entities.includes(name)))
      void show('access.reminders');
  });
  return () => {
    clearInterval(clock);
    unsubscribe();
    offConnection();
  };
}
