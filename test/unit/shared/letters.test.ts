import { describe, expect, it } from 'vitest';
import type { Dsar } from '../../../shared/api/dsar';
import { DsarAction, type DsarEvent, type LetterPart, type Message, type MessageKind } from '../../../shared/api/dsar-workflow';
import type { Job } from '../../../shared/api/jobs';
import { applyAction, type WorkflowContext } from '../../../shared/domain/dsar-workflow';
import { renderMessage } from '../../../shared/domain/letter-templates';
import { letterText } from '../../../shared/domain/letters';
import { RuleError } from '../../../shared/domain/rules';

const clock = { region: 'DE-BE', timeZone: 'Europe/Berlin', pausePolicy: 'none' } as const;
const received: DsarEvent = { id: 'e0', at: '2026-11-02T09:00:00Z', actor: 'subject', kind: 'received', channel: 'email' };
const request = (over: Partial<Dsar> = {}): Dsar => ({
  id: 'dsr_1',
  version: 1,
  updatedAt: '2026-11-02T09:00:00Z',
  type: 'access',
  status: 'in_progress',
  subject: { userId: 'usr_1', name: 'Jürgen Weiß', email: 'j.weiss@web.de', locale: 'de', address: null },
  channel: 'email',
  receivedAt: '2026-11-02T09:00:00Z',
  assigneeId: null,
  priority: 'normal',
  notes: '',
  tags: [],
  duplicateOf: null,
  events: [received],
  ...over,
});
const context = (jobs: Job[] = []): WorkflowContext => ({
  actor: 'stf_vogel',
  at: '2026-11-20T10:00:00Z',
  digest: (text: string) => text,
  newId: () => crypto.randomUUID(),
  find: ((entity: string, id: string) => (entity === 'job' ? (jobs.find((j) => j.id === id) ?? null) : null)) as WorkflowContext['find'],
});

/** The template's text, or the officer's edit that leaves everything out. */
const messages = (kind: MessageKind, locale: 'de' | 'en' = 'de'): [string, Message][] => [
  [
    'as drafted',
    renderMessage(null, kind, locale, {
      subjectName: 'Jürgen Weiß',
      requestId: 'dsr_1',
      type: 'access',
      receivedOn: '2026-11-02',
      dueDate: '2026-12-02',
      controllerName: 'Lernwerk Akademie GmbH',
      delivered: false,
      delivery: 'email',
    }),
  ],
  ['edited down to one word', { kind, locale, subject: 'Hallo', body: 'Kurz.', closing: '', delivery: 'email' }],
];

/** The letter the step sends: its required parts and its whole text. */
function sent(dsar: Dsar, action: unknown, jobs: Job[] = []): { parts: LetterPart[]; text: string } {
  const next = applyAction(dsar, DsarAction.parse(action), context(jobs)).dsar;
  const letter = next.events.findLast((e) => e.kind === 'message');
  if (letter?.kind !== 'message') throw new Error('no letter sent');
  return { parts: letter.parts, text: letterText(letter.message, letter.parts) };
}
const kinds = (parts: LetterPart[]) => parts.map((p) => p.kind);

