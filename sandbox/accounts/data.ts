import type { DataCategory } from '../../shared/api/dsar-workflow';
import type { PackageItem } from '../../shared/api/jobs';
import { createRandom } from '../seed/random';
import type { Account } from './account';

const DAY = 86_400_000;
/** The records of processing keep usage data (sign-ins) for 14 months (`sandbox/seed/activities.ts`). */
export const LOGIN_RETENTION_MONTHS = 14;

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
const threads = [
  'Frage zu Aufgabe 3',
  'Lösungsweg für Übung 2?',
  'Tipp zur Abschlussprüfung',
  'Fehler im Video von Lektion 4',
  'Lerngruppe gesucht',
];
const posts = [
  'Ich komme bei Aufgabe 3 nicht weiter: Muss die Schleife bei 0 oder bei 1 beginnen?',
  'Danke für die Erklärung, jetzt habe ich es verstanden!',
  'Bei mir bricht das Video nach etwa fünf Minuten ab. Geht das noch jemandem so?',
  'Hat jemand Lust, sich donnerstags abends online zum Üben zu treffen?',
  'Kleiner Tipp: Die Formelsammlung im Anhang hilft bei der Prüfung sehr.',
  'Im Quiz zu Kapitel 2 ist Antwort B meiner Meinung nach auch richtig.',
];
const supportSubjects = ['Rechnung doppelt erhalten', 'Zertifikat herunterladen', 'Passwort zurücksetzen', 'Kurswechsel möglich?'];
const supportTexts = [
  'Guten Tag, ich habe die Rechnung für meinen Kurs zweimal per E-Mail bekommen. Wurde auch zweimal abgebucht?',
  'Hallo, wo finde ich das Zertifikat für den abgeschlossenen Kurs? Im Profil sehe ich nur den Fortschritt.',
  'Ich kann mich nicht mehr anmelden, der Link zum Zurücksetzen kommt nicht an.',
  'Kann ich noch in einen anderen Kurs wechseln? Ich habe mich im Niveau vertan.',
];
const supportAnswers = [
  'Vielen Dank für Ihre Nachricht. Es wurde nur einmal abgebucht; die zweite E-Mail war ein Versehen.',
  'Das Zertifikat finden Sie unter „Meine Kurse“ → „Abgeschlossen“ → „Zertifikat“.',
  'Wir haben Ihnen soeben einen neuen Link geschickt; bitte prüfen Sie auch den Spam-Ordner.',
  'Ein Wechsel ist innerhalb von 14 Tagen nach Kursbeginn kostenlos möglich; wir haben ihn für Sie vorgenommen.',
];
const clients = ['Firefox 132 (Windows)', 'Chrome 131 (macOS)', 'Safari 18 (iOS)', 'App 4.2 (Android)', 'App 4.2 (iOS)'];

