import type { DataCategory } from '../../shared/api/dsar-workflow';
import type { PackageItem } from '../../shared/api/jobs';
import { createRandom } from '../seed/random';
import type { Account } from './account';

const DAY = 86_400_000;
const courses = [
  'Python für Einsteiger',
  'Datenanalyse mit Excel',
  'Projektmanagement kompakt',
  'Englisch B2 – Business',
  'Buchhaltung Grundlagen',
  'UX-Design Basics',
  'Statistik verstehen',
  'Rhetorik im Beruf',
];

function seedOf(id: string): number {
  let hash = 2166136261;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Everything the platform holds about an account, per category. Generated from the account id, so the
 * same account always has the same history; erased categories are empty.
 */
export function accountData(account: Account, now: Date = new Date()): Record<DataCategory, PackageItem[]> {
  const random = createRandom(seedOf(account.id));
  const since = Date.parse(account.createdAt);
  const span = Math.max(DAY, now.getTime() - since);
  const at = () => since + Math.floor(random.next() * span);
  const enrolled = Array.from({ length: random.int(1, 4) }, () => random.pick(courses)).filter((c, i, all) => all.indexOf(c) === i);
  const payments = Array.from({ length: random.int(1, 4) }, (_, i) => ({
    n: i + 1,
    at: at(),
    amount: random.pick([49, 79, 129, 199]),
  })).sort((a, b) => a.at - b.at);
  const data: Record<DataCategory, PackageItem[]> = {
    account: [
      {
        id: 'account-1',
        label: account.name,
        detail: `${account.email} · seit ${day(since)}${account.birthDate ? ` · geb. ${account.birthDate}` : ''}${account.address ? ` · ${account.address}` : ''}`,
      },
    ],
    enrolments: enrolled.map((course, i) => ({ id: `enrolment-${i + 1}`, label: course, detail: `eingeschrieben ${day(at())}` })),
    lesson_progress: enrolled.flatMap((course, c) =>
      Array.from({ length: random.int(2, 8) }, (_, l) => ({
        id: `lesson-${c + 1}-${l + 1}`,
        label: `${course}: Lektion ${l + 1}`,
        detail: `${random.int(10, 100)} % · ${day(at())}`,
      })),
    ),
    quiz_results: Array.from({ length: random.int(0, 8) }, (_, i) => ({
      id: `quiz-${i + 1}`,
      label: `Quiz ${i + 1} (${random.pick(enrolled)})`,
      detail: `${random.int(3, 10)}/10 Punkte · ${day(at())}`,
    })),
    submissions: Array.from({ length: random.int(0, 3) }, (_, i) => ({
      id: `submission-${i + 1}`,
      label: `Einreichung ${i + 1}`,
      detail: `${random.pick(enrolled)} · ${day(at())}`,
    })),
    forum_posts: Array.from({ length: random.int(0, 6) }, (_, i) => ({
      id: `post-${i + 1}`,
      label: random.pick(['Frage zu Aufgabe 3', 'Danke für die Erklärung!', 'Lösungsweg?', 'Tipp zur Prüfung', 'Fehler im Video']),
      detail: `${random.pick(enrolled)} · ${day(at())}`,
    })),
    payments: payments.map((p) => ({ id: `payment-${p.n}`, label: `Zahlung ${p.amount},00 EUR`, detail: `Karte · ${day(p.at)}` })),
    invoices: payments.map((p) => ({
      id: `invoice-${p.n}`,
      label: `Rechnung RE-${new Date(p.at).getUTCFullYear()}-${(seedOf(account.id) % 9000) + p.n}`,
      detail: day(p.at),
    })),
    messages: Array.from({ length: random.int(0, 4) }, (_, i) => ({
      id: `message-${i + 1}`,
      label: `Nachricht an den Support ${i + 1}`,
      detail: day(at()),
    })),
    preferences: [
      {
        id: 'preferences-1',
        label: 'Einstellungen',
        detail: `Sprache ${account.locale} · Newsletter ${random.next() < 0.4 ? 'an' : 'aus'} · Restriktion ${account.restricted ? 'ja' : 'nein'} · Widersprüche: ${account.objections.join(', ') || 'keine'}`,
      },
    ],
    login_history: Array.from({ length: random.int(3, 15) }, (_, i) => ({
      id: `login-${i + 1}`,
      label: `Anmeldung ${i + 1}`,
      detail: `${day(at())} · 192.0.2.${random.int(1, 254)} · ${random.pick(['Firefox', 'Chrome', 'Safari', 'App (Android)', 'App (iOS)'])}`,
    })),
  };
  for (const category of account.erased) data[category] = [];
  return data;
}

/** The date of the latest invoice, for the retention period of an erasure. */
export function latestInvoiceYear(items: PackageItem[]): number | null {
  const years = items.map((item) => Number(item.detail.slice(0, 4))).filter(Number.isFinite);
  return years.length ? Math.max(...years) : null;
}
