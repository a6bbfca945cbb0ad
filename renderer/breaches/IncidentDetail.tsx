import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Divider,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IdentificationLevel, type Incident } from '../../shared/api/breaches';
import type { DataCategory } from '../../shared/api/dsar-workflow';
import { basicDpc, enisaClassOf, type LossLevel } from '../../shared/domain/breach-severity';
import { breachAuthorityDeadline } from '../../shared/domain/deadlines';
import { BridgeCallError } from '../../shared/ipc/bridge';
import { Drawer } from '../app/dialogs';
import { useDateFormat } from '../app/format';
import { optionsOf, useLabels } from '../app/labels';
import { useProblemText } from '../app/problems';
import { useStaffNames } from '../app/staff';
import { useMayWrite } from '../app/workspace';
import { useBridge } from '../bridge/context';
import { bandColor, ClockBadge } from './BreachRegister';

type Channel = 'incident.assess' | 'incident.decide' | 'incident.setStatus';

/** One incident: its facts, the clock, the severity with its reasoning, the decision on notification, the timeline. */
export function IncidentDetail({ incident, now, onClose }: { incident: Incident; now: Date; onClose(): void }) {
  const { t, i18n } = useTranslation('breaches');
  const names = useLabels();
  const f = useDateFormat();
  const staffName = useStaffNames();
  // Scores in the reader's notation (3,75 in German).
  const num = (value: number) => value.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'de-DE');
  const mayWrite = useMayWrite('breach:write');
  const mayDecide = useMayWrite('breach:decide');
  const last = incident.assessments.at(-1);
  const yes = (value: boolean) => (value ? t('detail.yes') : t('detail.no'));
  const deadline = breachAuthorityDeadline(incident.awareAt);
  const processorDelay =
    incident.reportedBy.kind === 'processor'
      ? Math.round((Date.parse(incident.awareAt) - Date.parse(incident.reportedBy.processorAwareAt)) / 3_600_000)
      : null;

  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={incident.title} data-testid="incident-detail">
      <Stack gap="sm">
        <Group gap="xs">
          <Badge variant="outline">{names.breachFamily[incident.family]}</Badge>
          <Badge variant="default" data-testid="incident-status">
            {names.incidentStatus[incident.status]}
          </Badge>
          {incident.status !== 'closed' && <ClockBadge incident={incident} now={now} />}
        </Group>
        {!incident.decision && (
          <Text size="sm" data-testid="deadline">
            {t('clock.due', { deadline: f.instant(deadline) })}
          </Text>
        )}
        {processorDelay !== null && processorDelay > 0 && (
          <Alert color="yellow" py={6}>
            {t('clock.processorDelay', { hours: processorDelay })}
          </Alert>
        )}

        <Title order={3} size="h5">
          {t('detail.facts')}
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {incident.description}
        </Text>
        <Text size="sm" c="dimmed">
          {incident.losses.map((loss) => names.lossKind[loss]).join(', ')} ·{' '}
          {incident.categories.map((category) => names.dataCategory[category]).join(', ')} · {names.encryptionState[incident.encryption]}
        </Text>
        <Text size="sm" c="dimmed">
          {t('detail.people', {
            min: incident.people.min,
            max: incident.people.max,
            recordsMin: incident.records.min,
            recordsMax: incident.records.max,
          })}
          {incident.vulnerableGroups.length > 0 && ` · ${incident.vulnerableGroups.map((g) => names.vulnerableGroup[g]).join(', ')}`}
        </Text>
        <Text size="sm" c="dimmed">
          {t('detail.reportedBy')}:{' '}
          {incident.reportedBy.kind === 'staff' ? staffName(incident.reportedBy.staffId) : incident.reportedBy.processorId} ·{' '}
          {t('detail.owner')}: {staffName(incident.ownerId)}
        </Text>

        <Divider />
        <Title order={3} size="h5">
          {t('detail.assessment')}
        </Title>
        {last && (
          <Paper withBorder p="sm" data-testid="assessment">
            <Group gap="xs" mb={4}>
              <Badge color={bandColor[last.band]} size="lg" data-testid="assessment-band">
                {names.severityBand[last.band]}
              </Badge>
              {last.peopleMax > 100 && <Badge variant="outline">{t('detail.overHundred')}</Badge>}
              {last.unintelligible && <Badge variant="outline">{t('detail.unintelligible')}</Badge>}
            </Group>
            <Text size="sm" data-testid="assessment-reasoning">
              {t('detail.reasoning', { dpc: num(last.dpc), ei: num(last.ei), cb: num(last.cb), score: num(last.score) })}
            </Text>
            {last.adjustments.map((a) => (
              <Text size="xs" c="dimmed" key={a.category}>
                {names.dataCategory[a.category]}: {basicDpc[enisaClassOf[a.category]]} → {a.score} — {a.reason}
              </Text>
            ))}
            <Text size="sm" mt={4} data-testid="recommendation">
              {t('detail.recommendation', { authority: yes(last.recommendation.authority), subjects: yes(last.recommendation.subjects) })}
            </Text>
          </Paper>
        )}
        {mayWrite && incident.status !== 'closed' && <AssessForm incident={incident} again={last !== undefined} />}

        {last && (incident.decision || mayDecide) && (
          <>
            <Divider />
            <Title order={3} size="h5">
              {t('detail.decision')}
            </Title>
            {incident.decision && (
              <Text size="sm" data-testid="decision">
                {t('detail.decided', {
                  at: f.instant(incident.decision.at),
                  by: staffName(incident.decision.by),
                  authority: yes(incident.decision.authority),
                  subjects: yes(incident.decision.subjects),
                })}
                {incident.decision.justification && ` — ${incident.decision.justification}`}
              </Text>
            )}
            {incident.decision?.delayReasons && (
              <Text size="sm" c="dimmed">
                {t('detail.delayReasons')}: {incident.decision.delayReasons}
              </Text>
            )}
            {mayDecide && incident.status !== 'closed' && <DecideForm incident={incident} now={now} />}
          </>
        )}

        {mayWrite && incident.status !== 'closed' && (
          <>
            <Divider />
            <StatusForm incident={incident} />
          </>
        )}

        <Divider />
        <Title order={3} size="h5">
          {t('detail.timeline')}
        </Title>
        <Stack gap={2} data-testid="incident-timeline">
          {[...incident.timeline].reverse().map((entry) => (
            <Text size="xs" key={entry.id}>
              {f.instant(entry.at)} · {staffName(entry.actor)} · {entry.text}
            </Text>
          ))}
        </Stack>
      </Stack>
    </Drawer>
  );
}

