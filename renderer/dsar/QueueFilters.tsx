import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DsarStatus, DsarType } from '../../shared/api/dsar';
import { openStatuses } from '../../shared/domain/dsar';
import type { QueueQueryInput, QueueSort } from '../../shared/ipc/contract';
import { useLabels } from '../app/labels';
import { useAssignableStaff } from '../app/staff';

export type QueueFilter = Required<Pick<QueueQueryInput, 'statuses' | 'types' | 'assignee' | 'search' | 'sort' | 'due'>>;

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
};

export function QueueFilters({
  filter,
  onChange,
  searchRef,
  onLeaveSearch,
}: {
  filter: QueueFilter;
  onChange: (next: QueueFilter) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** The search box was left: to the rows (ArrowDown) or just left (Escape); the results stay. */
  onLeaveSearch(toRows: boolean): void;
}) {
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

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        ref={searchRef}
        label={t('queue.search')}
        placeholder={t('queue.searchPlaceholder')}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          commitSearch(event.currentTarget.value);
        }}
        w={240}
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
    </Group>
  );
}