function seedOf(id: string): number {
  let hash = 2166136261;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const instant = (ms: number) => new Date(ms).toISOString().slice(0, 19).concat('Z');

/** "Lindenstraße 12, 10115 Berlin" as the structured fields a copy gives it. */
export function postalAddress(text: string | null): Record<string, string> | null {
  if (!text) return null;
  const match = /^(.*?),\s*(\d{5})\s+(.+)$/.exec(text.trim());
  return match
    ? { street: match[1], postalCode: match[2], city: match[3], country: 'DE' }
    : { street: text.trim(), postalCode: '', city: '', country: 'DE' };
}

const euro = (amount: number) => `${amount.toFixed(2).replace('.', ',')} EUR`;

const enrolledOf = (random: ReturnType<typeof createRandom>) =>
  Array.from({ length: random.int(1, 4) }, () => random.pick(courses)).filter((c, i, all) => all.indexOf(c) === i);

/** The courses an account is enrolled in (the start of its generated history, without the rest of it). */
export const coursesOf = (account: Pick<Account, 'id' | 'erased'>): string[] =>
  account.erased.includes('enrolments') ? [] : enrolledOf(createRandom(seedOf(account.id)));

/** Every course of the platform. */
export const platformCourses: readonly string[] = courses;

/**
 * Everything the platform holds about an account, per category, each record with its actual content.
 * Generated from the account id, so the same account always has the same history; erased categories are
 * empty. The data keeps the platform's own retention rules: no sign-in older than the records of processing
 * allow.
 */
export function accountData(account: Account, now: Date = new Date()): Record<DataCategory, PackageItem[]> {
  const random = createRandom(seedOf(account.id));
  const since = Date.parse(account.createdAt);
  const span = Math.max(DAY, now.getTime() - since);
  const at = () => since + Math.floor(random.next() * span);
  const enrolled = enrolledOf(random);
  const payments = Array.from({ length: random.int(1, 4) }, (_, i) => ({
    n: i + 1,
    at: at(),
    amount: random.pick([49, 79, 129, 199]),
    course: random.pick(enrolled),
  })).sort((a, b) => a.at - b.at);
  const invoiceNumber = (p: { n: number; at: number }) => `RE-${new Date(p.at).getUTCFullYear()}-${(seedOf(account.id) % 9000) + p.n}`;
  const address = postalAddress(account.address);
  const newsletter = random.next() < 0.4;

  const data: Record<DataCategory, PackageItem[]> = {
    account: [
      {
        id: 'account-1',
        label: account.name,
        detail: `${account.email} · seit ${day(since)}${account.birthDate ? ` · geb. ${account.birthDate}` : ''}${account.address ? ` · ${account.address}` : ''}`,
        fields: {
          userId: account.id,
          name: account.name,
          displayName: account.displayName,
          email: account.email,
          birthDate: account.birthDate,
          address,
          language: account.locale,
          registeredAt: instant(since),
        },
      },
    ],
    enrolments: enrolled.map((course, i) => {
      const enrolledAt = at();
      const completed = random.next() < 0.4;
      return {
        id: `enrolment-${i + 1}`,
        label: course,
        detail: `eingeschrieben ${day(enrolledAt)}`,
        fields: { course, enrolledAt: instant(enrolledAt), status: completed ? 'completed' : 'active' },
      };
    }),
    lesson_progress: enrolled.flatMap((course, c) =>
      Array.from({ length: random.int(2, 8) }, (_, l) => {
        const percent = random.int(10, 100);
        const viewed = at();
        return {
          id: `lesson-${c + 1}-${l + 1}`,
          label: `${course}: Lektion ${l + 1}`,
          detail: `${percent} % · ${day(viewed)}`,
          fields: { course, lesson: l + 1, progressPercent: percent, lastViewedAt: instant(viewed) },
        };
      }),
    ),
    quiz_results: Array.from({ length: random.int(0, 8) }, (_, i) => {
      const course = random.pick(enrolled);
      const score = random.int(3, 10);
      const taken = at();
      return {
        id: `quiz-${i + 1}`,
        label: `Quiz ${i + 1} (${course})`,
        detail: `${score}/10 Punkte · ${day(taken)}`,
        fields: { course, quiz: `Quiz ${i + 1}`, score, maxScore: 10, takenAt: instant(taken) },
      };
    }),
    submissions: Array.from({ length: random.int(0, 3) }, (_, i) => {
      const course = random.pick(enrolled);
      const submitted = at();
      const grade = random.pick(['bestanden', 'sehr gut', 'gut', 'nicht bestanden', null]);
      return {
        id: `submission-${i + 1}`,
        label: `Einreichung ${i + 1}`,
        detail: `${course} · ${day(submitted)}`,
        fields: {
          course,
          title: `Praxisaufgabe ${i + 1}`,
          submittedAt: instant(submitted),
          file: `praxisaufgabe-${i + 1}.pdf`,
          grade,
          feedback: grade ? 'Saubere Gliederung; die Quellenangaben bitte vollständig machen.' : null,
        },
      };
    }),
    forum_posts: Array.from({ length: random.int(0, 6) }, (_, i) => {
      const thread = random.pick(threads);
      const course = random.pick(enrolled);
      const posted = at();
      return {
        id: `post-${i + 1}`,
        label: thread,
        detail: `${course} · ${day(posted)}`,
        fields: { course, thread, postedAt: instant(posted), text: random.pick(posts), authorShownAs: account.displayName },
      };
    }),
    payments: payments.map((p) => ({
      id: `payment-${p.n}`,
      label: `Zahlung ${euro(p.amount)}`,
      detail: `Karte · ${day(p.at)}`,
      fields: {
        paidAt: instant(p.at),
        amount: p.amount,
        currency: 'EUR',
        method: 'card',
        cardLast4: String(random.int(1000, 9999)),
        invoice: invoiceNumber(p),
      },
    })),
    invoices: payments.map((p) => ({
      id: `invoice-${p.n}`,
      label: `Rechnung ${invoiceNumber(p)}`,
      detail: day(p.at),
      fields: {
        number: invoiceNumber(p),
        issuedOn: day(p.at),
        item: `Kursgebühr: ${p.course}`,
        net: Math.round((p.amount / 1.19) * 100) / 100,
        vat: Math.round((p.amount - p.amount / 1.19) * 100) / 100,
        gross: p.amount,
        currency: 'EUR',
        billingName: account.name,
        billingAddress: address,
      },
    })),
    messages: Array.from({ length: random.int(0, 4) }, (_, i) => {
      const topic = random.int(0, supportSubjects.length - 1);
      const sent = at();
      return {
        id: `message-${i + 1}`,
        label: supportSubjects[topic],
        detail: day(sent),
        fields: {
          subject: supportSubjects[topic],
          sentAt: instant(sent),
          text: supportTexts[topic],
          answeredAt: instant(Math.min(now.getTime(), sent + random.int(1, 48) * 3_600_000)),
          answer: supportAnswers[topic],
        },
      };
    }),
    preferences: [
      {
        id: 'preferences-1',
        label: 'Einstellungen',
        detail: `Sprache ${account.locale} · Newsletter ${newsletter ? 'an' : 'aus'} · Restriktion ${account.restricted ? 'ja' : 'nein'} · Widersprüche: ${account.objections.join(', ') || 'keine'}`,
        fields: {
          language: account.locale,
          newsletter,
          processingRestricted: account.restricted,
          objections: account.objections.join(', '),
        },
      },
    ],
    login_history: account.erased.includes('login_history') ? [] : signInsOf(account, now),
  };
  for (const category of account.erased) data[category] = [];
  return data;
}

/**
 * An account's sign-ins within the retention period, drawn from a generator of their own so that an audience
 * "signed in between" is resolved over a whole user base without generating everything else of each account.
 */
export function signInsOf(account: Pick<Account, 'id' | 'createdAt'>, now: Date = new Date()): PackageItem[] {
  const random = createRandom(seedOf(account.id) ^ 0x5157);
  const since = Date.parse(account.createdAt);
  const loginsFrom = Math.max(since, now.getTime() - (LOGIN_RETENTION_MONTHS * 30 - 5) * DAY);
  return Array.from({ length: random.int(3, 15) }, () => loginsFrom + Math.floor(random.next() * Math.max(DAY, now.getTime() - loginsFrom)))
    .sort((a, b) => a - b)
    .map((signedIn, i) => {
      const ip = `192.0.2.${random.int(1, 254)}`;
      const client = random.pick(clients);
      return {
        id: `login-${i + 1}`,
        label: `Anmeldung ${i + 1}`,
        detail: `${day(signedIn)} · ${ip} · ${client}`,
        fields: { signedInAt: instant(signedIn), ipAddress: ip, client },
      };
    });
}

/** The year of the latest invoice, for the retention period of an erasure. */
export function latestInvoiceYear(items: PackageItem[]): number | null {
  const years = items.map((item) => Number(item.detail.slice(0, 4))).filter(Number.isFinite);
  return years.length ? Math.max(...years) : null;
}
