import type { AccessReview } from '../../shared/api/access';
import type { Incident } from '../../shared/api/breaches';
import { DsarType } from '../../shared/api/dsar';
import type { PolicyVersion } from '../../shared/api/policies';
import type { Processor } from '../../shared/api/processors';
import { reportLate } from '../../shared/domain/breach-reports';
import { localDate } from '../../shared/domain/calendar';
import { dateFormat } from '../../shared/domain/format';
import { labels } from '../../shared/domain/labels';
import { pdfDocument } from '../exports/pdf-document';
import { toWinAnsi } from '../exports/pdf-text';
import type { dsarMonth } from './dsar-figures';

type MonthFigures = ReturnType<ReturnType<typeof dsarMonth>>;

export interface MonthlyReportInput {
  month: string;
  language: 'de' | 'en';
  timeZone: string;
  controller: string;
  requests: MonthFigures;
  /** The queue as it stands when the report is made. */
  openNow: { open: number; overdue: number };
  incidents: readonly Incident[];
  processors: readonly Processor[];
  policies: readonly PolicyVersion[];
  reviews: readonly AccessReview[];
}

const texts = {
  de: {
    title: 'Datenschutzbericht',
    basis: 'Bericht an die Leitung und Tätigkeitsbericht der oder des Datenschutzbeauftragten (Art. 38 Abs. 3, Art. 39 DSGVO)',
    made: 'Erstellt',
    page: 'Seite',
    requests: '1. Betroffenenanfragen (Art. 12–22 DSGVO)',
    received: 'Eingegangen im Monat',
    answered: 'Beantwortet (abgeschlossen oder abgelehnt)',
    onTime: 'davon fristgerecht (Art. 12 Abs. 3, mit Verlängerung und angehaltener Zeit)',
    rate: 'Quote',
    openNow: 'Offen bei Erstellung des Berichts',
    overdueNow: 'davon überfällig',
    byType: 'Eingang nach Art',
    trend: 'Fristgerecht beantwortet, die letzten zwölf Monate (Linie: Ziel 100 %)',
    none: 'Keine.',
    incidents: '2. Datenpannen (Art. 33, 34 DSGVO)',
    incidentLine: (i: { title: string; id: string }) => `${i.title} (${i.id})`,
    aware: 'Bekannt seit',
    status: 'Stand',
    band: 'Schweregrad (ENISA)',
    authority: 'Meldung an die Aufsichtsbehörde',
    notRequired: 'nicht erforderlich (Entscheidung begründet)',
    pending: 'noch nicht erfolgt',
    reported: (at: string, late: boolean) => `erfolgt am ${at}${late ? ' (nach Ablauf der 72 Stunden)' : ''}`,
    processors: '3. Auftragsverarbeiter: neu oder geändert (Art. 28 DSGVO)',
    added: 'neu',
    changed: 'geändert',
    policies: '4. Veröffentlichte Fassungen der Datenschutzhinweise',
    published: 'veröffentlicht am',
    reviews: '5. Abgeschlossene Zugriffsprüfungen',
    reviewLine: (r: { kept: number; revoked: number; reduced: number; items: number }) =>
      `${r.items} Berechtigungen geprüft: ${r.kept} bestätigt, ${r.revoked} entzogen, ${r.reduced} eingeschränkt`,
    closed: 'abgeschlossen am',
  },
  en: {
    title: 'Privacy report',
    basis: "Report to management and the data protection officer's activity report (Art. 38(3), Art. 39 GDPR)",
    made: 'Made',
    page: 'Page',
    requests: '1. Data-subject requests (Arts. 12–22 GDPR)',
    received: 'Received in the month',
    answered: 'Answered (completed or denied)',
    onTime: 'of which on time (Art. 12(3), extension and stopped time included)',
    rate: 'Rate',
    openNow: 'Open when the report was made',
    overdueNow: 'of which overdue',
    byType: 'Received by type',
    trend: 'Answered on time, the last twelve months (line: target 100 %)',
    none: 'None.',
    incidents: '2. Personal data breaches (Arts. 33, 34 GDPR)',
    incidentLine: (i: { title: string; id: string }) => `${i.title} (${i.id})`,
    aware: 'Aware since',
    status: 'Status',
    band: 'Severity (ENISA)',
    authority: 'Notification to the supervisory authority',
    notRequired: 'not required (decision with reasons)',
    pending: 'not made yet',
    reported: (at: string, late: boolean) => `made on ${at}${late ? ' (after the 72 hours)' : ''}`,
    processors: '3. Processors added or changed (Art. 28 GDPR)',
    added: 'added',
    changed: 'changed',
    policies: '4. Privacy notice versions published',
    published: 'published on',
    reviews: '5. Access reviews closed',
    reviewLine: (r: { kept: number; revoked: number; reduced: number; items: number }) =>
      `${r.items} grants reviewed: ${r.kept} kept, ${r.revoked} revoked, ${r.reduced} reduced`,
    closed: 'closed on',
  },
} as const;

