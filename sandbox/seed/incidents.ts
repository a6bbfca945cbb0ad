import type { Notice } from '../../shared/api/breach-notices';
import type { Playbook } from '../../shared/api/breach-playbooks';
import type { BreachFamily, Incident, IncidentCreate } from '../../shared/api/breaches';
import {
  assessIncident,
  createIncident,
  decideNotification,
  setIncidentStatus,
  setReference,
  tickTask,
} from '../../shared/domain/breach-changes';
import { composeNotice } from '../../shared/domain/breach-notices';
import { submitReport } from '../../shared/domain/breach-reports';
import type { MutationContext } from '../../shared/entities/descriptor';
import { sha256Hex } from '../store/digest';
import { demoActivities } from './activities';
import { demoPlaybook } from './playbooks';
import { demoProcessors } from './processors';
import type { Random } from './random';
import { demoController, demoStaff } from './staff';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Template = Omit<
  IncidentCreate,
  'id' | 'discoveredAt' | 'awareAt' | 'awareDecidedBy' | 'ownerId' | 'reportedBy' | 'consequences' | 'measures'
> & {
  processor?: string;
  malicious: boolean;
  level: 'limited' | 'significant' | 'maximum';
  confidentiality: 0 | 0.25 | 0.5;
  availability: 0 | 0.25 | 0.5;
};

/** Realistic incidents of an online-learning platform, one or more per EDPB family. */
const templates: Template[] = [
  {
    title: 'Ransomware auf dem Dateiserver der Verwaltung',
    description: 'Verschlüsselung der Abrechnungsablage; Backup vom Vortag intakt, keine Hinweise auf Abfluss.',
    family: 'ransomware',
    losses: ['availability'],
    categories: ['invoices', 'payments'],
    activityIds: ['act_payments'],
    processorIds: [],
    people: { min: 800, max: 1200 },
    records: { min: 3000, max: 5000 },
    vulnerableGroups: [],
    encryption: 'encrypted_key_safe',
    malicious: true,
    level: 'maximum',
    confidentiality: 0,
    availability: 0.25,
  },
  {
    title: 'Credential Stuffing gegen Lernendenkonten',
    description: 'Automatisierte Anmeldeversuche mit geleakten Zugangsdaten; 37 Konten übernommen, Profile eingesehen.',
    family: 'social_engineering',
    losses: ['confidentiality'],
    categories: ['account', 'lesson_progress'],
    activityIds: ['act_accounts'],
    processorIds: [],
    people: { min: 37, max: 37 },
    records: { min: 37, max: 60 },
    vulnerableGroups: ['minors'],
    encryption: 'none',
    malicious: true,
    level: 'maximum',
    confidentiality: 0.25,
    availability: 0,
  },
  {
    title: 'Newsletter mit offenem Verteiler',
    description: 'Ein Kurshinweis ging mit allen Empfängeradressen im CC an 412 Teilnehmende.',
    family: 'misdirected',
    losses: ['confidentiality'],
    categories: ['account'],
    activityIds: ['act_email'],
    processorIds: ['prc_email-postfach'],
    processor: 'prc_email-postfach',
    people: { min: 412, max: 412 },
    records: { min: 412, max: 412 },
    vulnerableGroups: [],
    encryption: 'none',
    malicious: false,
    level: 'significant',
    confidentiality: 0.25,
    availability: 0,
  },
  {
    title: 'Laptop einer Tutorin im Zug verloren',
    description: 'Dienstlaptop mit Bewertungslisten eines Kurses verloren; Festplatte vollverschlüsselt, Schlüssel nicht kompromittiert.',
    family: 'lost_device',
    losses: ['confidentiality', 'availability'],
    categories: ['quiz_results', 'submissions'],
    activityIds: ['act_learning-progress'],
    processorIds: [],
    people: { min: 20, max: 40 },
    records: { min: 100, max: 300 },
    vulnerableGroups: [],
    encryption: 'encrypted_key_safe',
    malicious: false,
    level: 'maximum',
    confidentiality: 0,
    availability: 0,
  },
  {
    title: 'Support-Export an falschen Dienstleister gesendet',
    description: 'Eine Ticket-Auswertung mit Namen und Nachrichtentexten ging an einen Dienstleister statt an das interne Team.',
    family: 'internal_error',
    losses: ['confidentiality'],
    categories: ['account', 'messages'],
    activityIds: ['act_support'],
    processorIds: ['prc_support-helpdesk'],
    people: { min: 150, max: 200 },
    records: { min: 400, max: 600 },
    vulnerableGroups: [],
    encryption: 'none',
    malicious: false,
    level: 'maximum',
    confidentiality: 0.25,
    availability: 0,
  },
  {
    title: 'Abfluss von Zahlungsdaten beim Zahlungsdienstleister',
    description: 'Der Zahlungsdienstleister meldet unbefugten Zugriff auf Transaktionsdaten einer Händlergruppe.',
    family: 'exfiltration',
    losses: ['confidentiality'],
    categories: ['payments', 'account'],
    activityIds: ['act_payments'],
    processorIds: ['prc_payments-zahlwerk'],
    processor: 'prc_payments-zahlwerk',
    people: { min: 1500, max: 3000 },
    records: { min: 4000, max: 9000 },
    vulnerableGroups: [],
    encryption: 'none',
    malicious: true,
    level: 'maximum',
    confidentiality: 0.5,
    availability: 0,
  },
  {
    title: 'Forum zeigte kurzzeitig E-Mail-Adressen an',
    description: 'Nach einem Update waren in Forenprofilen für 3 Stunden die E-Mail-Adressen sichtbar.',
    family: 'other',
    losses: ['confidentiality'],
    categories: ['account', 'forum_posts'],
    activityIds: ['act_forum'],
    processorIds: [],
    people: { min: 200, max: 900 },
    records: { min: 200, max: 900 },
    vulnerableGroups: ['minors'],
    encryption: 'none',
    malicious: false,
    level: 'significant',
    confidentiality: 0.5,
    availability: 0,
  },
];

