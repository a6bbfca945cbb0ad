import { Alert, Button, Card, Drawer, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../shared/ipc/contract';
import { useBridge } from '../bridge/context';
import { useStaffNames } from '../dsar/useStaffNames';

function intentLabel(conflict: Conflict, t: (key: string, values?: Record<string, string>) => string, name: (id: string) => string) {
  if ('assigneeId' in conflict.intended) {
    const assignee = conflict.intended.assigneeId;
    return typeof assignee === 'string' ? t('conflicts.assignTo', { name: name(assignee) }) : t('conflicts.unassign');
  }
  // A workflow step on a request: named as its button is.
  const step = conflict.intended.type;
  if (conflict.entity === 'dsar' && typeof step === 'string') {
    const label = step === 'start_job' ? t('conflicts.startJob') : t(`detail.action.${step}`, { defaultValue: step });
    return `${label} (${conflict.entityId})`;
  }
  return JSON.stringify(conflict.intended);
}

export function ConflictsDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const staffName = useStaffNames();
  const conflicts = useQuery({ queryKey: ['conflicts'], queryFn: () => bridge['conflicts.list'](), enabled: opened });
  const resolve = useMutation({
    mutationFn: (input: { id: string; action: 'reapply' | 'discard' }) => bridge['conflicts.resolve'](input),
    onSuccess: (status) => {
      queryClient.setQueryData(['sync-status'], status);
      void queryClient.invalidateQueries({ queryKey: ['conflicts'] });
    },
  });

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      title={t('conflicts.title')}
      position="right"
      size="md"
      closeButtonProps={{ 'aria-label': t('conflicts.close') }}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t('conflicts.explain')}
        </Text>
        {conflicts.data?.length === 0 && <Text>{t('conflicts.none')}</Text>}
        {resolve.error && <Alert color="red">{resolve.error.message}</Alert>}
        {conflicts.data?.map((conflict) => (
          <Card key={conflict.id} withBorder data-testid="conflict">
            <Text fw={600}>{conflict.entityId}</Text>
            <Text size="sm" c="red">
              {t(`conflicts.${conflict.kind}`)}: {conflict.detail}
            </Text>
            <Text size="sm">
              {t('conflicts.intended')}: {intentLabel(conflict, t, staffName)}
            </Text>
            <Text size="xs" c="dimmed">
              {new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(conflict.createdAt))}
            </Text>
            <Group mt="sm">
              <Button size="xs" onClick={() => resolve.mutate({ id: conflict.id, action: 'reapply' })}>
                {t('conflicts.reapply')}
              </Button>
              <Button size="xs" variant="default" onClick={() => resolve.mutate({ id: conflict.id, action: 'discard' })}>
                {t('conflicts.discard')}
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
    </Drawer>
  );
}
