import { Button, Collapse, Group, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { type ReactNode, type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DsarStatus, DsarType } from '../../shared/api/dsar';
import { openStatuses } from '../../shared/domain/dsar';
import type { QueueQueryInput, QueueSort } from '../../shared/ipc/contract';
import { useLabels } from '../app/labels';
import { useAssignableStaff } from '../app/staff';

export type QueueFilter = Required<
  Pick<QueueQueryInput, 'statuses' | 'types' | 'assignee' | 'search' | 'sort' | 'due' | 'received' | 'dueBetween' | 'answered'>
>;

/** The status picker offers the views officers use: open requests, everything, or one status. */
function statusValue(statuses: readonly DsarStatus[]): string {
  if (statuses.length === 0) return 'all';
  if (statuses.length === openStatuses.length && openStatuses.every((s) => statuses.includes(s))) return 'open';
  return statuses[0];
}

export const defaultFilter: QueueFilter = {
  statuses: [...openStatuses],
  types: [],
  assignee: null,
  search: '',
  sort: 'due_asc',
  due: null,
  received: null,
  dueBetween: null,
  answered: null,
};

/** How many filters differ from the default (the search aside): the collapsed filter button says so. */
function changedFilters(filter: QueueFilter): number {
  return [
    statusValue(filter.statuses) !== 'open',
    filter.types.length > 0,
    filter.assignee !== null,
    filter.sort !== defaultFilter.sort,
    filter.due !== null,
    filter.received !== null || filter.dueBetween !== null || filter.answered !== null,
  ].filter(Boolean).length;
}

/**
 * The search and the filters. Beside an open request the queue is narrow: the search stays, the filters
 * (and what acts on the filtered set, `extra`) fold behind one button that counts the filters in force.
 */
export function QueueFilters({
  filter,
  onChange,
  searchRef,
  onLeaveSearch,
  collapsed = false,
  extra,
}: {
  filter: QueueFilter;
  onChange: (next: QueueFilter) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** The search box was left: to the rows (ArrowDown) or just left (Escape); the results stay. */
  onLeaveSearch(toRows: boolean): void;
  collapsed?: boolean;
  /** Shown with the folded filters: the actions on the filtered set. */
  extra?: ReactNode;
}) {
  const [unfolded, setUnfolded] = useState(false);
  const { t } = useTranslation('dsar');
  const names = useLabels();
  const assignable = useAssignableStaff();
  const [search, setSearch] = useState(filter.search);
  const commitSearch = useDebouncedCallback((value: string) => onChange({ ...filter, search: value }), 200);

  const assigneeOptions = [
    { value: '', label: t('queue.anyone') },
    { value: 'me', label: t('queue.mine') },
    { value: 'unassigned', label: t('queue.unassigned') },
    ...assignable.map((s) => ({ value: s.id, label: s.name })),
  ];

  const searchBox = (
    <TextInput
      ref={searchRef}
      label={collapsed ? undefined : t('queue.search')}
      aria-label={collapsed ? t('queue.search') : undefined}
      placeholder={t('queue.searchPlaceholder')}
      value={search}
      onChange={(event) => {
        setSearch(event.currentTarget.value);
        commitSearch(event.currentTarget.value);
      }}
      w={collapsed ? undefined : 240}
      flex={collapsed ? 1 : undefined}
      type="search"
      onKeyDown={(event) => {
        if (event.key !== 'ArrowDown' && event.key !== 'Escape') return;
        // Escape in a search field would clear it: here it only leaves the field.
        event.preventDefault();
        commitSearch.flush();
        event.currentTarget.blur();
        onLeaveSearch(event.key === 'ArrowDown');
      }}
    />
  );
  const fields = (
    <>
      <Select
        label={t('queue.status')}
        data={[
          { value: 'open', label: t('queue.openOnly') },
          { value: 'all', label: t('queue.anyone') },
          ...DsarStatus.options.map((status) => ({ value: status, label: names.dsarStatus[status] })),
        ]}
        value={statusValue(filter.statuses)}
        onChange={(value) =>
          onChange({ ...filter, statuses: value === 'open' ? [...openStatuses] : value === 'all' || !value ? [] : [value as DsarStatus] })
        }
        allowDeselect={false}
        w={200}
      />
      <Select
        label={t('queue.type')}
        data={[{ value: '', label: t('queue.anyone') }, ...DsarType.options.map((type) => ({ value: type, label: names.dsarType[type] }))]}
        value={filter.types[0] ?? ''}
        onChange={(value) => onChange({ ...filter, types: value ? [value as DsarType] : [] })}
        allowDeselect={false}
        w={240}
      />
      <Select
        label={t('queue.assignee')}
        data={assigneeOptions}
        value={filter.assignee ?? ''}
        onChange={(value) => onChange({ ...filter, assignee: value ? value : null })}
        allowDeselect={false}
        w={200}
      />
      <Select
        label={t('queue.sort')}
        data={[
          { value: 'due_asc', label: t('queue.sortDueAsc') },
          { value: 'due_desc', label: t('queue.sortDueDesc') },
          { value: 'received_desc', label: t('queue.sortReceivedDesc') },
          { value: 'received_asc', label: t('queue.sortReceivedAsc') },
        ]}
        value={filter.sort}
        onChange={(value) => onChange({ ...filter, sort: (value ?? 'due_asc') as QueueSort })}
        allowDeselect={false}
        w={220}
      />
      <Button
        variant="subtle"
        onClick={() => {
          setSearch('');
          onChange(defaultFilter);
        }}
      >
        {t('queue.clearFilters')}
      </Button>
    </>
  );

  if (!collapsed) {
    return (
      <Group gap="sm" align="flex-end" wrap="wrap">
        {searchBox}
        {fields}
      </Group>
    );
  }
  const changed = changedFilters(filter);
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="nowrap">
        {searchBox}
        <Button
          variant={changed ? 'light' : 'default'}
          onClick={() => setUnfolded((open) => !open)}
          aria-expanded={unfolded}
          aria-controls="queue-filters"
          data-testid="filters-toggle"
        >
          {changed ? t('queue.filtersChanged', { count: changed }) : t('queue.filters')}
        </Button>
      </Group>
      <Collapse expanded={unfolded} id="queue-filters">
        <Stack gap="xs">
          <Group gap="sm" align="flex-end" wrap="wrap">
            {fields}
          </Group>
          {extra}
        </Stack>
      </Collapse>
    </Stack>
  );
}
