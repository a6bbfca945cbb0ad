import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessReview, Grant, ReviewItem } from '../../shared/api/access';
import { accessScopes } from '../../shared/api/access';
import { localDate } from '../../shared/domain/calendar';
import { nextWorkingDay } from '../../shared/domain/deadlines';
import { testConsole } from '../support/console';
import { type TestPlatform, testPlatform } from '../support/platform';
import { tempDir } from '../support/temp';
import { until } from '../support/until';

let dir: ReturnType<typeof tempDir>;
let platform: TestPlatform;

beforeAll(async () => {
  dir = tempDir();
  platform = await testPlatform(dir.path, 5);
});
afterAll(async () => {
  await platform.stop();
  dir.remove();
});

describe('access reviews through the console and the platform', () => {
  it('a review of the privileged grants: items made by the platform, decisions in bulk and one by one, a failed revocation retried, closed, evidence', async () => {
    const lead = await testConsole(`${dir.path}/lead`, { ...platform, token: platform.sandbox.tokens.stf_krueger });
    try {
      const started = await lead.call('access.review.start', {
        title: 'Privilegierte Rechte 2026',
        scope: { kind: 'privileged' },
        reviewers: { kind: 'named', staffId: 'stf_krueger' },
        dueDate: '2099-01-31',
        instructions: 'Bitte jede Berechtigung begründen.',
      });
      expect(started).toMatchObject({ state: 'open', pending: true });
      await lead.call('sync.now');
      const privileged = platform.sandbox.store
        .all<Grant>('grant')
        .filter((grant) => grant.state === 'live' && accessScopes[grant.scope].privileged);
      const review = (await lead.call('access.reviews')).find((r) => r.id === started.id);
      expect(review?.counts.items).toBe(privileged.length);
      const page = await lead.call('access.items', { reviewId: started.id, decided: 'open', limit: 500 });
      expect(page.total).toBe(privileged.length);
      expect(page.rows.every((row) => row.reviewerId === 'stf_krueger' && row.grant?.state === 'live')).toBe(true);

      // One revoked: the audit-log system refuses it first; asked again, the platform applies it.
      const auditLogs = page.rows.find((row) => row.scope === 'it:delete_audit_logs');
      if (!auditLogs) throw new Error('no audit-log grant to revoke');
      await lead.call('access.item.decide', { id: auditLogs.id, kind: 'revoke', justification: 'Nicht mehr im Betrieb tätig.' });
      // Not shown revoked before the platform says so.
      expect((await lead.call('access.overview')).grants.find((g) => g.id === auditLogs.grantId)?.state).toBe('live');
      await lead.call('sync.now');
      await until(async () => {
        await lead.call('sync.now');
        return (await lead.call('access.overview')).grants.find((g) => g.id === auditLogs.grantId)?.state === 'failed';
      }, 'the failed revocation');
      const failed = (await lead.call('access.overview')).grants.find((g) => g.id === auditLogs.grantId);
      expect(failed?.revocation).toMatchObject({ appliedAt: null, failure: expect.stringContaining('maintenance window'), attempts: 1 });
      await lead.call('access.grant.retry', { id: auditLogs.grantId, note: 'Im Wartungsfenster' });
      await until(async () => {
        await lead.call('sync.now');
        return (await lead.call('access.overview')).grants.find((g) => g.id === auditLogs.grantId)?.state === 'revoked';
      }, 'the revocation applied');
      const revoked = platform.sandbox.store.get<Grant>('grant', auditLogs.grantId);
      expect(revoked?.revocation).toMatchObject({ appliedAt: expect.any(String), failure: null, attempts: 2 });

      // Keeping privileged grants in bulk needs the reason: without it every one is refused, with it all are kept.
      const query = { reviewId: started.id, reviewer: 'all' as const, decided: 'open' as const, scope: null, q: '' };
      const refused = await lead.call('access.items.decideAll', { query, decision: { kind: 'keep' } });
      expect(refused).toMatchObject({ decided: 0 });
      expect(refused.refused.length).toBe(privileged.length - 1);
      expect(new Set(refused.refused.map((r) => r.problem))).toEqual(new Set(['justification-required']));
      await expect(lead.call('access.review.close', { id: started.id })).rejects.toMatchObject({ problem: 'review-undecided' });
      const kept = await lead.call('access.items.decideAll', {
        query,
        decision: { kind: 'keep', justification: 'Betrieb der Plattform, Rufbereitschaft.' },
      });
      expect(kept).toEqual({ decided: privileged.length - 1, refused: [] });
      await lead.call('sync.now');
      await lead.call('sync.now');
      const counted = platform.sandbox.store.get<AccessReview>('accessReview', started.id);
      expect(counted?.counts).toMatchObject({
        items: privileged.length,
        decided: privileged.length,
        kept: privileged.length - 1,
        revoked: 1,
      });
      await lead.call('access.review.close', { id: started.id });
      await lead.call('sync.now');
      expect(platform.sandbox.store.get<AccessReview>('accessReview', started.id)).toMatchObject({ state: 'closed' });
      const items = platform.sandbox.store.all<ReviewItem>('reviewItem').filter((item) => item.reviewId === started.id);
      expect(items.every((item) => item.decision?.by === 'stf_krueger')).toBe(true);

      // The evidence: every decision with who, when, why and the revocation applied, logged with its SHA-256.
      const csv = await lead.call('access.evidence', { reviewId: started.id, format: 'csv', language: 'en' });
      const text = Buffer.from(csv.base64, 'base64').toString('utf8');
      const lines = text.split('\r\n').filter(Boolean);
      expect(lines.filter((line) => line.startsWith(`${started.id};`))).toHaveLength(privileged.length);
      const line = lines.find((l) => l.includes(`;${auditLogs.grantId};`)) ?? '';
      expect(line).toContain('revoked;Nicht mehr im Betrieb tätig.;Sabine Krüger');
      expect(text).toContain('Leaver with grants');
      const log = await lead.call('exports.log');
      expect(log[0]).toMatchObject({ kind: 'access_evidence', format: 'csv', sha256: csv.sha256 });
    } finally {
      await lead.close();
    }
  });

  it('a leaver appears: due gone by the end of the next working day; revoked from the checks; the finding stays until applied', async () => {
    const lead = await testConsole(`${dir.path}/lead-2`, { ...platform, token: platform.sandbox.tokens.stf_krueger });
    try {
      const leaver = platform.sandbox.emitLeaver();
      if (!leaver?.leaveDate) throw new Error('nobody left');
      await lead.call('sync.now');
      const finding = (await lead.call('access.overview')).findings.find((f) => f.kind === 'leaver' && f.employeeId === leaver.id);
      expect(finding).toMatchObject({ dueDate: nextWorkingDay(leaver.leaveDate, 'DE-BE') });
      expect(finding?.overdue).toBe(localDate(new Date(), 'Europe/Berlin') > (finding?.dueDate ?? ''));
      // The desktop is told by department and count, never by name.
      const reminders = await lead.call('access.reminders');
      expect(reminders).toContainEqual({
        key: `access:leaver:${leaver.id}:${finding?.overdue ? 'overdue' : 'due'}`,
        department: leaver.department,
        grants: finding?.grantIds.length,
        dueDate: finding?.dueDate,
        overdue: finding?.overdue,
      });
      for (const id of finding?.grantIds ?? [])
        await lead.call('access.grant.revoke', { id, reason: 'Ausgeschieden', source: 'check:leaver' });
      // Asked: still a finding, each grant "requested".
      const asked = (await lead.call('access.overview')).findings.find((f) => f.kind === 'leaver' && f.employeeId === leaver.id);
      expect(asked?.grantIds).toEqual(finding?.grantIds);
      await until(async () => {
        await lead.call('sync.now');
        return !(await lead.call('access.overview')).findings.some((f) => f.kind === 'leaver' && f.employeeId === leaver.id);
      }, "the leaver's grants revoked");
      // A security lead may revoke; a privacy officer may not.
      const officer = await testConsole(`${dir.path}/officer`, { ...platform, token: platform.sandbox.tokens.stf_vogel });
      try {
        const live = (await officer.call('access.overview')).grants.find((g) => g.state === 'live');
        await expect(
          officer.call('access.grant.revoke', { id: live?.id ?? '', reason: 'Ausgeschieden', source: 'check:leaver' }),
        ).rejects.toMatchObject({
          problem: 'role-lacks-scope',
        });
      } finally {
        await officer.close();
      }
    } finally {
      await lead.close();
    }
  });
});
