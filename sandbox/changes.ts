import type { FastifyInstance } from 'fastify';
import { ChangesQuery } from '../shared/api/changes';
import { entities } from '../shared/entities/registry';
import type { TokenRegistry } from './http/auth';
import { ProblemError, validationProblem } from './http/problems';
import type { PlatformStore } from './store/store';

/** Cursor `<epoch>.<seq>`: a cursor of another store (the platform was reset) cannot be continued. */
function parseCursor(after: string, epoch: string): number {
  if (after === '0') return 0;
  const match = /^([a-z0-9-]+)\.(\d+)$/i.exec(after);
  if (!match) throw new ProblemError(400, 'invalid-cursor', 'The cursor is not one this feed issued.');
  if (match[1] !== epoch)
    throw new ProblemError(410, 'cursor-expired', 'The platform was reset since this cursor was issued; bootstrap again from 0.');
  return Number(match[2]);
}

export function changesRoutes(app: FastifyInstance, store: PlatformStore, tokens: TokenRegistry): void {
  app.get('/v1/changes', async (request, reply) => {
    const principal = tokens.authenticate(request);
    const query = ChangesQuery.safeParse(request.query);
    if (!query.success) throw validationProblem(query.error, 'query');
    const after = parseCursor(query.data.after, store.epoch);
    const rows = store.feed(after, query.data.limit + 1);
    const hasMore = rows.length > query.data.limit;
    const page = hasMore ? rows.slice(0, query.data.limit) : rows;
    // Each entity travels only to tokens that may read it.
    const readable = new Set<string>(
      entities.filter((entity) => principal.scopes.includes(entity.scopes.read)).map((entity) => entity.name),
    );
    // Entity documents are stored as JSON already; splicing them avoids a parse and re-serialise per row.
    const items: string[] = [];
    for (const row of page) {
      if (!readable.has(row.entity)) continue;
      const data = row.op === 'delete' || row.doc === null ? 'null' : row.doc;
      const op = data === 'null' ? 'delete' : 'upsert';
      items.push(
        `{"seq":${row.seq},"entity":"${row.entity}","id":${JSON.stringify(row.id)},"op":"${op}","version":${row.version},"data":${data}}`,
      );
    }
    const lastSeq = page.length ? page[page.length - 1].seq : Math.max(after, 0);
    const cursor = `${store.epoch}.${lastSeq}`;
    // Sequence numbers have gaps (an entity that changed moves to the head): the difference bounds what follows.
    const remaining = Math.max(0, store.lastSeq() - lastSeq);
    return reply
      .type('application/json')
      .send(`{"changes":[${items.join(',')}],"cursor":"${cursor}","hasMore":${hasMore},"remaining":${remaining}}`);
  });
}