describe('letters carry what the law requires, whatever the officer edits', () => {
  describe.each(['acknowledgement', 'identity_request', 'clarification_request'] as const)('%s', (kind) => {
    const type = { acknowledgement: 'acknowledge', identity_request: 'request_identity', clarification_request: 'request_clarification' }[
      kind
    ];
    it.each(messages(kind))('%s: no required part, the text as written', (_, message) => {
      const letter = sent(request({ status: 'new' }), { type, message });
      expect(letter.parts).toEqual([]);
      expect(letter.text).toContain(message.body);
    });
  });

  describe('denial (Art. 12(4), (5); Arts. 77, 79)', () => {
    it.each(messages('denial'))('%s: the reasons, the Land’s authority and the judicial remedy', (_, message) => {
      const letter = sent(request(), { type: 'deny', reason: 'excessive', explanation: 'Vierter Antrag in drei Monaten.', message, clock });
      expect(kinds(letter.parts)).toEqual(['reasons', 'complaint', 'judicial_remedy']);
      expect(letter.text).toContain('Art. 12 Abs. 5');
      expect(letter.text).toContain('Vierter Antrag in drei Monaten.');
      expect(letter.text).toContain('Berliner Beauftragte für Datenschutz und Informationsfreiheit');
      expect(letter.text).toContain('Art. 79');
    });

    it('in the person’s language, with the authority of the controller’s Land', () => {
      const [, message] = messages('denial', 'en')[1];
      const letter = sent(request(), {
        type: 'deny',
        reason: 'identity_not_established',
        explanation: 'No confirmation within two weeks.',
        message,
        clock: { ...clock, region: 'DE-BY' },
      });
      expect(letter.text).toContain('Bayerisches Landesamt für Datenschutzaufsicht');
      expect(letter.text).toMatch(/judicial remedy/);
      expect(letter.text).toContain('We could not identify you');
    });

    it('is refused where the Land’s authority is unknown', () => {
      const [, message] = messages('denial')[1];
      const action = {
        type: 'deny',
        reason: 'excessive',
        explanation: 'Vierter Antrag.........',
        message,
        clock: { ...clock, region: 'DE-XX' },
      };
      expect(() => sent(request(), action)).toThrow(RuleError);
    });
  });

  describe('extension notice (Art. 12(3))', () => {
    it.each(messages('extension_notice'))('%s: the reasons and the new date', (_, message) => {
      const letter = sent(request(), { type: 'extend', reason: 'Umfangreiche Daten aus mehreren Systemen.', message, clock });
      expect(kinds(letter.parts)).toEqual(['reasons', 'new_due_date']);
      expect(letter.text).toContain('Umfangreiche Daten aus mehreren Systemen.');
      expect(letter.text).toContain('2. Februar 2027');
    });

    it('by one further month, the date one month earlier', () => {
      const [, message] = messages('extension_notice', 'en')[1];
      const letter = sent(request(), { type: 'extend', reason: 'Many requests at once.', months: 1, message, clock });
      expect(letter.text).toContain('4 January 2027'); // 2 January 2027 is a Saturday
    });
  });

  describe('completion', () => {
    const erasureJob: Job = {
      id: 'job_e',
      version: 4,
      updatedAt: '2026-11-10T10:00:00Z',
      dsarId: 'dsr_1',
      kind: 'erasure',
      state: 'succeeded',
      progress: 1,
      step: null,
      error: null,
      result: {
        kind: 'erasure',
        categories: [
          { category: 'forum_posts', outcome: 'erased', records: 4, legalBasis: null, until: null },
          { category: 'invoices', outcome: 'restricted', records: 2, legalBasis: '§ 147 Abs. 1 Nr. 4 AO', until: '2034-12-31' },
        ],
      },
    };
    const started = (job: Job): DsarEvent => ({
      id: 'e1',
      at: '2026-11-05T10:00:00Z',
      actor: 'stf_vogel',
      kind: 'job_started',
      jobId: job.id,
      job: job.kind,
    });

    it.each(messages('completion'))(
      '%s, after a partly refused erasure: what was kept, why and until when (Art. 17(3)(b))',
      (_, message) => {
        const dsar = request({ type: 'erasure', events: [received, started(erasureJob)] });
        const letter = sent(dsar, { type: 'complete', message, clock }, [erasureJob]);
        expect(kinds(letter.parts)).toEqual(['restricted', 'complaint', 'judicial_remedy']);
        expect(letter.text).toMatch(/Rechnungen: § 147 Abs\. 1 Nr\. 4 AO, aufzubewahren bis 31\. Dezember 2034/);
        expect(letter.text).not.toContain('Forenbeiträge');
      },
    );

    it.each(messages('completion'))('%s, after access with an item withheld: the item and its ground (Art. 15(4))', (_, message) => {
      const packageJob: Job = {
        ...erasureJob,
        id: 'job_p',
        kind: 'package',
        result: {
          kind: 'package',
          categories: [{ category: 'messages', count: 1, items: [{ id: 'msg-1', label: 'Nachricht an M. Kaya', detail: '', fields: {} }] }],
        },
      };
      const events: DsarEvent[] = [
        received,
        started(packageJob),
        {
          id: 'e2',
          at: '2026-11-06T10:00:00Z',
          actor: 'stf_vogel',
          kind: 'item_excluded',
          jobId: 'job_p',
          category: 'messages',
          itemId: 'msg-1',
          reason: 'Enthält Daten Dritter.',
        },
        {
          id: 'e3',
          at: '2026-11-07T10:00:00Z',
          actor: 'stf_vogel',
          kind: 'delivered',
          jobId: 'job_p',
          sha256: 'ab',
          bytes: 10,
          files: [],
          excluded: 1,
        },
      ];
      const letter = sent(request({ events }), { type: 'complete', message, clock }, [packageJob]);
      expect(kinds(letter.parts)).toEqual(['withheld', 'complaint', 'judicial_remedy']);
      expect(letter.text).toContain('Nachrichten: Nachricht an M. Kaya – Enthält Daten Dritter.');
    });

    it.each(messages('completion'))('%s, for a person without an account: that no data is held', (_, message) => {
      const dsar = request({ subject: { ...request().subject, userId: null } });
      const letter = sent(dsar, { type: 'complete', message, clock });
      expect(kinds(letter.parts)).toEqual(['no_data']);
    });

    it('promises attachments only when a copy was delivered', () => {
      const base = {
        subjectName: 'A',
        requestId: 'dsr_1',
        type: 'access' as const,
        receivedOn: '2026-11-02',
        dueDate: '2026-12-02',
        controllerName: 'L',
        delivery: 'email' as const,
      };
      expect(renderMessage(null, 'completion', 'de', { ...base, delivered: true }).body).toContain('liegt dieser Nachricht bei');
      expect(renderMessage(null, 'completion', 'de', { ...base, delivered: true, delivery: 'post' }).body).toContain(
        'liegt diesem Schreiben auf einem Datenträger bei',
      );
      expect(renderMessage(null, 'completion', 'de', { ...base, delivered: false }).body).not.toMatch(/Anlage|liegt .* bei/);
      expect(renderMessage(null, 'completion', 'en', { ...base, delivered: false }).body).not.toMatch(/attach/);
    });
  });

  it('the letter reads in order: the text, the required parts, the closing', () => {
    const message: Message = {
      kind: 'denial',
      locale: 'de',
      subject: 'S',
      body: 'Guten Tag',
      closing: 'Mit freundlichen Grüßen',
      delivery: 'email',
    };
    const { text } = sent(request(), { type: 'deny', reason: 'excessive', explanation: 'Vierter Antrag in drei Monaten.', message, clock });
    expect(text.indexOf('Guten Tag')).toBe(0);
    expect(text.indexOf('Gründe')).toBeGreaterThan(0);
    expect(text.endsWith('Mit freundlichen Grüßen')).toBe(true);
  });
});

