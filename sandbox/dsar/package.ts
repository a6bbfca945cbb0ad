import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { Job } from '../../shared/api/jobs';

const csvCell = (value: string) => (/[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The data package of an access or portability request: one JSON and one CSV file per category (Art. 20:
 * structured, commonly used, machine-readable), without the items the officer excluded, and the Art. 15(1)
 * information the console derived from the records of processing.
 */
export function buildPackage(job: Job, excluded: Set<string>, information: string) {
  if (job.result?.kind !== 'package') throw new Error(`job ${job.id} has no package`);
  const files: Record<string, Uint8Array> = {};
  for (const { category, items } of job.result.categories) {
    const kept = items.filter((item) => !excluded.has(item.id));
    if (!kept.length) continue;
    files[`json/${category}.json`] = strToU8(JSON.stringify({ category, items: kept }, null, 2));
    files[`csv/${category}.csv`] = strToU8(
      `\uFEFFid;label;detail\r\n${kept.map((i) => [i.id, i.label, i.detail].map(csvCell).join(';')).join('\r\n')}\r\n`,
    );
  }
  files['art15-information.txt'] = strToU8(information);
  files['README.txt'] = strToU8(
    `Datenkopie / copy of your data\nAnfrage / request: ${job.dsarId}\nErstellt / created: ${new Date().toISOString()}\nAusgenommen / withheld items: ${excluded.size}\n`,
  );
  const zip = zipSync(files, { level: 6 });
  return { zip, sha256: createHash('sha256').update(zip).digest('hex'), bytes: zip.byteLength, files: Object.keys(files).sort() };
}
