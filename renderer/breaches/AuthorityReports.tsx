import { Alert, Anchor, Button, Divider, Group, List, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReportChannel, ReportPhase } from '../../shared/api/breach-reports';
import type { Incident } from '../../shared/api/breaches';
import { localDateTime, zonedInstant } from '../../shared/domain/calendar';
import { useConfirm } from '../app/dialogs';
import { download } from '../app/download';
import { useClock, useDateFormat } from '../app/format';
import { optionsOf, useLabels } from '../app/labels';
import { useProblemText } from '../app/problems';
import { useStaffNames } from '../app/staff';
import { useMayWrite } from '../app/workspace';
import { useBridge } from '../bridge/context';
import { useIncidentStep } from './useIncidentStep';

/**
 * Art. 33(3), (4): the reports made (each frozen, as PDF and JSON with its SHA-256), the authority's reference,
 * and the composer of the next report, which says what is still missing before it can go.
 */
export function AuthorityReports({ incident, now }: { incident: Incident; now: Date }) {
  const { t } = useTranslation('breaches');
  const names = useLabels();
  const f = useDateFormat();
  const staffName = useStaffNames();
  const bridge = useBridge();
  const problems = useProblemText();
  const mayDecide = useMayWrite('breach:decide');
  const [fileError, setFileError] = useState<string | null>(null);
  const file = (reportId: string, format: 'pdf' | 'json') =>
    bridge['incident.reportFile']({ id: incident.id, reportId, format }).then(download, (error: unknown) =>
      setFileError(problems.failure(error)),
    );
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('reports.submitted')}
      </Title>
      {incident.reports.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('reports.none')}
        </Text>
      )}
      {incident.reports.map((report) => (
        <Paper withBorder p="xs" key={report.id} data-testid="report" data-phase={report.phase}>
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Text size="sm" fw={500}>
                {t('reports.line', {
                  phase: names.reportPhase[report.phase],
                  at: f.instant(report.submittedAt),
                  channel: names.reportChannel[report.channel],
                  by: staffName(report.submittedBy),
                })}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace" data-testid="report-sha">
                {t('reports.sha', { sha: report.sha256 })}
              </Text>
            </Stack>
            <Group gap="xs" wrap="nowrap">
              <Anchor component="button" type="button" size="sm" onClick={() => file(report.id, 'pdf')} data-testid="report-pdf">
                {t('reports.pdf')}
              </Anchor>
              <Anchor component="button" type="button" size="sm" onClick={() => file(report.id, 'json')} data-testid="report-json">
                {t('reports.json')}
              </Anchor>
            </Group>
          </Group>
        </Paper>
      ))}
      {fileError && <Alert color="red">{fileError}</Alert>}
      {incident.reports.length > 0 && <ReferenceForm incident={incident} editable={mayDecide} />}
      {mayDecide && !incident.reports.some((r) => r.phase === 'final') && (
        <>
          <Divider />
          <ReportComposer incident={incident} now={now} />
        </>
      )}
    </Stack>
  );
}

function ReferenceForm({ incident, editable }: { incident: Incident; editable: boolean }) {
  const { t } = useTranslation('breaches');
  const { mutation, errors, failure } = useIncidentStep(incident);
  const [reference, setReference] = useState(incident.authorityReference ?? '');
  if (!editable) {
    return (
      <Text size="sm">
        {t('reports.reference')}: {incident.authorityReference ?? t('reports.referenceNone')}
      </Text>
    );
  }
  return (
    <Group align="flex-end">
      <TextInput
        label={t('reports.reference')}
        placeholder={t('reports.referenceNone')}
        value={reference}
        onChange={(e) => setReference(e.currentTarget.value)}
        error={errors.reference ?? (failure && !errors.reference ? failure : undefined)}
        data-testid="reference"
      />
      <Button
        variant="default"
        disabled={reference.trim() === (incident.authorityReference ?? '') || !reference.trim()}
        loading={mutation.isPending}
        onClick={() => mutation.mutate({ channel: 'incident.setReference', args: { reference: reference.trim() } })}
        data-testid="set-reference"
      >
        {t('reports.setReference')}
      </Button>
    </Group>
  );
}

