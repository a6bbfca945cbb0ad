import { createHash } from 'node:crypto';
import type { ExportKind, FileExport } from '../../shared/ipc/contract';
import type { AuditTrail } from '../audit/trail';

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
 * when, what, which file, its SHA-256 and who. The exports are entries of the audit trail, in the store that is
 * never thrown away.
 */
export function exportLog(trail: AuditTrail, nameOf: (staffId: string) => string | null) {
  return {
    /** Logs the export and hands the file over for the user to save. */
    record(entry: ExportEntry): FileExport {
      const sha256 = createHash('sha256').update(entry.content).digest('hex');
      trail.record({
        kind: 'export',
        action: entry.kind,
        detail: { format: entry.format, fileName: entry.fileName, sha256 },
        outcome: 'done',
        actor: { id: entry.actor, name: nameOf(entry.actor) },
      });
      return { fileName: entry.fileName, mimeType: entry.mimeType, base64: entry.content.toString('base64'), sha256 };
    },
  };
}
export type ExportLog = ReturnType<typeof exportLog>;
