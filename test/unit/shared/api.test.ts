import { describe, expect, it } from 'vitest';
import { Change, ChangesPage } from '../../../shared/api/changes';
import { Dsar, DsarAssign, DsarSetTags } from '../../../shared/api/dsar';

const dsar = {
  id: 'dsr_1',
  version: 2,
  updatedAt: '2026-11-02T10:00:00.000Z',
  type: 'erasure',
  status: 'in_progress',
  subject: { userId: 'usr_1', name: 'Jürgen Weiß', email: 'j.weiss@web.de', locale: 'de', address: null },
  channel: 'email',
  receivedAt: '2026-11-01T09:00:00.000+01:00',
  assigneeId: null,
  priority: 'normal',
  notes: '',
  tags: [],
  duplicateOf: null,
  events: [{ id: 'ev1', at: '2026-11-01T08:00:00.000Z', actor: 'subject', kind: 'received', channel: 'email' }],
};

describe('DSAR contract', () => {
  it('accepts a well-formed request', () => {
    expect(Dsar.parse(dsar).subject.name).toBe('Jürgen Weiß');
  });

  it('rejects a type outside Arts. 15-21, a bad e-mail and a non-integer version', () => {
    expect(Dsar.safeParse({ ...dsar, type: 'deletion' }).success).toBe(false);
    expect(Dsar.safeParse({ ...dsar, subject: { ...dsar.subject, email: 'nope' } }).success).toBe(false);
    expect(Dsar.safeParse({ ...dsar, version: 1.5 }).success).toBe(false);
    expect(Dsar.safeParse({ ...dsar, receivedAt: '01.11.2026' }).success).toBe(false);
  });

  it('changes: unknown fields and empty arguments are refused', () => {
    expect(DsarAssign.safeParse({ assigneeId: 'stf_1' }).success).toBe(true);
    expect(DsarAssign.safeParse({ assigneeId: null }).success).toBe(true);
    expect(DsarAssign.safeParse({ assigneeId: 'stf_1', status: 'completed' }).success).toBe(false);
    expect(DsarAssign.safeParse({}).success).toBe(false);
    expect(DsarAssign.safeParse({ assigneeId: 7 }).success).toBe(false);
    expect(DsarSetTags.safeParse({ tags: ['x'.repeat(41)] }).success).toBe(false);
  });
});

describe('changes feed contract', () => {
  it('parses upserts by entity and tombstones', () => {
    const page = ChangesPage.parse({
      changes: [
        { seq: 1, entity: 'dsar', id: 'dsr_1', op: 'upsert', version: 2, data: dsar },
        { seq: 2, entity: 'dsar', id: 'dsr_9', op: 'delete', version: 4, data: null },
      ],
      cursor: 'abc.2',
      hasMore: false,
    });
    expect(page.changes.map((c) => c.op)).toEqual(['upsert', 'delete']);
  });

  it('refuses an upsert whose data does not match its entity', () => {
    expect(Change.safeParse({ seq: 1, entity: 'staff', id: 'dsr_1', op: 'upsert', version: 2, data: dsar }).success).toBe(false);
    expect(Change.safeParse({ seq: 0, entity: 'dsar', id: 'dsr_1', op: 'upsert', version: 2, data: dsar }).success).toBe(false);
  });
});
