import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { FileExport } from '../../shared/ipc/contract';

/**
 * Every file with personal data the console writes for the user leaves a trace (Art. 5(2) accountability):
 * when, what, which file, its SHA-256 and who. The log lives in the non-disposable store.
 */
export function loggedExport(
  pending: Database.Database,
  entry: { kind: string; format: string; fileName: string; mimeType: string; content: Buffer; actor: string },
): FileExport {
  const sha256 = createHash('sha256').update(entry.content).digest('hex');
  pending
    .prepare('INSERT INTO export_log (at, kind, format, file_name, sha256, actor) VALUES (?, ?, ?, ?, ?, ?)')
    .run(new Date().toISOString(), entry.kind, entry.format, entry.fileName, sha256, entry.actor);
  return { fileName: entry.fileName, mimeType: entry.mimeType, base64: entry.content.toString('base64'), sha256 };
}