const typeColors: Record<DsarType, string> = {
  access: '#1c7ed6',
  rectification: '#1098ad',
  erasure: '#e03131',
  restriction: '#e8590c',
  portability: '#9c36b5',
  objection: '#0ca678',
};

/**
 * The month's report for management and the DPO (Art. 38(3), 39 GDPR): the overview's request figures for the
 * month with two charts, the incidents that became known or were closed in it with their outcome, processors
 * added or changed, policy versions published and access reviews closed. Made locally from the cache.
 */
export async function monthlyReportPdf(input: MonthlyReportInput): Promise<Buffer> {
  const { month, language, timeZone, controller } = input;
  const t = texts[language];
  const f = dateFormat(language, timeZone);
  const names = labels[language];
  const inMonth = (instant: string | null | undefined) => !!instant && localDate(instant, timeZone).slice(0, 7) === month;
  const n = (value: number) => value.toLocaleString(language === 'de' ? 'de-DE' : 'en-GB');
  const pct = (part: number, whole: number) =>
    whole ? `${((part / whole) * 100).toLocaleString(language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 })} %` : '–';
  const title = `${t.title} ${f.month(month)}`;

  const pdf = await pdfDocument({ title, author: controller, subject: t.basis });
  const { doc, text, heading, field } = pdf;
  doc.font('Helvetica-Bold').fontSize(18);
  text(title);
  doc.font('Helvetica').fontSize(10);
  text(controller);
  text(t.basis);
  text(`${t.made}: ${f.longInstant(new Date().toISOString())}`, { paragraphGap: 8 });

  // 1. Requests
  const r = input.requests;
  const received = Object.values(r.received).reduce((sum, value) => sum + value, 0);
  heading(t.requests);
  field(t.received, n(received));
  field(t.answered, n(r.answered));
  field(t.onTime, `${n(r.onTime)} (${t.rate} ${pct(r.onTime, r.answered)})`);
  field(t.openNow, `${n(input.openNow.open)} (${t.overdueNow}: ${n(input.openNow.overdue)})`);
  barChart(
    doc,
    text,
    t.byType,
    DsarType.options.map((type) => ({ label: names.dsarTypeShort[type], value: r.received[type], color: typeColors[type] })),
    n,
  );
  rateChart(
    doc,
    text,
    t.trend,
    r.trend.map((m) => ({ label: f.shortMonth(m.month), rate: m.answered ? m.onTime / m.answered : null })),
  );

  // 2. Incidents that became known or were closed in the month
  heading(t.incidents);
  const notable = input.incidents.filter(
    (incident) => inMonth(incident.awareAt) || (incident.status === 'closed' && inMonth(incident.updatedAt)),
  );
  if (!notable.length) text(t.none);
  for (const incident of notable) {
    doc.font('Helvetica-Bold').fontSize(10);
    text(t.incidentLine(incident), { paragraphGap: 2 });
    const band = incident.assessments.at(-1)?.band;
    const first = incident.reports[0];
    const authority = first
      ? t.reported(f.instant(first.submittedAt), reportLate(incident, first.submittedAt))
      : incident.decision?.authority === false
        ? t.notRequired
        : t.pending;
    doc.font('Helvetica').fontSize(9);
    text(
      [
        `${t.aware}: ${f.instant(incident.awareAt)}`,
        `${t.status}: ${names.incidentStatus[incident.status]}`,
        band ? `${t.band}: ${names.severityBand[band]}` : null,
        `${t.authority}: ${authority}`,
      ]
        .filter(Boolean)
        .join(' · '),
      { paragraphGap: 6 },
    );
  }

  // 3. Processors
  heading(t.processors);
  const processors = input.processors.filter((processor) => inMonth(processor.updatedAt));
  if (!processors.length) text(t.none);
  for (const processor of processors) {
    text(`${processor.legalName} — ${processor.version === 1 ? t.added : t.changed} (${f.day(localDate(processor.updatedAt, timeZone))})`);
  }

  // 4. Policies
  heading(t.policies);
  const published = input.policies.filter((version) => inMonth(version.publishedAt));
  if (!published.length) text(t.none);
  for (const version of published) {
    text(
      `${version.title} v${version.number} (${version.language.toUpperCase()}) — ${t.published} ${f.instant(version.publishedAt ?? '')}`,
    );
  }

  // 5. Access reviews
  heading(t.reviews);
  const closed = input.reviews.filter((review) => review.state === 'closed' && inMonth(review.closedAt));
  if (!closed.length) text(t.none);
  for (const review of closed) {
    text(`${review.title} — ${t.closed} ${f.day(localDate(review.closedAt ?? '', timeZone))}: ${t.reviewLine(review.counts)}`);
  }

  return pdf.end((page, pages) => `${controller} · ${title} · ${t.page} ${page} / ${pages}`);
}

