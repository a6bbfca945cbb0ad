import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Incident } from '../../shared/api/breaches';
import { breachAuthorityDeadline } from '../../shared/domain/breach-clock';
import { taskOverdue } from '../../shared/domain/breach-playbooks';
import { authorityClockRuns } from '../../shared/domain/breach-reports';
import { clockLeft } from '../../shared/domain/breach-severity';
import { useAction } from '../app/actions';
import { download } from '../app/download';
import { FilterChip } from '../app/FilterChip';
import { useDateFormat } from '../app/format';
import { useLabels } from '../app/labels';
import { useFilterParam, useTakeParams } from '../app/link-params';
import { useProblemText } from '../app/problems';
import { useMayWrite } from '../app/workspace';
import { useBridge } from '../bridge/context';
import { IncidentDetail } from './IncidentDetail';
import { IncidentForm } from './IncidentForm';

export const bandColor = { low: 'teal', medium: 'yellow', high: 'orange', very_high: 'red' } as const;

/** The clock, re-read every minute: a page left open keeps counting. */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Hours and minutes left on the 72-hour clock of an incident whose notification is still open. */
export function ClockBadge({ incident, now }: { incident: Incident; now: Date }) {
  const { t } = useTranslation('breaches');
  const f = useDateFormat();
  // The clock stops when the authority has the report, or when it was decided that it needs none; a decision
  // to notify alone does not stop it (Art. 33(1) asks for the notification).
  const first = incident.reports[0];
  if (first || (incident.decision && !incident.decision.authority)) {
    return (
      <Text size="sm" c="dimmed">
        {first ? t('clock.notified', { at: f.instant(first.submittedAt) }) : t('clock.notRequired')}
      </Text>
    );
  }
  const left = clockLeft(breachAuthorityDeadline(incident.awareAt), now);
  const color = left.passed ? 'red' : left.totalMinutes <= 4 * 60 ? 'red' : left.totalMinutes <= 24 * 60 ? 'orange' : 'blue';
  return (
    <Badge color={color} variant={left.passed ? 'filled' : 'light'} data-testid="clock" data-passed={left.passed}>
      {t(left.passed ? 'clock.passed' : 'clock.left', { hours: left.hours, minutes: left.minutes })}
    </Badge>
  );
}

/** The breach register (Art. 33(5)): every incident, its clock, severity and status; details in a drawer. */
export function BreachRegister() {
  const { t, i18n } = useTranslation('breaches');
  const names = useLabels();
  const f = useDateFormat();
  const problems = useProblemText();
  const bridge = useBridge();
  const mayWrite = useMayWrite('breach:write');
  const now = useNow();
  const incidents = useQuery({ queryKey: ['incident', 'list'], queryFn: () => bridge['incident.list']() });
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  // From the overview: only the incidents whose Art. 33 clock runs, or one incident opened.
  const [clockFilter, clearClockFilter] = useFilterParam('clock');
  useTakeParams({ open: setOpenId });
  const runningOnly = clockFilter === 'running';
  const rows = (incidents.data ?? []).filter((incident) => !runningOnly || authorityClockRuns(incident));
  const move = (to: number) => setSelected(Math.max(0, Math.min(rows.length - 1, to)));
  useAction('breaches.next', () => move(selected + 1));
  useAction('breaches.previous', () => move(selected - 1));
  useAction('breaches.open', () => {
    if (!rows[selected]) return false;
    setOpenId(rows[selected].id);
  });
  useAction('breaches.log', () => setCreating(true), mayWrite);
  const [exportError, setExportError] = useState<string | null>(null);
  const open = incidents.data?.find((incident) => incident.id === openId) ?? null;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('register.title')}
        </Title>
        <Group>
          <Button component={Link} to="/breaches/playbooks" variant="subtle" data-testid="open-playbooks">
            {t('playbooks.open')}
          </Button>
          <Button.Group>
            {(['csv', 'pdf'] as const).map((format) => (
              <Button
                key={format}
                variant="default"
                data-testid={format === 'csv' ? 'export-register' : 'export-register-pdf'}
                onClick={() =>
                  bridge['incident.export']({ language: i18n.language === 'en' ? 'en' : 'de', format }).then(download, (error: unknown) =>
                    setExportError(problems.failure(error)),
                  )
                }
              >
                {format === 'csv' ? t('register.export') : t('register.exportPdf')}
              </Button>
            ))}
          </Button.Group>
          {mayWrite && (
            <Button onClick={() => setCreating(true)} data-testid="log-incident">
              {t('register.log')}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('register.explain')}
      </Text>
      {incidents.error && <Alert color="red">{problems.failure(incidents.error)}</Alert>}
      {exportError && <Alert color="red">{exportError}</Alert>}
      {incidents.data?.length === 0 && <Text c="dimmed">{t('register.empty')}</Text>}
      {runningOnly && (
        <FilterChip
          label={t('register.runningOnly', { count: rows.length })}
          removeLabel={t('register.runningOnlyRemove')}
          onRemove={clearClockFilter}
          testId="running-only"
        />
      )}
      <Table highlightOnHover aria-label={t('register.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('register.incident')}</Table.Th>
            <Table.Th>{t('register.family')}</Table.Th>
            <Table.Th>{t('register.awareAt')}</Table.Th>
            <Table.Th>{t('register.clock')}</Table.Th>
            <Table.Th>{t('register.severity')}</Table.Th>
            <Table.Th>{t('register.tasks')}</Table.Th>
            <Table.Th>{t('register.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((incident, index) => {
            const last = incident.assessments.at(-1);
            const tasks = incident.playbook.tasks;
            const overdue = tasks.filter((task) => taskOverdue(incident.awareAt, task, now)).length;
            return (
              <Table.Tr
                key={incident.id}
                data-testid="incident-row"
                data-id={incident.id}
                data-selected={index === selected}
                bg={index === selected ? 'var(--mantine-color-blue-light)' : undefined}
                style={{ cursor: 'pointer' }}
                onClick={() => {
                  setSelected(index);
                  setOpenId(incident.id);
                }}
              >
                <Table.Td>
                  <Anchor component="button" type="button" size="sm" fw={600} ta="left" onClick={() => setOpenId(incident.id)}>
                    {incident.title}
                  </Anchor>
                  {incident.pending && (
                    <Badge ml={6} size="xs" color="orange" variant="outline">
                      {t('register.pending')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{names.breachFamily[incident.family]}</Table.Td>
                <Table.Td>{f.instant(incident.awareAt)}</Table.Td>
                <Table.Td>{incident.status === 'closed' ? '—' : <ClockBadge incident={incident} now={now} />}</Table.Td>
                <Table.Td>
                  {last ? (
                    <Badge color={bandColor[last.band]} variant="light" data-testid="band">
                      {names.severityBand[last.band]} ({last.score.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'de-DE')})
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('register.notAssessed')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td data-testid="task-count">
                  {tasks.length > 0 && (
                    <Text size="sm" span>
                      {tasks.filter((task) => task.done).length}/{tasks.length}
                    </Text>
                  )}
                  {overdue > 0 && (
                    <Badge ml={6} size="xs" color="red" variant="light">
                      {t('register.overdue', { count: overdue })}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{names.incidentStatus[incident.status]}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {creating && (
        <IncidentForm
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setOpenId(id);
          }}
        />
      )}
      {open && <IncidentDetail incident={open} now={now} onClose={() => setOpenId(null)} />}
    </Stack>
  );
}
