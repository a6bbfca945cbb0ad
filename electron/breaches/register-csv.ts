import type { Incident } from '../../shared/api/breaches';
import { csvDocument } from '../../shared/domain/csv';
import { breachAuthorityDeadline } from '../../shared/domain/deadlines';
import { dateFormat } from '../../shared/domain/format';
import { labels } from '../../shared/domain/labels';

const headers = {
  de: [
    'ID',
    'Vorfall',
    'Art',
    'Entdeckt',
    'Kenntnis',
    'Meldefrist (72 Std.)',
    'Status',
    'Verletzung der',
    'Datenkategorien',
    'Personen von',
    'Personen bis',
    'Datensätze von',
    'Datensätze bis',
    'Schutzbedürftige Gruppen',
    'Verschlüsselung',
    'Schwere',
    'SE',
    'Behörde gemeldet',
    'Personen benachrichtigt',
    'Begründung',
    'Gründe der Verzögerung',
    'Entschieden am',
  ],
  en: [
    'ID',
    'Incident',
    'Kind',
    'Discovered',
    'Aware',
    'Deadline (72 h)',
    'Status',
    'Loss of',
    'Data categories',
    'People from',
    'People to',
    'Records from',
    'Records to',
    'Vulnerable groups',
    'Encryption',
    'Severity',
    'SE',
    'Authority notified',
    'People told',
    'Justification',
    'Reasons for the delay',
    'Decided at',
  ],
} as const;

/** The register (Art. 33(5)) for a spreadsheet: every incident, notified or not, with its decision. Inert cells. */
export function breachRegisterCsv(incidents: readonly Incident[], language: 'de' | 'en', timeZone: string): string {
  const names = labels[language];
  const f = dateFormat(language, timeZone);
  const yes = (value: boolean | undefined) =>
    value === undefined ? '' : value ? (language === 'de' ? 'ja' : 'yes') : language === 'de' ? 'nein' : 'no';
  return csvDocument([
    headers[language],
    ...incidents.map((incident) => {
      const last = incident.assessments.at(-1);
      const decision = incident.decision;
      return [
        incident.id,
        incident.title,
        names.breachFamily[incident.family],
        f.instant(incident.discoveredAt),
        f.instant(incident.awareAt),
        f.instant(breachAuthorityDeadline(incident.awareAt)),
        names.incidentStatus[incident.status],
        incident.losses.map((loss) => names.lossKind[loss]).join(', '),
        incident.categories.map((category) => names.dataCategory[category]).join(', '),
        incident.people.min,
        incident.people.max,
        incident.records.min,
        incident.records.max,
        incident.vulnerableGroups.map((group) => names.vulnerableGroup[group]).join(', '),
        names.encryptionState[incident.encryption],
        last ? names.severityBand[last.band] : '',
        // German spreadsheets read 3.25 as a date: the score in the export's own notation.
        last ? last.score.toLocaleString(language === 'de' ? 'de-DE' : 'en-GB') : '',
        yes(decision?.authority),
        yes(decision?.subjects),
        decision?.justification ?? '',
        decision?.delayReasons ?? '',
        decision ? f.instant(decision.at) : '',
      ];
    }),
  ]);
}
