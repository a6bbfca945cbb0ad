import { describe, expect, it } from 'vitest';
import { DsarCreate } from '../../../shared/api/dsar';
import type { MessageKind } from '../../../shared/api/dsar-workflow';
import { LetterTemplatesSave } from '../../../shared/api/letter-templates';
import {
  defaultTemplates,
  type MessageContext,
  renderMessage,
  saveTemplates,
  TEMPLATE_VERSIONS_KEPT,
} from '../../../shared/domain/letter-templates';
import { RuleError } from '../../../shared/domain/rules';
import type { MutationContext } from '../../../shared/entities/descriptor';

const ctx = (at = '2026-11-27T10:00:00Z', actor = 'stf_vogel'): MutationContext => ({
  actor,
  at,
  digest: (text: string) => text,
  newId: () => 'x',
  find: () => null,
});
const base = defaultTemplates('de', '2026-01-01T00:00:00Z');
const save = (patch: { kind?: MessageKind; subject?: string; body?: string; signature?: string; note?: string }) => {
  const kind = patch.kind ?? 'acknowledgement';
  return LetterTemplatesSave.parse({
    messages: {
      ...base.messages,
      [kind]: { ...base.messages[kind], ...(patch.subject ? { subject: patch.subject } : {}), ...(patch.body ? { body: patch.body } : {}) },
    },
    signature: patch.signature ?? base.signature,
    note: patch.note ?? '',
  });
};
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleError) return { code: error.code, path: error.issues[0]?.path, params: error.params };
    throw error;
  }
  throw new Error('not refused');
};
const context: MessageContext = {
  subjectName: 'Jürgen Weiß',
  requestId: 'dsr_42',
  type: 'erasure',
  receivedOn: '2026-11-02',
  dueDate: '2026-12-02',
  controllerName: 'Lernwerk Akademie GmbH',
  delivered: false,
  delivery: 'email',
};

describe('letter templates', () => {
  it('save a new version and keep the one they replace whole, with who and why', () => {
    const next = saveTemplates(
      base,
      save({ signature: 'Viele Grüße\nIhr Datenschutzteam, {{controller}}', note: 'Neue Grußformel' }),
      ctx(),
    );
    expect(next).toMatchObject({
      signature: 'Viele Grüße\nIhr Datenschutzteam, {{controller}}',
      savedBy: 'stf_vogel',
      note: 'Neue Grußformel',
    });
    expect(next.history).toEqual([
      { version: 1, savedAt: base.updatedAt, savedBy: 'platform', note: '', messages: base.messages, signature: base.signature },
    ]);
    // Nothing changed: nothing to save (the console queues no write).
    expect(saveTemplates(next, save({ signature: next.signature }), ctx())).toBe(next);
  });

  it('keep the last versions only', () => {
    let doc = base;
    for (let n = 0; n < TEMPLATE_VERSIONS_KEPT + 5; n++) {
      doc = { ...saveTemplates(doc, save({ signature: `Grüße ${n}\n{{controller}}` }), ctx()), version: doc.version + 1 };
    }
    expect(doc.history).toHaveLength(TEMPLATE_VERSIONS_KEPT);
    expect(doc.history.at(-1)?.signature).toBe(`Grüße ${TEMPLATE_VERSIONS_KEPT + 3}\n{{controller}}`);
  });

  it('refuse a subject without the request id and an acknowledgement without the date', () => {
    expect(refusal(() => saveTemplates(base, save({ kind: 'denial', subject: 'Ihr Antrag' }), ctx()))).toEqual({
      code: 'placeholder-required',
      path: 'messages.denial.subject',
      params: { placeholder: '{{requestId}}' },
    });
    expect(refusal(() => saveTemplates(base, save({ body: 'Guten Tag {{name}}, wir melden uns.' }), ctx()))).toMatchObject({
      code: 'placeholder-required',
      path: 'messages.acknowledgement.body',
      params: { placeholder: '{{dueDate}}' },
    });
  });

  it('refuse a placeholder the console cannot fill, wherever it stands', () => {
    expect(refusal(() => saveTemplates(base, save({ kind: 'completion', body: 'Hallo {{vorname}}' }), ctx()))).toEqual({
      code: 'unknown-placeholder',
      path: 'messages.completion.body',
      params: { placeholder: '{{vorname}}' },
    });
    expect(refusal(() => saveTemplates(base, save({ signature: 'Gruß {{ absender }}' }), ctx()))).toMatchObject({
      code: 'unknown-placeholder',
      path: 'signature',
    });
  });

  it("draft from the team's text and signature, in the subject's language", () => {
    const team = saveTemplates(
      base,
      save({ kind: 'acknowledgement', body: 'Hallo {{name}}, Antwort bis {{dueDate}}.', signature: 'Ihr Team von {{controller}}' }),
      ctx(),
    );
    const message = renderMessage(team, 'acknowledgement', 'de', context);
    expect(message).toMatchObject({
      subject: 'Ihr Antrag auf Löschung (Art. 17 DSGVO) – dsr_42',
      body: 'Hallo Jürgen Weiß, Antwort bis 2. Dezember 2026.',
      closing: 'Ihr Team von Lernwerk Akademie GmbH',
      delivery: 'email',
    });
    // Another language's document is not used for this one: the defaults stand in.
    expect(renderMessage(team, 'acknowledgement', 'en', context).body).toMatch(/^Dear Jürgen Weiß,/);
  });

  it('say what goes with the message the way it travels', () => {
    expect(renderMessage(base, 'completion', 'de', { ...context, delivered: true, delivery: 'post' }).body).toContain(
      'liegt diesem Schreiben auf einem Datenträger bei',
    );
    expect(renderMessage(base, 'completion', 'de', { ...context, delivered: false }).body).not.toMatch(/liegt| {2}/);
  });
});

describe('a request by letter', () => {
  const letter = {
    id: 'dsr_1',
    type: 'access',
    channel: 'letter',
    receivedAt: '2026-11-20T09:00:00Z',
    subject: { userId: null, name: 'Erika Muster', email: null, locale: 'de', address: null },
  };
  it('may come without an e-mail address, but then needs a postal one', () => {
    const problems = DsarCreate.safeParse(letter).error?.issues.map((i) => [
      i.path.join('.'),
      (i as { params?: { problem?: string } }).params?.problem,
    ]);
    expect(problems).toEqual([['subject.address', 'no-postal-address']]);
    expect(DsarCreate.safeParse({ ...letter, subject: { ...letter.subject, address: 'Am Markt 1, 04109 Leipzig' } }).success).toBe(true);
  });
  it('by e-mail always has the address it came from', () => {
    const problems = DsarCreate.safeParse({
      ...letter,
      channel: 'email',
      subject: { ...letter.subject, address: 'Am Markt 1, 04109 Leipzig' },
    }).error?.issues.map((i) => i.path.join('.'));
    expect(problems).toEqual(['subject.email']);
  });
});
