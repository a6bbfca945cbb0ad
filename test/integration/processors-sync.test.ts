import { describe, expect, it } from 'vitest';
import { demoProcessors } from '../../sandbox/seed/processors';
import type { ProcessorDraft } from '../../shared/api/processors';
import { workspacePerTest } from '../support/workspace';

const ws = workspacePerTest();

const { id: _id, version: _v, updatedAt: _u, ...template } = demoProcessors[1];
const draft: ProcessorDraft = {
  ...template,
  legalName: 'Tutorbot Labs Inc.',
  countries: ['US'],
  transfer: { mechanism: 'scc', sccModule: '2', tiaDate: '2026-11-20', dpfCertified: null },
};

describe('processor registry sync', () => {
  it('mirrors the platform registry into the cache', async () => {
    const list = await ws.app.call('processor.list');
    expect(list.map((p) => p.legalName)).toEqual(
      [...demoProcessors.map((p) => p.legalName)].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
    );
  });

  it('a processor created offline is shown at once as pending and reaches the platform once', async () => {
    await ws.platform.stop();
    const created = await ws.app.call('processor.create', draft);
    expect(created).toMatchObject({ legalName: 'Tutorbot Labs Inc.', version: 0, pending: true });
    expect((await ws.app.call('processor.list')).map((p) => p.id)).toContain(created.id);
    await ws.platform.start();
    await ws.app.call('sync.now');
    expect((await ws.app.call('processor.list')).find((p) => p.id === created.id)).toMatchObject({ version: 1, pending: false });
    expect(ws.platform.appliedWrites(created.id)).toHaveLength(1);
  });

  it('an update is checked against the whole-record rules before it is queued', async () => {
    const id = demoProcessors[0].id;
    await expect(ws.app.call('processor.update', { id, patch: { countries: ['IN'] } })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [expect.objectContaining({ path: 'transfer.mechanism' })],
    });
    await expect(
      ws.app.call('processor.create', { ...draft, dpa: { ...draft.dpa, signedAt: '2026-02-01', expiresAt: '2026-01-01' } }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [expect.objectContaining({ path: 'dpa.expiresAt' })],
    });
    expect((await ws.app.call('sync.status')).pendingWrites).toBe(0);

    const clauses = { ...demoProcessors[0].dpa.clauses, h: { met: false, note: 'Audit nur nach Vorankündigung' } };
    await ws.app.call('processor.update', { id, patch: { dpa: { ...demoProcessors[0].dpa, clauses } } });
    await ws.app.call('sync.now');
    expect((await ws.app.call('processor.list')).find((p) => p.id === id)?.dpa.clauses.h).toEqual({
      met: false,
      note: 'Audit nur nach Vorankündigung',
    });
    expect(ws.platform.appliedWrites(id)).toHaveLength(1);
  });
});

describe('records of processing sync', () => {
  it('mirrors the activities and links a new activity to a processor', async () => {
    const activities = await ws.app.call('activity.list');
    expect(activities.map((a) => a.id)).toContain('act_payments');
    const created = await ws.app.call('activity.create', {
      name: 'KI-Tutor',
      purpose: 'Beantwortung von Fragen im Kurs durch einen KI-Tutor.',
      legalBasis: 'art6_1_b',
      legitimateInterest: '',
      specialCategories: false,
      art9Ground: null,
      dataCategories: ['Chatverläufe'],
      subjectCategories: ['Lernende'],
      recipientIds: ['prc_hosting-nordcloud'],
      otherRecipients: [],
      transferNote: '',
      retention: [{ category: 'Chatverläufe', period: '90 Tage' }],
      toms: ['Pseudonymisierung der Nutzer-ID'],
    });
    expect(created).toMatchObject({ version: 0, pending: true });
    await ws.app.call('sync.now');
    expect((await ws.app.call('activity.list')).find((a) => a.id === created.id)).toMatchObject({ version: 1, pending: false });
    expect(ws.platform.appliedWrites(created.id)).toHaveLength(1);
  });

  it('refuses links to processors that are not in the registry, and Art. 6(1)(f) without the interest', async () => {
    await expect(ws.app.call('activity.update', { id: 'act_forum', patch: { recipientIds: ['prc_nowhere-123'] } })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(ws.app.call('activity.update', { id: 'act_forum', patch: { legalBasis: 'art6_1_f' } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'legitimateInterest' })],
    });
    expect((await ws.app.call('sync.status')).pendingWrites).toBe(0);
  });
});

describe('writes the platform refuses', () => {
  const removeOnPlatform = (id: string) => ws.platform.sandbox.store.transaction(() => ws.platform.sandbox.store.remove('processor', id));

  it('a refused change shows the platform state again and becomes a conflict', async () => {
    removeOnPlatform('prc_support-helpdesk'); // the console has not pulled this yet
    await ws.app.call('activity.update', { id: 'act_forum', patch: { recipientIds: ['prc_hosting-nordcloud', 'prc_support-helpdesk'] } });
    await ws.app.call('sync.now');
    const forum = (await ws.app.call('activity.list')).find((a) => a.id === 'act_forum');
    expect(forum).toMatchObject({ recipientIds: ['prc_hosting-nordcloud'], pending: false, version: 1 });
    expect(await ws.app.call('conflicts.list')).toEqual([
      expect.objectContaining({ entityId: 'act_forum', kind: 'rejected', problem: 'unknown-recipient' }),
    ]);
  });

  it('a refused create leaves no phantom row behind', async () => {
    removeOnPlatform('prc_video-streamcraft');
    const created = await ws.app.call('activity.create', {
      name: 'Videoanalyse',
      purpose: 'Auswertung der Wiedergabe eingebetteter Videos.',
      legalBasis: 'art6_1_a',
      legitimateInterest: '',
      specialCategories: false,
      art9Ground: null,
      dataCategories: ['Wiedergabedaten'],
      subjectCategories: ['Lernende'],
      recipientIds: ['prc_video-streamcraft'],
      otherRecipients: [],
      transferNote: '',
      retention: [{ category: 'Wiedergabedaten', period: '6 Monate' }],
      toms: [],
    });
    expect(created.pending).toBe(true);
    await ws.app.call('sync.now');
    expect((await ws.app.call('activity.list')).map((a) => a.id)).not.toContain(created.id);
    expect(await ws.app.call('conflicts.list')).toEqual([expect.objectContaining({ entityId: created.id, kind: 'rejected' })]);
  });
});
