import { csvDocument } from '../../shared/domain/csv';
import { dateFormat } from '../../shared/domain/format';
import type { RecordsOfProcessing } from '../../shared/domain/records';
import { basisLines, type ExportLanguage, exportLabels, recipientLine, transferLines } from './labels';

const joined = (values: readonly string[]) => values.join(' | ');

/**
 * One row per processing activity, Art. 30(1)(a)-(g) as columns. Semicolon-separated with a UTF-8 BOM, as
 * German spreadsheet programs expect.
 */
export function recordsCsv(records: RecordsOfProcessing, language: ExportLanguage, timeZone: string): string {
  const l = exportLabels[language];
  const f = dateFormat(language, timeZone);
  const c = records.controller;
  const header = [
    l.controller,
    l.dpo,
    l.activity,
    l.purpose,
    l.legalBasis,
    l.subjects,
    l.data,
    l.recipients,
    l.transfers,
    l.retention,
    l.toms,
    l.state,
    l.exportedAt,
  ];
  const rows = records.entries.map((e) => [
    [c.controllerName, c.controllerAddress, c.controllerContact].join(', '),
    [c.dpoName, c.dpoContact, c.representative && `${l.representative}: ${c.representative}`].filter(Boolean).join(', '),
    e.name,
    e.purpose,
    basisLines(e, l, language).join('; '),
    joined(e.subjectCategories),
    joined(e.dataCategories),
    joined(e.recipients.map((r) => recipientLine(r, l, language))),
    joined([...transferLines(e, l, language, f.day), e.transferNote].filter(Boolean)) || l.noTransfers,
    joined(e.retention.map((r) => `${r.category}: ${r.period}`)),
    joined(e.toms),
    `${l.version} ${e.version}, ${f.day(e.updatedAt)}; ${e.reviewedAt ? `${l.reviewed} ${f.day(e.reviewedAt)}` : l.notReviewed}`,
    records.exportedAt,
  ]);
  return csvDocument([header, ...rows]);
}