type Doc = Awaited<ReturnType<typeof pdfDocument>>['doc'];
type Text = Awaited<ReturnType<typeof pdfDocument>>['text'];

/** Horizontal bars with their values: readable in print and in black and white (the value is written). */
function barChart(
  doc: Doc,
  text: Text,
  caption: string,
  bars: { label: string; value: number; color: string }[],
  n: (v: number) => string,
) {
  if (doc.y > doc.page.height - 200) doc.addPage();
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(9);
  text(caption, { paragraphGap: 4 });
  const left = 56 + 110;
  const width = doc.page.width - left - 56 - 50;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  let y = doc.y;
  doc.font('Helvetica').fontSize(9);
  for (const bar of bars) {
    doc.fillColor('#000').text(toWinAnsi(bar.label), 56, y + 1, { width: 105, lineBreak: false });
    doc.rect(left, y, Math.max(1, (bar.value / max) * width), 11).fill(bar.color);
    doc.fillColor('#000').text(toWinAnsi(n(bar.value)), left + (bar.value / max) * width + 4, y + 1, { lineBreak: false });
    y += 15;
  }
  doc.fillColor('#000');
  doc.x = 56;
  doc.y = y + 6;
}

/** The on-time rate per month as bars against the 100 % line; a month without answers stays empty. */
function rateChart(doc: Doc, text: Text, caption: string, months: { label: string; rate: number | null }[]) {
  if (doc.y > doc.page.height - 220) doc.addPage();
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(9);
  text(caption, { paragraphGap: 4 });
  const top = doc.y + 4;
  const height = 110;
  const left = 56 + 30;
  const width = doc.page.width - left - 56;
  const step = width / months.length;
  doc.font('Helvetica').fontSize(7).fillColor('#000');
  for (const tick of [0, 50, 100]) {
    const y = top + height - (tick / 100) * height;
    doc.text(`${tick} %`, 56, y - 3, { width: 26, align: 'right', lineBreak: false });
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(tick === 100 ? 1 : 0.3)
      .dash(tick === 100 ? 4 : 1, { space: 2 })
      .stroke(tick === 100 ? '#0ca678' : '#adb5bd');
    doc.undash();
  }
  months.forEach((month, i) => {
    const x = left + i * step + step * 0.2;
    if (month.rate !== null)
      doc.rect(x, top + height - month.rate * height, step * 0.6, month.rate * height).fill(month.rate < 1 ? '#e8590c' : '#1c7ed6');
    doc
      .fillColor('#000')
      .text(toWinAnsi(month.label), left + i * step, top + height + 4, { width: step, align: 'center', lineBreak: false });
  });
  doc.fillColor('#000');
  doc.x = 56;
  doc.y = top + height + 22;
}