/** Art. 33(3)(c) and (d) as the team wrote them, by family. */
const aftermath: Record<BreachFamily, { consequences: string; measures: string }> = {
  ransomware: {
    consequences: 'Vorübergehend keine Abrechnung möglich; ein Abfluss der Daten ist nach Log-Auswertung unwahrscheinlich.',
    measures: 'Systeme isoliert, aus dem Backup wiederhergestellt, Zugänge der Verwaltung neu vergeben, EDR ausgerollt.',
  },
  exfiltration: {
    consequences: 'Phishing mit echten Namen und Kursen möglich; Zahlungsdaten können für Betrugsversuche genutzt werden.',
    measures: 'Lücke geschlossen, Schlüssel rotiert, Passwort-Zurücksetzung erzwungen, Zahlungsdienstleister informiert.',
  },
  internal_error: {
    consequences: 'Der Empfänger konnte Namen und Nachrichten lesen; ein Missbrauch ist nicht bekannt.',
    measures: 'Empfänger hat die Löschung schriftlich bestätigt; Vier-Augen-Prinzip für Exporte eingeführt.',
  },
  lost_device: {
    consequences: 'Ohne Entschlüsselung sind die Daten nicht lesbar; ein Zugriff ist nicht bekannt.',
    measures: 'Gerät gesperrt und aus der Ferne gelöscht, Verschlüsselung nachgewiesen, Schulung des Teams.',
  },
  misdirected: {
    consequences: 'Ein fremder Empfänger kennt Name und Kursdaten einer Person; Nachteile sind nicht zu erwarten.',
    measures: 'Empfänger um Löschung gebeten (bestätigt), Adressauswahl im Versandwerkzeug geändert.',
  },
  social_engineering: {
    consequences: 'Angreifer konnten Lernfortschritte und Profile einsehen; Phishing-Folgewellen sind möglich.',
    measures: 'Konten gesperrt, Sitzungen beendet, Zwei-Faktor-Anmeldung für Mitarbeitende verpflichtend.',
  },
  other: {
    consequences: 'Andere Nutzer konnten E-Mail-Adressen sehen; Spam an diese Adressen ist möglich.',
    measures: 'Update zurückgenommen, Profilansicht geprüft, Tests für Sichtbarkeitsregeln ergänzt.',
  },
};

const controller = {
  name: demoController.controllerName,
  address: demoController.controllerAddress,
  contact: demoController.controllerContact,
};
const demoContact = { name: demoController.dpoName, contact: demoController.dpoContact };

