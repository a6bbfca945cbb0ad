import type { z } from 'zod';
import type { Art9Ground, LegalBasis } from '../api/activities';
import type { Notice } from '../api/breach-notices';
import type { TaskPhase } from '../api/breach-playbooks';
import type { ReportChannel, ReportPhase, SubjectExemption } from '../api/breach-reports';
import type { BreachFamily, EncryptionState, IdentificationLevel, IncidentStatus, LossKind, VulnerableGroup } from '../api/breaches';
import type { EntityName } from '../api/changes';
import type { Role } from '../api/common';
import type { DsarChannel, DsarPriority, DsarStatus, DsarType } from '../api/dsar';
import type {
  ClockSettings,
  DataCategory,
  DenialReason,
  IdentityMethod,
  JobKind,
  MessageKind,
  ObjectionPurpose,
  RectifiableField,
} from '../api/dsar-workflow';
import type { Job } from '../api/jobs';
import type {
  ChangeNotice,
  DpaClause,
  ProcessorRole,
  ProcessorStatus,
  RiskRating,
  ServiceCategory,
  TransferMechanism,
} from '../api/processors';
import type { ExportKind } from '../ipc/contract';
import type { ReportGap } from './breach-reports';

export type LabelLanguage = 'de' | 'en';

/**
 * Every enumeration a person reads, with the one name it has everywhere: on screen, in the CSV and PDF
 * exports and in desktop notifications. The compiler refuses a language that misses a value.
 */
export interface LabelTable {
  dsarType: Record<DsarType, string>;
  /** The type in one word, where a narrow column shows it (the article is in the tooltip). */
  dsarTypeShort: Record<DsarType, string>;
  dsarStatus: Record<DsarStatus, string>;
  channel: Record<z.infer<typeof DsarChannel>, string>;
  priority: Record<z.infer<typeof DsarPriority>, string>;
  dataCategory: Record<DataCategory, string>;
  objectionPurpose: Record<ObjectionPurpose, string>;
  denialReason: Record<DenialReason, string>;
  identityMethod: Record<IdentityMethod, string>;
  identityOutcome: Record<'verified' | 'failed', string>;
  messageKind: Record<MessageKind, string>;
  jobKind: Record<JobKind, string>;
  jobState: Record<Job['state'], string>;
  /** Fields a person can change on a request or its subject's account (rectification, timeline). */
  field: Record<RectifiableField | 'priority' | 'tags', string>;
  pausePolicy: Record<ClockSettings['pausePolicy'], string>;
  serviceCategory: Record<z.infer<typeof ServiceCategory>, string>;
  processorRole: Record<z.infer<typeof ProcessorRole>, string>;
  processorStatus: Record<z.infer<typeof ProcessorStatus>, string>;
  transferMechanism: Record<z.infer<typeof TransferMechanism>, string>;
  riskRating: Record<z.infer<typeof RiskRating>, string>;
  noticeDecision: Record<ChangeNotice['decision'], string>;
  dpaClause: Record<DpaClause, string>;
  legalBasis: Record<z.infer<typeof LegalBasis>, string>;
  art9Ground: Record<z.infer<typeof Art9Ground>, string>;
  exportKind: Record<ExportKind, string>;
  /** The objects of the admin API, as the audit trail names them. */
  entity: Record<EntityName, string>;
  breachFamily: Record<z.infer<typeof BreachFamily>, string>;
  lossKind: Record<z.infer<typeof LossKind>, string>;
  encryptionState: Record<z.infer<typeof EncryptionState>, string>;
  incidentStatus: Record<z.infer<typeof IncidentStatus>, string>;
  vulnerableGroup: Record<z.infer<typeof VulnerableGroup>, string>;
  identificationLevel: Record<z.infer<typeof IdentificationLevel>, string>;
  severityBand: Record<'low' | 'medium' | 'high' | 'very_high', string>;
  reportPhase: Record<ReportPhase, string>;
  reportChannel: Record<ReportChannel, string>;
  subjectExemption: Record<SubjectExemption, string>;
  taskPhase: Record<TaskPhase, string>;
  role: Record<Role, string>;
  noticeState: Record<Notice['state'], string>;
  audienceKind: Record<Notice['audience']['kind'], string>;
  reportGap: Record<ReportGap, string>;
}

