import { describe, expect, it } from 'vitest';
import type { Dsar } from '../../../shared/api/dsar';
import { DsarAction, type Message } from '../../../shared/api/dsar-workflow';
import type { Job } from '../../../shared/api/jobs';
import { excludedItems } from '../../../shared/domain/dsar-package';
import { allowedIn, applyAction, type WorkflowContext } from '../../../shared/domain/dsar-workflow';
import { RuleError } from '../../../shared/domain/rules';

const clock = { region: 'DE-BE', timeZone: 'Europe/Berlin', pausePolicy: 'none' } as const;
const base: Dsar = {
  id: 'dsr_1',
  version: 1,
  updatedAt: '2026-11-02T09:00:00Z',
  type: 'access',
  status: 'new',
  subject: { userId: 'usr_1', name: 'Jürgen Weiß', email: 'j.weiss@web.de', locale: 'de', address: null },
  channel: 'email',
  receivedAt: '2026-11-02T09:00:00Z',
  assigneeId: null,
  priority: 'normal',
  notes: '',
  tags: [],
  duplicateOf: null,
  events: [{ id: 'e0', at: '2026-11-02T09:00:00Z', actor: 'subject', kind: 'received', channel: 'email' }],
};
const packageJob: Job = {
  id: 'job_1',
  version: 3,
  updatedAt: '2026-11-05T09:00:00Z',
  dsarId: 'dsr_1',
  kind: 'package',
  state: 'succeeded',
  progress: 1,
  step: null,
  error: null,
  result: {
    kind: 'package',
    categories: [
      {
        category: 'forum_posts',
        count: 2,
        items: [
          { id: 'post-1', label: 'a', detail: '', fields: {} },
          { id: 'post-2', label: 'b', detail: '', fields: {} },
        ],
      },
    ],
  },
};

