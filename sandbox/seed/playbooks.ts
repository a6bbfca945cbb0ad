import type { Playbook, PlaybookTask } from '../../shared/api/breach-playbooks';
import { playbookIdOf } from '../../shared/api/breach-playbooks';
import type { BreachFamily } from '../../shared/api/breaches';

const task = (
  key: string,
  phase: PlaybookTask['phase'],
  role: PlaybookTask['role'],
  dueHours: number,
  de: string,
  en: string,
  evidence: [string, string] = ['', ''],
): PlaybookTask => ({ key, phase, role, dueHours, title: { de, en }, evidence: { de: evidence[0], en: evidence[1] } });

/** Containment first: what stops the damage in each family (EDPB Guidelines 01/2021's cases). */
const containment: Record<BreachFamily, PlaybookTask[]> = {
  ransomware: [
    task('contain-isolate', 'contain', 'security_lead', 2, 'Befallene Systeme vom Netz trennen', 'Disconnect the affected systems', [
      'Ticket mit den getrennten Systemen',
      'Ticket listing the disconnected systems',
    ]),
    task(
      'contain-backup',
      'contain',
      'security_lead',
      8,
      'Offline-Sicherungen prüfen und schützen',
      'Check and protect the offline backups',
      ['Prüfprotokoll der Sicherung', 'Backup check log'],
    ),
    task('assess-exfiltration', 'assess', 'security_lead', 24, 'Prüfen, ob Daten abgeflossen sind', 'Check whether data left the network', [
      'Auswertung der Netzwerk-Logs',
      'Analysis of the network logs',
    ]),
  ],
  exfiltration: [
    task(
      'contain-close',
      'contain',
      'security_lead',
      4,
      'Lücke schließen, Schlüssel und Zugangsdaten rotieren',
      'Close the hole, rotate keys and credentials',
      ['Change-Ticket', 'Change ticket'],
    ),
    task(
      'contain-reset',
      'contain',
      'security_lead',
      12,
      'Passwort-Zurücksetzung erzwingen, wo Zugangsdaten betroffen sind',
      'Force password resets where credentials are affected',
    ),
  ],
  internal_error: [
    task(
      'contain-stop',
      'contain',
      'security_lead',
      2,
      'Fehlerhafte Freigabe oder Übermittlung stoppen',
      'Stop the wrong sharing or transmission',
    ),
    task('contain-delete', 'contain', 'privacy_officer', 24, 'Empfänger um Löschung bitten', 'Ask the recipients to delete the data', [
      'Löschbestätigung der Empfänger',
      "The recipients' confirmation of deletion",
    ]),
  ],
  lost_device: [
    task('contain-wipe', 'contain', 'security_lead', 2, 'Gerät sperren und aus der Ferne löschen', 'Lock and remotely wipe the device', [
      'MDM-Protokoll',
      'MDM log',
    ]),
    task('assess-encryption', 'assess', 'security_lead', 12, 'Verschlüsselung des Geräts nachweisen', "Establish the device's encryption", [
      'Verschlüsselungsstatus aus dem MDM',
      'Encryption state from the MDM',
    ]),
  ],
  misdirected: [
    task('contain-recall', 'contain', 'security_lead', 2, 'Nachricht zurückrufen, wo möglich', 'Recall the message where possible'),
    task(
      'contain-delete',
      'contain',
      'privacy_officer',
      24,
      'Empfänger um Löschung und Bestätigung bitten',
      'Ask the recipient to delete it and confirm',
      ['Löschbestätigung', 'Confirmation of deletion'],
    ),
  ],
  social_engineering: [
    task(
      'contain-lock',
      'contain',
      'security_lead',
      2,
      'Betroffene Konten sperren, Sitzungen beenden',
      'Lock the affected accounts, end their sessions',
      ['Liste der gesperrten Konten', 'List of the locked accounts'],
    ),
    task(
      'contain-mfa',
      'contain',
      'security_lead',
      24,
      'Zwei-Faktor-Anmeldung für die Konten prüfen',
      'Check two-factor sign-in on the accounts',
    ),
  ],
  other: [task('contain-cause', 'contain', 'security_lead', 4, 'Ursache eindämmen', 'Contain the cause')],
};

/** What every family goes through after containment: evidence, assessment, decision, reports, review. */
const common = [
  task(
    'preserve-evidence',
    'preserve',
    'security_lead',
    8,
    'Beweise sichern (Logs, Abbilder, Zeitstempel)',
    'Preserve evidence (logs, images, timestamps)',
    ['Ablageort der gesicherten Beweise', 'Where the preserved evidence is kept'],
  ),
  task('assess-severity', 'assess', 'security_lead', 24, 'Schwere nach ENISA bewerten', 'Assess the severity by ENISA'),
  task(
    'decide-notification',
    'decide',
    'privacy_officer',
    48,
    'Über die Meldungen entscheiden (Art. 33, 34)',
    'Decide on notification (Art. 33, 34)',
  ),
  task(
    'notify-authority',
    'notify',
    'privacy_officer',
    72,
    'Aufsichtsbehörde melden, falls entschieden',
    'Notify the authority where decided',
    ['Eingangsbestätigung der Behörde', "The authority's acknowledgement"],
  ),
  task(
    'communicate-people',
    'communicate',
    'privacy_officer',
    96,
    'Betroffene benachrichtigen, falls entschieden',
    'Tell the people affected where decided',
  ),
  task(
    'review-lessons',
    'review',
    'security_lead',
    24 * 14,
    'Nachbereitung: Ursache, Maßnahmen, Lehren',
    'Review: cause, measures, lessons learned',
    ['Abschlussbericht', 'Final report'],
  ),
];

export function demoPlaybook(family: BreachFamily, at: string): Playbook {
  const tasks = [...containment[family], ...common].sort((a, b) => a.dueHours - b.dueHours);
  return {
    id: playbookIdOf(family),
    version: 1,
    updatedAt: at,
    family,
    revision: 1,
    tasks,
    savedAt: at,
    savedBy: 'stf_krueger',
    note: 'Erste Fassung nach EDPB-Leitlinien 01/2021',
    history: [],
  };
}
