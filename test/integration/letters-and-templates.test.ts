import { describe, expect, it } from 'vitest';
import { exportsOf } from '../support/exports';
import { pdfText } from '../support/pdf-text';
import { workspacePerTest } from '../support/workspace';

const ws = workspacePerTest(40);

const controller = {
  controllerName: 'Lernwerk Akademie GmbH',
  controllerAddress: 'Friedrichstraße 100, 10117 Berlin',
  controllerContact: 'datenschutz@lernwerk-akademie.de',
  dpoName: 'Dr. Katrin Vogel',
  dpoContact: 'dsb@lernwerk-akademie.de',
};

/** A request that came by letter from someone without an account or an e-mail address. */
async function letterRequest() {
  const { dsar } = await ws.app.call('dsar.create', {
    type: 'access',
    channel: 'letter',
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    subject: { userId: null, name: 'Erika Mustermann', email: null, locale: 'de', address: 'Am Markt 1, 04109 Leipzig' },
    notes: 'Schreiben vom 20.11., bittet um Auskunft.',
  });
  return dsar;
}

describe('letters by post', () => {
  it('a request by letter without e-mail: replies are drafted for the post and printed as a PDF letter with their required parts', async () => {
    await ws.app.call('controller.update', controller);
    const dsar = await letterRequest();
    // Drafted for the post unless asked otherwise; a copy on a data carrier is promised only by post.
    const draft = await ws.app.call('dsar.draftMessage', { id: dsar.id, kind: 'denial', delivery: 'post' });
    expect(draft).toMatchObject({ delivery: 'post', locale: 'de' });
    await expect(
      ws.app.call('dsar.act', {
        id: dsar.id,
        action: { type: 'acknowledge', message: { ...draft, kind: 'acknowledgement', delivery: 'email' } },
      }),
    ).rejects.toMatchObject({ problem: 'no-email' });

    const detail = await ws.app.call('dsar.act', {
      id: dsar.id,
      action: {
        type: 'deny',
        reason: 'identity_not_established',
        explanation: 'Die Angaben im Schreiben passen zu keinem Kunden.',
        message: draft,
        clock: await ws.app.call('clock.get'),
      },
    });
    await ws.app.call('sync.now');
    const sent = (await ws.app.call('dsar.get', { id: dsar.id }))?.dsar.events.findLast((e) => e.kind === 'message');
    if (sent?.kind !== 'message') throw new Error('no letter');
    expect(detail.dsar.status).toBe('denied');
    expect(sent.message.delivery).toBe('post');

    const file = await ws.app.call('dsar.letter', { id: dsar.id, eventId: sent.id });
    expect(file).toMatchObject({ mimeType: 'application/pdf', fileName: expect.stringMatching(/^dsr_\w+-denial-\d{4}-\d{2}-\d{2}\.pdf$/) });
    const text = pdfText(Buffer.from(file.base64, 'base64'));
    for (const line of [
      'Erika Mustermann',
      'Am Markt 1',
      '04109 Leipzig',
      'Friedrichstraße 100',
      draft.subject.split(' – ')[0],
      'Gründe',
      'Beschwerderecht (Art. 77 DSGVO)',
      'Gerichtlicher Rechtsbehelf (Art. 79 DSGVO)',
      'Mit freundlichen Grüßen',
    ]) {
      expect(text, line).toContain(line);
    }
    expect(text).toContain('Wir konnten Sie nicht als betroffene Person identifizieren');
    expect((await exportsOf(ws.app))[0]).toMatchObject({ kind: 'dsar_letter', format: 'pdf', sha256: file.sha256 });
  });

  it('a letterhead needs the controller: without its address the letter is refused in words', async () => {
    const dsar = await letterRequest();
    const draft = await ws.app.call('dsar.draftMessage', { id: dsar.id, kind: 'acknowledgement', delivery: 'post' });
    await ws.app.call('dsar.act', { id: dsar.id, action: { type: 'acknowledge', message: draft } });
    await ws.app.call('sync.now');
    const sent = (await ws.app.call('dsar.get', { id: dsar.id }))?.dsar.events.findLast((e) => e.kind === 'message');
    await expect(ws.app.call('dsar.letter', { id: dsar.id, eventId: sent?.id ?? '' })).rejects.toMatchObject({
      problem: 'controller-address-missing',
    });
  });

  it('a person without an e-mail address and without a postal address cannot be recorded', async () => {
    await expect(
      ws.app.call('dsar.create', {
        type: 'access',
        channel: 'letter',
        receivedAt: new Date().toISOString(),
        subject: { userId: null, name: 'Niemand', email: null, locale: 'de', address: null },
      }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: 'subject.address', code: 'no-postal-address' })] });
  });
});

describe("the team's letter templates", () => {
  it('are versioned on the platform, used for every new draft, and keep what a letter needs', async () => {
    const first = await ws.app.call('templates.get', { locale: 'de' });
    if (!first) throw new Error('no templates');
    expect(first).toMatchObject({ id: 'tpl_de', version: 1, history: [] });

    await expect(
      ws.app.call('templates.save', {
        locale: 'de',
        messages: { ...first.messages, completion: { ...first.messages.completion, subject: 'Erledigt' } },
        signature: first.signature,
      }),
    ).rejects.toMatchObject({
      problem: 'placeholder-required',
      issues: [expect.objectContaining({ path: 'messages.completion.subject' })],
    });

    const saved = await ws.app.call('templates.save', {
      locale: 'de',
      messages: {
        ...first.messages,
        acknowledgement: { ...first.messages.acknowledgement, body: 'Hallo {{name}}, wir antworten bis {{dueDate}}.' },
      },
      signature: 'Herzliche Grüße\nDatenschutzteam der {{controller}}',
      note: 'Freundlicherer Ton',
    });
    expect(saved).toMatchObject({ pending: true, note: 'Freundlicherer Ton' });
    await ws.app.call('sync.now');
    const synced = await ws.app.call('templates.get', { locale: 'de' });
    expect(synced).toMatchObject({ version: 2, pending: false, savedBy: 'stf_vogel', history: [{ version: 1, savedBy: 'platform' }] });
    expect(ws.platform.sandbox.store.get('template', 'tpl_de')).toMatchObject({ version: 2, note: 'Freundlicherer Ton' });

    const rows = (await ws.app.call('dsar.list', { statuses: [], limit: 200 })).rows;
    const german = (await Promise.all(rows.map((r) => ws.app.call('dsar.get', { id: r.id })))).find((d) => d?.dsar.subject.locale === 'de');
    if (!german) throw new Error('no German request');
    const draft = await ws.app.call('dsar.draftMessage', { id: german.dsar.id, kind: 'acknowledgement' });
    expect(draft.body).toMatch(/^Hallo .+, wir antworten bis \d{1,2}\. \w+ \d{4}\.$/);
    expect(draft.closing).toMatch(/^Herzliche Grüße\nDatenschutzteam der /);
  });
});