describe('letters by post (Art. 12(1): in writing)', () => {
  const byLetter = request({
    channel: 'letter',
    subject: { userId: null, name: 'Erika Muster', email: null, locale: 'de', address: 'Am Markt 1, 04109 Leipzig' },
  });
  const denial = (delivery: 'email' | 'post'): Message => ({
    kind: 'denial',
    locale: 'de',
    subject: 'Ihr Antrag – dsr_1',
    body: 'Guten Tag',
    closing: 'Mit freundlichen Grüßen',
    delivery,
  });
  const deny = (delivery: 'email' | 'post') => ({
    type: 'deny',
    reason: 'excessive',
    explanation: 'Vierter Antrag in drei Monaten.',
    message: denial(delivery),
    clock,
  });

  it('carry the same required parts as an e-mail, and say that they went by post', () => {
    const next = applyAction(byLetter, DsarAction.parse(deny('post')), context()).dsar;
    const letter = next.events.findLast((e) => e.kind === 'message');
    expect(letter?.kind === 'message' && letter.message.delivery).toBe('post');
    expect(letter?.kind === 'message' && kinds(letter.parts)).toEqual(['reasons', 'complaint', 'judicial_remedy']);
  });

  it('are the only way to a person without an e-mail address, and need an address themselves', () => {
    expect(() => applyAction(byLetter, DsarAction.parse(deny('email')), context())).toThrow(expect.objectContaining({ code: 'no-email' }));
    const nowhere = request({ subject: { ...request().subject, address: null } });
    expect(() => applyAction(nowhere, DsarAction.parse(deny('post')), context())).toThrow(
      expect.objectContaining({ code: 'no-postal-address' }),
    );
  });

  it('leave out identity checks that need what the person does not have', () => {
    const check = (method: string) => () =>
      applyAction(
        { ...byLetter, status: 'identity_pending' },
        DsarAction.parse({ type: 'record_identity', method, outcome: 'verified' }),
        context(),
      );
    expect(check('email_confirmation')).toThrow(expect.objectContaining({ code: 'no-email' }));
    expect(check('postal_confirmation')().dsar.status).toBe('in_progress');
  });
});
