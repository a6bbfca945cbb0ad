import { Alert, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DsarDetail, RecipientTask } from '../../../shared/ipc/contract';
import { useConfirm } from '../../app/dialogs';
import { useDateFormat } from '../../app/format';
import { useProblemText } from '../../app/problems';
import { useAct } from '../useRequest';

/** Art. 19: every recipient holding the affected data, ticked with the day it was told. */
export function RecipientTasks({ detail, tasks, mayWrite }: { detail: DsarDetail; tasks: RecipientTask[]; mayWrite: boolean }) {
  const { t } = useTranslation('dsar');
  const f = useDateFormat();
  const problems = useProblemText();
  const confirm = useConfirm();
  const act = useAct(detail.dsar.id);
  const [dates, setDates] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const done = tasks.filter((task) => task.informedOn).length;
  const mayTick = mayWrite && (detail.dsar.status === 'in_progress' || detail.dsar.status === 'completed');

  return (
    <Paper withBorder p="sm" radius="md" data-testid="recipient-tasks">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('art19.title')}
          </Title>
          <Badge
            variant="light"
            color={done === tasks.length ? 'teal' : 'orange'}
            style={{ '--badge-color': done === tasks.length ? undefined : 'var(--mantine-color-dark-7)' } as React.CSSProperties}
          >
            {t('art19.progress', { done, total: tasks.length })}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('art19.explain')}
        </Text>
        {tasks.length === 0 && <Text size="sm">{t('art19.none')}</Text>}
        <Table fz="sm" verticalSpacing={4}>
          <Table.Tbody>
            {tasks.map((task) => (
              <Table.Tr key={task.processorId} data-testid="recipient-task" data-informed={task.informedOn ?? ''}>
                <Table.Td w={1}>
                  <Checkbox
                    checked={task.informedOn !== null}
                    readOnly
                    aria-label={t('art19.informed', { name: task.legalName })}
                    tabIndex={-1}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {task.legalName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {task.categories.join(', ')}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {task.informedOn ? (
                    <Text size="sm">{t('art19.informedOn', { date: f.day(task.informedOn) })}</Text>
                  ) : (
                    mayTick && (
                      <Group gap={4} wrap="nowrap">
                        <TextInput
                          type="date"
                          size="xs"
                          aria-label={t('art19.date', { name: task.legalName })}
                          value={dates[task.processorId] ?? detail.deadline.today}
                          max={detail.deadline.today}
                          onChange={(e) => setDates({ ...dates, [task.processorId]: e.currentTarget.value })}
                        />
                        <Button
                          size="compact-xs"
                          onClick={() => {
                            const informedOn = dates[task.processorId] ?? detail.deadline.today;
                            confirm.ask({
                              title: t('irreversible.inform.title', { processor: task.legalName }),
                              consequence: t('irreversible.inform.body', { processor: task.legalName, date: f.day(informedOn) }),
                              note: t('irreversible.undoHint'),
                              confirmLabel: t('irreversible.inform.confirm'),
                              onConfirm: () =>
                                act.mutateAsync({ type: 'inform_recipient', processorId: task.processorId, informedOn }).then(
                                  () => setError(null),
                                  (e: unknown) => setError(problems.failure(e)),
                                ),
                            });
                          }}
                        >
                          {t('art19.markInformed')}
                        </Button>
                      </Group>
                    )
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {error && (
          <Alert color="red" py={6}>
            {error}
          </Alert>
        )}
        {confirm.element}
      </Stack>
    </Paper>
  );
}
