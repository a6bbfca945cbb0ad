import { Alert, Anchor, Button, Code, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EntityName } from '../../shared/entities/registry';
import { useDateFormat } from '../app/format';
import { useProblemText } from '../app/problems';
import { useBridge } from '../bridge/context';

/** A detail's values in one line (`to: in_progress, assigneeId: stf_…`); nested values as JSON. */
function detailLine(detail: unknown): string {
  if (detail === null || typeof detail !== 'object') return detail === undefined ? '' : String(detail);
  return Object.entries(detail as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`)
    .join(', ');
}

/**
 * The platform's audit log of one object, in its detail: who did what to it on the platform and when, through
 * any console or by the platform itself. Asked for only when opened (it is the platform's, online only); beside
 * it the way to this console's own trail for the object.
 */
export function PlatformHistory({ entity, id }: { entity: EntityName; id: string }) {
  const { t } = useTranslation('audit');
  const bridge = useBridge();
  const f = useDateFormat();
  const problems = useProblemText();
  const [open, setOpen] = useState(false);
  const log = useInfiniteQuery({
    queryKey: ['audit-platform', entity, id],
    queryFn: ({ pageParam }) => bridge['audit.platform']({ entity, id, before: pageParam }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.next,
    enabled: open,
    staleTime: 0,
    retry: false,
  });
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <Stack gap="xs" data-testid="platform-history">
      <Group justify="space-between" gap="xs">
        <Title order={4} size="h6">
          {t('platform.title')}
        </Title>
        <Anchor component={Link} to={`/audit?${new URLSearchParams({ entity: id })}`} size="xs">
          {t('platform.thisConsole')}
        </Anchor>
      </Group>
      <Button
        variant="default"
        size="xs"
        w="fit-content"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="platform-history-show"
      >
        {open ? t('platform.hide') : t('platform.show')}
      </Button>
      {open && (
        <>
          <Text size="xs" c="dimmed">
            {t('platform.explain')}
          </Text>
          {log.isPending && <Loader size="xs" />}
          {log.isError && (
            <Alert color="orange" p="xs">
              <Group gap="xs" justify="space-between">
                <Text size="sm">{problems.failure(log.error)}</Text>
                <Button variant="subtle" size="xs" onClick={() => void log.refetch()}>
                  {t('platform.retry')}
                </Button>
              </Group>
            </Alert>
          )}
          {log.isSuccess && entries.length === 0 && <Text size="sm">{t('platform.none')}</Text>}
          {entries.length > 0 && (
            <Table verticalSpacing={4} fz="sm" aria-label={t('platform.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('platform.at')}</Table.Th>
                  <Table.Th>{t('platform.who')}</Table.Th>
                  <Table.Th>{t('platform.action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => (
                  <Table.Tr key={entry.seq} data-testid="platform-history-entry">
                    <Table.Td w={150} style={{ whiteSpace: 'nowrap' }}>
                      {f.instant(entry.at)}
                    </Table.Td>
                    <Table.Td w={160}>
                      {entry.actor === 'platform'
                        ? t('platform.platform')
                        : entry.actor === 'subject'
                          ? t('platform.subject')
                          : (entry.actorName ?? entry.actor)}
                    </Table.Td>
                    <Table.Td>
                      <Code fz="xs">{entry.action}</Code>
                      {detailLine(entry.detail) && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {detailLine(entry.detail)}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {log.hasNextPage && (
            <Button variant="subtle" size="xs" w="fit-content" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
              {t('platform.older')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
