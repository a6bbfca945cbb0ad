import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../../electron/cache/encrypted';
import { migrate } from '../../../../electron/cache/migrate';
import { pendingMigrations } from '../../../../electron/cache/migrations/pending';
import { Outbox } from '../../../../electron/sync/outbox';
import { TEST_KEY, tempDir } from '../../../support/temp';

let dir: ReturnType<typeof tempDir>;
let outbox: Outbox;
let close: () => void;
beforeEach(() => {
  dir = tempDir();
  const db = openEncrypted(join(dir.path, 'pending.sqlite'), TEST_KEY);
  migrate(db, pendingMigrations, 'pending');
  outbox = new Outbox(db);
  close = () => db.close();
});
afterEach(() => {
  close();
  dir.remove();
});

describe('what the outbox offers for undo', () => {
  it('the held write before later ones; none that is being sent; none the platform may have got', () => {
    const held = outbox.enqueue('dsar', 'dsr_1', 'act', { type: 'deliver' }, 3, new Date(Date.now() + 10_000).toISOString());
    const later = outbox.enqueue('dsar', 'dsr_1', 'setPriority', { priority: 'high' }, 3);
    expect(outbox.undoable('dsar', 'dsr_1')?.seq).toBe(held.seq);
    outbox.markSending(held.seq);
    expect(outbox.undoable('dsar', 'dsr_1')?.seq).toBe(later.seq);
    outbox.markSending(null);

    // A refused connection proves the write never arrived; a timeout does not.
    outbox.recordAttempt(later, 'connect ECONNREFUSED', false);
    outbox.remove(held.seq);
    expect(outbox.undoable('dsar', 'dsr_1')).toMatchObject({ seq: later.seq, attempts: 1, maybeSent: false });
    outbox.recordAttempt(later, 'timed out after 3000 ms', true);
    expect(outbox.undoable('dsar', 'dsr_1')).toBeNull();
    // A later refused connection does not make it certain again.
    outbox.recordAttempt(later, 'connect ECONNREFUSED', false);
    expect(outbox.undoable('dsar', 'dsr_1')).toBeNull();
  });

  it('a release sends the held writes of that entity only', () => {
    outbox.enqueue('dsar', 'dsr_1', 'act', {}, 1, new Date(Date.now() + 10_000).toISOString());
    outbox.enqueue('dsar', 'dsr_2', 'act', {}, 1, new Date(Date.now() + 10_000).toISOString());
    expect(outbox.release('dsar', 'dsr_1')).toBe(1);
    expect(outbox.all().map((w) => [w.entityId, w.holdUntil === null])).toEqual([
      ['dsr_1', true],
      ['dsr_2', false],
    ]);
  });
});
