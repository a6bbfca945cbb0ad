import { Button, Group, Menu, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkChange } from '../../shared/ipc/contract';
import { Modal } from '../app/dialogs';
import { download } from '../app/download';
import { useProblemText } from '../app/problems';
import { useBridge } from '../bridge/context';
import type { QueueFilter } from './QueueFilters';

/** Changes to every request the current filter matches, and the register export of the same set. */
export function BulkActions({
  filter,
  shown,
  more,
  myId,
  mayWrite,
}: {
  filter: QueueFilter;
  shown: number;
  more: boolean;
  myId: string | null;
  mayWrite: boolean;
}) {
  const { t, i18n } = useTranslation('dsar');
  const problems = useProblemText();
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<{ change: BulkChange; label: string } | null>(null);
  const bulk = useMutation({
    mutationFn: (change: BulkChange) => bridge['dsar.bulk']({ query: filter, change }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['dsar'] });
      notifications.show({ color: 'teal', message: t('bulk.done', { changed: result.changed, skipped: result.skipped }) });
      setPending(null);
    },
    onError: (error) => notifications.show({ color: 'red', title: t('bulk.failed'), message: problems.failure(error) }),
  });
  const exportCsv = useMutation({
    mutationFn: () => bridge['dsar.export']({ query: filter, language: i18n.language === 'en' ? 'en' : 'de' }),
    onSuccess: (file) => {
      download(file);
      notifications.show({ color: 'teal', message: t('bulk.exported', { file: file.fileName }) });
    },
    onError: (error) => notifications.show({ color: 'red', title: t('bulk.exportFailed'), message: problems.failure(error) }),
  });
  const ask = (change: BulkChange, label: string) => setPending({ change, label });

  return (
    <Group gap="xs">
      {mayWrite && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default" size="xs" disabled={shown === 0} data-testid="bulk-menu">
              {t('bulk.menu', { count: shown, more: more ? '+' : '' })}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {myId && (
              <Menu.Item onClick={() => ask({ kind: 'assign', assigneeId: myId }, t('bulk.assignMe'))}>{t('bulk.assignMe')}</Menu.Item>
            )}
            <Menu.Item onClick={() => ask({ kind: 'assign', assigneeId: null }, t('bulk.unassign'))}>{t('bulk.unassign')}</Menu.Item>
            <Menu.Item onClick={() => ask({ kind: 'start' }, t('bulk.start'))}>{t('bulk.start')}</Menu.Item>
            <Menu.Item onClick={() => ask({ kind: 'acknowledge' }, t('bulk.acknowledge'))}>{t('bulk.acknowledge')}</Menu.Item>
            <Menu.Item onClick={() => ask({ kind: 'request_identity' }, t('bulk.requestIdentity'))}>{t('bulk.requestIdentity')}</Menu.Item>
            <Menu.Item onClick={() => ask({ kind: 'priority', priority: 'high' }, t('bulk.priorityHigh'))}>
              {t('bulk.priorityHigh')}
            </Menu.Item>
            <Menu.Item onClick={() => ask({ kind: 'priority', priority: 'normal' }, t('bulk.priorityNormal'))}>
              {t('bulk.priorityNormal')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      <Button variant="default" size="xs" onClick={() => exportCsv.mutate()} loading={exportCsv.isPending} data-testid="export-register">
        {t('bulk.export')}
      </Button>
      {pending && (
        <Modal opened onClose={() => setPending(null)} title={pending.label}>
          <Stack>
            <Text size="sm">{t('bulk.confirm', { count: shown, more: more ? '+' : '' })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(null)}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => bulk.mutate(pending.change)} loading={bulk.isPending} data-testid="bulk-confirm">
                {t('bulk.apply')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Group>
  );
}
