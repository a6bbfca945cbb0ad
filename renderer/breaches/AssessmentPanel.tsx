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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubjectExemption } from '../../shared/api/breach-reports';
import { IdentificationLevel, type Incident } from '../../shared/api/breaches';
import type { DataCategory } from '../../shared/api/dsar-workflow';
import { breachAuthorityDeadline } from '../../shared/domain/breach-clock';
import { basicDpc, enisaClassOf, type LossLevel } from '../../shared/domain/breach-severity';
import { localDateTime, zonedInstant } from '../../shared/domain/calendar';
import { useClock, useDateFormat } from '../app/format';
import { optionsOf, useLabels } from '../app/labels';
import { useStaffNames } from '../app/staff';
import { useMayWrite } from '../app/workspace';
import { bandColor } from './BreachRegister';
import { useIncidentStep } from './useIncidentStep';

/** The severity with its reasoning, the inputs to assess it again, the decision on notification and Art. 34(3). */
export function AssessmentPanel({ incident, now }: { incident: Incident; now: Date }) {
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
  return (
    <Stack gap="sm">
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
          {incident.assessments.length > 1 && (
            <Stack gap={0} mt={6} data-testid="earlier-assessments">
              <Text size="xs" fw={600}>
                {t('detail.earlier')}
              </Text>
              {incident.assessments
                .slice(0, -1)
                .reverse()
                .map((earlier) => (
                  <Text size="xs" c="dimmed" key={`${earlier.at}-${earlier.score}`}>
                    {f.instant(earlier.at)} · {staffName(earlier.by)} · {names.severityBand[earlier.band]} ({num(earlier.score)})
                  </Text>
                ))}
            </Stack>
          )}
          <Text size="xs" c="dimmed">
            {t('enisa.policy', {
              authority: names.severityBand[last.policy.authorityFrom],
              subjects: names.severityBand[last.policy.subjectsFrom],
            })}
          </Text>
        </Paper>
      )}
      {!last && !mayWrite && (
        <Text size="sm" c="dimmed" data-testid="not-assessed">
          {t('detail.notAssessed')}
        </Text>
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

      {(incident.exemption || (mayDecide && incident.decision && !incident.decision.subjects && incident.status !== 'closed')) && (
        <>
          <Divider />
          <ExemptionSection incident={incident} />
        </>
      )}
    </Stack>
  );
}

/** One of ENISA's published descriptions under the option it explains. */
function described(label: string, description: string) {
  return (
    <Stack gap={0}>
      <Text size="sm">{label}</Text>
      <Text size="xs" c="dimmed">
        {description}
      </Text>
    </Stack>
  );
}

const levelKey = { '0': 'l0', '0.25': 'l25', '0.5': 'l50' } as const;

/** ENISA's inputs, each option with the paper's description: identification, circumstances, a moved score. */
function AssessForm({ incident, again }: { incident: Incident; again: boolean }) {
  const { t } = useTranslation('breaches');
  const names = useLabels();
  const { mutation, errors, failure } = useIncidentStep(incident);
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
  const lossLabel = { '0': t('detail.loss0'), '0.25': t('detail.loss25'), '0.5': t('detail.loss50') } as const;
  return (
    <Paper withBorder p="sm" data-testid="assess-form">
      <Stack gap="xs">
        <MultiSelect
          label={t('detail.identifiers')}
          data={optionsOf(IdentificationLevel.options, names.identificationLevel)}
          value={identifiers}
          onChange={setIdentifiers}
          error={errors.identifiers}
          renderOption={({ option }) =>
            described(option.label, t(`enisa.identifiers.${option.value as (typeof IdentificationLevel.options)[number]}`))
          }
        />
        {(['confidentiality', 'integrity', 'availability'] as const).map((kind) => (
          <Select
            key={kind}
            label={t(`detail.${kind}`)}
            data={(['0', '0.25', '0.5'] as const).map((value) => ({ value, label: lossLabel[value] }))}
            value={losses[kind]}
            onChange={(value) => setLosses({ ...losses, [kind]: value ?? '0' })}
            allowDeselect={false}
            description={t(`enisa.${kind}.${levelKey[losses[kind] as keyof typeof levelKey]}`)}
            renderOption={({ option }) => described(option.label, t(`enisa.${kind}.${levelKey[option.value as keyof typeof levelKey]}`))}
            data-testid={`loss-${kind}`}
          />
        ))}
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
  const { mutation, errors, failure } = useIncidentStep(incident);
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

/** Art. 34(3): why the people are not told individually; (c) with the public communication made instead. */
function ExemptionSection({ incident }: { incident: Incident }) {
  const { t } = useTranslation('breaches');
  const names = useLabels();
  const f = useDateFormat();
  const { mutation, errors, failure } = useIncidentStep(incident);
  const mayDecide = useMayWrite('breach:decide');
  const timeZone = useClock().data?.timeZone ?? 'Europe/Berlin';
  const [ground, setGround] = useState<string>(incident.encryption === 'encrypted_key_safe' ? 'unintelligible' : 'risk_removed');
  const [reason, setReason] = useState('');
  const [where, setWhere] = useState('');
  const [at, setAt] = useState(() => localDateTime(new Date(), timeZone));
  const exemption = incident.exemption;
  return (
    <Stack gap="xs" data-testid="exemption">
      <Title order={3} size="h5">
        {t('exemption.title')}
      </Title>
      {exemption && (
        <Text size="sm" data-testid="exemption-recorded">
          {t('exemption.recorded', { ground: names.subjectExemption[exemption.ground], reason: exemption.reason })}
          {exemption.publicCommunication &&
            ` · ${t('exemption.public', { where: exemption.publicCommunication.where, at: f.instant(exemption.publicCommunication.at) })}`}
        </Text>
      )}
      {mayDecide && incident.status !== 'closed' && (
        <>
          <Select
            label={t('exemption.ground')}
            data={optionsOf(SubjectExemption.options, names.subjectExemption)}
            value={ground}
            onChange={(value) => setGround(value ?? 'risk_removed')}
            allowDeselect={false}
            error={errors.ground}
          />
          <Textarea
            label={t('exemption.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            autosize
          />
          {ground === 'disproportionate' && (
            <Group grow>
              <TextInput
                label={t('exemption.where')}
                value={where}
                onChange={(e) => setWhere(e.currentTarget.value)}
                error={errors.publicCommunication}
              />
              <TextInput
                type="datetime-local"
                label={t('exemption.at', { zone: timeZone })}
                value={at}
                onChange={(e) => setAt(e.currentTarget.value)}
              />
            </Group>
          )}
          {failure && !errors.reason && !errors.publicCommunication && (
            <Alert color="red" py={6}>
              {failure}
            </Alert>
          )}
          <Button
            variant="default"
            w="fit-content"
            loading={mutation.isPending}
            data-testid="record-exemption"
            onClick={() =>
              mutation.mutate({
                channel: 'incident.recordExemption',
                args: {
                  ground,
                  reason,
                  publicCommunication:
                    ground === 'disproportionate' && where.trim()
                      ? { where, at: (zonedInstant(at, timeZone) ?? new Date()).toISOString() }
                      : null,
                },
              })
            }
          >
            {t('exemption.record')}
          </Button>
        </>
      )}
    </Stack>
  );
}
