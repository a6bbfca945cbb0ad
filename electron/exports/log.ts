import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ExportKind, ExportLogEntry, FileExport } from '../../shared/ipc/contract';
import type { IpcRegistry } from '../ipc/registry';

export interface ExportEntry {
  kind: ExportKind;
  format: string;
  fileName: string;
  mimeType: string;
  content: Buffer;
  actor: string;
}

/**
 * Every file with personal data the console writes for the user leaves a trace (Art. 5(2) accountability):
 * when, what, which file, its SHA-256 and who. The log lives in the non-disposable store.
 */
export function exportLog(pending: Database.Database) {
  const insert = pending.prepare('INSERT INTO export_log (at, kind, format, file_name, sha256, actor) VALUES (?, ?, ?, ?, ?, ?)');
  const recent = pending.prepare<[], { at: string; kind: ExportKind; format: string; file_name: string; sha256: string; actor: string }>(
    'SELECT at, kind, format, file_name, sha256, actor FROM export_log ORDER BY seq DESC LIMIT 200',
  );
  return {
    /** Logs the export and hands the file over for the user to save. */
    record(entry: ExportEntry): FileExport {
      const sha256 = createHash('sha256').update(entry.content).digest('hex');
      insert.run(new Date().toISOString(), entry.kind, entry.format, entry.fileName, sha256, entry.actor);
      return { fileName: entry.fileName, mimeType: entry.mimeType, base64: entry.content.toString('base64'), sha256 };
    },
    recent: (): ExportLogEntry[] =>
      recent
        .all()
        .map((row) => ({ at: row.at, kind: row.kind, format: row.format, fileName: row.file_name, sha256: row.sha256, actor: row.actor })),
  };
}
export type ExportLog = ReturnType<typeof exportLog>;

export function registerExportHandlers(ipc: IpcRegistry, log: ExportLog): void {
  ipc.handle('exports.log', () => log.recent());
}
