import { describe, expect, it } from 'vitest';
import { Change, ChangesPage } from '../../../shared/api/changes';
import { Id } from '../../../shared/api/common';
import { Dsar, DsarAssign, DsarSetTags } from '../../../shared/api/dsar';
import { Message } from '../../../shared/api/dsar-workflow';
import { TemplateText } from '../../../shared/api/letter-templates';
import { channels, QueueQuery } from '../../../shared/ipc/contract';

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

describe('input hygiene', () => {
  it('ids are letters, digits, _ and - (they travel in paths, file names and logs)', () => {
    for (const id of ['dsr_1', 'prc_support-helpdesk', 'A'.repeat(64)]) expect(Id.safeParse(id).success, id).toBe(true);
    for (const id of ['', 'A'.repeat(65), '../etc', 'dsr 1', 'dsr/1', 'dsr%2f', 'ä', 'dsr\n1', 'dsr.1']) {
      expect(Id.safeParse(id).success, JSON.stringify(id)).toBe(false);
    }
    expect(channels['dsar.get'].input.safeParse({ id: '../../etc/passwd' }).success).toBe(false);
  });

  it('a message subject is one line (no header injection through CR/LF)', () => {
    const message = { kind: 'acknowledgement', locale: 'de', subject: 'Ihr Antrag', body: 'Text' };
    expect(Message.safeParse(message).success).toBe(true);
    expect(Message.safeParse({ ...message, subject: 'Ihr Antrag\r\nBcc: all@example.com' }).success).toBe(false);
    expect(Message.safeParse({ ...message, subject: 'Ihr Antrag\nX' }).success).toBe(false);
    expect(TemplateText.safeParse({ subject: 'A {{requestId}}\r\nBcc: x', body: 'b' }).success).toBe(false);
  });

  it('a search carries no control characters', () => {
    expect(QueueQuery.safeParse({ search: 'Krüger' }).success).toBe(true);
    for (const search of ['a\u0000b', 'a\u001bb', 'x\u007f', 'a\tb'])
      expect(QueueQuery.safeParse({ search }).success, JSON.stringify(search)).toBe(false);
    expect(channels['accounts.search'].input.safeParse({ q: 'we\u0000b' }).success).toBe(false);
  });
});
