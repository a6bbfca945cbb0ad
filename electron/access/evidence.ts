import type { AccessReview, Employee, Grant, ReviewItem } from '../../shared/api/access';
import { categoriesOf, type Finding } from '../../shared/domain/access';
import { csvDocument } from '../../shared/domain/csv';
import { dateFormat } from '../../shared/domain/format';
import { pdfDocument } from '../exports/pdf-document';
import type { LoggedFinding } from './findings-log';

export interface EvidenceInput {
  review: AccessReview;
  items: readonly ReviewItem[];
  employees: ReadonlyMap<string, Employee>;
  grants: ReadonlyMap<string, Grant>;
  findings: readonly Finding[];
  /** The findings as this console saw them come and go in the review's window. */
  logged: readonly LoggedFinding[];
  /** The thresholds the findings were made with (dormancy, separation-of-duties pairs). */
  checks: { dormantDays: number; sodPairs: readonly (readonly [string, string])[] };
  language: 'de' | 'en';
  controller: string;
}

const texts = {
  de: {
    title: 'Nachweis der Zugriffsrechte-Prüfung',
    columns: [
      'Prüfung',
      'Berechtigung',
      'Inhaber',
      'Abteilung',
      'Bereich',
      'Eingeschränkt auf',
      'Datenkategorien',
      'Prüfer',
      'Neu zugewiesen',
      'Entscheidung',
      'Begründung',
      'Entschieden von',
      'Entschieden am',
      'Widerruf beantragt',
      'Widerruf wirksam (Plattform)',
      'Widerruf fehlgeschlagen',
    ],
    findingColumns: ['Befund (Stand des Exports)', 'Inhaber', 'Berechtigungen', 'Frist', 'Überfällig'],
    closedColumns: [
      'Befund im Prüfzeitraum, behoben',
      'Inhaber',
      'Berechtigungen',
      'Zuerst gesehen (diese Konsole)',
      'Behoben am',
      'Wie',
      'Widerruf beantragt von',
      'Beantragt am',
      'Wirksam (Plattform)',
    ],
    how: {
      revoked: 'Berechtigung entzogen',
      revocation_requested: 'Widerruf beantragt',
      reduced: 'eingeschränkt',
      mfa_enabled: 'MFA eingerichtet',
      signed_in: 'wieder angemeldet',
      justified: 'Begründung nachgetragen',
      extended: 'Enddatum geändert',
      employee_gone: 'Konto nicht mehr geführt',
      threshold_changed: 'Schwellen geändert oder anderer Grund',
    },
    decision: { keep: 'behalten', revoke: 'widerrufen', reduce: 'eingeschränkt', expire: 'befristet', none: 'offen' },
    reassigned: { self: 'ja (eigene Berechtigung)', no_reviewer: 'ja (kein Prüfer)' },
    finding: {
      leaver: 'Ausgeschieden mit Berechtigungen',
      revocation_failed: 'Widerruf gescheitert (eskaliert)',
      dormant: 'Ruhendes Konto',
      no_mfa: 'Ohne MFA',
      sod: 'Funktionstrennung verletzt',
      expired: 'Abgelaufen',
      unjustified: 'Ohne Begründung',
    },
    state: { open: 'offen', closed: 'abgeschlossen' },
    yes: 'ja',
    no: 'nein',
    cover: 'Zuordnung zu den Kontrollen',
    reviewers: 'Prüfende',
    byManager: 'die jeweilige Führungskraft (nie der Inhaber selbst)',
    byOwner: 'die Datenverantwortlichen des jeweiligen Bereichs (nie der Inhaber selbst)',
    platform: 'Plattform (Fristablauf)',
    closedFindings: 'Im Prüfzeitraum behobene Befunde',
    retried: 'erneut beantragt von',
    checks: 'Schwellen der laufenden Prüfungen',
    checkText: (days: number, pairs: string) => `Ruhend nach ${days} Tagen ohne Anmeldung; unvereinbar: ${pairs || 'keine'}`,
    reminders: 'Erinnerungen',
    reminder: (n: number, escalated: number) => `an ${n} Prüfende${escalated ? `, davon ${escalated} an die Führungskraft eskaliert` : ''}`,
    instructions: 'Hinweise',
    scope: 'Umfang',
    owner: 'Verantwortlich',
    due: 'Fällig',
    created: 'Begonnen',
    closed: 'Abgeschlossen',
    counts: 'Entscheidungen',
    decisions: 'Entscheidungen je Berechtigung',
    findings: 'Befunde der laufenden Prüfungen',
    page: 'Seite',
    controls: [
      ['ISO/IEC 27001:2022 A.5.15', 'Zugangssteuerung: Umfang und Prüfer der Kampagne'],
      ['ISO/IEC 27001:2022 A.5.16', 'Identitätsmanagement: Inhaber, Abteilung, Status jedes Kontos'],
      ['ISO/IEC 27001:2022 A.5.17', 'Authentisierungsinformationen: Befunde „Ohne MFA“'],
      ['ISO/IEC 27001:2022 A.5.18', 'Zugangsrechte: jede Entscheidung mit Prüfer, Zeitpunkt und Begründung; Widerruf mit Wirksamkeit'],
      ['ISO/IEC 27001:2022 A.8.2', 'Privilegierte Zugangsrechte: begründete Beibehaltung, Funktionstrennung'],
      ['SOC 2 CC6.2', 'Entzug von Zugängen: Ausgeschiedene, Widerrufe und ihr Wirksamwerden'],
      ['SOC 2 CC6.3', 'Rollenbasierte Rechte: Einschränkung und Befristung, regelmäßige Prüfung'],
    ],
  },
  en: {
    title: 'Evidence of the access review',
    columns: [
      'Review',
      'Grant',
      'Holder',
      'Department',
      'Scope',
      'Limited to',
      'Data categories',
      'Reviewer',
      'Reassigned',
      'Decision',
      'Justification',
      'Decided by',
      'Decided at',
      'Revocation requested',
      'Revocation applied (platform)',
      'Revocation failed',
    ],
    findingColumns: ['Finding (as of the export)', 'Holder', 'Grants', 'Due', 'Overdue'],
    closedColumns: [
      'Finding in the review window, closed',
      'Holder',
      'Grants',
      'First seen (this console)',
      'Closed at',
      'How',
      'Revocation asked by',
      'Asked at',
      'Applied (platform)',
    ],
    how: {
      revoked: 'grant revoked',
      revocation_requested: 'revocation requested',
      reduced: 'reduced',
      mfa_enabled: 'MFA set up',
      signed_in: 'signed in again',
      justified: 'justification added',
      extended: 'last day changed',
      employee_gone: 'account no longer kept',
      threshold_changed: 'thresholds changed or another cause',
    },
    decision: { keep: 'kept', revoke: 'revoked', reduce: 'reduced', expire: 'expiry set', none: 'open' },
    reassigned: { self: 'yes (own grant)', no_reviewer: 'yes (no reviewer)' },
    finding: {
      leaver: 'Leaver with grants',
      revocation_failed: 'Revocation failed (escalated)',
      dormant: 'Dormant account',
      no_mfa: 'Without MFA',
      sod: 'Separation of duties broken',
      expired: 'Past expiry',
      unjustified: 'Without justification',
    },
    state: { open: 'open', closed: 'closed' },
    yes: 'yes',
    no: 'no',
    cover: 'Mapping to the controls',
    reviewers: 'Reviewers',
    byManager: "each holder's manager (never the holder)",
    byOwner: "each scope's data owner (never the holder)",
    platform: 'platform (last day passed)',
    closedFindings: 'Findings closed in the review window',
    retried: 'asked again by',
    checks: "The continuous checks' thresholds",
    checkText: (days: number, pairs: string) => `Dormant after ${days} days without sign-in; incompatible: ${pairs || 'none'}`,
    reminders: 'Reminders',
    reminder: (n: number, escalated: number) => `to ${n} reviewer(s)${escalated ? `, ${escalated} escalated to their manager` : ''}`,
    instructions: 'Instructions',
    scope: 'Scope',
    owner: 'Owner',
    due: 'Due',
    created: 'Started',
    closed: 'Closed',
    counts: 'Decisions',
    decisions: 'Decisions per grant',
    findings: 'Findings of the continuous checks',
    page: 'Page',
    controls: [
      ['ISO/IEC 27001:2022 A.5.15', 'Access control: scope and reviewers of the campaign'],
      ['ISO/IEC 27001:2022 A.5.16', 'Identity management: holder, department, status of every account'],
      ['ISO/IEC 27001:2022 A.5.17', 'Authentication information: "without MFA" findings'],
      ['ISO/IEC 27001:2022 A.5.18', 'Access rights: every decision with reviewer, time and reason; revocation with when it took effect'],
      ['ISO/IEC 27001:2022 A.8.2', 'Privileged access rights: justified retention, separation of duties'],
      ['SOC 2 CC6.2', 'Removal of access: leavers, revocations and when they took effect'],
      ['SOC 2 CC6.3', 'Role-based access: reduction and expiry, periodic review'],
    ],
  },
} as const;