/** The next report: what it adds, how it went; the console checks it against Art. 33(3) before it can go. */
function ReportComposer({ incident, now }: { incident: Incident; now: Date }) {
  const { t } = useTranslation('breaches');
  const names = useLabels();
  const bridge = useBridge();
  const confirm = useConfirm();
  const { mutation, errors, failure } = useIncidentStep(incident);
  const timeZone = useClock().data?.timeZone ?? 'Europe/Berlin';
  const [phase, setPhase] = useState<ReportPhase>(incident.reports.length ? 'follow_up' : 'initial');
  // Empty: sent now. A letter or fax sent earlier gets its own instant.
  const [sentAt, setSentAt] = useState('');
  const [channel, setChannel] = useState<ReportChannel>('portal');
  const [language, setLanguage] = useState<'de' | 'en'>('de');
  const [update, setUpdate] = useState('');
  const [delayReasons, setDelayReasons] = useState(incident.decision?.delayReasons ?? '');
  // Asked again each minute too: the 72 hours may pass while the composer is open.
  const minute = Math.floor(now.getTime() / 60_000);
  const check = useQuery({
    queryKey: ['incident', 'reportCheck', incident.id, incident.version, incident.reports.length, phase, update, delayReasons, minute],
    queryFn: () => bridge['incident.reportCheck']({ id: incident.id, phase, update, delayReasons }),
  });
  const submit = () =>
    confirm.ask({
      title: t('reports.submit'),
      consequence: t('reports.confirm'),
      confirmLabel: t('reports.submit'),
      onConfirm: () =>
        mutation.mutate(
          {
            channel: 'incident.submitReport',
            args: {
              phase,
              channel,
              language,
              update,
              delayReasons,
              ...(sentAt ? { sentAt: (zonedInstant(sentAt, timeZone) ?? new Date()).toISOString() } : {}),
            },
          },
          {
            // The next report is a follow-up, with its own text.
            onSuccess: () => {
              setPhase('follow_up');
              setUpdate('');
              setSentAt('');
            },
          },
        ),
    });
  return (
    <Stack gap="xs" data-testid="report-composer">
      <Title order={3} size="h5">
        {t('reports.compose')}
      </Title>
      {check.data?.authority && (
        <Text size="sm" data-testid="report-authority">
          {t('reports.to', { authority: check.data.authority.name })}
        </Text>
      )}
      <Group grow>
        <Select
          label={t('reports.phase')}
          data={optionsOf(ReportPhase.options, names.reportPhase)}
          value={phase}
          onChange={(value) => setPhase((value as ReportPhase) ?? 'initial')}
          allowDeselect={false}
          data-testid="report-phase"
        />
        <Select
          label={t('reports.channel')}
          data={optionsOf(ReportChannel.options, names.reportChannel)}
          value={channel}
          onChange={(value) => setChannel((value as ReportChannel) ?? 'portal')}
          allowDeselect={false}
        />
        <Select
          label={t('reports.language')}
          data={[
            { value: 'de', label: t('notices.german') },
            { value: 'en', label: t('notices.english') },
          ]}
          value={language}
          onChange={(value) => setLanguage(value === 'en' ? 'en' : 'de')}
          allowDeselect={false}
        />
      </Group>
      <TextInput
        type="datetime-local"
        label={t('reports.sentAt', { zone: timeZone })}
        description={t('reports.sentAtHint')}
        value={sentAt}
        max={localDateTime(now, timeZone)}
        onChange={(e) => setSentAt(e.currentTarget.value)}
        error={errors.sentAt}
        w={360}
        data-testid="report-sent-at"
      />
      {phase !== 'initial' && (
        <Textarea
          label={t('reports.update')}
          value={update}
          onChange={(e) => setUpdate(e.currentTarget.value)}
          autosize
          minRows={2}
          data-testid="report-update"
        />
      )}
      {check.data?.late && (
        <>
          <Alert color="orange" py={6}>
            {t('reports.late')}
          </Alert>
          <Textarea
            label={t('reports.delayReasons')}
            value={delayReasons}
            onChange={(e) => setDelayReasons(e.currentTarget.value)}
            autosize
            minRows={2}
            data-testid="report-delay"
          />
        </>
      )}
      {check.data && check.data.missing.length > 0 && (
        <Alert color="yellow" py={6} data-testid="report-missing">
          <Text size="sm">{t('reports.missing')}</Text>
          <List size="sm">
            {check.data.missing.map((gap) => (
              <List.Item key={gap} data-gap={gap}>
                {names.reportGap[gap]}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {check.data && check.data.missing.length === 0 && (
        <Text size="sm" c="teal" data-testid="report-ready">
          {t('reports.ready')}
        </Text>
      )}
      {failure && (
        <Alert color="red" py={6} data-testid="report-error">
          {failure}
        </Alert>
      )}
      <Button w="fit-content" onClick={submit} loading={mutation.isPending} data-testid="submit-report">
        {t('reports.submit')}
      </Button>
      {confirm.element}
    </Stack>
  );
}
