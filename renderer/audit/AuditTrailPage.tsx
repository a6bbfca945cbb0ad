import { Alert, Button, Group, Loader, MultiSelect, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditKind, AuditOutcome, type AuditQueryInput } from '../../shared/ipc/contract';
import { download } from '../app/download';
import { useDateFormat } from '../app/format';
import { useTakeParams } from '../app/link-params';
import { useProblemText } from '../app/problems';
import { useStaff } from '../app/staff';
import { useBridge } from '../bridge/context';
import { EntryAnswer, EntryObject, EntryWhat } from './AuditEntryText';

const PAGE = 100;

interface Filter {
  kinds: AuditKind[];
  outcome: AuditOutcome | null;
  actor: string | null;
  from: string;
  to: string;
  entityId: string;
}
const noFilter: Filter = { kinds: [], outcome: null, actor: null, from: '', to: '', entityId: '' };

/** The filter as the console's query: empty fields select everything. */
const asQuery = (filter: Filter): AuditQueryInput => ({
  kinds: filter.kinds,
  outcomes: filter.outcome ? [filter.outcome] : [],
  actor: filter.actor,
  from: filter.from || null,
  to: filter.to || null,
  entityId: filter.entityId.trim(),
});

/**
 * The console's audit trail: every write with the platform's answer, every export, every sign-in and sign-out,
 * newest first; filtered by kind, outcome, person, days and object, and exported as CSV (itself logged).
 */
export function AuditTrailPage() {
  const { t, i18n } = useTranslation('audit');
  const bridge = useBridge();
  const f = useDateFormat();
  const problems = useProblemText();
  const staff = useStaff();
  const [filter, setFilter] = useState<Filter>(noFilter);
  // A link from an object's detail ("this console's trail for this object") brings its id.
  useTakeParams({ entity: (id) => setFilter({ ...noFilter, entityId: id }) });
  const query = asQuery(useDeferredValue(filter));
  const trail = useInfiniteQuery({
    queryKey: ['audit', query],
    queryFn: ({ pageParam }) => bridge['audit.trail']({ ...query, before: pageParam, limit: PAGE }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.next,
    staleTime: 0,
  });
  const exportCsv = useMutation({
    mutationFn: () => bridge['audit.export']({ query, language: i18n.language === 'en' ? 'en' : 'de' }),
    onSuccess: (file) => {
      download(file);
      notifications.show({ color: 'teal', message: t('exported', { file: file.fileName, sha: file.sha256.slice(0, 12) }) });
      void trail.refetch();
    },
    onError: (error) => notifications.show({ color: 'red', message: problems.failure(error) }),
  });
  const entries = trail.data?.pages.flatMap((page) => page.entries) ?? [];
  const set = (patch: Partial<Filter>) => setFilter((current) => ({ ...current, ...patch }));
  const filtered = JSON.stringify(filter) !== JSON.stringify(noFilter);

  return (
    <Stack gap="md" pb="md" style={{ overflowY: 'auto' }} data-testid="audit-trail">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4} maw={820}>
          <Title order={2} size="h3">
            {t('title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('explain')}
          </Text>
        </Stack>
        <Button variant="default" size="sm" loading={exportCsv.isPending} onClick={() => exportCsv.mutate()} data-testid="audit-export">
          {t('export')}
        </Button>
      </Group>
      <Paper withBorder p="sm" radius="md">
        <Group gap="sm" align="flex-end">
          <MultiSelect
            label={t('filter.kind')}
            placeholder={filter.kinds.length ? undefined : t('filter.any')}
            data={AuditKind.options.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
            value={filter.kinds}
            onChange={(kinds) => set({ kinds: kinds as AuditKind[] })}
            w={260}
            size="xs"
            clearable
            data-testid="audit-kind"
          />
          <Select
            label={t('filter.outcome')}
            placeholder={t('filter.any')}
            data={AuditOutcome.options.map((outcome) => ({ value: outcome, label: t(`outcome.${outcome}`) }))}
            value={filter.outcome}
            onChange={(outcome) => set({ outcome: outcome as AuditOutcome | null })}
            w={200}
            size="xs"
            clearable
            data-testid="audit-outcome-filter"
          />
          <Select
            label={t('filter.person')}
            placeholder={t('filter.any')}
            data={(staff.data ?? []).map((member) => ({ value: member.id, label: member.name }))}
            value={filter.actor}
            onChange={(actor) => set({ actor })}
            w={200}
            size="xs"
            clearable
            searchable
          />
          <TextInput
            label={t('filter.from')}
            type="date"
            value={filter.from}
            onChange={(e) => set({ from: e.currentTarget.value })}
            size="xs"
          />
          <TextInput label={t('filter.to')} type="date" value={filter.to} onChange={(e) => set({ to: e.currentTarget.value })} size="xs" />
          <TextInput
            label={t('filter.entityId')}
            placeholder={t('filter.entityIdHint')}
            value={filter.entityId}
            onChange={(e) => set({ entityId: e.currentTarget.value })}
            w={240}
            size="xs"
            data-testid="audit-entity"
          />
          {filtered && (
            <Button variant="subtle" size="xs" onClick={() => setFilter(noFilter)}>
              {t('filter.reset')}
            </Button>
          )}
        </Group>
      </Paper>
      {trail.isError && (
        <Alert color="red" title={t('error')}>
          {problems.failure(trail.error)}
        </Alert>
      )}
      {trail.isPending && <Loader size="sm" />}
      {entries.length > 0 && (
        <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('title')} data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>{t('column.at')}</Table.Th>
              <Table.Th w={180}>{t('column.person')}</Table.Th>
              <Table.Th>{t('column.what')}</Table.Th>
              <Table.Th w={210}>{t('column.object')}</Table.Th>
              <Table.Th w={280}>{t('column.answer')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.seq} data-testid="audit-entry" data-kind={entry.kind}>
                <Table.Td>
                  <Text size="sm">{f.instant(entry.at)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{entry.actorName ?? entry.actor}</Text>
                </Table.Td>
                <Table.Td>
                  <EntryWhat entry={entry} />
                </Table.Td>
                <Table.Td>
                  <EntryObject entry={entry} />
                </Table.Td>
                <Table.Td>
                  <EntryAnswer entry={entry} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group gap="sm">
        {/* Always there, so a filter that finds nothing is announced too. */}
        <Text size="xs" c="dimmed" aria-live="polite">
          {trail.isSuccess ? (entries.length ? t('count', { count: entries.length }) : t('none')) : ''}
        </Text>
        {trail.hasNextPage && (
          <Button variant="default" size="xs" loading={trail.isFetchingNextPage} onClick={() => void trail.fetchNextPage()}>
            {t('older')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
