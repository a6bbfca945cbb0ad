import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Drawer } from '../app/dialogs';
import { useDateFormat } from '../app/format';
import { useProblemText } from '../app/problems';
import { useStaffNames } from '../app/staff';
import { useBridge } from '../bridge/context';
import { writeLabel } from './write-label';

export function ConflictsDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const problems = useProblemText();
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const staffName = useStaffNames();
  const format = useDateFormat();
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
        {resolve.error && <Alert color="red">{problems.failure(resolve.error)}</Alert>}
        {conflicts.data?.map((conflict) => (
          <Card key={conflict.id} withBorder data-testid="conflict">
            <Text fw={600}>{conflict.entityId}</Text>
            <Text size="sm" c="red">
              {t(`conflicts.${conflict.kind}`)}
              {/* A stale write needs no more words; a refusal says which rule, in the user's language where it is named. */}
              {conflict.kind === 'rejected' && `: ${conflict.problem ? problems.text(conflict.problem, conflict.params) : conflict.detail}`}
            </Text>
            <Text size="sm">
              {t('conflicts.intended')}:{' '}
              {writeLabel(conflict.entity, conflict.mutator, conflict.intended, staffName, i18n.language === 'en' ? 'en' : 'de')}
            </Text>
            <Text size="xs" c="dimmed">
              {format.instant(conflict.createdAt)}
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