const de: LabelTable = {
  dsarType: {
    access: 'Auskunft (Art. 15)',
    rectification: 'Berichtigung (Art. 16)',
    erasure: 'Löschung (Art. 17)',
    restriction: 'Einschränkung (Art. 18)',
    portability: 'Datenübertragbarkeit (Art. 20)',
    objection: 'Widerspruch (Art. 21)',
  },
  dsarTypeShort: {
    access: 'Auskunft',
    rectification: 'Berichtigung',
    erasure: 'Löschung',
    restriction: 'Einschränkung',
    portability: 'Übertragung',
    objection: 'Widerspruch',
  },
  dsarStatus: {
    new: 'Neu',
    identity_pending: 'Identitätsprüfung',
    in_progress: 'In Bearbeitung',
    awaiting_subject: 'Wartet auf Person',
    completed: 'Abgeschlossen',
    denied: 'Abgelehnt',
    withdrawn: 'Zurückgezogen',
    duplicate: 'Duplikat',
  },
  channel: { web_form: 'Webformular', email: 'E-Mail', letter: 'Brief', in_app: 'In der App' },
  priority: { low: 'Niedrig', normal: 'Normal', high: 'Hoch' },
  dataCategory: {
    account: 'Konto',
    enrolments: 'Kursbuchungen',
    lesson_progress: 'Lernfortschritt',
    quiz_results: 'Quiz-Ergebnisse',
    submissions: 'Einreichungen',
    forum_posts: 'Forenbeiträge',
    payments: 'Zahlungen',
    invoices: 'Rechnungen',
    messages: 'Nachrichten',
    preferences: 'Einstellungen',
    login_history: 'Anmeldeverlauf',
  },
  objectionPurpose: {
    newsletter_analysis: 'Newsletter-Auswertung',
    progress_analytics: 'Lernfortschritts-Analyse',
    course_recommendations: 'Kursempfehlungen',
    web_analytics: 'Webanalyse',
  },
  denialReason: {
    manifestly_unfounded: 'Offenkundig unbegründet (Art. 12 Abs. 5)',
    excessive: 'Exzessiv, z. B. häufige Wiederholung (Art. 12 Abs. 5)',
    identity_not_established: 'Identität nicht feststellbar (Art. 11 Abs. 2, 12 Abs. 2)',
    rights_of_others: 'Rechte anderer Personen (Art. 15 Abs. 4)',
    legal_exemption: 'Gesetzliche Ausnahme (Art. 17 Abs. 3, §§ 34, 35 BDSG)',
  },
  identityMethod: {
    account_session: 'Angemeldet im Konto bestätigt',
    email_confirmation: 'Bestätigung von hinterlegter E-Mail',
    knowledge_check: 'Kontrollfragen (Kontodaten)',
    id_document_seen: 'Ausweis gesehen und gelöscht',
    postal_confirmation: 'Bestätigung per Post',
  },
  identityOutcome: { verified: 'Bestätigt', failed: 'Nicht bestätigt' },
  messageKind: {
    acknowledgement: 'Eingangsbestätigung',
    identity_request: 'Identitätsanfrage',
    clarification_request: 'Rückfrage',
    extension_notice: 'Verlängerungsmitteilung',
    completion: 'Abschlussmitteilung',
    denial: 'Ablehnungsmitteilung',
  },
  jobKind: {
    package: 'Datenpaket erstellen',
    erasure: 'Löschung',
    restriction: 'Einschränkung setzen',
    objection: 'Widerspruch umsetzen',
    rectification: 'Berichtigung',
  },
  jobState: { running: 'läuft', succeeded: 'fertig', failed: 'fehlgeschlagen' },
  field: {
    name: 'Name',
    email: 'E-Mail',
    address: 'Anschrift',
    birthDate: 'Geburtsdatum',
    displayName: 'Anzeigename',
    priority: 'Priorität',
    tags: 'Schlagwörter',
  },
  pausePolicy: {
    none: 'Nein (empfohlen)',
    identity: 'Während der Identitätsprüfung',
    identity_and_clarification: 'Während Identitätsprüfung und Rückfragen',
  },
  serviceCategory: {
    analytics: 'Webanalyse',
    payment: 'Zahlungen',
    hosting_cloud: 'Hosting und Cloud',
    email_delivery: 'E-Mail-Versand',
    lms_component: 'LMS-Komponente',
    embedded_content: 'Eingebettete Inhalte',
    support: 'Support',
    other: 'Sonstiges',
  },
  processorRole: {
    processor: 'Auftragsverarbeiter',
    sub_processor: 'Unterauftragsverarbeiter',
    joint_controller: 'Gemeinsam Verantwortlicher',
    independent_controller: 'Eigenständig Verantwortlicher',
  },
  processorStatus: { onboarding: 'Einführung', active: 'Aktiv', offboarding: 'Beendigung läuft', terminated: 'Beendet' },
  transferMechanism: {
    none: 'Keine (nur EU/EWR)',
    adequacy: 'Angemessenheitsbeschluss (Art. 45 DSGVO)',
    scc: 'Standardvertragsklauseln 2021/914 (Art. 46 Abs. 2 lit. c DSGVO)',
    bcr: 'Verbindliche interne Datenschutzvorschriften (Art. 47 DSGVO)',
    art49: 'Ausnahme nach Art. 49 DSGVO',
  },
  riskRating: { low: 'Niedrig', medium: 'Mittel', high: 'Hoch' },
  noticeDecision: { pending: 'Offen', accepted: 'Akzeptiert', objected: 'Widersprochen' },
  dpaClause: {
    a: '(a) Verarbeitung nur auf dokumentierte Weisung, auch bei Übermittlungen',
    b: '(b) Vertraulichkeitsverpflichtung der Beschäftigten',
    c: '(c) Sicherheit der Verarbeitung nach Art. 32',
    d: '(d) Bedingungen für Unterauftragsverarbeiter',
    e: '(e) Unterstützung bei Betroffenenrechten',
    f: '(f) Unterstützung bei Art. 32–36',
    g: '(g) Löschung oder Rückgabe nach Vertragsende',
    h: '(h) Nachweise und Überprüfungen (Audits)',
  },
  legalBasis: {
    art6_1_a: 'Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)',
    art6_1_b: 'Vertrag (Art. 6 Abs. 1 lit. b DSGVO)',
    art6_1_c: 'Rechtliche Verpflichtung (Art. 6 Abs. 1 lit. c DSGVO)',
    art6_1_d: 'Lebenswichtige Interessen (Art. 6 Abs. 1 lit. d DSGVO)',
    art6_1_e: 'Öffentliche Aufgabe (Art. 6 Abs. 1 lit. e DSGVO)',
    art6_1_f: 'Berechtigtes Interesse (Art. 6 Abs. 1 lit. f DSGVO)',
  },
  art9Ground: {
    art9_2_a: 'Ausdrückliche Einwilligung (Art. 9 Abs. 2 lit. a)',
    art9_2_b: 'Arbeitsrecht und soziale Sicherheit (Art. 9 Abs. 2 lit. b)',
    art9_2_c: 'Lebenswichtige Interessen (Art. 9 Abs. 2 lit. c)',
    art9_2_d: 'Organisation ohne Gewinnerzielungsabsicht (Art. 9 Abs. 2 lit. d)',
    art9_2_e: 'Offensichtlich öffentlich gemacht (Art. 9 Abs. 2 lit. e)',
    art9_2_f: 'Rechtsansprüche (Art. 9 Abs. 2 lit. f)',
    art9_2_g: 'Erhebliches öffentliches Interesse (Art. 9 Abs. 2 lit. g)',
    art9_2_h: 'Gesundheitsvorsorge, Arbeitsmedizin (Art. 9 Abs. 2 lit. h)',
    art9_2_i: 'Öffentliche Gesundheit (Art. 9 Abs. 2 lit. i)',
    art9_2_j: 'Archiv, Forschung, Statistik (Art. 9 Abs. 2 lit. j)',
  },
  breachFamily: {
    ransomware: 'Ransomware',
    exfiltration: 'Datenabfluss',
    internal_error: 'Interner Fehler',
    lost_device: 'Verlorenes oder gestohlenes Gerät oder Papier',
    misdirected: 'Fehlversand (Post, E-Mail)',
    social_engineering: 'Social Engineering, Kontoübernahme',
    other: 'Sonstiges',
  },
  lossKind: { confidentiality: 'Vertraulichkeit', integrity: 'Integrität', availability: 'Verfügbarkeit' },
  encryptionState: {
    none: 'Unverschlüsselt',
    encrypted_key_safe: 'Verschlüsselt, Schlüssel sicher',
    encrypted_key_compromised: 'Verschlüsselt, Schlüssel kompromittiert',
    unknown: 'Unbekannt',
  },
  incidentStatus: { open: 'Offen', contained: 'Eingedämmt', closed: 'Abgeschlossen' },
  vulnerableGroup: { minors: 'Minderjährige', employees: 'Beschäftigte', vulnerable_adults: 'Schutzbedürftige Erwachsene' },
  identificationLevel: {
    negligible: 'Vernachlässigbar (0,25)',
    limited: 'Begrenzt (0,5)',
    significant: 'Erheblich (0,75)',
    maximum: 'Maximal (1)',
  },
  severityBand: { low: 'Niedrig', medium: 'Mittel', high: 'Hoch', very_high: 'Sehr hoch' },
  reportPhase: { initial: 'Erstmeldung', follow_up: 'Nachmeldung', final: 'Abschlussmeldung' },
  reportChannel: { portal: 'Online-Formular der Behörde', email: 'E-Mail', post: 'Post', fax: 'Fax' },
  subjectExemption: {
    unintelligible: 'Daten unverständlich, z. B. verschlüsselt (Art. 34 Abs. 3 lit. a)',
    risk_removed: 'Hohes Risiko durch Folgemaßnahmen beseitigt (Art. 34 Abs. 3 lit. b)',
    disproportionate: 'Unverhältnismäßiger Aufwand: öffentliche Bekanntmachung (Art. 34 Abs. 3 lit. c)',
  },
  taskPhase: {
    contain: 'Eindämmen',
    preserve: 'Beweise sichern',
    assess: 'Bewerten',
    decide: 'Entscheiden',
    notify: 'Melden',
    communicate: 'Benachrichtigen',
    review: 'Nachbereiten',
  },
  role: { privacy_officer: 'Datenschutz', security_lead: 'IT-Sicherheit', legal: 'Recht', admin: 'Administration' },
  noticeState: { queued: 'In der Warteschlange', sending: 'Wird versendet', done: 'Versendet', failed: 'Fehlgeschlagen' },
  audienceKind: { accounts: 'Kontenliste', csv: 'CSV-Datei', enrolled: 'Eingeschrieben in Kurs', logged_in: 'Angemeldet im Zeitraum' },
  reportGap: {
    'not-decided': 'die Entscheidung, die Behörde zu benachrichtigen',
    'final-exists': 'nichts mehr: die Abschlussmeldung ist gemacht',
    'initial-exists': 'keine zweite Erstmeldung: eine Nachmeldung wählen',
    'initial-missing': 'zuerst die Erstmeldung',
    reference: 'das Aktenzeichen der Behörde',
    authority: 'die zuständige Aufsichtsbehörde (Bundesland in den Einstellungen)',
    controller: 'Name und Anschrift des Verantwortlichen (Einstellungen)',
    contact: 'der Datenschutzbeauftragte als Anlaufstelle (Einstellungen, Art. 33 Abs. 3 lit. b)',
    consequences: 'die wahrscheinlichen Folgen (Art. 33 Abs. 3 lit. c)',
    measures: 'die ergriffenen Maßnahmen (Art. 33 Abs. 3 lit. d)',
    'delay-reasons': 'die Gründe für die Verzögerung (Art. 33 Abs. 1)',
    update: 'was die Meldung Neues enthält',
  },
  entity: {
    dsar: 'Anfrage',
    job: 'Auftrag',
    template: 'Briefvorlagen',
    staff: 'Mitarbeiter:in',
    processor: 'Auftragsverarbeiter',
    activity: 'Verarbeitungstätigkeit',
    breachPolicy: 'Meldeeinstellungen',
    playbook: 'Playbook',
    incident: 'Vorfall',
    notice: 'Benachrichtigung',
    policyVersion: 'Richtlinienversion',
    policyCampaign: 'Benachrichtigungskampagne',
    employee: 'Beschäftigte:r',
    grant: 'Zugriffsrecht',
    accessReview: 'Zugriffsprüfung',
    reviewItem: 'Prüfposten',
  },
  exportKind: {
    dsar_register: 'Register der Betroffenenanfragen',
    dsar_package: 'Kopie eines übermittelten Datenpakets',
    dsar_letter: 'Schreiben an eine betroffene Person (Post)',
    breach_register: 'Verzeichnis der Datenpannen',
    breach_report: 'Meldung an die Aufsichtsbehörde',
    records_of_processing: 'Verzeichnis von Verarbeitungstätigkeiten',
    access_evidence: 'Nachweis einer Zugriffsrechte-Prüfung',
    monthly_report: 'Monatlicher Datenschutzbericht',
    audit_trail: 'Protokoll der Konsole',
  },
};