const TIME_ZONE = 'Europe/Berlin';

/** The review's scope in words. */
function scopeText(review: AccessReview, language: 'de' | 'en'): string {
  const scope = review.scope;
  const de = language === 'de';
  switch (scope.kind) {
    case 'all':
      return de ? 'alle Berechtigungen' : 'all grants';
    case 'privileged':
      return de ? 'privilegierte Berechtigungen' : 'privileged grants';
    case 'department':
      return `${de ? 'Abteilung' : 'department'} ${scope.department}`;
    case 'categories':
      return `${de ? 'Berechtigungen mit den Datenkategorien' : 'grants exposing'} ${scope.categories.join(', ')}`;
    case 'changed':
      return `${de ? 'seit' : 'grants given or changed since'} ${dateFormat(language, TIME_ZONE).instant(scope.since)}${de ? ' erteilte oder geänderte Berechtigungen' : ''}`;
  }
}

/** The evidence as one table per grant, and the checks' findings below: the same rows in CSV and PDF. */
function evidenceTables(input: EvidenceInput) {
  const t = texts[input.language];
  const f = dateFormat(input.language, TIME_ZONE);
  const when = (value: string | null | undefined) => (value ? f.instant(value) : '');
  const name = (id: string) => input.employees.get(id)?.name ?? id;
  const byStaff = new Map([...input.employees.values()].filter((e) => e.staffId).map((e) => [e.staffId, e.name]));
  const staffName = (staffId: string) => (staffId === 'platform' ? t.platform : (byStaff.get(staffId) ?? staffId));
  const items = input.items.map((item) => {
    const grant = input.grants.get(item.grantId);
    const holder = input.employees.get(item.employeeId);
    // Only the revocation this decision asked for (one asked elsewhere — a check, another review — is not this one's).
    const revocation = grant?.revocation?.source === item.id ? grant.revocation : null;
    // A decision still only in this console is not evidence yet: shown open until the platform has it.
    const decision = (item as ReviewItem & { pending?: boolean }).pending ? null : item.decision;
    const outcome = decision
      ? `${t.decision[decision.kind]}${decision.toScope ? ` → ${decision.toScope}` : ''}${decision.expiresAt ? ` → ${decision.expiresAt}` : ''}`
      : t.decision.none;
    return [
      input.review.id,
      item.grantId,
      holder?.name ?? item.employeeId,
      holder?.department ?? '',
      item.scope,
      grant?.resource ?? '',
      categoriesOf(item.scope).join(', '),
      staffName(item.reviewerId),
      item.reassigned ? t.reassigned[item.reassigned] : '',
      outcome,
      decision?.justification ?? '',
      decision ? staffName(decision.by) : '',
      when(decision?.at),
      when(revocation?.requestedAt),
      when(revocation?.appliedAt),
      revocation?.failure ?? '',
    ];
  });
  const findings = input.findings.map((finding) => [
    t.finding[finding.kind],
    name(finding.employeeId),
    finding.grantIds.join(', '),
    finding.dueDate ?? '',
    finding.overdue ? t.yes : t.no,
  ]);
  // How findings were closed while the review ran, as this console saw them come and go; where a revocation
  // closed one, who asked for it and when the platform applied it.
  const closed = input.logged
    .filter((entry) => entry.closedAt !== null)
    .map((entry) => {
      const revocation = entry.grantIds.map((id) => input.grants.get(id)?.revocation).find(Boolean) ?? null;
      const byRevocation = entry.closedHow === 'revoked' || entry.closedHow === 'revocation_requested';
      const retried =
        byRevocation && revocation?.retriedBy ? ` (${t.retried} ${staffName(revocation.retriedBy)}, ${when(revocation.retriedAt)})` : '';
      return [
        t.finding[entry.kind],
        name(entry.employeeId),
        entry.grantIds
          .map((id) => {
            const grant = input.grants.get(id);
            return grant ? `${grant.scope}${grant.resource ? ` (${grant.resource})` : ''}` : id;
          })
          .join(', '),
        when(entry.firstSeen),
        when(entry.closedAt),
        entry.closedHow ? t.how[entry.closedHow] : '',
        byRevocation && revocation ? staffName(revocation.requestedBy) : '',
        byRevocation && revocation ? `${when(revocation.requestedAt)}${retried}` : '',
        byRevocation && revocation ? when(revocation.appliedAt) : '',
      ];
    });
  return { items, findings, closed };
}

