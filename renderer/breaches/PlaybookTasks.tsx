import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentTask } from '../../shared/api/breach-playbooks';
import type { Incident } from '../../shared/api/breaches';
import { taskDue, taskOverdue } from '../../shared/domain/breach-playbooks';
import { useDateFormat } from '../app/format';
import { useLabels } from '../app/labels';
import { useStaffNames } from '../app/staff';
import { useMayWrite, useWorkspace } from '../app/workspace';
import { useIncidentStep } from './useIncidentStep';

/** The incident's playbook as it started with it: tasks by due hour, overdue ones marked, ticked through the outbox. */
export function PlaybookTasks({ incident, now }: { incident: Incident; now: Date }) {
  const { t } = useTranslation('breaches');
  const names = useLabels();
  const { tasks, revision } = incident.playbook;
  const done = tasks.filter((task) => task.done).length;
  if (!tasks.length) return <Text c="dimmed">{t('tasks.none')}</Text>;
  return (
    <Stack gap="xs" data-testid="playbook-tasks">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {t('tasks.title', {
            family: names.breachFamily[incident.playbook.family as keyof typeof names.breachFamily] ?? incident.playbook.family,
            revision,
          })}
        </Text>
        <Text size="sm" c="dimmed" data-testid="tasks-progress">
          {t('tasks.progress', { done, total: tasks.length })}
        </Text>
      </Group>
      {[...tasks]
        .sort((a, b) => a.dueHours - b.dueHours)
        .map((task) => (
          <TaskRow key={task.key} incident={incident} task={task} now={now} />
        ))}
    </Stack>
  );
}

function TaskRow({ incident, task, now }: { incident: Incident; task: IncidentTask; now: Date }) {
  const { t, i18n } = useTranslation('breaches');
  const names = useLabels();
  const f = useDateFormat();
  const staffName = useStaffNames();
  const mayWrite = useMayWrite('breach:write');
  const myRoles = useWorkspace().data?.me?.staff.roles ?? [];
  // A task is ticked by its role; security leads (and administrators) may tick any.
  const mayTick = mayWrite || myRoles.includes(task.role);
  const { mutation, errors, failure } = useIncidentStep(incident);
  const [ticking, setTicking] = useState(false);
  const [evidence, setEvidence] = useState('');
  const language = i18n.language === 'en' ? 'en' : 'de';
  const overdue = taskOverdue(incident.awareAt, task, now);
  const needs = task.evidence[language] || task.evidence.de;
  const tick = (doneNow: boolean) =>
    mutation.mutate(
      { channel: 'incident.tickTask', args: { key: task.key, done: doneNow, evidence: doneNow ? evidence : '' } },
      { onSuccess: () => setTicking(false) },
    );
  return (
    <Paper
      withBorder
      p="xs"
      data-testid="task"
      data-key={task.key}
      data-overdue={overdue}
      data-done={task.done !== null}
      style={overdue ? { borderColor: 'var(--mantine-color-red-6)', borderLeftWidth: 4 } : undefined}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Text size="sm" fw={500} td={task.done ? 'line-through' : undefined}>
            {task.title[language]}
          </Text>
          <Group gap={6}>
            <Badge size="xs" variant="light">
              {names.taskPhase[task.phase]}
            </Badge>
            <Badge size="xs" variant="outline" color="gray">
              {names.role[task.role]}
            </Badge>
            <Text size="xs" c={overdue ? 'red' : 'dimmed'}>
              {t('tasks.due', { due: f.instant(taskDue(incident.awareAt, task.dueHours)) })}
              {overdue && ` · ${t('tasks.overdue')}`}
            </Text>
          </Group>
          {needs && !task.done && (
            <Text size="xs" c="dimmed">
              {t('tasks.evidence', { what: needs })}
            </Text>
          )}
          {task.done && (
            <Text size="xs" c="dimmed">
              {t('tasks.done', { at: f.instant(task.done.at), by: staffName(task.done.by) })}
              {task.done.evidence && ` · ${task.done.evidence}`}
            </Text>
          )}
        </Stack>
        {mayTick && incident.status !== 'closed' && (
          <Button
            size="xs"
            variant={task.done ? 'subtle' : 'light'}
            loading={mutation.isPending}
            data-testid={task.done ? 'reopen-task' : 'tick-task'}
            onClick={() => (task.done ? tick(false) : needs ? setTicking(true) : tick(true))}
          >
            {task.done ? t('tasks.reopen') : t('tasks.tick')}
          </Button>
        )}
      </Group>
      {ticking && (
        <Group mt="xs" align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            label={t('tasks.evidenceLabel', { what: needs })}
            value={evidence}
            onChange={(e) => setEvidence(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') tick(true);
              if (e.key === 'Escape') setTicking(false);
            }}
            error={errors.evidence}
            data-autofocus
            data-testid="task-evidence"
          />
          <Button size="sm" onClick={() => tick(true)} loading={mutation.isPending} data-testid="confirm-task">
            {t('tasks.tick')}
          </Button>
        </Group>
      )}
      {failure && !errors.evidence && (
        <Alert color="red" py={4} mt={4}>
          {failure}
        </Alert>
      )}
    </Paper>
  );
}
