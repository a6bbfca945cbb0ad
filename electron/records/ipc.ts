import type { ProcessingActivity } from '../../shared/api/activities';
import type { Processor } from '../../shared/api/processors';
import { type ControllerDetails, missingControllerDetails, recordsOfProcessing } from '../../shared/domain/records';
import type { DocumentStore } from '../cache/document-store';
import type { Setting } from '../cache/settings';
import type { ExportLog } from '../exports/log';
import { HandlerError } from '../ipc/errors';
import type { IpcRegistry } from '../ipc/registry';
import { recordsCsv } from './csv';
import { recordsPdf } from './pdf';

export interface RecordsHandlerDeps {
  controller: Setting<ControllerDetails>;
  exports: ExportLog;
  processors: DocumentStore<Processor>;
  activities: DocumentStore<ProcessingActivity>;
  actor(): string;
  /** The controller's time zone, for the export's date. */
  timeZone(): string;
  /** Who changed an entry, by name (the history keeps staff ids). */
  staffName(id: string): string;
}

export function registerRecordsHandlers(ipc: IpcRegistry, deps: RecordsHandlerDeps): void {
  ipc.handle('controller.get', () => deps.controller.get());
  ipc.handle('controller.update', (details) => deps.controller.set(details));

  ipc.handle('records.export', async ({ format, language }) => {
    const controller = deps.controller.get();
    const missing = missingControllerDetails(controller);
    if (missing.length) {
      throw new HandlerError('invalid_input', `The export needs the controller and DPO details: ${missing.join(', ')}.`, {
        problem: 'controller-details-missing',
        issues: missing.map((path) => ({ path, code: 'required', message: 'required for the export' })),
      });
    }
    const strip = <T extends { pending: boolean }>({ pending: _, ...doc }: T) => doc;
    const exportedAt = new Date().toISOString();
    const records = recordsOfProcessing(deps.activities.list().map(strip), deps.processors.list().map(strip), controller, exportedAt);
    const content =
      format === 'pdf'
        ? await recordsPdf(records, language, deps.timeZone(), deps.staffName)
        : Buffer.from(recordsCsv(records, language, deps.timeZone()), 'utf8');
    const fileName = `${language === 'de' ? 'verarbeitungsverzeichnis' : 'records-of-processing'}-${exportedAt.slice(0, 10)}.${format}`;
    return deps.exports.record({
      kind: 'records_of_processing',
      format,
      fileName,
      mimeType: format === 'pdf' ? 'application/pdf' : 'text/csv;charset=utf-8',
      content,
      actor: deps.actor(),
    });
  });
}
