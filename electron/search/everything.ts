import type Database from 'better-sqlite3-multiple-ciphers';
import type { ProcessingActivity } from '../../shared/api/activities';
import type { Incident } from '../../shared/api/breaches';
import type { Scope, Staff } from '../../shared/api/common';
import type { PolicyVersion } from '../../shared/api/policies';
import type { Processor } from '../../shared/api/processors';
import { foldGerman } from '../../shared/domain/search';
import { QueueQuery } from '../../shared/ipc/contract';
import type { SearchHit, SearchKind } from '../../shared/ipc/search';
import { isBulkLoading } from '../cache/bulk-load';
import { queuePage } from '../dsar/queue';

export interface SearchDeps {
  db: Database.Database;
  incidents: { list(): Incident[] };
  processors: { list(): Processor[] };
  activities: { list(): ProcessingActivity[] };
  policies: { list(): PolicyVersion[] };
  staff: { list(): Staff[] };
  /** The signed-in person's scopes (a security lead finds no requests); null where unknown. */
  scopes(): readonly Scope[] | null;
}

const scopeOf: Record<SearchKind, Scope> = {
  request: 'dsar:read',
  incident: 'breach:read',
  processor: 'processor:read',
  activity: 'processor:read',
  policy: 'policy:read',
  staff: 'staff:read',
};

const PER_KIND = 6;

/** Every word of the query in the text (either German spelling), as a prefix of one of its words or the id. */
function matcher(query: string) {
  const words = foldGerman(query.normalize('NFC'))
    .split(/[\s,;:()"'/\\]+/u)
    .filter(Boolean);
  return (...texts: string[]) => {
    const haystack = ` ${foldGerman(texts.join(' ')).replace(/[^\p{L}\p{N}_@.-]+/gu, ' ')}`;
    return words.every((word) => haystack.includes(` ${word}`) || texts[0] === word);
  };
}

/**
 * The command palette's search: requests through the queue's FTS index (or by id), the smaller registers from
 * their cached documents. At most six hits per kind, the best first.
 */
export function searchEverything(deps: SearchDeps, query: string, today: string): SearchHit[] {
  const scopes = deps.scopes();
  // Unknown (not asked yet): the cache holds only what the token was allowed to pull anyway.
  // People lead to their open requests: found only by those who may read those too.
  const mayRead = (kind: SearchKind) => !scopes || (scopes.includes(scopeOf[kind]) && (kind !== 'staff' || scopes.includes('dsar:read')));
  const text = query.trim();
  if (!text) return [];
  const matches = matcher(text);
  const hits: SearchHit[] = [];
  const take = <T>(kind: SearchKind, items: T[], hit: (item: T) => SearchHit | null) => {
    if (!mayRead(kind)) return;
    let found = 0;
    for (const item of items) {
      const next = hit(item);
      if (!next) continue;
      hits.push(next);
      if (++found >= PER_KIND) break;
    }
  };
  // While a first bootstrap defers the search index, requests are found by id only.
  if (mayRead('request') && (!isBulkLoading(deps.db) || /^dsr_/i.test(text))) {
    const page = queuePage(
      deps.db,
      QueueQuery.parse({ search: text, statuses: [], limit: PER_KIND }),
      null,
      today,
      !isBulkLoading(deps.db),
    );
    for (const row of page.rows.slice(0, PER_KIND)) {
      hits.push({ kind: 'request', id: row.id, title: row.subjectName, detail: [row.id, row.subjectEmail].filter(Boolean).join(' · ') });
    }
  }
  take('incident', deps.incidents.list(), (incident) =>
    matches(incident.id, incident.title) ? { kind: 'incident', id: incident.id, title: incident.title, detail: incident.id } : null,
  );
  take('processor', deps.processors.list(), (processor) =>
    matches(processor.id, processor.legalName, ...processor.purposes)
      ? { kind: 'processor', id: processor.id, title: processor.legalName, detail: processor.countries.join(', ') }
      : null,
  );
  take('activity', deps.activities.list(), (activity) =>
    matches(activity.id, activity.name) ? { kind: 'activity', id: activity.id, title: activity.name, detail: activity.id } : null,
  );
  take(
    'policy',
    deps.policies.list().sort((a, b) => b.number - a.number),
    (version) =>
      matches(version.id, version.title, `v${version.number}`, version.changeSummary)
        ? {
            kind: 'policy',
            id: version.id,
            title: `${version.title} v${version.number}`,
            detail: `${version.language.toUpperCase()} · ${version.status}`,
          }
        : null,
  );
  take('staff', deps.staff.list(), (member) =>
    matches(member.id, member.name, member.email) ? { kind: 'staff', id: member.id, title: member.name, detail: member.email } : null,
  );
  return hits;
}
