import { describe, expect, it } from 'vitest';
import { article15Text } from '../../../../electron/dsar/article15-text';
import { registerCsv } from '../../../../electron/dsar/register-csv';
import { demoActivities } from '../../../../sandbox/seed/activities';
import { demoProcessors } from '../../../../sandbox/seed/processors';
import { platformSubjectCategories, registryNamesOf } from '../../../../shared/domain/data-categories';
import { article15Information, processorsHolding } from '../../../../shared/domain/registry-queries';

describe('Art. 15(1) information for the data package', () => {
  const info = article15Information(platformSubjectCategories, demoProcessors, demoActivities);

  it('covers (a) to (h) in the subject language, with the legal bases and the safeguards of third-country recipients', () => {
    const de = article15Text(info, 'de');
    for (const heading of [
      'a) Verarbeitungszwecke',
      'b) Kategorien',
      'c) Empfänger',
      'd) Speicherdauer',
      'e) Ihre Rechte',
      'f) Beschwerderecht',
      'g) Herkunft',
      'h) Eine automatisierte',
    ])
      expect(de).toContain(heading);
    expect(de).toMatch(/Art\. 6\(1\)\(b\)/);
    expect(de).toMatch(/Drittland: US; Garantie: Standardvertragsklauseln/);
    expect(de).toContain('Rechnungsdaten');
    const en = article15Text(info, 'en');
    expect(en).toContain('(c) Recipients');
    expect(en).toMatch(/third country: [A-Z, ]+; safeguard: (standard contractual clauses|adequacy decision)/);
  });

  it('names the EU-US Data Privacy Framework for a certified US recipient under adequacy, and no safeguard for an unchecked one', () => {
    const line = (text: string) => text.split('\n').find((l) => l.startsWith('- Streamcraft')) ?? '';
    expect(line(article15Text(info, 'de'))).toContain('Garantie: Angemessenheitsbeschluss zum EU-US Data Privacy Framework vom 10.07.2023');
    expect(line(article15Text(info, 'en'))).toContain('safeguard: adequacy decision on the EU-US Data Privacy Framework of 10 July 2023');
    const unchecked = article15Information(
      platformSubjectCategories,
      demoProcessors.map((p) => (p.id === 'prc_video-streamcraft' ? { ...p, transfer: { ...p.transfer, dpfCertified: null } } : p)),
      demoActivities,
    );
    expect(line(article15Text(unchecked, 'en'))).toBe('- Streamcraft Video, Inc. (third country: US)');
  });

  it('the erasure of every platform category reaches the processors the registry links to them (Art. 19)', () => {
    const names = processorsHolding(registryNamesOf(['invoices', 'messages']), demoProcessors, demoActivities).map((p) => p.legalName);
    expect(names).toContain('Helpdesk Cloud Europe B.V.');
    expect(names.length).toBeGreaterThan(1);
  });
});

describe('register CSV', () => {
  it('one row per request with days left for open ones, in the chosen language', () => {
    const row = {
      id: 'dsr_1',
      type: 'erasure' as const,
      status: 'in_progress' as const,
      subjectName: 'Jürgen "Jü" Weiß',
      subjectEmail: 'j@web.de',
      receivedAt: '2026-11-02T09:00:00.000Z',
      dueDate: '2026-12-02',
      clockPaused: false,
      assigneeId: 'stf_vogel',
      priority: 'high' as const,
      pending: false,
    };
    const csv = registerCsv([row, { ...row, id: 'dsr_2', status: 'completed' }], 'de', {
      staffNames: new Map([['stf_vogel', 'Dr. Katrin Vogel']]),
      today: '2026-11-27',
    });
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe(
      'dsr_1;Löschung (Art. 17);In Bearbeitung;"Jürgen ""Jü"" Weiß";j@web.de;2026-11-02T09:00:00.000Z;2026-12-02;5;Dr. Katrin Vogel;Hoch',
    );
    expect(lines[2].split(';')[7]).toBe('');
  });
});
