import type { Notice } from '../../shared/api/breach-notices';
import type { Incident } from '../../shared/api/breaches';
import { breachAuthorityDeadline } from '../../shared/domain/breach-clock';
import { csvDocument } from '../../shared/domain/csv';
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
    'Wahrscheinliche Folgen',
    'Maßnahmen',
    'Aktenzeichen der Behörde',
    'Meldungen an die Behörde',
    'Ausnahme nach Art. 34 Abs. 3',
    'Aufgaben des Playbooks erledigt',
    'Betroffene benachrichtigt (Art. 34)',
    'Öffentliche Bekanntmachung (Art. 34 Abs. 3 lit. c)',
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
    'Likely consequences',
    'Measures',
    "Authority's reference",
    'Reports to the authority',
    'Art. 34(3) exemption',
    'Playbook tasks done',
    'People told (Art. 34)',
    'Public communication (Art. 34(3)(c))',
  ],
} as const;

/** The register (Art. 33(5)) as a table: every incident, notified or not, with its decision and reports. */
export function breachRegisterTable(
  incidents: readonly Incident[],
  language: 'de' | 'en',
  timeZone: string,
  noticesOf: (incidentId: string) => readonly Notice[] = () => [],
) {
  const names = labels[language];
  const f = dateFormat(language, timeZone);
  const yes = (value: boolean | undefined) =>
    value === undefined ? '' : value ? (language === 'de' ? 'ja' : 'yes') : language === 'de' ? 'nein' : 'no';
  return {
    headers: headers[language],
    rows: incidents.map((incident): (string | number)[] => {
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
        incident.consequences,
        incident.measures,
        incident.authorityReference ?? '',
        incident.reports.map((report) => `${names.reportPhase[report.phase]} ${f.instant(report.submittedAt)}`).join('; '),
        incident.exemption ? names.subjectExemption[incident.exemption.ground] : '',
        `${incident.playbook.tasks.filter((task) => task.done).length} / ${incident.playbook.tasks.length}`,
        noticesOf(incident.id)
          .map(
            (notice) =>
              `${f.instant(notice.createdAt)}: ${notice.counts.delivered} / ${notice.counts.recipients} (${names.noticeState[notice.state]})`,
          )
          .join('; '),
        incident.exemption?.publicCommunication
          ? `${incident.exemption.publicCommunication.where}, ${f.instant(incident.exemption.publicCommunication.at)}`
          : '',
      ];
    }),
  };
}

/** The register for a spreadsheet. Inert cells. */
export function breachRegisterCsv(
  incidents: readonly Incident[],
  language: 'de' | 'en',
  timeZone: string,
  noticesOf?: (incidentId: string) => readonly Notice[],
): string {
  const { headers: head, rows } = breachRegisterTable(incidents, language, timeZone, noticesOf);
  return csvDocument([head, ...rows]);
}
