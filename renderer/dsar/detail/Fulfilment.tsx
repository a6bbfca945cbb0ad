import { Alert, Badge, Button, Group, MultiSelect, Paper, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ObjectionPurpose, RectifiableField } from '../../../shared/api/dsar-workflow';
import type { Job } from '../../../shared/api/jobs';
import { allowedIn, jobFor } from '../../../shared/domain/dsar-workflow';
import type { DsarDetail } from '../../../shared/ipc/contract';
import { useAction } from '../../app/actions';
import { useConfirm } from '../../app/dialogs';
import { useDateFormat } from '../../app/format';
import { nameOr, useLabels } from '../../app/labels';
import { useProblemText } from '../../app/problems';
import { useAct } from '../useRequest';
import { PackageReview } from './PackageReview';

const newJobId = () => `job_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;

/** The platform jobs that fulfil the request, their progress, and their results. */
export function Fulfilment({ detail, mayWrite }: { detail: DsarDetail; mayWrite: boolean }) {
  const { t } = useTranslation('dsar');
  const names = useLabels();
  const problems = useProblemText();
  const confirm = useConfirm();
  const act = useAct(detail.dsar.id);
  const f = useDateFormat();
  const kind = jobFor[detail.dsar.type];
  const [field, setField] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const [objections, setObjections] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const running = detail.jobs.some((j) => j.state === 'running');
  // One successful job fulfils the request; a failed one may be run again.
  const noAccount = detail.dsar.subject.userId === null;
  const mayStart =
    mayWrite && !noAccount && allowedIn('start_job', detail.dsar.status) && !running && !detail.jobs.some((j) => j.state === 'succeeded');

  const send = () => {
    const extra =
      kind === 'rectification'
        ? { changes: field && value.trim() ? [{ field: field as RectifiableField, after: value.trim() }] : [] }
        : kind === 'objection'
          ? { objections: objections as ObjectionPurpose[] }
          : {};
    act.mutateAsync({ type: 'start_job', jobId: newJobId(), job: kind, ...extra }).then(
      () => setError(null),
      (e: unknown) => setError(problems.failure(e)),
    );
  };
  // Erasing or changing the person's data cannot be taken back once the platform has done it: ask first.
  const start = () => {
    const name = detail.dsar.subject.name;
    if (kind === 'erasure') {
      confirm.ask({
        title: t('irreversible.erasure.title'),
        consequence: t('irreversible.erasure.body', { name }),
        note: t('irreversible.undoHint'),
        confirmLabel: t('irreversible.erasure.confirm'),
        danger: true,
        onConfirm: send,
      });
    } else if (kind === 'rectification' && field && value.trim()) {
      confirm.ask({
        title: t('irreversible.rectification.title'),
        consequence: t('irreversible.rectification.body', { name, field: nameOr(names.field, field), value: value.trim() }),
        note: t('irreversible.undoHint'),
        confirmLabel: t('irreversible.rectification.confirm'),
        onConfirm: send,
      });
    } else send();
  };

  // f starts the job (the fields a rectification or an objection needs come first).
  useAction('detail.startJob', start, mayStart);

  return (
    <Paper withBorder p="sm" radius="md" data-testid="fulfilment">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('job.title')}
        </Title>
        {detail.jobs.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="no-job">
            {noAccount ? t('job.noAccount') : t('job.none', { job: names.jobKind[kind] })}
          </Text>
        )}
        {detail.jobs.map((job) => (
          <Stack key={job.id} gap={4} data-testid="job" data-state={job.state}>
            <Group justify="space-between">
              <Text size="sm" fw={500}>
                {names.jobKind[job.kind]}
              </Text>
              <Badge color={job.state === 'succeeded' ? 'teal' : job.state === 'failed' ? 'red' : 'blue'} variant="light">
                {names.jobState[job.state]}
              </Badge>
            </Group>
            {job.state === 'running' && (
              <>
                <Progress value={job.progress * 100} animated aria-label={t('job.progress')} data-testid="job-progress" />
                <Text size="xs" c="dimmed">
                  {job.step
                    ? t('job.step', {
                        step: nameOr(names.dataCategory, job.step),
                        percent: Math.round(job.progress * 100),
                      })
                    : t('job.queued')}
                </Text>
              </>
            )}
            {job.error && (
              <Alert color="red" py={6}>
                {job.error}
              </Alert>
            )}
            <JobResultView detail={detail} job={job} day={f.day} />
          </Stack>
        ))}
        {mayStart && kind === 'rectification' && (
          <Group gap="xs" align="flex-end">
            <Select
              label={t('job.field')}
              data={RectifiableField.options.map((o) => ({ value: o, label: names.field[o] }))}
              value={field}
              onChange={setField}
              w={180}
            />
            <TextInput label={t('job.newValue')} value={value} onChange={(e) => setValue(e.currentTarget.value)} w={220} />
          </Group>
        )}
        {mayStart && kind === 'objection' && (
          <MultiSelect
            label={t('job.objections')}
            data={ObjectionPurpose.options.map((o) => ({ value: o, label: names.objectionPurpose[o] }))}
            value={objections}
            onChange={setObjections}
          />
        )}
        {error && (
          <Alert color="red" py={6}>
            {error}
          </Alert>
        )}
        {confirm.element}
        {mayStart && (
          <Button variant="light" onClick={start} loading={act.isPending} w="fit-content" data-testid="start-job" aria-keyshortcuts="f">
            {t('job.start', { job: names.jobKind[kind] })}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

function JobResultView({ detail, job, day }: { detail: DsarDetail; job: Job; day(value: string): string }) {
  const { t } = useTranslation('dsar');
  const names = useLabels();
  const result = job.result;
  if (!result) return null;
  switch (result.kind) {
    case 'package':
      return <PackageReview detail={detail} job={job} />;
    case 'erasure':
      return (
        <Table fz="sm" data-testid="erasure-result" verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('job.category')}</Table.Th>
              <Table.Th>{t('job.outcome')}</Table.Th>
              <Table.Th>{t('job.records')}</Table.Th>
              <Table.Th>{t('job.retention')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.categories.map((c) => (
              <Table.Tr key={c.category} data-testid="erasure-row" data-category={c.category} data-outcome={c.outcome}>
                <Table.Td>{names.dataCategory[c.category]}</Table.Td>
                <Table.Td>
                  <Badge
                    size="sm"
                    variant="light"
                    color={c.outcome === 'restricted' ? 'orange' : 'teal'}
                    style={
                      {
                        '--badge-color': c.outcome === 'restricted' ? 'var(--mantine-color-dark-7)' : 'var(--mantine-color-teal-9)',
                      } as React.CSSProperties
                    }
                  >
                    {t(`job.${c.outcome}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{c.records}</Table.Td>
                <Table.Td>
                  {c.legalBasis ? t('job.restrictedUntil', { basis: c.legalBasis, until: c.until ? day(c.until) : '—' }) : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      );
    case 'restriction':
      return <Text size="sm">{result.restricted ? t('job.restrictedFlag') : '—'}</Text>;
    case 'objection':
      return <Text size="sm">{t('job.objectionFlags', { list: result.objections.map((o) => names.objectionPurpose[o]).join(', ') })}</Text>;
    case 'rectification':
      return (
        <Table fz="sm" data-testid="rectification-result">
          <Table.Tbody>
            {result.changes.map((c) => (
              <Table.Tr key={c.field}>
                <Table.Td>{nameOr(names.field, c.field)}</Table.Td>
                <Table.Td td="line-through">{c.before || '—'}</Table.Td>
                <Table.Td>{c.after}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      );
  }
}
