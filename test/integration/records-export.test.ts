import { describe, expect, it } from 'vitest';
import { toWinAnsi } from '../../electron/exports/pdf-text';
import { demoActivities } from '../../sandbox/seed/activities';
import { demoProcessors } from '../../sandbox/seed/processors';
import { exportsOf } from '../support/exports';
import { pdfText } from '../support/pdf-text';
import { workspacePerTest } from '../support/workspace';

const ws = workspacePerTest();

const controller = {
  controllerName: 'Lernwerk Akademie GmbH',
  controllerAddress: 'Friedrichstraße 100, 10117 Berlin',
  controllerContact: 'datenschutz@lernwerk-akademie.de',
  dpoName: 'Dr. Katrin Vogel',
  dpoContact: 'dsb@lernwerk-akademie.de',
};

describe('records of processing export', () => {
  it('refuses to export without the controller and DPO details', async () => {
    await expect(ws.app.call('records.export', { format: 'pdf', language: 'de' })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: expect.arrayContaining([expect.objectContaining({ path: 'dpoName' })]),
    });
  });

  it('CSV: one row per activity with (a)-(g), the linked processors and their transfers', async () => {
    await ws.app.call('controller.update', controller);
    const file = await ws.app.call('records.export', { format: 'csv', language: 'de' });
    expect(file.fileName).toMatch(/^verarbeitungsverzeichnis-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = Buffer.from(file.base64, 'base64').toString('utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('(g) Technische und organisatorische Maßnahmen');
    expect(lines).toHaveLength(1 + 9);
    const payments = lines.find((line) => line.includes('Zahlungen und Rechnungen')) ?? '';
    expect(payments).toContain('Zahlwerk Payments Europe Ltd. (Auftragsverarbeiter, IE, US)');
    // Dates in the export's language; the entry's state with its review.
    expect(payments).toContain('Transfer-Folgenabschätzung 20.06.2025');
    expect(payments).toContain('Version 1, 20.01.2026; zuletzt geprüft 20.01.2026');
    // Handling data-subject requests is itself a processing activity.
    expect(lines.some((line) => line.includes('Bearbeitung von Betroffenenanfragen'))).toBe(true);
    expect(payments).toContain('Standardvertragsklauseln 2021/914 (Art. 46 Abs. 2 lit. c DSGVO), Modul 3');
    expect(payments).toContain('8 Jahre (§ 147 Abs. 3 AO, § 257 Abs. 4 HGB)');
    expect(payments).toContain('Lernwerk Akademie GmbH');
  });

  it('PDF: the record an authority reads, with a newly linked processor in it; the export is logged', async () => {
    await ws.app.call('controller.update', controller);
    const { id: _i, version: _v, updatedAt: _u, ...template } = demoProcessors[1];
    const processor = await ws.app.call('processor.create', {
      ...template,
      legalName: 'Tutorbot Labs Inc.',
      countries: ['US'],
      transfer: { mechanism: 'scc', sccModule: '2', tiaDate: '2026-11-20' },
    });
    await ws.app.call('activity.update', { id: 'act_support', patch: { recipientIds: ['prc_support-helpdesk', processor.id] } });
    await ws.app.call('sync.now');

    const file = await ws.app.call('records.export', { format: 'pdf', language: 'en' });
    const pdf = Buffer.from(file.base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Records of processing activities');
    expect(text).toContain('Lernwerk Akademie GmbH');
    expect(text).toContain('Processing activity: Kundensupport');
    expect(text).toContain('Tutorbot Labs Inc. -> US: Standard contractual clauses 2021/914');
    expect(text).toMatch(/Page 1 \/ \d+/);

    const log = await exportsOf(ws.app);
    expect(log[0]).toMatchObject({
      kind: 'records_of_processing',
      format: 'pdf',
      fileName: file.fileName,
      sha256: file.sha256,
      actor: 'stf_vogel',
    });
  });

  it('PDF in German: German throughout, shared measures printed once, the representative, each entry with its review and history', async () => {
    await ws.app.call('controller.update', { ...controller, representative: '' });
    await ws.app.call('activity.update', { id: 'act_support', patch: { purpose: 'Kundensupport per Ticket, Chat und Telefon.' } });
    await ws.app.call('sync.now');
    let text = pdfText(Buffer.from((await ws.app.call('records.export', { format: 'pdf', language: 'de' })).base64, 'base64'));
    expect(text).toContain('Verzeichnis von Verarbeitungstätigkeiten');
    expect(text).not.toContain('Vertreter in der Union');
    // The activities that name the same five measures refer to one catalogue; the request handling to it and two more.
    expect(text.match(/siehe Maßnahmenkatalog 1 im Anhang/g)?.length).toBe(demoActivities.length);
    expect(text.match(/zusätzlich:/g)?.length).toBe(1);
    expect(text.match(/Transportverschlüsselung \(TLS 1\.3\)/g)?.length).toBe(1);
    expect(text).toContain('Anhang: Technische und organisatorische Maßnahmen');
    expect(text).toContain('Keine Speicherung von Ausweiskopien');
    expect(text).toContain('Dr. Katrin Vogel: Zweck');
    expect(text).toContain('Dr. Katrin Vogel: angelegt');
    expect(text).toMatch(/Version 2, \d{2}\.\d{2}\.\d{4} · zuletzt geprüft 20\.01\.2026/);
    expect(text).toContain('Eigenständig Verantwortlicher');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    await ws.app.call('controller.update', { ...controller, representative: 'EU-Rep GmbH, Berlin' });
    text = pdfText(Buffer.from((await ws.app.call('records.export', { format: 'pdf', language: 'en' })).base64, 'base64'));
    expect(text).toContain('(a) Representative in the Union (Art. 27)');
    expect(text).toContain('EU-Rep GmbH, Berlin');
    expect(text).toContain('see catalogue of measures 1 in the annex');
    expect(text).toContain('Independent controller');
  });

  it('prints what standard PDF fonts cannot encode as the nearest letters', () => {
    expect(toWinAnsi('Mehmet Yıldız → Łódź, Grüße – € ß')).toBe('Mehmet Yildiz -> Lódz, Grüße – € ß');
  });
});
