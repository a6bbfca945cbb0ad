import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditTrail } from '../../../../electron/audit/trail';
import { openEncrypted } from '../../../../electron/cache/encrypted';
import { migrate } from '../../../../electron/cache/migrate';
import { pendingMigrations } from '../../../../electron/cache/migrations/pending';
import { Conflicts, Outbox } from '../../../../electron/sync/outbox';
import { AuditQuery } from '../../../../shared/ipc/contract';
import { TEST_KEY, tempDir } from '../../../support/temp';

let dir: ReturnType<typeof tempDir>;
let db: Database.Database;
let trail: ReturnType<typeof auditTrail>;
let outbox: Outbox;
beforeEach(() => {
  dir = tempDir();
  db = openEncrypted(join(dir.path, 'pending.sqlite'), TEST_KEY);
  migrate(db, pendingMigrations, 'pending');
  trail = auditTrail(db, () => ({ id: 'stf_vogel', name: 'Dr. Katrin Vogel' }));
  outbox = new Outbox(db, () => 'ws_1/stf_vogel', trail);
});
afterEach(() => {
  db.close();
  dir.remove();
});

const entries = (query: Parameters<typeof AuditQuery.parse>[0] = {}) => trail.page(AuditQuery.parse(query), 'Europe/Berlin').entries;

describe('the audit trail beside the outbox', () => {
  it('a write queued in a transaction that fails leaves no entry; one that commits has one, answered once', () => {
    expect(() =>
      db.transaction(() => {
        outbox.enqueue('dsar', 'dsr_1', 'assign', { assigneeId: 'stf_vogel' }, 1);
        throw new Error('the cache write failed');
      })(),
    ).toThrow();
    expect(entries()).toEqual([]);

    const write = db.transaction(() => outbox.enqueue('dsar', 'dsr_1', 'assign', { assigneeId: 'stf_vogel' }, 1))();
    expect(entries()).toMatchObject([{ kind: 'write', outcome: 'queued', actor: 'stf_vogel', actorName: 'Dr. Katrin Vogel' }]);
    outbox.acknowledge(write, 2);
    expect(entries()[0]).toMatchObject({ outcome: 'applied', answer: { version: 2 } });
    // A late second answer (a crash replayed the refusal) does not rewrite what the platform said first.
    trail.refused(write, 'rejected', 'late', null);
    expect(entries()[0]).toMatchObject({ outcome: 'applied', answer: { version: 2 } });
  });

  it('a refusal keeps the problem and the words; an undo says undone; attempts are counted', () => {
    const conflicts = new Conflicts(db, outbox);
    const refused = outbox.enqueue('processor', 'prc_1', 'update', { legalName: 'X' }, 4);
    const undone = outbox.enqueue('dsar', 'dsr_2', 'setPriority', { priority: 'high' }, 1);
    outbox.recordAttempt(undone, 'connect ECONNREFUSED', false);
    outbox.recordAttempt(undone, 'connect ECONNREFUSED', false);
    expect(entries({ entityId: 'dsr_2' })[0].answer).toEqual({ attempts: 2, message: 'connect ECONNREFUSED' });
    conflicts.refuse(refused, 'rejected', 'Your platform role does not allow this change.', { code: 'refused-forbidden' });
    outbox.takeBack(undone);
    expect(outbox.count()).toBe(0);
    expect(entries().map((entry) => [entry.entityId, entry.outcome, entry.answer?.problem ?? null])).toEqual([
      ['dsr_2', 'undone', null],
      ['prc_1', 'rejected', 'refused-forbidden'],
    ]);
  });

  it('a write the console withholds itself is not the platform’s answer: no answer time, marked local, and maybe applied if it was tried', () => {
    const conflicts = new Conflicts(db, outbox);
    const write = outbox.enqueue('dsar', 'dsr_3', 'assign', { assigneeId: 'stf_x' }, 1);
    conflicts.refuse({ ...write, maybeSent: true }, 'rejected', 'does not fit', {
      code: 'refused-invalid-change',
      params: { detail: 'x' },
    });
    expect(entries()[0]).toMatchObject({
      outcome: 'rejected',
      answeredAt: null,
      answer: { local: true, maybeApplied: true, problem: 'refused-invalid-change' },
    });
  });

  it('the days are the controller’s: an entry just after midnight in Berlin belongs to that Berlin day', () => {
    trail.record({ kind: 'sign-in', action: 'sign-in', outcome: 'done', at: '2026-11-26T23:30:00.000Z' });
    expect(entries({ from: '2026-11-27', to: '2026-11-27' })).toHaveLength(1);
    expect(entries({ to: '2026-11-26' })).toHaveLength(0);
  });
});