/** Sends one step of the incident and shows a refusal beside it. */
function useStep(incident: Incident) {
  const bridge = useBridge();
  const problems = useProblemText();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: ({ channel, args }: { channel: Channel; args: Record<string, unknown> }) =>
      (bridge[channel] as (input: unknown) => Promise<Incident>)({ id: incident.id, ...args }),
    onSuccess: () => {
      setErrors({});
      setFailure(null);
      void queryClient.invalidateQueries({ queryKey: ['incident'] });
    },
    onError: (error) => {
      setErrors(error instanceof BridgeCallError ? problems.byField(error.issues) : {});
      setFailure(problems.failure(error));
    },
  });
  return { mutation, errors, failure };
}

const lossOptions = (t: (key: 'detail.loss0' | 'detail.loss25' | 'detail.loss50') => string) => [
  { value: '0', label: t('detail.loss0') },
  { value: '0.25', label: t('detail.loss25') },
  { value: '0.5', label: t('detail.loss50') },
];

/** ENISA's inputs: identification, the circumstances, and a move of a category's score with its reason. */
function AssessForm({ incident, again }: { incident: Incident; again: boolean }) {
  const { t } = useTranslation('breaches');
  const names = useLabels();
  const { mutation, errors, failure } = useStep(incident);
  const last = incident.assessments.at(-1);
  const [identifiers, setIdentifiers] = useState<string[]>(last?.identifiers ?? ['maximum']);
  const [losses, setLosses] = useState({
    confidentiality: String(last?.circumstances.confidentiality ?? (incident.losses.includes('confidentiality') ? 0.25 : 0)),
    integrity: String(last?.circumstances.integrity ?? 0),
    availability: String(last?.circumstances.availability ?? (incident.losses.includes('availability') ? 0.25 : 0)),
  });
  const [malicious, setMalicious] = useState(
    last?.circumstances.malicious ?? ['ransomware', 'exfiltration', 'social_engineering'].includes(incident.family),
  );
  const [moves, setMoves] = useState<Record<string, { score: string; reason: string }>>(
    Object.fromEntries((last?.adjustments ?? []).map((a) => [a.category, { score: String(a.score), reason: a.reason }])),
  );
  const submit = () =>
    mutation.mutate({
      channel: 'incident.assess',
      args: {
        identifiers,
        circumstances: {
          confidentiality: Number(losses.confidentiality) as LossLevel,
          integrity: Number(losses.integrity) as LossLevel,
          availability: Number(losses.availability) as LossLevel,
          malicious,
        },
        adjustments: Object.entries(moves)
          .filter(([category, move]) => Number(move.score) !== basicDpc[enisaClassOf[category as DataCategory]])
          .map(([category, move]) => ({ category, score: Number(move.score), reason: move.reason })),
      },
    });
  return (
    <Paper withBorder p="sm" data-testid="assess-form">
      <Stack gap="xs">
        <MultiSelect
          label={t('detail.identifiers')}
          data={optionsOf(IdentificationLevel.options, names.identificationLevel)}
          value={identifiers}
          onChange={setIdentifiers}
          error={errors.identifiers}
        />
        <Group grow>
          {(['confidentiality', 'integrity', 'availability'] as const).map((kind) => (
            <Select
              key={kind}
              label={t(`detail.${kind}`)}
              data={lossOptions(t)}
              value={losses[kind]}
              onChange={(value) => setLosses({ ...losses, [kind]: value ?? '0' })}
              allowDeselect={false}
            />
          ))}
        </Group>
        <Checkbox label={t('detail.malicious')} checked={malicious} onChange={(e) => setMalicious(e.currentTarget.checked)} />
        {incident.categories.map((category) => {
          const basic = basicDpc[enisaClassOf[category]];
          const move = moves[category] ?? { score: String(basic), reason: '' };
          return (
            <Group key={category} grow align="flex-start">
              <Select
                label={t('detail.dpcFor', { category: names.dataCategory[category], basic })}
                data={['1', '2', '3', '4']}
                value={move.score}
                onChange={(value) => setMoves({ ...moves, [category]: { ...move, score: value ?? String(basic) } })}
                allowDeselect={false}
              />
              {Number(move.score) !== basic && (
                <TextInput
                  label={t('detail.dpcReason')}
                  value={move.reason}
                  onChange={(e) => setMoves({ ...moves, [category]: { ...move, reason: e.currentTarget.value } })}
                  error={errors.adjustments}
                />
              )}
            </Group>
          );
        })}
        {failure && (
          <Alert color="red" py={6} data-testid="assess-error">
            {failure}
          </Alert>
        )}
        <Button onClick={submit} loading={mutation.isPending} w="fit-content" data-testid="assess">
          {again ? t('detail.reassess') : t('detail.assess')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** Notify the authority, the people, neither: the recommendation pre-set; a departure needs its reason. */
function DecideForm({ incident, now }: { incident: Incident; now: Date }) {
  const { t } = useTranslation('breaches');
  const { mutation, errors, failure } = useStep(incident);
  const recommended = incident.assessments.at(-1)?.recommendation ?? { authority: false, subjects: false };
  const [authority, setAuthority] = useState(incident.decision?.authority ?? recommended.authority);
  const [subjects, setSubjects] = useState(incident.decision?.subjects ?? recommended.subjects);
  const [justification, setJustification] = useState('');
  const [delayReasons, setDelayReasons] = useState('');
  // Art. 33(1): after the 72 hours a notification carries the reasons for the delay.
  const late = now.getTime() > Date.parse(breachAuthorityDeadline(incident.awareAt));
  return (
    <Stack gap="xs" data-testid="decide-form">
      <Checkbox label={t('detail.notifyAuthority')} checked={authority} onChange={(e) => setAuthority(e.currentTarget.checked)} />
      <Checkbox label={t('detail.notifySubjects')} checked={subjects} onChange={(e) => setSubjects(e.currentTarget.checked)} />
      <Textarea
        label={t('detail.justification')}
        value={justification}
        onChange={(e) => setJustification(e.currentTarget.value)}
        error={errors.justification}
        autosize
        minRows={2}
      />
      {late && authority && (
        <Textarea
          label={t('detail.delayReasons')}
          value={delayReasons}
          onChange={(e) => setDelayReasons(e.currentTarget.value)}
          error={errors.delayReasons}
          autosize
          minRows={2}
          required
        />
      )}
      {failure && !errors.justification && !errors.delayReasons && (
        <Alert color="red" py={6}>
          {failure}
        </Alert>
      )}
      <Button
        onClick={() => mutation.mutate({ channel: 'incident.decide', args: { authority, subjects, justification, delayReasons } })}
        loading={mutation.isPending}
        w="fit-content"
        data-testid="decide"
      >
        {t('detail.decide')}
      </Button>
    </Stack>
  );
}

/** Contain or close, with a note; closing needs the decision (the rule says so in words). */
function StatusForm({ incident }: { incident: Incident }) {
  const { t } = useTranslation('breaches');
  const { mutation, errors, failure } = useStep(incident);
  const [note, setNote] = useState('');
  const go = (status: 'contained' | 'closed') => mutation.mutate({ channel: 'incident.setStatus', args: { status, note } });
  return (
    <Stack gap="xs">
      <TextInput
        label={t('detail.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note ?? errors.status}
      />
      {failure && !errors.note && !errors.status && (
        <Alert color="red" py={6}>
          {failure}
        </Alert>
      )}
      <Group>
        {incident.status === 'open' && (
          <Button variant="default" onClick={() => go('contained')} loading={mutation.isPending}>
            {t('detail.contain')}
          </Button>
        )}
        <Button variant="default" onClick={() => go('closed')} loading={mutation.isPending} data-testid="close-incident">
          {t('detail.close')}
        </Button>
      </Group>
    </Stack>
  );
}
