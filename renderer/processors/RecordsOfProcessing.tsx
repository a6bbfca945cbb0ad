import { Accordion, Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessingActivity } from '../../shared/api/activities';
import type { ControllerDetails } from '../../shared/domain/records';
import { BridgeCallError } from '../../shared/ipc/bridge';
import { download } from '../app/download';
import { useLabels } from '../app/labels';
import { useTakeParams } from '../app/link-params';
import { useProblemText } from '../app/problems';
import { useMayWrite } from '../app/workspace';
import { useBridge } from '../bridge/context';
import { ActivityEditor } from './ActivityEditor';
import { ControllerDetailsForm } from './ControllerDetails';
import { useProcessors } from './useProcessors';

export function RecordsOfProcessing() {
  const { t, i18n } = useTranslation('processors');
  const problems = useProblemText();
  const names = useLabels();
  const bridge = useBridge();
  const activities = useQuery({ queryKey: ['activity', 'list'], queryFn: () => bridge['activity.list']() });
  const processors = useProcessors();
  const mayWrite = useMayWrite('processor:write');
  const [editing, setEditing] = useState<{ key: number; activity: ProcessingActivity | null } | null>(null);
  // From the palette: one activity opened (once the records are loaded).
  const [opening, setOpening] = useState<string | null>(null);
  useTakeParams({ open: setOpening });
  useEffect(() => {
    const activity = opening ? activities.data?.find((a) => a.id === opening) : undefined;
    if (!activity) return;
    setEditing({ key: Date.now(), activity });
    setOpening(null);
  }, [opening, activities.data]);
  const [missing, setMissing] = useState<(keyof ControllerDetails)[]>([]);
  const [section, setSection] = useState<string | null>(null);
  const nameOf = (id: string) => processors.data?.find((p) => p.id === id)?.legalName ?? id;

  const exportRecords = useMutation({
    mutationFn: (format: 'pdf' | 'csv') => bridge['records.export']({ format, language: i18n.language === 'en' ? 'en' : 'de' }),
    onSuccess: (file) => {
      setMissing([]);
      download(file);
      notifications.show({ color: 'teal', message: t('records.exported', { file: file.fileName }) });
    },
    onError: (error) => {
      if (error instanceof BridgeCallError && error.code === 'invalid_input' && error.issues.length) {
        setMissing(error.issues.map((issue) => issue.path as keyof ControllerDetails));
        setSection('controller');
      } else notifications.show({ color: 'red', message: problems.failure(error) });
    },
  });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('records.title')}
        </Title>
        <Group>
          <Text size="sm" c="dimmed">
            {t('records.count', { count: activities.data?.length ?? 0 })}
          </Text>
          <Button
            variant="default"
            onClick={() => exportRecords.mutate('csv')}
            loading={exportRecords.isPending && exportRecords.variables === 'csv'}
          >
            {t('records.exportCsv')}
          </Button>
          <Button
            variant="default"
            onClick={() => exportRecords.mutate('pdf')}
            loading={exportRecords.isPending && exportRecords.variables === 'pdf'}
          >
            {t('records.exportPdf')}
          </Button>
          {mayWrite && <Button onClick={() => setEditing({ key: Date.now(), activity: null })}>{t('records.add')}</Button>}
        </Group>
      </Group>
      {missing.length > 0 && (
        <Alert color="red" role="alert">
          {t('records.controllerMissing')}
        </Alert>
      )}
      <Accordion variant="contained" value={section} onChange={setSection}>
        <Accordion.Item value="controller">
          <Accordion.Control>{t('records.controller')}</Accordion.Control>
          <Accordion.Panel>
            <ControllerDetailsForm missing={missing} />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
      <Table highlightOnHover aria-label={t('records.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('records.name')}</Table.Th>
            <Table.Th>{t('records.legalBasis')}</Table.Th>
            <Table.Th>{t('records.recipients')}</Table.Th>
            <Table.Th>{t('records.retention')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {activities.data?.map((activity) => (
            <Table.Tr key={activity.id} data-testid="activity-row" data-id={activity.id}>
              <Table.Td>
                {mayWrite ? (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    aria-label={`${t('records.edit')}: ${activity.name}`}
                    onClick={() => setEditing({ key: Date.now(), activity })}
                  >
                    {activity.name}
                  </Button>
                ) : (
                  <Text size="sm" fw={500}>
                    {activity.name}
                  </Text>
                )}
                {activity.pending && (
                  <Badge size="xs" color="orange" variant="outline" ml={6} data-testid="activity-pending">
                    {t('records.pending')}
                  </Badge>
                )}
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {activity.purpose}
                </Text>
              </Table.Td>
              <Table.Td>{names.legalBasis[activity.legalBasis]}</Table.Td>
              <Table.Td data-testid="activity-recipients">
                {[...activity.recipientIds.map(nameOf), ...activity.otherRecipients].join(', ')}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{activity.retention.map((r) => `${r.category}: ${r.period}`).join('; ')}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {activities.data?.length === 0 && (
        <Text c="dimmed" ta="center" p="lg">
          {t('records.empty')}
        </Text>
      )}
      {editing && <ActivityEditor key={editing.key} activity={editing.activity} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