/** A mutation context for seeding: the platform's own rules, run at a chosen instant by a chosen person. */
function seedContext(at: number, actor: string, n: () => number, playbooks: readonly Playbook[] = []): MutationContext {
  return {
    actor,
    at: new Date(at).toISOString(),
    newId: () => `seed-inc-${n()}`,
    digest: sha256Hex,
    find: ((entity: string, id: string) =>
      (entity === 'staff'
        ? demoStaff.find((s) => s.id === id)
        : entity === 'processor'
          ? demoProcessors.find((p) => p.id === id)
          : entity === 'activity'
            ? demoActivities.find((a) => a.id === id)
            : entity === 'playbook'
              ? playbooks.find((p) => p.id === id)
              : null) ?? null) as MutationContext['find'],
  };
}

/** The playbook of every family, as the platform starts with them. */
export const demoPlaybooks = (now: Date): Playbook[] =>
  (['ransomware', 'exfiltration', 'internal_error', 'lost_device', 'misdirected', 'social_engineering', 'other'] as const).map((family) =>
    demoPlaybook(family, new Date(now.getTime() - 800 * DAY).toISOString()),
  );

/**
 * About thirty incidents over two years across the families, each started on its family's playbook,
 * assessed by ENISA's method and decided (some notified, some documented only); the notified ones reported
 * to the authority with follow-ups under its reference, the people told where decided; most closed, a few
 * of the last weeks still open.
 */
export function generateIncidents(
  random: Random,
  count: number,
  now: Date,
  playbooks: readonly Playbook[] = demoPlaybooks(now),
): { incidents: Incident[]; notices: Notice[] } {
  let serial = 0;
  const next = () => ++serial;
  const security = 'stf_krueger';
  const officers = ['stf_vogel', 'stf_albrecht', 'stf_yildiz'];
  const notices: Notice[] = [];
  const incidents = Array.from({ length: count }, (_, i) => {
    const template = templates[i % templates.length];
    const age = Math.floor(((count - i) / count) * 720 * DAY);
    const discovered = now.getTime() - age - random.int(1, 10) * HOUR;
    const aware = discovered + random.int(1, 20) * HOUR;
    const at = (offset: number) => Math.min(now.getTime(), aware + offset);
    const ctx = (offset: number, actor: string) => seedContext(at(offset), actor, next, playbooks);
    const { processor, malicious, level, confidentiality, availability, ...facts } = template;
    const newest = i === count - 1;
    let incident = createIncident(
      {
        ...facts,
        // The newest is still being worked out: its consequences and measures are not written yet.
        ...(newest ? { consequences: '', measures: '' } : aftermath[facts.family]),
        id: `inc_${(i + 1).toString().padStart(4, '0')}`,
        discoveredAt: new Date(discovered).toISOString(),
        awareAt: new Date(aware).toISOString(),
        awareDecidedBy: random.pick(officers),
        ownerId: security,
        reportedBy: processor
          ? { kind: 'processor', processorId: processor, processorAwareAt: new Date(discovered).toISOString() }
          : { kind: 'staff', staffId: security },
      },
      ctx(0, security),
    );
    incident = assessIncident(
      incident,
      {
        identifiers: [level],
        circumstances: { confidentiality, integrity: 0, availability, malicious },
        adjustments: facts.vulnerableGroups.includes('minors')
          ? [{ category: 'account', score: 3, reason: 'Konten Minderjähriger: Gefährdung ihres Wohlergehens möglich' }]
          : [],
      },
      ctx(4 * HOUR, security),
    );
    // The playbook's tasks, done by their due hour: all of them on closed incidents, the first day's on others.
    const closing = i < count - 4;
    const tick = (until: number) => {
      for (const task of incident.playbook.tasks.filter((t) => t.dueHours <= until)) {
        const evidence = task.evidence.de ? `Ticket SEC-${1000 + i * 10 + task.dueHours}` : '';
        incident = tickTask(incident, { key: task.key, done: true, evidence }, ctx(Math.max(1, task.dueHours - 1) * HOUR, security));
      }
    };
    tick(newest ? 2 : 24);
    // The last few are still being handled; the rest are decided, and all but the newest closed.
    if (i >= count - 2) return { ...incident, version: 1 };
    const recommended = incident.assessments.at(-1)?.recommendation ?? { authority: false, subjects: false };
    // One of the open ones was reported as a precaution: its follow-ups are still to come.
    const precaution = i === count - 3 && !recommended.authority;
    const rec = precaution ? { ...recommended, authority: true } : recommended;
    const officer = random.pick(officers);
    incident = decideNotification(
      incident,
      {
        authority: rec.authority,
        subjects: rec.subjects,
        justification: precaution ? 'Vorsorglich gemeldet: der Umfang ist noch nicht abschließend geklärt.' : '',
        delayReasons: '',
      },
      ctx(20 * HOUR, officer),
    );
    const draft = {
      channel: 'portal' as const,
      language: 'de' as const,
      region: 'DE-BE',
      controller,
      contact: demoContact,
      timeZone: 'Europe/Berlin',
    };
    const sent = (offset: number) => new Date(at(offset)).toISOString();
    if (rec.authority) {
      incident = submitReport(
        incident,
        { ...draft, reportId: `rep_${i + 1}_1`, phase: 'initial', delayReasons: '', update: '', sentAt: sent(30 * HOUR) },
        ctx(30 * HOUR, officer),
      );
      incident = setReference(
        incident,
        { reference: `BlnBDI-DP-${new Date(aware).getUTCFullYear()}-${(410 + i * 7).toString().padStart(4, '0')}` },
        ctx(2 * DAY, officer),
      );
      if (i % 2 === 0) {
        incident = submitReport(
          incident,
          {
            ...draft,
            reportId: `rep_${i + 1}_2`,
            phase: 'follow_up',
            sentAt: sent(5 * DAY),
            delayReasons: '',
            update: 'Forensik abgeschlossen: Umfang bestätigt, keine weiteren Systeme betroffen.',
          },
          ctx(5 * DAY, officer),
        );
      }
      if (closing) {
        incident = submitReport(
          incident,
          {
            ...draft,
            reportId: `rep_${i + 1}_3`,
            phase: 'final',
            sentAt: sent(13 * DAY),
            delayReasons: '',
            update: 'Alle Maßnahmen umgesetzt; der Vorfall ist abgeschlossen.',
          },
          ctx(13 * DAY, officer),
        );
      }
    }
    if (rec.subjects) notices.push(seedNotice(incident, i, at(40 * HOUR), officer));
    if (closing) {
      tick(Number.POSITIVE_INFINITY);
      incident = setIncidentStatus(incident, { status: 'contained', note: 'Ursache behoben, Zugänge gesperrt.' }, ctx(2 * DAY, security));
      incident = setIncidentStatus(
        incident,
        { status: 'closed', note: 'Nachbereitung abgeschlossen, Maßnahmen umgesetzt.' },
        ctx(15 * DAY, security),
      );
    }
    return { ...incident, version: 1 };
  });
  return { incidents, notices };
}