function reviewersText(review: AccessReview, t: (typeof texts)['de' | 'en'], staffName: (id: string) => string): string {
  switch (review.reviewers.kind) {
    case 'named':
      return staffName(review.reviewers.staffId);
    case 'owner':
      return t.byOwner;
    case 'manager':
      return t.byManager;
  }
}

/** CSV for auditors: every decision (who, when, why), revocation requested and applied, then the findings. */
export function evidenceCsv(input: EvidenceInput): string {
  const t = texts[input.language];
  const { items, findings, closed } = evidenceTables(input);
  return csvDocument([[...t.columns], ...items, [], [...t.closedColumns], ...closed, [], [...t.findingColumns], ...findings]);
}

/** The same evidence as a PDF, with a cover page mapping it to the ISO 27001 and SOC 2 controls. */
export async function evidencePdf(input: EvidenceInput): Promise<Buffer> {
  const t = texts[input.language];
  const f = dateFormat(input.language, TIME_ZONE);
  const { review } = input;
  const { items, findings, closed } = evidenceTables(input);
  const byStaff = new Map([...input.employees.values()].filter((e) => e.staffId).map((e) => [e.staffId, e.name]));
  const staffName = (id: string) => byStaff.get(id) ?? id;
  const pdf = await pdfDocument({ title: `${t.title}: ${review.title}`, author: input.controller, subject: t.title });
  const { doc, text, field, heading } = pdf;
  doc.font('Helvetica-Bold').fontSize(16);
  text(`${t.title}: ${review.title}`);
  doc.font('Helvetica').fontSize(10);
  text(`${input.controller} · ${f.longInstant(new Date().toISOString())}`, { paragraphGap: 8 });
  field(t.scope, scopeText(review, input.language));
  field(t.reviewers, reviewersText(review, t, staffName));
  if (review.instructions) field(t.instructions, review.instructions);
  field(t.owner, staffName(review.ownerId));
  field(t.created, f.instant(review.createdAt));
  field(t.due, f.day(review.dueDate));
  field(t.closed, review.closedAt ? f.instant(review.closedAt) : t.state.open);
  const c = review.counts;
  field(
    t.counts,
    `${c.decided} / ${c.items} · ${t.decision.keep} ${c.kept} · ${t.decision.revoke} ${c.revoked} · ${t.decision.reduce} ${c.reduced} · ${t.decision.expire} ${c.expiring}`,
  );
  if (review.reminders?.length) {
    field(
      t.reminders,
      review.reminders
        .map(
          (r) =>
            `${f.instant(r.at)} (${staffName(r.by)}) ${t.reminder(r.recipients.length, r.recipients.filter((x) => x.escalatedTo).length)}`,
        )
        .join('\n'),
    );
  }
  field(t.checks, t.checkText(input.checks.dormantDays, input.checks.sodPairs.map(([a, b]) => `${a} + ${b}`).join('; ')));
  heading(t.cover);
  for (const [control, evidence] of t.controls) field(control, evidence);
  doc.addPage();
  heading(t.decisions);
  for (const row of items) {
    doc.font('Helvetica-Bold').fontSize(9);
    text(`${row[2]} · ${row[4]}${row[5] ? ` (${row[5]})` : ''} — ${row[9]}`);
    doc.font('Helvetica').fontSize(8);
    text(
      [
        `${t.columns[7]}: ${row[7]}${row[8] ? ` (${row[8]})` : ''}`,
        row[10] && `${t.columns[10]}: ${row[10]}`,
        row[12] && `${row[11]}, ${row[12]}`,
        row[14] && `${t.columns[14]}: ${row[14]}`,
        row[15] && `${t.columns[15]}: ${row[15]}`,
      ]
        .filter(Boolean)
        .join(' · '),
      { paragraphGap: 4 },
    );
  }
  heading(t.closedFindings);
  for (const row of closed) {
    doc.font('Helvetica').fontSize(8);
    text(
      `${row[0]} · ${row[1]} · ${row[2]} · ${row[3]} → ${row[4]}: ${row[5]}${row[6] ? ` (${row[6]}, ${row[7]}; ${t.closedColumns[8]}: ${row[8] || t.state.open})` : ''}`,
      {
        paragraphGap: 2,
      },
    );
  }
  heading(t.findings);
  for (const row of findings) {
    doc.font('Helvetica').fontSize(8);
    text(`${row[0]} · ${row[1]} · ${row[2]}${row[3] ? ` · ${t.findingColumns[3]} ${row[3]}` : ''}`, { paragraphGap: 2 });
  }
  return pdf.end((page, pages) => `${input.controller} · ${t.title} · ${t.page} ${page} / ${pages}`);
}
