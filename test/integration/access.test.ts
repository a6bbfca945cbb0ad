import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessReview, Grant, ReviewItem } from '../../shared/api/access';
import { accessScopes } from '../../shared/api/access';
import { localDate } from '../../shared/domain/calendar';
import { nextWorkingDay } from '../../shared/domain/deadlines';
import { testConsole } from '../support/console';
import { exportsOf } from '../support/exports';
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
      expect(page.rows.every((row) => row.grant?.state === 'live')).toBe(true);
      // The named reviewer holds privileged grants herself: those fall to her manager, marked.
      const own = page.rows.filter((row) => row.employeeId === 'emp_krueger');
      expect(own.length).toBe(2);
      expect(own.every((row) => row.reviewerId === 'stf_schmitt' && row.reassigned === 'self')).toBe(true);
      expect(page.rows.filter((row) => row.employeeId !== 'emp_krueger').every((row) => row.reviewerId === 'stf_krueger')).toBe(true);
      // Each reviewer's progress, from the cache's counts.
      expect(await lead.call('access.progress', { reviewId: started.id })).toEqual([
        { reviewerId: 'stf_krueger', items: privileged.length - 2, decided: 0, remindedAt: null, escalatedTo: null },
        { reviewerId: 'stf_schmitt', items: 2, decided: 0, remindedAt: null, escalatedTo: null },
      ]);

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
      // Her own two are refused as such, whatever the reason.
      expect(refused.refused.filter((r) => r.problem === 'self-review')).toHaveLength(2);
      expect(new Set(refused.refused.map((r) => r.problem))).toEqual(new Set(['justification-required', 'self-review']));
      await expect(lead.call('access.review.close', { id: started.id })).rejects.toMatchObject({ problem: 'review-undecided' });
      // Reminded: every reviewer with grants open (not overdue: nobody escalated).
      const reminded = await lead.call('access.review.remind', { id: started.id, note: 'Bitte diese Woche.' });
      expect(reminded.reminders).toHaveLength(1);
      await lead.call('sync.now');
      const sent = platform.sandbox.store.get<AccessReview>('accessReview', started.id)?.reminders[0];
      expect(sent?.recipients).toEqual(
        expect.arrayContaining([
          { reviewerId: 'stf_krueger', open: privileged.length - 3, escalatedTo: null },
          { reviewerId: 'stf_schmitt', open: 2, escalatedTo: null },
        ]),
      );
      await expect(lead.call('access.review.remind', { id: started.id, note: '' })).rejects.toMatchObject({ problem: 'reminder-too-soon' });
      const kept = await lead.call('access.items.decideAll', {
        query: { ...query, reviewer: 'me' },
        decision: { kind: 'keep', justification: 'Betrieb der Plattform, Rufbereitschaft.' },
      });
      expect(kept).toEqual({ decided: privileged.length - 3, refused: [] });
      // Her manager decides her two.
      const boss = await testConsole(`${dir.path}/boss`, { ...platform, token: platform.sandbox.tokens.stf_schmitt });
      try {
        const hers = await boss.call('access.items.decideAll', {
          query: { ...query, reviewer: 'me' },
          decision: { kind: 'keep', justification: 'Leitung IT, Bereitschaftsdienst.' },
        });
        expect(hers).toEqual({ decided: 2, refused: [] });
        await boss.call('sync.now');
      } finally {
        await boss.close();
      }
      await lead.call('sync.now');
      await lead.call('sync.now');
      expect(await lead.call('access.progress', { reviewId: started.id })).toEqual([
        {
          reviewerId: 'stf_krueger',
          items: privileged.length - 2,
          decided: privileged.length - 2,
          remindedAt: sent?.at,
          escalatedTo: null,
        },
        { reviewerId: 'stf_schmitt', items: 2, decided: 2, remindedAt: sent?.at, escalatedTo: null },
      ]);
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
      expect(items.every((item) => item.decision?.by === item.reviewerId)).toBe(true);

      // The evidence: every decision with who, when, why and the revocation applied, logged with its SHA-256.
      const csv = await lead.call('access.evidence', { reviewId: started.id, format: 'csv', language: 'en' });
      const text = Buffer.from(csv.base64, 'base64').toString('utf8');
      const lines = text.split('\r\n').filter(Boolean);
      expect(lines.filter((line) => line.startsWith(`${started.id};`))).toHaveLength(privileged.length);
      const line = lines.find((l) => l.includes(`;${auditLogs.grantId};`)) ?? '';
      expect(line).toContain('revoked;Nicht mehr im Betrieb tätig.;Sabine Krüger');
      expect(text).toContain('Leaver with grants');
      const log = await exportsOf(lead);
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
        kind: 'leaver',
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

  it('data owners review their scopes; a review of what changed since the last one; overdue reminders escalate', async () => {
    const lead = await testConsole(`${dir.path}/lead-3`, { ...platform, token: platform.sandbox.tokens.stf_krueger });
    try {
      await lead.call('sync.now');
      // The demo's completed review closed half a year ago: only grants given or changed since are in.
      const last = (await lead.call('access.reviews')).find((r) => r.id === 'arv_2026h1');
      if (!last?.closedAt) throw new Error('no completed review');
      // From when it took its grants: one changed while it ran was not in it.
      const since = last.createdAt;
      const changed = platform.sandbox.store
        .all<Grant>('grant')
        .filter((g) => (g.state === 'live' || g.state === 'failed') && (g.grantedAt > since || g.updatedAt > since));
      expect(changed.length).toBeGreaterThan(0);
      const started = await lead.call('access.review.start', {
        title: 'Seit der letzten Prüfung',
        scope: { kind: 'changed', since },
        reviewers: { kind: 'owner' },
        dueDate: localDate(new Date(Date.now() + 2 * 86_400_000), 'Europe/Berlin'),
        instructions: '',
      });
      await lead.call('sync.now');
      const page = await lead.call('access.items', { reviewId: started.id, limit: 500 });
      expect(page.total).toBe(changed.length);
      // Each scope's data owner reviews it: finance by its head, support by Anna Schmitt, …
      const finance = page.rows.filter((row) => row.scope.startsWith('finance:') && row.employeeId !== 'emp_albrecht');
      expect(finance.length).toBeGreaterThan(0);
      expect(finance.every((row) => row.reviewerId === 'stf_albrecht' && row.reassigned === null)).toBe(true);
      const support = page.rows.filter((row) => row.scope.startsWith('support:'));
      expect(support.length).toBeGreaterThan(0);
      expect(support.every((row) => row.reviewerId === 'stf_schmitt')).toBe(true);
      // Due within three days: the reviewers see it among their reminders.
      const mine = (await lead.call('access.reminders')).find((r) => r.kind === 'review');
      const open = page.rows.filter((row) => row.reviewerId === 'stf_krueger').length;
      expect(open).toBeGreaterThan(0);
      expect(mine).toMatchObject({ kind: 'review', title: 'Seit der letzten Prüfung', open, overdue: false });

      // Overdue (the platform's review moved past its due date): the reminder escalates to each reviewer's manager.
      const stored = platform.sandbox.store.get<AccessReview>('accessReview', started.id);
      if (!stored) throw new Error('no review');
      platform.sandbox.store.put('accessReview', { ...stored, version: stored.version + 1, dueDate: '2026-01-05' });
      await lead.call('sync.now');
      expect((await lead.call('access.reviews')).find((r) => r.id === started.id)?.dueDate).toBe('2026-01-05');
      await lead.call('access.review.remind', { id: started.id, note: '' });
      await lead.call('sync.now');
      const recipients = platform.sandbox.store.get<AccessReview>('accessReview', started.id)?.reminders[0]?.recipients ?? [];
      expect(recipients.find((r) => r.reviewerId === 'stf_albrecht')).toMatchObject({ escalatedTo: 'stf_schmitt' });
      // The top of the line has no manager: escalated to the review's owner.
      expect(recipients.find((r) => r.reviewerId === 'stf_schmitt')).toMatchObject({ escalatedTo: 'stf_krueger' });
      const progress = await lead.call('access.progress', { reviewId: started.id });
      expect(progress.find((p) => p.reviewerId === 'stf_albrecht')?.escalatedTo).toBe('stf_schmitt');

      // A finding closed while the review runs is in its evidence, with how: the revocation and when it took effect.
      const dormant = (await lead.call('access.overview')).findings.find((f) => f.kind === 'dormant');
      if (!dormant) throw new Error('no dormant account');
      for (const id of dormant.grantIds) {
        await lead.call('access.grant.revoke', { id, reason: 'Ruhendes Konto', source: 'check:dormant' });
      }
      await until(async () => {
        await lead.call('sync.now');
        const grants = (await lead.call('access.overview')).grants;
        return dormant.grantIds.every((id) => grants.find((g) => g.id === id)?.state === 'revoked');
      }, 'the dormant grants revoked');
      const csv = await lead.call('access.evidence', { reviewId: started.id, format: 'csv', language: 'en' });
      const lines = Buffer.from(csv.base64, 'base64').toString('utf8').split('\r\n');
      expect(lines).toContain(
        'Finding in the review window, closed;Holder;Grants;First seen (this console);Closed at;How;Revocation asked by;Asked at;Applied (platform)',
      );
      const holder = (await lead.call('access.overview')).employees.find((e) => e.id === dormant.employeeId)?.name ?? '';
      const section = lines.slice(lines.indexOf(lines.find((line) => line.startsWith('Finding in the review window')) ?? ''));
      const closed = section.slice(0, section.indexOf('')).find((line) => line.startsWith(`Dormant account;${holder};`)) ?? '';
      // Closed by the revocation it asked for (requested, then applied by the platform), with who asked.
      expect(closed).toMatch(/;[^;]+;[^;]+;(grant revoked|revocation requested);Sabine Krüger;[^;]+;[^;]*$/);
    } finally {
      await lead.close();
    }
  });

  it('the platform retries a failed revocation on its own, then escalates; lapsed grants are revoked nightly', async () => {
    const dir2 = tempDir();
    const own = await testPlatform(dir2.path, 5, { accessRetryMs: 40 });
    const lead = await testConsole(`${dir2.path}/lead`, { ...own, token: own.sandbox.tokens.stf_krueger });
    try {
      await lead.call('sync.now');
      // A system that never accepts the change: tried three times, later each time, then left to people.
      own.sandbox.access.failWhen(() => 'The legacy system did not answer.');
      const target = (await lead.call('access.overview')).grants.find((g) => g.state === 'live' && g.scope === 'finance:refunds');
      if (!target) throw new Error('no grant');
      await lead.call('access.grant.revoke', { id: target.id, reason: 'Funktionstrennung verletzt', source: 'check:sod' });
      const stuck = await until(async () => {
        await lead.call('sync.now');
        const grant = (await lead.call('access.overview')).grants.find((g) => g.id === target.id);
        return grant?.state === 'failed' && grant.revocation?.attempts === 3 && grant.revocation.nextAttemptAt === null ? grant : null;
      }, 'three attempts');
      expect(stuck.revocation).toMatchObject({ failure: 'The legacy system did not answer.', appliedAt: null });
      const findings = (await lead.call('access.overview')).findings;
      expect(findings).toContainEqual(
        expect.objectContaining({ kind: 'revocation_failed', employeeId: target.employeeId, grantIds: [target.id] }),
      );
      // The desktop is told by kind and count.
      const reminder = (await lead.call('access.reminders')).find((r) => r.kind === 'finding' && r.finding === 'revocation_failed');
      expect(reminder).toMatchObject({ people: 1, members: [`access:revocation_failed:${target.employeeId}`] });
      // People ask again once the system is back: applied.
      own.sandbox.access.failWhen(() => null);
      await lead.call('access.grant.retry', { id: target.id, note: 'System wieder erreichbar' });
      await until(async () => {
        await lead.call('sync.now');
        return (await lead.call('access.overview')).grants.find((g) => g.id === target.id)?.state === 'revoked';
      }, 'the revocation applied');

      // Lapsed yesterday: live until the nightly run, a finding until then; revoked by the platform with its reason.
      const store = own.sandbox.store;
      const live = store.all<Grant>('grant').find((g) => g.state === 'live' && g.expiresAt === null);
      if (!live) throw new Error('no live grant');
      const yesterday = localDate(new Date(Date.now() - 86_400_000), 'Europe/Berlin');
      store.transaction(() => store.put('grant', { ...live, version: live.version + 1, expiresAt: yesterday }));
      await lead.call('sync.now');
      const lapsed = (await lead.call('access.overview')).findings.filter((f) => f.kind === 'expired');
      expect(lapsed.some((f) => f.grantIds.includes(live.id))).toBe(true);
      expect(own.sandbox.access.revokeLapsed(new Date())).toBeGreaterThanOrEqual(1);
      await lead.call('sync.now');
      const after = await lead.call('access.overview');
      expect(after.findings.filter((f) => f.kind === 'expired')).toHaveLength(0);
      const ended = after.grants.find((g) => g.id === live.id);
      expect(ended).toMatchObject({ state: 'revoked', revocation: { source: 'expiry', requestedBy: 'platform' } });
    } finally {
      await lead.close();
      await own.stop();
      dir2.remove();
    }
  });
});
