import { describe, expect, it } from 'vitest';
import { linkedFilter } from '../../../renderer/dsar/linked-filter';
import { queueLink } from '../../../renderer/dsar/links';
import { defaultFilter } from '../../../renderer/dsar/QueueFilters';

const roundTrip = (link: string) => linkedFilter(new URLSearchParams(link.split('?')[1]).get('q') ?? '');

describe('links into the queue', () => {
  it('carry only what they name; the rest is the default view (open requests, earliest due first)', () => {
    expect(roundTrip(queueLink({ assignee: 'stf_albrecht' }))).toEqual({ ...defaultFilter, assignee: 'stf_albrecht' });
    const week = { statuses: [], types: ['erasure' as const], received: { from: '2026-11-23', to: '2026-11-29' } };
    expect(roundTrip(queueLink(week))).toEqual({ ...defaultFilter, ...week });
    expect(roundTrip(queueLink({ answered: { month: '2026-10', onTime: false } }))).toEqual({
      ...defaultFilter,
      answered: { month: '2026-10', onTime: false },
    });
    expect(queueLink({ due: 'overdue' }, 'dsr_1')).toMatch(/open=dsr_1/);
  });

  it('a hand-edited address opens the default view instead of failing', () => {
    expect(linkedFilter('{not json')).toBeNull();
    expect(linkedFilter(JSON.stringify({ statuses: ['lost'] }))).toBeNull();
    expect(linkedFilter(JSON.stringify({ answered: { month: '2026-13', onTime: null } }))).toBeNull();
    expect(linkedFilter('[]')).toBeNull();
  });
});
