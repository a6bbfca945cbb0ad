import type { Incident, IncidentCreate } from '../../shared/api/breaches';
import { assessIncident, createIncident, decideNotification, setIncidentStatus } from '../../shared/domain/breach-changes';
import type { MutationContext } from '../../shared/entities/descriptor';
import { demoActivities } from './activities';
import { demoProcessors } from './processors';
import type { Random } from './random';
import { demoStaff } from './staff';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Template = Omit<IncidentCreate, 'id' | 'discoveredAt' | 'awareAt' | 'awareDecidedBy' | 'ownerId' | 'reportedBy'> & {
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

/** A mutation context for seeding: the platform's own rules, run at a chosen instant by a chosen person. */
function seedContext(at: number, actor: string, n: () => number): MutationContext {
  return {
    actor,
    at: new Date(at).toISOString(),
    newId: () => `seed-inc-${n()}`,
    find: ((entity: string, id: string) =>
      (entity === 'staff'
        ? demoStaff.find((s) => s.id === id)
        : entity === 'processor'
          ? demoProcessors.find((p) => p.id === id)
          : entity === 'activity'
            ? demoActivities.find((a) => a.id === id)
            : null) ?? null) as MutationContext['find'],
  };
}

/**
 * About thirty incidents over two years across the families, each assessed by ENISA's method and decided
 * (some notified, some documented only), most closed; a few of the last weeks still open.
 */
export function generateIncidents(random: Random, count: number, now: Date): Incident[] {
  let serial = 0;
  const next = () => ++serial;
  const security = 'stf_krueger';
  const officers = ['stf_vogel', 'stf_albrecht', 'stf_yildiz'];
  return Array.from({ length: count }, (_, i) => {
    const template = templates[i % templates.length];
    const age = Math.floor(((count - i) / count) * 720 * DAY);
    const discovered = now.getTime() - age - random.int(1, 10) * HOUR;
    const aware = discovered + random.int(1, 20) * HOUR;
    const at = (offset: number) => Math.min(now.getTime(), aware + offset);
    const { processor, malicious, level, confidentiality, availability, ...facts } = template;
    let incident = createIncident(
      {
        ...facts,
        id: `inc_${(i + 1).toString().padStart(4, '0')}`,
        discoveredAt: new Date(discovered).toISOString(),
        awareAt: new Date(aware).toISOString(),
        awareDecidedBy: random.pick(officers),
        ownerId: security,
        reportedBy: processor
          ? { kind: 'processor', processorId: processor, processorAwareAt: new Date(discovered).toISOString() }
          : { kind: 'staff', staffId: security },
      },
      seedContext(aware, security, next),
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
      seedContext(at(4 * HOUR), security, next),
    );
    // The last few are still being handled; the rest are decided, and all but the newest closed.
    if (i >= count - 2) return { ...incident, version: 1 };
    const rec = incident.assessments.at(-1)?.recommendation ?? { authority: false, subjects: false };
    incident = decideNotification(
      incident,
      { authority: rec.authority, subjects: rec.subjects, justification: '', delayReasons: '' },
      seedContext(at(20 * HOUR), random.pick(officers), next),
    );
    if (i < count - 4) {
      incident = setIncidentStatus(
        incident,
        { status: 'contained', note: 'Ursache behoben, Zugänge gesperrt.' },
        seedContext(at(2 * DAY), security, next),
      );
      incident = setIncidentStatus(
        incident,
        { status: 'closed', note: 'Nachbereitung abgeschlossen, Maßnahmen umgesetzt.' },
        seedContext(at(14 * DAY), security, next),
      );
    }
    return { ...incident, version: 1 };
  });
}

export const DEMO_INCIDENTS = 30;