const en: LabelTable = {
  dsarType: {
    access: 'Access (Art. 15)',
    rectification: 'Rectification (Art. 16)',
    erasure: 'Erasure (Art. 17)',
    restriction: 'Restriction (Art. 18)',
    portability: 'Portability (Art. 20)',
    objection: 'Objection (Art. 21)',
  },
  dsarTypeShort: {
    access: 'Access',
    rectification: 'Rectification',
    erasure: 'Erasure',
    restriction: 'Restriction',
    portability: 'Portability',
    objection: 'Objection',
  },
  dsarStatus: {
    new: 'New',
    identity_pending: 'Identity check',
    in_progress: 'In progress',
    awaiting_subject: 'Awaiting subject',
    completed: 'Completed',
    denied: 'Denied',
    withdrawn: 'Withdrawn',
    duplicate: 'Duplicate',
  },
  channel: { web_form: 'Web form', email: 'E-mail', letter: 'Letter', in_app: 'In the app' },
  priority: { low: 'Low', normal: 'Normal', high: 'High' },
  dataCategory: {
    account: 'Account',
    enrolments: 'Enrolments',
    lesson_progress: 'Lesson progress',
    quiz_results: 'Quiz results',
    submissions: 'Submissions',
    forum_posts: 'Forum posts',
    payments: 'Payments',
    invoices: 'Invoices',
    messages: 'Messages',
    preferences: 'Preferences',
    login_history: 'Login history',
  },
  objectionPurpose: {
    newsletter_analysis: 'Newsletter analysis',
    progress_analytics: 'Learning progress analytics',
    course_recommendations: 'Course recommendations',
    web_analytics: 'Web analytics',
  },
  denialReason: {
    manifestly_unfounded: 'Manifestly unfounded (Art. 12(5))',
    excessive: 'Excessive, e.g. repetitive (Art. 12(5))',
    identity_not_established: 'Identity cannot be established (Art. 11(2), 12(2))',
    rights_of_others: 'Rights of others (Art. 15(4))',
    legal_exemption: 'Statutory exemption (Art. 17(3), §§ 34, 35 BDSG)',
  },
  identityMethod: {
    account_session: 'Confirmed while signed in to the account',
    email_confirmation: 'Confirmed from the e-mail address on file',
    knowledge_check: 'Knowledge questions (account data)',
    id_document_seen: 'ID document seen and deleted',
    postal_confirmation: 'Confirmed by post',
  },
  identityOutcome: { verified: 'Verified', failed: 'Not verified' },
  messageKind: {
    acknowledgement: 'Acknowledgement',
    identity_request: 'Identity request',
    clarification_request: 'Question',
    extension_notice: 'Extension notice',
    completion: 'Completion notice',
    denial: 'Denial notice',
  },
  jobKind: {
    package: 'Build the data package',
    erasure: 'Erasure',
    restriction: 'Set the restriction',
    objection: 'Apply the objection',
    rectification: 'Rectification',
  },
  jobState: { running: 'running', succeeded: 'done', failed: 'failed' },
  field: {
    name: 'Name',
    email: 'E-mail',
    address: 'Address',
    birthDate: 'Date of birth',
    displayName: 'Display name',
    priority: 'Priority',
    tags: 'Tags',
  },
  pausePolicy: {
    none: 'No (recommended)',
    identity: 'While identity is being checked',
    identity_and_clarification: 'While identity is checked and questions are open',
  },
  serviceCategory: {
    analytics: 'Web analytics',
    payment: 'Payments',
    hosting_cloud: 'Hosting and cloud',
    email_delivery: 'E-mail delivery',
    lms_component: 'LMS component',
    embedded_content: 'Embedded content',
    support: 'Support',
    other: 'Other',
  },
  processorRole: {
    processor: 'Processor',
    sub_processor: 'Sub-processor',
    joint_controller: 'Joint controller',
    independent_controller: 'Independent controller',
  },
  processorStatus: { onboarding: 'Onboarding', active: 'Active', offboarding: 'Offboarding', terminated: 'Terminated' },
  transferMechanism: {
    none: 'None (EU/EEA only)',
    adequacy: 'Adequacy decision (Art. 45 GDPR)',
    scc: 'Standard contractual clauses 2021/914 (Art. 46(2)(c) GDPR)',
    bcr: 'Binding corporate rules (Art. 47 GDPR)',
    art49: 'Derogation under Art. 49 GDPR',
  },
  riskRating: { low: 'Low', medium: 'Medium', high: 'High' },
  noticeDecision: { pending: 'Open', accepted: 'Accepted', objected: 'Objected' },
  dpaClause: {
    a: '(a) Processing only on documented instructions, including transfers',
    b: '(b) Confidentiality of the staff',
    c: '(c) Security of processing under Art. 32',
    d: '(d) Conditions for sub-processors',
    e: '(e) Assistance with data-subject rights',
    f: '(f) Assistance with Arts. 32–36',
    g: '(g) Deletion or return at the end',
    h: '(h) Information and audits',
  },
  legalBasis: {
    art6_1_a: 'Consent (Art. 6(1)(a) GDPR)',
    art6_1_b: 'Contract (Art. 6(1)(b) GDPR)',
    art6_1_c: 'Legal obligation (Art. 6(1)(c) GDPR)',
    art6_1_d: 'Vital interests (Art. 6(1)(d) GDPR)',
    art6_1_e: 'Public task (Art. 6(1)(e) GDPR)',
    art6_1_f: 'Legitimate interests (Art. 6(1)(f) GDPR)',
  },
  art9Ground: {
    art9_2_a: 'Explicit consent (Art. 9(2)(a))',
    art9_2_b: 'Employment and social security law (Art. 9(2)(b))',
    art9_2_c: 'Vital interests (Art. 9(2)(c))',
    art9_2_d: 'Not-for-profit body (Art. 9(2)(d))',
    art9_2_e: 'Manifestly made public (Art. 9(2)(e))',
    art9_2_f: 'Legal claims (Art. 9(2)(f))',
    art9_2_g: 'Substantial public interest (Art. 9(2)(g))',
    art9_2_h: 'Preventive or occupational medicine (Art. 9(2)(h))',
    art9_2_i: 'Public health (Art. 9(2)(i))',
    art9_2_j: 'Archiving, research, statistics (Art. 9(2)(j))',
  },
  breachFamily: {
    ransomware: 'Ransomware',
    exfiltration: 'Data exfiltration',
    internal_error: 'Internal error',
    lost_device: 'Lost or stolen device or paper',
    misdirected: 'Misdirected mail or e-mail',
    social_engineering: 'Social engineering, account takeover',
    other: 'Other',
  },
  lossKind: { confidentiality: 'Confidentiality', integrity: 'Integrity', availability: 'Availability' },
  encryptionState: {
    none: 'Not encrypted',
    encrypted_key_safe: 'Encrypted, key safe',
    encrypted_key_compromised: 'Encrypted, key compromised',
    unknown: 'Unknown',
  },
  incidentStatus: { open: 'Open', contained: 'Contained', closed: 'Closed' },
  vulnerableGroup: { minors: 'Minors', employees: 'Employees', vulnerable_adults: 'Vulnerable adults' },
  identificationLevel: {
    negligible: 'Negligible (0.25)',
    limited: 'Limited (0.5)',
    significant: 'Significant (0.75)',
    maximum: 'Maximum (1)',
  },
  severityBand: { low: 'Low', medium: 'Medium', high: 'High', very_high: 'Very high' },
  reportPhase: { initial: 'Initial report', follow_up: 'Follow-up report', final: 'Final report' },
  reportChannel: { portal: "The authority's web form", email: 'E-mail', post: 'Post', fax: 'Fax' },
  subjectExemption: {
    unintelligible: 'Data unintelligible, e.g. encrypted (Art. 34(3)(a))',
    risk_removed: 'High risk removed by later measures (Art. 34(3)(b))',
    disproportionate: 'Disproportionate effort: public communication (Art. 34(3)(c))',
  },
  taskPhase: {
    contain: 'Contain',
    preserve: 'Preserve evidence',
    assess: 'Assess',
    decide: 'Decide',
    notify: 'Notify',
    communicate: 'Communicate',
    review: 'Review',
  },
  role: { privacy_officer: 'Privacy', security_lead: 'Security', legal: 'Legal', admin: 'Administration' },
  noticeState: { queued: 'Queued', sending: 'Sending', done: 'Sent', failed: 'Failed' },
  audienceKind: { accounts: 'List of accounts', csv: 'CSV file', enrolled: 'Enrolled in course', logged_in: 'Signed in between' },
  reportGap: {
    'not-decided': 'the decision to notify the authority',
    'final-exists': 'nothing more: the final report has been made',
    'initial-exists': 'no second initial report: choose a follow-up',
    'initial-missing': 'the initial report first',
    reference: "the authority's reference number",
    authority: 'the competent supervisory authority (the Land in the settings)',
    controller: "the controller's name and address (settings)",
    contact: 'the data protection officer as contact point (settings, Art. 33(3)(b))',
    consequences: 'the likely consequences (Art. 33(3)(c))',
    measures: 'the measures taken (Art. 33(3)(d))',
    'delay-reasons': 'the reasons for the delay (Art. 33(1))',
    update: 'what the report adds',
  },
  entity: {
    dsar: 'Request',
    job: 'Job',
    template: 'Letter templates',
    staff: 'Staff member',
    processor: 'Processor',
    activity: 'Processing activity',
    breachPolicy: 'Breach settings',
    playbook: 'Playbook',
    incident: 'Incident',
    notice: 'Notice',
    policyVersion: 'Policy version',
    policyCampaign: 'Notification campaign',
    employee: 'Employee',
    grant: 'Access right',
    accessReview: 'Access review',
    reviewItem: 'Review item',
  },
  exportKind: {
    dsar_register: 'Register of data-subject requests',
    dsar_package: 'Copy of a delivered data package',
    dsar_letter: 'Letter to a data subject (post)',
    breach_register: 'Breach register',
    breach_report: 'Report to the supervisory authority',
    records_of_processing: 'Records of processing activities',
    access_evidence: 'Evidence of an access review',
    monthly_report: 'Monthly privacy report',
    audit_trail: "The console's audit trail",
  },
};

export const labels: Record<LabelLanguage, LabelTable> = { de, en };
