import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { DataCategory } from '../../shared/api/dsar-workflow';
import type { Job, PackageItem } from '../../shared/api/jobs';
import { type CsvValue, csvDocument } from '../../shared/domain/csv';
import { csvColumns, packageJsonSchema, packageReadme, packageSchema } from './package-schema';

/** A record as its file holds it: its id and its fields, in the documented order. */
function record(category: DataCategory, item: PackageItem): Record<string, unknown> {
  const names = Object.keys(packageSchema[category].fields);
  return { id: item.id, ...Object.fromEntries(names.map((name) => [name, item.fields[name] ?? null])) };
}

function csvRow(columns: readonly string[], item: PackageItem): CsvValue[] {
  return columns.map((column) => {
    if (column === 'id') return item.id;
    const [name, part] = column.split('.');
    const value = item.fields[name];
    if (part) return value && typeof value === 'object' ? (value[part] ?? null) : null;
    return value === undefined || (value !== null && typeof value === 'object') ? null : value;
  });
}

/**
 * The data package of an access or portability request: per category, the records with their actual content
 * as JSON (described by `schema.json`) and as CSV (Art. 20: structured, commonly used, machine-readable),
 * without the items the officer excluded; a README naming every field in German and English; and the Art. 15(1)
 * information the console derived from the records of processing.
 */
export function buildPackage(job: Job, excluded: Set<string>, information: string) {
  if (job.result?.kind !== 'package') throw new Error(`job ${job.id} has no package`);
  const files: Record<string, Uint8Array> = {};
  const included: DataCategory[] = [];
  for (const { category, items } of job.result.categories) {
    const kept = items.filter((item) => !excluded.has(item.id));
    if (!kept.length) continue;
    included.push(category);
    files[`json/${category}.json`] = strToU8(
      JSON.stringify({ category, schema: `schema.json#/$defs/${category}`, items: kept.map((item) => record(category, item)) }, null, 2),
    );
    const columns = csvColumns(category);
    files[`csv/${category}.csv`] = strToU8(csvDocument([columns, ...kept.map((item) => csvRow(columns, item))]));
  }
  files['schema.json'] = strToU8(JSON.stringify(packageJsonSchema(), null, 2));
  files['art15-information.txt'] = strToU8(information);
  files['README.txt'] = strToU8(
    `Datenkopie / copy of your data\nAnfrage / request: ${job.dsarId}\nErstellt / created: ${new Date().toISOString()}\nAusgenommen / withheld items: ${excluded.size}\n\n${packageReadme(included)}\n`,
  );
  const zip = zipSync(files, { level: 6 });
  return { zip, sha256: createHash('sha256').update(zip).digest('hex'), bytes: zip.byteLength, files: Object.keys(files).sort() };
}
