import { randomUUID } from 'node:crypto';
import type { Dsar } from '../../shared/api/dsar';
import type { Account } from '../accounts/account';
import { typeMix } from '../seed/dsars';
import { createRandom } from '../seed/random';
import type { PlatformStore } from '../store/store';

/**
 * A request a user files on the platform (web form or in the app): the platform emits it into the changes
 * feed as any new entity. The demo workspace does this every few minutes, so the queue is alive.
 */
export function emitRequest(store: PlatformStore, random = createRandom(Date.now() >>> 0), now = new Date()): Dsar | null {
  const count = store.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM accounts').get()?.n ?? 0;
  if (!count) return null;
  const row = store.db.prepare<[number], { doc: string }>('SELECT doc FROM accounts LIMIT 1 OFFSET ?').get(random.int(0, count - 1));
  if (!row) return null;
  const account = JSON.parse(row.doc) as Account;
  const at = now.toISOString();
  const channel = random.next() < 0.7 ? 'web_form' : 'in_app';
  const dsar: Dsar = {
    id: `dsr_${randomUUID().slice(0, 12)}`,
    version: 1,
    updatedAt: at,
    type: random.weighted(typeMix),
    status: 'new',
    subject: { userId: account.id, name: account.name, email: account.email, locale: account.locale, address: null },
    channel,
    receivedAt: at,
    assigneeId: null,
    priority: 'normal',
    notes: '',
    tags: [],
    duplicateOf: null,
    events: [{ id: randomUUID(), at, actor: 'subject', kind: 'received', channel }],
  };
  store.transaction(() => {
    store.put('dsar', dsar);
    store.audit('platform', 'dsar.received', 'dsar', dsar.id, { type: dsar.type, channel });
  });
  return dsar;
}
