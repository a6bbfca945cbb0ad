import { describe, expect, it } from 'vitest';
import { demoActivities } from '../../../sandbox/seed/activities';
import { tomCatalogues } from '../../../shared/domain/records';
import { updateActivity } from '../../../shared/domain/registry-changes';

describe('records of processing', () => {
  it('prints a measure list several entries share once, and refers to the largest one an entry contains', () => {
    const a = ['TLS', 'AES', 'Rollen'];
    const measures = tomCatalogues([
      { toms: a },
      { toms: [...a].reverse() },
      { toms: [...a, 'Keine Ausweiskopien'] },
      { toms: ['Nur eine'] },
      { toms: [] },
    ]);
    expect(measures.catalogues).toEqual([{ number: 1, toms: a }]);
    expect(measures.of({ toms: [...a, 'Keine Ausweiskopien'] })).toEqual({
      catalogue: measures.catalogues[0],
      extra: ['Keine Ausweiskopien'],
    });
    expect(measures.of({ toms: ['Nur eine'] })).toEqual({ catalogue: null, extra: ['Nur eine'] });
  });

  it('keeps who changed which fields of an entry, and nothing when nothing differs', () => {
    const entry = demoActivities[0];
    const ctx = {
      actor: 'stf_albrecht',
      at: '2026-11-27T10:00:00.000Z',
      digest: (text: string) => text,
      newId: () => 'x',
      find: () => ({}) as never,
    };
    expect(updateActivity(entry, { name: entry.name, toms: entry.toms }, ctx)).toBe(entry);
    const changed = updateActivity(entry, { name: 'Konten', reviewedAt: '2026-11-27', toms: entry.toms }, ctx);
    expect(changed.history.at(-1)).toEqual({ at: ctx.at, actor: 'stf_albrecht', fields: ['name', 'reviewedAt'] });
    expect(changed.history).toHaveLength(entry.history.length + 1);
  });
});
