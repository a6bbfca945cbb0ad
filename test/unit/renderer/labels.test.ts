// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { registerCsv } from '../../../electron/dsar/register-csv';
import { resources } from '../../../renderer/i18n';
import { DsarPriority, DsarStatus, DsarType } from '../../../shared/api/dsar';
import { labels } from '../../../shared/domain/labels';
import type { QueueRow } from '../../../shared/ipc/contract';

const row: QueueRow = {
  id: 'dsr_1',
  type: 'access',
  status: 'new',
  subjectName: 'A',
  subjectEmail: 'a@b.de',
  receivedAt: '2026-11-02T09:00:00.000Z',
  dueDate: '2026-12-02',
  clockPaused: false,
  assigneeId: null,
  priority: 'normal',
  pending: false,
};

describe('one name per value, on screen and in the exports', () => {
  it.each(['de', 'en'] as const)('the register CSV names every status, type and priority from the label table (%s)', (language) => {
    const names = labels[language];
    const cells = (r: QueueRow) => registerCsv([r], language, { staffNames: new Map(), today: '2026-11-27' }).split('\r\n')[1].split(';');
    for (const status of DsarStatus.options) expect(cells({ ...row, status })[2]).toBe(names.dsarStatus[status]);
    for (const type of DsarType.options) expect(cells({ ...row, type })[1]).toBe(names.dsarType[type]);
    for (const priority of DsarPriority.options) expect(cells({ ...row, priority })[9]).toBe(names.priority[priority]);
  });

  it('no name is left untranslated: German and English differ where the words differ', () => {
    const same = Object.entries(labels.de).flatMap(([group, names]) =>
      Object.entries(names as Record<string, string>)
        .filter(([value, name]) => name === (labels.en as unknown as Record<string, Record<string, string>>)[group][value])
        .map(([value]) => `${group}.${value}`),
    );
    // Words that are the same in both languages (and the DPA clauses' letters are not: they are long texts).
    expect(
      same.every((key) =>
        /priority\.normal|field\.name|serviceCategory\.support|field\.tags|breachFamily\.ransomware|reportChannel\.(post|fax)|taskPhase\.review|role\.admin|reportGap\.reference|entity\.playbook/.test(
          key,
        ),
      ),
    ).toBe(true);
  });

  it('no feature text hides a shell text: screens look those up after their own namespace', () => {
    const leaves = (value: object, prefix = ''): string[] =>
      Object.entries(value).flatMap(([key, inner]) =>
        typeof inner === 'string' ? [`${prefix}${key}`] : leaves(inner, `${prefix}${key}.`),
      );
    const { common, ...own } = resources().de;
    const shared = new Set(leaves(common));
    for (const [namespace, texts] of Object.entries(own))
      expect([namespace, leaves(texts).filter((key) => shared.has(key))]).toEqual([namespace, []]);
  });
});
