import type Database from 'better-sqlite3-multiple-ciphers';
import type { ProcessingActivity } from '../../shared/api/activities';
import type { Me } from '../../shared/api/common';
import type { Processor } from '../../shared/api/processors';
import { type ControllerDetails, missingControllerDetails, recordsOfProcessing } from '../../shared/domain/records';
import type { DocumentStore } from '../cache/document-store';
import { loggedExport } from '../exports/log';
import { HandlerError, type IpcRegistry } from '../ipc/registry';
import { recordsCsv } from './csv';
import { recordsPdf } from './pdf';

export interface RecordsHandlerDeps {
  pending: Database.Database;
  processors: DocumentStore<Processor>;
  activities: DocumentStore<ProcessingActivity>;
  me(): Me | null;
}

const emptyController: ControllerDetails = {
  controllerName: '',
  controllerAddress: '',
  controllerContact: '',
  dpoName: '',
  dpoContact: '',
};

/** The controller and DPO details the user entered (settings of the non-disposable store). */
export function readControllerOf(pending: Database.Database): ControllerDetails {
  const row = pending.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'controller'").get();
  return row ? { ...emptyController, ...(JSON.parse(row.value) as ControllerDetails) } : emptyController;
}

export function registerRecordsHandlers(ipc: IpcRegistry, deps: RecordsHandlerDeps): void {
  const readController = () => readControllerOf(deps.pending);

  ipc.handle('controller.get', () => readController());
  ipc.handle('controller.update', (details) => {
    deps.pending
      .prepare("INSERT INTO settings (key, value) VALUES ('controller', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(JSON.stringify(details));
    return readController();
  });

  ipc.handle('records.export', async ({ format, language }) => {
    const controller = readController();
    const missing = missingControllerDetails(controller);
    if (missing.length) {
      throw new HandlerError(
        'invalid_input',
        `The export needs the controller and DPO details: ${missing.join(', ')}.`,
        missing.map((path) => ({ path, message: 'required for the export' })),
      );
    }
    const strip = <T extends { pending: boolean }>({ pending: _, ...doc }: T) => doc;
    const exportedAt = new Date().toISOString();
    const records = recordsOfProcessing(deps.activities.list().map(strip), deps.processors.list().map(strip), controller, exportedAt);
    const content = format === 'pdf' ? await recordsPdf(records, language) : Buffer.from(recordsCsv(records, language), 'utf8');
    const fileName = `${language === 'de' ? 'verarbeitungsverzeichnis' : 'records-of-processing'}-${exportedAt.slice(0, 10)}.${format}`;
    return loggedExport(deps.pending, {
      kind: 'records_of_processing',
      format,
      fileName,
      mimeType: format === 'pdf' ? 'application/pdf' : 'text/csv;charset=utf-8',
      content,
      actor: deps.me()?.staff.id ?? 'unknown',
    });
  });

  ipc.handle('exports.log', () =>
    deps.pending
      .prepare<[], { at: string; kind: string; format: string; file_name: string; sha256: string; actor: string }>(
        'SELECT at, kind, format, file_name, sha256, actor FROM export_log ORDER BY seq DESC LIMIT 200',
      )
      .all()
      .map((row) => ({ at: row.at, kind: row.kind, format: row.format, fileName: row.file_name, sha256: row.sha256, actor: row.actor })),
  );
}
