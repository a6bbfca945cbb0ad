import type { PolicyVersion } from '../../shared/api/policies';
import { isBulkLoading } from '../cache/bulk-load';
import type { ExportLog } from '../exports/log';
import { HandlerError } from '../ipc/errors';
import type { IpcRegistry } from '../ipc/registry';
import { dsarMonth } from './dsar-figures';
import { monthlyReportPdf } from './monthly-report';
import { type OverviewDeps, overviewAt } from './overview';

export interface ReportDeps {
  exports: ExportLog;
  policies: { list(): PolicyVersion[] };
  controllerName(): string;
  actor(): string;
}

export function registerOverviewHandlers(ipc: IpcRegistry, deps: OverviewDeps & ReportDeps): void {
  const overview = overviewAt(deps);
  const month = dsarMonth(deps.db);
  ipc.handle('overview.get', () => overview(new Date()));
  ipc.handle('report.monthly', async ({ month: chosen, language }) => {
    // A bootstrap defers the tallies: the month's figures would be those of the rows so far.
    if (isBulkLoading(deps.db))
      throw new HandlerError('unavailable', 'the first sync is still loading the requests', { problem: 'report-while-loading' });
    const now = overview(new Date());
    const content = await monthlyReportPdf({
      month: chosen,
      language,
      timeZone: deps.timeZone(),
      controller: deps.controllerName(),
      requests: month(chosen),
      openNow: { open: now.dsar?.open ?? 0, overdue: now.dsar?.overdue ?? 0 },
      incidents: deps.incidents.list(),
      processors: deps.processors.list(),
      policies: deps.policies.list(),
      reviews: deps.reviews.list(),
    });
    return deps.exports.record({
      kind: 'monthly_report',
      format: 'pdf',
      fileName: `${language === 'de' ? 'datenschutzbericht' : 'privacy-report'}-${chosen}.pdf`,
      mimeType: 'application/pdf',
      content,
      actor: deps.actor(),
    });
  });
}