/** A notice the people of a past incident received, delivered with the counts the platform reported. */
function seedNotice(incident: Incident, i: number, at: number, officer: string): Notice {
  const people = incident.people.min;
  const bounced = Math.max(1, Math.round(people * 0.03));
  const parts = {
    de: {
      what: incident.description,
      consequences: aftermath[incident.family].consequences,
      measures: aftermath[incident.family].measures,
      advice: 'Bitte ändern Sie Ihr Passwort und seien Sie vorsichtig bei E-Mails, die nach Zugangsdaten fragen.',
    },
    en: {
      what: 'An unauthorised party gained access to data of our platform that includes your data.',
      consequences: 'You may receive phishing e-mails that use your real name and courses.',
      measures: 'We closed the gap, rotated all keys and informed the supervisory authority.',
      advice: 'Please change your password and be careful with e-mails asking for your sign-in details.',
    },
  };
  return {
    id: `ntc_${(i + 1).toString().padStart(4, '0')}`,
    version: 4,
    updatedAt: new Date(at + HOUR).toISOString(),
    incidentId: incident.id,
    createdAt: new Date(at).toISOString(),
    createdBy: officer,
    parts,
    contact: demoContact.contact,
    messages: { de: composeNotice('de', parts.de, demoContact.contact), en: composeNotice('en', parts.en, demoContact.contact) },
    audience: { kind: 'enrolled', description: 'Python für Einsteiger' },
    state: 'done',
    counts: { recipients: people, queued: 0, sent: people, delivered: people - bounced, bounced, unknown: 0 },
    error: null,
  };
}

export const DEMO_INCIDENTS = 30;
