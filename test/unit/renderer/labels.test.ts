// @vitest-environment jsdom
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerCsv } from '../../../electron/dsar/register-csv';
import { features } from '../../../renderer/features';
import { resources } from '../../../renderer/i18n';
import { DsarPriority, DsarStatus, DsarType } from '../../../shared/api/dsar';
import type { QueueRow } from '../../../shared/ipc/contract';

const screens = i18next.createInstance();
beforeAll(async () => {
  await screens.init({
    resources: resources(),
    lng: 'de',
    ns: ['common', 'labels', ...features.map((f) => f.namespace)],
    defaultNS: 'common',
    fallbackNS: ['labels', 'common'],
  });
});

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
  it.each(['de', 'en'] as const)('the register CSV names every status, type and priority as the queue does (%s)', async (language) => {
    await screens.changeLanguage(language);
    const t = screens.getFixedT(language, 'dsar');
    const cells = (r: QueueRow) => registerCsv([r], language, { staffNames: new Map(), today: '2026-11-27' }).split('\r\n')[1].split(';');
    for (const status of DsarStatus.options) expect(cells({ ...row, status })[2]).toBe(t(`dsarStatus.${status}`));
    for (const type of DsarType.options) expect(cells({ ...row, type })[1]).toBe(t(`dsarType.${type}`));
    for (const priority of DsarPriority.options) expect(cells({ ...row, priority })[9]).toBe(t(`priority.${priority}`));
  });

  it('no feature text hides a label or a shell text: screens look those up after their own namespace', () => {
    const leaves = (value: object, prefix = ''): string[] =>
      Object.entries(value).flatMap(([key, inner]) =>
        typeof inner === 'string' ? [`${prefix}${key}`] : leaves(inner, `${prefix}${key}.`),
      );
    const { common, labels, ...own } = resources().de;
    const shared = new Set([...leaves(common), ...leaves(labels)]);
    expect(leaves(common).filter((key) => leaves(labels).includes(key))).toEqual([]);
    for (const [namespace, texts] of Object.entries(own))
      expect([namespace, leaves(texts).filter((key) => shared.has(key))]).toEqual([namespace, []]);
  });
});