let n = 0;
const ctx = (at = '2026-11-10T10:00:00Z', jobs: Job[] = [], others: Dsar[] = []): WorkflowContext => ({
  actor: 'stf_vogel',
  at,
  digest: (text: string) => text,
  newId: () => `ev${++n}`,
  find: ((entity: string, id: string) =>
    (entity === 'dsar' ? others.find((d) => d.id === id) : entity === 'job' ? jobs.find((j) => j.id === id) : null) ??
    null) as WorkflowContext['find'],
});
const msg = (kind: Message['kind']): Message => ({
  kind,
  locale: 'de',
  subject: 'Betreff',
  body: 'Text der Nachricht',
  closing: '',
  delivery: 'email',
});
const act = (dsar: Dsar, action: unknown, context = ctx()) => applyAction(dsar, DsarAction.parse(action), context).dsar;
const refusal = (dsar: Dsar, action: unknown, context = ctx()) => {
  try {
    act(dsar, action, context);
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error('the action was accepted');
};

describe('DSAR workflow', () => {
  it('walks new → identity pending → in progress, recording each step in the timeline', () => {
    const pending = act(base, { type: 'request_identity', message: msg('identity_request') });
    expect(pending.status).toBe('identity_pending');
    const failed = act(pending, { type: 'record_identity', method: 'email_confirmation', outcome: 'failed' });
    expect(failed.status).toBe('identity_pending');
    const verified = act(failed, { type: 'record_identity', method: 'account_session', outcome: 'verified', note: 'angemeldet' });
    expect(verified.status).toBe('in_progress');
    expect(verified.events.map((e) => e.kind)).toEqual([
      'received',
      'identity_requested',
      'message',
      'status',
      'identity_recorded',
      'identity_recorded',
      'status',
    ]);
    expect(verified.events.at(-1)).toMatchObject({ kind: 'status', from: 'identity_pending', to: 'in_progress', actor: 'stf_vogel' });
  });

  it('has no field for an identity document: the contract refuses one', () => {
    const withCopy = { type: 'record_identity', method: 'id_document_seen', outcome: 'verified', document: 'data:image/png;base64,AAAA' };
    expect(DsarAction.safeParse(withCopy).success).toBe(false);
  });

  it('refuses actions the status does not allow', () => {
    expect(refusal(base, { type: 'complete', message: msg('completion'), clock }).code).toBe('invalid-transition');
    const closed = act(base, { type: 'withdraw' });
    expect(closed.status).toBe('withdrawn');
    expect(allowedIn('deny', 'withdrawn')).toBe(false);
    expect(refusal(closed, { type: 'start' }).code).toBe('invalid-transition');
    // Notes may always be added.
    expect(act(closed, { type: 'add_note', text: 'Rückruf am Telefon' }).events.at(-1)).toMatchObject({ kind: 'note' });
  });

  it('a denial needs a reason from the list, an explanation and the notice', () => {
    expect(DsarAction.safeParse({ type: 'deny', explanation: 'Der vierte gleiche Antrag.', message: msg('denial') }).success).toBe(false);
    expect(
      DsarAction.safeParse({ type: 'deny', reason: 'because', explanation: 'Der vierte gleiche Antrag.', message: msg('denial'), clock })
        .success,
    ).toBe(false);
    expect(DsarAction.safeParse({ type: 'deny', reason: 'excessive', explanation: 'kurz', message: msg('denial'), clock }).success).toBe(
      false,
    );
    expect(
      refusal(base, { type: 'deny', reason: 'excessive', explanation: 'Der vierte gleiche Antrag.', message: msg('completion'), clock })
        .code,
    ).toBe('wrong-message');
    const denied = act(base, {
      type: 'deny',
      reason: 'excessive',
      explanation: 'Der vierte gleiche Antrag.',
      message: msg('denial'),
      clock,
    });
    expect(denied.status).toBe('denied');
    expect(denied.events.filter((e) => e.kind === 'denied' || e.kind === 'message').map((e) => e.kind)).toEqual(['denied', 'message']);
  });

  it('extends only within the first month, once, with a reason and the notice', () => {
    const extend = { type: 'extend', reason: 'Sehr umfangreiche Datenbestände.', message: msg('extension_notice'), clock };
    const extended = act(base, extend, ctx('2026-12-02T20:00:00Z'));
    expect(extended.events.find((e) => e.kind === 'extended')).toMatchObject({ baseDue: '2026-12-02' });
    expect(refusal(extended, extend, ctx('2026-12-02T21:00:00Z')).code).toBe('already-extended');
    const late = refusal(base, extend, ctx('2026-12-03T08:00:00Z'));
    expect(late.message).toMatch(/first month ended on 2026-12-02/);
    // The console words it from the code and the dates, in the user's language.
    expect(late).toMatchObject({ code: 'extension-too-late', params: { baseDue: '2026-12-02', today: '2026-12-03' } });
    expect(DsarAction.safeParse({ ...extend, reason: '' }).success).toBe(false);
    expect(DsarAction.safeParse({ type: 'extend', reason: 'Sehr umfangreiche Datenbestände.', clock }).success).toBe(false);
  });

  it('marks a duplicate of another request, not of itself or of a duplicate', () => {
    const original = { ...base, id: 'dsr_0' };
    expect(act(base, { type: 'mark_duplicate', of: 'dsr_0' }, ctx(undefined, [], [original]))).toMatchObject({
      status: 'duplicate',
      duplicateOf: 'dsr_0',
    });
    expect(refusal(base, { type: 'mark_duplicate', of: 'dsr_1' }).code).toBe('duplicate-of-itself');
    expect(refusal(base, { type: 'mark_duplicate', of: 'dsr_9' }).issues).toEqual([
      expect.objectContaining({ path: 'of', code: 'invalid-duplicate-target', params: { id: 'dsr_9' } }),
    ]);
    expect(refusal(base, { type: 'mark_duplicate', of: 'dsr_0' }, ctx(undefined, [], [{ ...original, status: 'duplicate' }])).code).toBe(
      'invalid-duplicate-target',
    );
  });

  it('fulfils access with the right job, reviewed items and delivery before completion', () => {
    const working = act(base, { type: 'start' });
    expect(refusal(working, { type: 'start_job', jobId: 'job_1', job: 'erasure' }).code).toBe('wrong-job');
    const started = applyAction(working, DsarAction.parse({ type: 'start_job', jobId: 'job_1', job: 'package' }), ctx());
    expect(started.job).toMatchObject({ id: 'job_1', kind: 'package', dsarId: 'dsr_1' });
    const running = { ...packageJob, state: 'running' as const, result: null };
    expect(refusal(started.dsar, { type: 'deliver', jobId: 'job_1', information: 'Art. 15' }, ctx(undefined, [running])).code).toBe(
      'job-not-ready',
    );
    expect(refusal(started.dsar, { type: 'complete', message: msg('completion'), clock }, ctx(undefined, [packageJob])).code).toBe(
      'not-delivered',
    );

    const c = ctx(undefined, [packageJob]);
    expect(refusal(started.dsar, { type: 'start_job', jobId: 'job_2', job: 'package' }, c).code).toBe('already-fulfilled');
    expect(
      refusal(
        started.dsar,
        { type: 'exclude_item', jobId: 'job_1', category: 'forum_posts', itemId: 'post-9', reason: 'Enthält Daten Dritter.' },
        c,
      ).code,
    ).toBe('unknown-item');
    const excluded = act(
      started.dsar,
      { type: 'exclude_item', jobId: 'job_1', category: 'forum_posts', itemId: 'post-2', reason: 'Enthält Daten Dritter.' },
      c,
    );
    expect([...excludedItems(excluded, 'job_1').keys()]).toEqual(['post-2']);
    const delivered = act(excluded, { type: 'deliver', jobId: 'job_1', information: 'Art. 15' }, c);
    expect(delivered.events.at(-1)).toMatchObject({ kind: 'delivered', excluded: 1 });
    expect(refusal(delivered, { type: 'include_item', jobId: 'job_1', category: 'forum_posts', itemId: 'post-2' }, c).code).toBe(
      'already-delivered',
    );
    expect(act(delivered, { type: 'complete', message: msg('completion'), clock }, c).status).toBe('completed');
  });

  it('a subject without a platform account is answered without a job: no data is held', () => {
    const letter = { ...base, status: 'in_progress' as const, subject: { ...base.subject, userId: null } };
    expect(act(letter, { type: 'complete', message: msg('completion'), clock }).status).toBe('completed');
    expect(act({ ...letter, type: 'erasure' }, { type: 'complete', message: msg('completion'), clock }).status).toBe('completed');
  });

  it('Art. 19 notices only for erasure, rectification and restriction once carried out, once per recipient, dated between receipt and today', () => {
    const erasureJob: Job = { ...packageJob, id: 'job_e', kind: 'erasure', result: { kind: 'erasure', categories: [] } };
    const before = { ...base, type: 'erasure' as const, status: 'in_progress' as const };
    expect(refusal(before, { type: 'inform_recipient', processorId: 'prc_hosting', informedOn: '2026-11-09' }).code).toBe(
      'not-carried-out',
    );
    const erasure = {
      ...before,
      events: [
        ...before.events,
        { id: 'j', at: '2026-11-05T10:00:00Z', actor: 'stf_vogel', kind: 'job_started' as const, jobId: 'job_e', job: 'erasure' as const },
      ],
    };
    const c = ctx(undefined, [erasureJob]);
    const informed = act(erasure, { type: 'inform_recipient', processorId: 'prc_hosting', informedOn: '2026-11-09' }, c);
    expect(informed.events.at(-1)).toMatchObject({ kind: 'recipient_informed', processorId: 'prc_hosting' });
    expect(refusal(informed, { type: 'inform_recipient', processorId: 'prc_hosting', informedOn: '2026-11-09' }, c).code).toBe(
      'already-informed',
    );
    expect(refusal(erasure, { type: 'inform_recipient', processorId: 'prc_x', informedOn: '2026-11-11' }, c).code).toBe(
      'informed-date-out-of-range',
    );
    // Twenty past midnight in Berlin is still the evening before in UTC: "today" is the controller's day.
    const afterMidnight = ctx('2026-11-10T23:20:00Z', [erasureJob]);
    expect(
      act(erasure, { type: 'inform_recipient', processorId: 'prc_x', informedOn: '2026-11-11' }, afterMidnight).events.at(-1),
    ).toMatchObject({ kind: 'recipient_informed', informedOn: '2026-11-11' });
    expect(refusal({ ...erasure, type: 'access' }, { type: 'inform_recipient', processorId: 'prc_x', informedOn: '2026-11-09' }).code).toBe(
      'no-recipient-duty',
    );
  });
});
