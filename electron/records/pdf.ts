import { dateFormat } from '../../shared/domain/format';
import { type RecordsOfProcessing, tomCatalogues } from '../../shared/domain/records';
import { pdfDocument } from '../exports/pdf-document';
import { activityFieldNames, basisLines, type ExportLanguage, exportLabels, recipientLine, transferLines } from './labels';

/** The history lines an entry prints; older ones stay in the platform's audit log. */
const HISTORY_PRINTED = 10;

/**
 * The Art. 30(1) record as a PDF an authority can read, all of it in the export's language (the entries' own
 * text as the officer wrote it): the controller with its representative and joint controllers, one section per
 * activity with letters (a)-(g), its state, review and history, and the measure lists several activities
 * share printed once in an annex. Dates in the controller's time zone; who changed what by name.
 */
export async function recordsPdf(
  records: RecordsOfProcessing,
  language: ExportLanguage,
  timeZone: string,
  staffName: (id: string) => string,
): Promise<Buffer> {
  const l = exportLabels[language];
  const f = dateFormat(language, timeZone);
  const pdf = await pdfDocument({
    title: `${l.title} – ${records.controller.controllerName}`,
    author: records.controller.controllerName,
    subject: l.subtitle,
  });
  const { doc, text, field } = pdf;
  const list = (values: readonly string[]) => values.map((v) => `• ${v}`).join('\n');

  const exportedAt = f.longInstant(records.exportedAt);
  const measures = tomCatalogues(records.entries);
  const fieldNames = activityFieldNames[language];
  doc.font('Helvetica-Bold').fontSize(18);
  text(l.title);
  doc.font('Helvetica').fontSize(11);
  text(`${l.subtitle} · ${l.exportedAt}: ${exportedAt}`, { paragraphGap: 12 });
  const c = records.controller;
  field(l.controller, [c.controllerName, c.controllerAddress, c.controllerContact].filter(Boolean).join('\n'));
  field(l.dpo, [c.dpoName, c.dpoContact].filter(Boolean).join('\n'));
  if (c.representative) field(l.representative, c.representative);
  if (records.jointControllers.length) {
    field(
      l.jointControllers,
      list(records.jointControllers.map((j) => [j.name, j.address, j.purposes.join(', ')].filter(Boolean).join(' – '))),
    );
  }

  for (const entry of records.entries) {
    doc.moveDown(0.8);
    if (doc.y > doc.page.height - 200) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(13);
    text(`${l.activity}: ${entry.name}`, { paragraphGap: 4 });
    field(l.purpose, entry.purpose);
    field(l.legalBasis, basisLines(entry, l, language).join('\n'));
    field(l.subjects, entry.subjectCategories.join(', '));
    field(l.data, entry.dataCategories.join(', '));
    field(l.recipients, list(entry.recipients.map((r) => recipientLine(r, l, language))));
    field(l.transfers, [...transferLines(entry, l, language, f.day), entry.transferNote].filter(Boolean).join('\n') || l.noTransfers);
    field(l.retention, list(entry.retention.map((r) => `${r.category}: ${r.period}`)));
    const { catalogue, extra } = measures.of(entry);
    field(
      l.toms,
      catalogue
        ? [l.seeCatalogue.replace('{n}', String(catalogue.number)), extra.length ? `${l.plus}:\n${list(extra)}` : '']
            .filter(Boolean)
            .join('\n')
        : list(entry.toms),
    );
    field(
      l.state,
      `${l.version} ${entry.version}, ${f.day(entry.updatedAt)} · ${entry.reviewedAt ? `${l.reviewed} ${f.day(entry.reviewedAt)}` : l.notReviewed}`,
    );
    if (entry.history.length) {
      const shown = entry.history.slice(-HISTORY_PRINTED).reverse();
      const lines = shown.map(
        (change) =>
          `${f.day(change.at)} – ${staffName(change.actor)}: ${change.fields.length ? change.fields.map((name) => fieldNames[name] ?? name).join(', ') : l.created}`,
      );
      if (entry.history.length > HISTORY_PRINTED) lines.push(`… ${l.earlier}`);
      field(l.history, lines.join('\n'));
    }
  }

  if (measures.catalogues.length) {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(13);
    text(l.annex, { paragraphGap: 4 });
    doc.font('Helvetica').fontSize(10);
    text(l.annexIntro, { paragraphGap: 8 });
    for (const catalogue of measures.catalogues) field(`${l.catalogue} ${catalogue.number}`, list(catalogue.toms));
  }

  return pdf.end((page, pages) => `${c.controllerName} · ${l.title} · ${l.page} ${page} / ${pages}`);
}
