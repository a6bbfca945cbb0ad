import { ActionIcon, Alert, Anchor, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type PlaybookTask, TaskPhase } from '../../shared/api/breach-playbooks';
import { BreachFamily } from '../../shared/api/breaches';
import { Role } from '../../shared/api/common';
import { useDateFormat } from '../app/format';
import { optionsOf, useLabels } from '../app/labels';
import { useStaffNames } from '../app/staff';
import { useStep } from '../app/useStep';
import { useMayWrite } from '../app/workspace';
import { useBridge } from '../bridge/context';
import { PolicySettings } from './PolicySettings';

/** A new task, with a key no task of the list has. */
const blankTask = (tasks: readonly PlaybookTask[]): PlaybookTask => ({
  key: (() => {
    let n = tasks.length + 1;
    while (tasks.some((task) => task.key === `task-${n}`)) n++;
    return `task-${n}`;
  })(),
  phase: 'contain',
  role: 'security_lead',
  dueHours: 24,
  title: { de: '', en: '' },
  evidence: { de: '', en: '' },
});

/**
 * The playbook of each incident family: tasks with a role, a due hour after awareness and their evidence.
 * Saving makes a new revision; incidents keep the revision they started with.
 */
export function PlaybookEditor() {
  const { t } = useTranslation('breaches');
  const names = useLabels();
  const f = useDateFormat();
  const staffName = useStaffNames();
  const bridge = useBridge();
  const mayWrite = useMayWrite('breach:write');
  const playbooks = useQuery({ queryKey: ['playbook', 'list'], queryFn: () => bridge['playbook.list']() });
  const [family, setFamily] = useState<string>('ransomware');
  const playbook = playbooks.data?.find((p) => p.family === family) ?? null;
  const [tasks, setTasks] = useState<PlaybookTask[]>([]);
  const [note, setNote] = useState('');
  const {
    mutation: save,
    errors,
    failure,
    reset,
  } = useStep(() => bridge['playbook.save']({ id: playbook?.id ?? '', tasks, note }), ['playbook']);
  const [savedAs, setSavedAs] = useState<number | null>(null);
  // The editor starts from the playbook as it reads now, again whenever another family or revision arrives.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on another family or revision only, not on every refetch
  useEffect(() => {
    setTasks(playbook?.tasks ?? []);
    reset();
  }, [playbook?.id, playbook?.revision]);
  const set = (index: number, change: Partial<PlaybookTask>) =>
    setTasks(tasks.map((task, i) => (i === index ? { ...task, ...change } : task)));
  const err = (index: number, field: string) => errors[`tasks.${index}.${field}`];

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('playbooks.open')}
        </Title>
        <Anchor component={Link} to="/breaches" size="sm">
          {t('playbooks.back')}
        </Anchor>
      </Group>
      <PolicySettings />
      <Title order={3} size="h4">
        {t('playbooks.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('playbooks.explain')}
      </Text>
      <Select
        label={t('playbooks.family')}
        data={optionsOf(BreachFamily.options, names.breachFamily)}
        value={family}
        onChange={(value) => setFamily(value ?? 'ransomware')}
        allowDeselect={false}
        w={320}
        data-testid="playbook-family"
      />
      {playbook && (
        <Text size="sm" data-testid="playbook-revision">
          {t('playbooks.revision', { revision: playbook.revision, at: f.instant(playbook.savedAt), by: staffName(playbook.savedBy) })}
          {playbook.note && ` — ${playbook.note}`}
        </Text>
      )}
      <Table aria-label={t('playbooks.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('playbooks.dueHours')}</Table.Th>
            <Table.Th>{t('playbooks.phase')}</Table.Th>
            <Table.Th>{t('playbooks.role')}</Table.Th>
            <Table.Th>{t('playbooks.titleDe')}</Table.Th>
            <Table.Th>{t('playbooks.titleEn')}</Table.Th>
            <Table.Th>{t('playbooks.evidenceDe')}</Table.Th>
            <Table.Th>{t('playbooks.evidenceEn')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task, index) => (
            <Table.Tr key={task.key} data-testid="playbook-task">
              <Table.Td w={80}>
                <NumberInput
                  aria-label={t('playbooks.dueHours')}
                  value={task.dueHours}
                  min={0}
                  max={2160}
                  onChange={(value) => set(index, { dueHours: Number(value) || 0 })}
                  readOnly={!mayWrite}
                  error={err(index, 'dueHours')}
                />
              </Table.Td>
              <Table.Td w={150}>
                <Select
                  aria-label={t('playbooks.phase')}
                  data={optionsOf(TaskPhase.options, names.taskPhase)}
                  value={task.phase}
                  onChange={(value) => set(index, { phase: (value as PlaybookTask['phase']) ?? task.phase })}
                  allowDeselect={false}
                  readOnly={!mayWrite}
                />
              </Table.Td>
              <Table.Td w={125}>
                <Select
                  aria-label={t('playbooks.role')}
                  data={optionsOf(Role.options, names.role)}
                  value={task.role}
                  onChange={(value) => set(index, { role: (value as PlaybookTask['role']) ?? task.role })}
                  allowDeselect={false}
                  readOnly={!mayWrite}
                />
              </Table.Td>
              {(['title', 'evidence'] as const).flatMap((field) =>
                (['de', 'en'] as const).map((language) => (
                  <Table.Td key={`${field}-${language}`}>
                    <TextInput
                      aria-label={t(`playbooks.${field}${language === 'de' ? 'De' : 'En'}`)}
                      value={task[field][language]}
                      onChange={(e) => set(index, { [field]: { ...task[field], [language]: e.currentTarget.value } })}
                      readOnly={!mayWrite}
                      error={err(index, `${field}.${language}`)}
                    />
                  </Table.Td>
                )),
              )}
              <Table.Td w={40}>
                {mayWrite && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('playbooks.remove')}
                    onClick={() => setTasks(tasks.filter((_, i) => i !== index))}
                  >
                    ×
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {mayWrite && playbook && (
        <>
          <Button variant="default" w="fit-content" onClick={() => setTasks([...tasks, blankTask(tasks)])} data-testid="add-task">
            {t('playbooks.add')}
          </Button>
          <TextInput label={t('playbooks.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} w={520} />
          {(failure || savedAs !== null) && (
            <Alert color={failure ? 'red' : 'teal'} py={6} data-testid="playbook-message">
              {failure ?? t('playbooks.saved', { revision: savedAs })}
            </Alert>
          )}
          <Button
            w="fit-content"
            onClick={() => {
              setSavedAs(null);
              save.mutate(undefined, {
                onSuccess: (saved) => {
                  setNote('');
                  setSavedAs(saved.revision);
                },
              });
            }}
            loading={save.isPending}
            data-testid="save-playbook"
          >
            {t('playbooks.save')}
          </Button>
        </>
      )}
      {playbook && playbook.history.length > 0 && (
        <Stack gap={2}>
          <Text fw={600} size="sm">
            {t('playbooks.history')}
          </Text>
          {[...playbook.history].reverse().map((old) => (
            <Text size="xs" key={old.revision}>
              {t('playbooks.historyLine', {
                revision: old.revision,
                at: f.instant(old.savedAt),
                by: staffName(old.savedBy),
                count: old.tasks.length,
              })}
              {old.note && ` — ${old.note}`}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
