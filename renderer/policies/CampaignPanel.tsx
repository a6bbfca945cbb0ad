import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyVersion } from '../../shared/api/policies';
import type { CampaignChannel, PolicyCampaign } from '../../shared/api/policy-campaigns';
import { DEFAULT_LEAD_DAYS, MAX_REMINDERS } from '../../shared/api/policy-campaigns';
import { localDateTime, zonedInstant } from '../../shared/domain/calendar';
import { CAMPAIGN_LINK, composeCampaign, leadDaysOf } from '../../shared/domain/policy-campaigns';
import { useConfirm } from '../app/dialogs';
import { useClock, useDateFormat } from '../app/format';
import { useProblemText } from '../app/problems';
import { useStaffNames } from '../app/staff';
import { useStep } from '../app/useStep';
import { useMayWrite } from '../app/workspace';
import { useBridge } from '../bridge/context';
import { CampaignChart } from './CampaignChart';

const DAY = 86_400_000;
const stateColor: Record<PolicyCampaign['state'], string> = { planned: 'gray', sending: 'blue', sent: 'green', cancelled: 'red' };

function useNumber() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'de-DE';
  return {
    n: (value: number) => value.toLocaleString(locale),
    pct: (part: number, whole: number) =>
      whole ? `${((part / whole) * 100).toLocaleString(locale, { maximumFractionDigits: 1 })} %` : '–',
  };
}

/**
 * Telling users of a material change: planned here for a scheduled version (audience counted by the platform,
 * lead time checked, the messages shown as they go out), then followed as it runs — counts, chart, reminders.
 */
export function CampaignPanel({ version }: { version: PolicyVersion }) {
  const { t } = useTranslation('policies');
  const bridge = useBridge();
  const mayWrite = useMayWrite('policy:write');
  const campaigns = useQuery({ queryKey: ['campaign', 'list'], queryFn: () => bridge['campaign.list']() });
  // The version's campaigns, newest first: a stopped one stays on record above a new one.
  const own = (campaigns.data ?? []).filter((c) => c.versionId === version.id).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const latest = own[0];
  const canPlan =
    version.classification?.kind === 'material' && version.status === 'scheduled' && (!latest || latest.state === 'cancelled');
  return (
    <Stack gap="lg">
      {canPlan &&
        (mayWrite ? (
          <CampaignPlanner version={version} others={campaigns.data ?? []} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('campaign.notPlanned')}
          </Text>
        ))}
      {own.map((campaign) => (
        <CampaignView key={campaign.id} campaign={campaign} version={version} />
      ))}
      {!canPlan && !own.length && (
        <Text size="sm" c="dimmed" data-testid="campaign-none">
          {t(
            version.classification?.kind === 'minor'
              ? 'campaign.minor'
              : !version.classification
                ? 'campaign.unclassified'
                : version.status === 'published' || version.status === 'superseded'
                  ? 'campaign.noneSent'
                  : 'campaign.scheduleFirst',
          )}
        </Text>
      )}
    </Stack>
  );
}

function CampaignPlanner({ version, others }: { version: PolicyVersion; others: readonly PolicyCampaign[] }) {
  const { t } = useTranslation('policies');
  const bridge = useBridge();
  const f = useDateFormat();
  const { n } = useNumber();
  const problems = useProblemText();
  const confirm = useConfirm();
  const timeZone = useClock().data?.timeZone ?? 'Europe/Berlin';
  const [channels, setChannels] = useState<CampaignChannel[]>(['email', 'in_app']);
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [sendAt, setSendAt] = useState(() => localDateTime(new Date(Date.now() + DAY), timeZone));
  const [leadDays, setLeadDays] = useState<number>(DEFAULT_LEAD_DAYS);
  const [reason, setReason] = useState('');
  const { mutation, errors, failure } = useStep(
    (args: Parameters<(typeof bridge)['campaign.plan']>[0]) => bridge['campaign.plan'](args),
    ['campaign'],
  );
  const audience = useQuery({
    queryKey: ['campaign', 'audience', version.language],
    queryFn: () => bridge['campaign.audience']({ language: version.language }),
    retry: false,
  });
  const effectiveAt = version.effectiveAt ?? new Date().toISOString();
  const start = when === 'now' ? new Date() : (zonedInstant(sendAt, timeZone) ?? new Date());
  const lead = leadDaysOf(start.toISOString(), effectiveAt);
  // Readers of the other language are told only by their own version's campaign.
  const otherLanguage = version.language === 'de' ? 'en' : 'de';
  const policies = useQuery({ queryKey: ['policy', 'list'], queryFn: () => bridge['policy.list']() });
  const otherScheduled = policies.data?.find(
    (v) => v.document === version.document && v.language === otherLanguage && (v.status === 'scheduled' || v.status === 'approved'),
  );
  const otherTold = otherScheduled && others.some((c) => c.versionId === otherScheduled.id && c.state !== 'cancelled');
  const short = leadDays < DEFAULT_LEAD_DAYS;
  const messages = composeCampaign(version, effectiveAt);
  const send = () =>
    mutation.mutate({
      versionId: version.id,
      channels,
      leadDays,
      shortLeadReason: short ? reason : null,
      sendAt: when === 'now' ? null : start.toISOString(),
    });
  return (
    <Stack gap="sm" data-testid="campaign-planner">
      <Text size="sm">{t('campaign.explain', { days: DEFAULT_LEAD_DAYS })}</Text>
      <Alert color={audience.isError ? 'orange' : 'blue'} py={6} data-testid="campaign-audience">
        {audience.isError
          ? problems.failure(audience.error)
          : audience.data
            ? t('campaign.audience', {
                count: audience.data.recipients,
                n: n(audience.data.recipients),
                language: t(`language.${version.language}`),
              })
            : t('campaign.counting')}
      </Alert>
      {!otherTold && (
        <Alert color="yellow" py={6} data-testid="campaign-other-language" styles={{ message: { color: 'var(--mantine-color-dark-7)' } }}>
          {t(otherScheduled ? 'campaign.otherLanguagePlan' : 'campaign.otherLanguage', { language: t(`language.${otherLanguage}`) })}
        </Alert>
      )}
      <Checkbox.Group
        label={t('campaign.channels')}
        value={channels}
        onChange={(value) => setChannels(value as CampaignChannel[])}
        error={errors.channels}
      >
        <Group mt={4}>
          <Checkbox value="email" label={t('campaign.channel.email')} />
          <Checkbox value="in_app" label={t('campaign.channel.in_app')} />
        </Group>
      </Checkbox.Group>
      <Group align="flex-end">
        <SegmentedControl
          value={when}
          onChange={(value) => setWhen(value as 'now' | 'later')}
          data={[
            { value: 'now', label: t('campaign.sendNow') },
            { value: 'later', label: t('campaign.sendLater') },
          ]}
          aria-label={t('campaign.when')}
        />
        {when === 'later' && (
          <TextInput
            type="datetime-local"
            label={t('campaign.sendAt', { zone: timeZone })}
            value={sendAt}
            onChange={(e) => setSendAt(e.currentTarget.value)}
            error={errors.sendAt}
          />
        )}
        <NumberInput
          label={t('campaign.leadDays')}
          value={leadDays}
          onChange={(value) => setLeadDays(typeof value === 'number' ? value : value === '' ? DEFAULT_LEAD_DAYS : Number(value) || 0)}
          min={0}
          max={365}
          w={160}
          error={errors.leadDays}
          data-testid="campaign-lead-days"
        />
      </Group>
      <Text size="sm" c={lead < leadDays ? 'red' : 'dimmed'} data-testid="campaign-lead">
        {t('campaign.leadIs', { days: lead, at: f.instant(effectiveAt) })}
      </Text>
      {short && (
        <Textarea
          label={t('campaign.shortReason', { days: DEFAULT_LEAD_DAYS })}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.shortLeadReason}
          data-testid="campaign-short-reason"
        />
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <MessagePreview title={t('campaign.channel.email')} message={messages.email} />
        <MessagePreview title={t('campaign.channel.in_app')} message={messages.inApp} />
      </SimpleGrid>
      {failure && (
        <Alert color="red" py={6}>
          {failure}
        </Alert>
      )}
      <Button
        w="fit-content"
        loading={mutation.isPending}
        disabled={!audience.data?.recipients}
        onClick={() =>
          confirm.ask({
            title: t('campaign.confirmTitle'),
            consequence: t(when === 'now' ? 'campaign.confirmNow' : 'campaign.confirmLater', {
              n: n(audience.data?.recipients ?? 0),
              at: f.instant(start.toISOString()),
            }),
            confirmLabel: t('campaign.start'),
            note: t('campaign.confirmNote'),
            onConfirm: send,
          })
        }
        data-testid="campaign-start"
      >
        {t('campaign.start')}
      </Button>
      {confirm.element}
    </Stack>
  );
}

function MessagePreview({ title, message }: { title: string; message: { subject: string; body: string } }) {
  const { t } = useTranslation('policies');
  const body = message.body.replaceAll(CAMPAIGN_LINK, t('campaign.link'));
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {title}
      </Text>
      <Text size="sm" fw={600}>
        {message.subject}
      </Text>
      <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
        {body}
      </Text>
    </Paper>
  );
}

function CampaignView({ campaign, version }: { campaign: PolicyCampaign & { pending: boolean }; version: PolicyVersion }) {
  const { t } = useTranslation('policies');
  const bridge = useBridge();
  const f = useDateFormat();
  const staffName = useStaffNames();
  const mayWrite = useMayWrite('policy:write');
  const confirm = useConfirm();
  const { n, pct } = useNumber();
  const [reason, setReason] = useState('');
  const remind = useStep(() => bridge['campaign.remind']({ id: campaign.id, note: '' }), ['campaign']);
  const cancel = useStep(() => bridge['campaign.cancel']({ id: campaign.id, reason }), ['campaign']);
  const c = campaign.totals;
  const running = campaign.waves.find((wave) => wave.state === 'sending' || wave.state === 'planned');
  const reminders = campaign.waves.filter((wave) => wave.kind === 'reminder').length;
  // Everyone the first wave reached who has not acknowledged (reminders go to no one new).
  const open = Math.max(0, (campaign.waves[0]?.delivered ?? 0) - c.acknowledged);
  const effectivePassed = Date.parse(campaign.effectiveAt) <= Date.now();
  const versionLive = version.status === 'scheduled' || version.status === 'published';
  return (
    <Stack gap="sm" data-testid="campaign" data-state={campaign.state}>
      <Group gap="xs">
        <Badge color={stateColor[campaign.state]} data-testid="campaign-state">
          {t(`campaign.state.${campaign.state}`)}
        </Badge>
        {campaign.pending && (
          <Badge color="orange" variant="outline">
            {t('campaign.pending')}
          </Badge>
        )}
        <Text size="sm" c="dimmed">
          {t('campaign.line', {
            channels: campaign.channels.map((channel) => t(`campaign.channel.${channel}`)).join(' + '),
            at: f.instant(campaign.sendAt),
            by: staffName(campaign.createdBy),
            effective: f.instant(campaign.effectiveAt),
          })}
        </Text>
      </Group>
      {campaign.shortLeadReason && (
        <Text size="xs" c="dimmed">
          {t('campaign.shortLeadRecorded', { days: campaign.leadDays, reason: campaign.shortLeadReason })}
        </Text>
      )}
      {campaign.state === 'cancelled' && (
        <Alert color="red" py={6} data-testid="campaign-stopped">
          {campaign.stoppedBecause
            ? t(`campaign.stoppedBecause.${campaign.stoppedBecause}`)
            : t('campaign.cancelled', { reason: campaign.cancelReason ?? '' })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, md: 4 }} data-testid="campaign-totals">
        <Figure label={t('campaign.recipients')} value={n(campaign.recipients)} />
        <Figure label={t('campaign.sentAll')} value={n(c.sent)} note={t('campaign.deliveredShare', { share: pct(c.delivered, c.sent) })} />
        <Figure label={t('campaign.bounced')} value={n(c.bounced)} note={pct(c.bounced, c.sent)} />
        <Figure
          label={t('campaign.acknowledged')}
          value={n(c.acknowledged)}
          note={t('campaign.ofRecipients', { share: pct(c.acknowledged, campaign.recipients) })}
        />
      </SimpleGrid>
      {running && (
        <div>
          <Text size="xs" c="dimmed">
            {t('campaign.waveProgress', {
              number: running.number,
              sent: n(running.recipients - running.queued),
              recipients: n(running.recipients),
            })}
          </Text>
          <Progress
            value={running.recipients ? ((running.recipients - running.queued) / running.recipients) * 100 : 0}
            animated
            size="sm"
            aria-label={t('campaign.waveLabel', { number: running.number })}
          />
        </div>
      )}
      <CampaignChart campaign={campaign} />
      <Table fz="xs" data-testid="campaign-waves">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('campaign.wave')}</Table.Th>
            <Table.Th>{t('campaign.requested')}</Table.Th>
            <Table.Th ta="right">{t('campaign.recipients')}</Table.Th>
            <Table.Th>{t('campaign.stateLabel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {campaign.waves.map((wave) => (
            <Table.Tr key={wave.number}>
              <Table.Td>
                {wave.number}. {t(`campaign.waveKind.${wave.kind}`)}
              </Table.Td>
              <Table.Td>
                {f.instant(wave.requestedAt)} · {staffName(wave.requestedBy)}
              </Table.Td>
              <Table.Td ta="right">{n(wave.recipients)}</Table.Td>
              <Table.Td>{t(`campaign.waveState.${wave.state}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {mayWrite && campaign.state === 'sent' && versionLive && !effectivePassed && reminders < MAX_REMINDERS && (
        <Group>
          <Button
            variant="light"
            loading={remind.mutation.isPending}
            disabled={open === 0}
            onClick={() =>
              confirm.ask({
                title: t('campaign.remindTitle'),
                consequence: t('campaign.remindConsequence', { n: n(open) }),
                confirmLabel: t('campaign.remind'),
                onConfirm: () => remind.mutation.mutate(undefined),
              })
            }
            data-testid="campaign-remind"
          >
            {t('campaign.remindButton', { n: n(open) })}
          </Button>
          <Text size="xs" c="dimmed">
            {t('campaign.remindersLeft', { count: MAX_REMINDERS - reminders })}
          </Text>
        </Group>
      )}
      {remind.failure && (
        <Alert color="red" py={6}>
          {remind.failure}
        </Alert>
      )}
      {mayWrite && (campaign.state === 'planned' || campaign.state === 'sending') && (
        <Group align="flex-end">
          <TextInput
            label={t('campaign.cancelReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={cancel.errors.reason}
            w={420}
          />
          <Button
            color="red"
            variant="light"
            loading={cancel.mutation.isPending}
            onClick={() =>
              confirm.ask({
                title: t('campaign.cancelTitle'),
                consequence: t('campaign.cancelConsequence'),
                confirmLabel: t('campaign.cancel'),
                danger: true,
                onConfirm: () => cancel.mutation.mutate(undefined),
              })
            }
            data-testid="campaign-cancel"
          >
            {t('campaign.cancel')}
          </Button>
        </Group>
      )}
      {cancel.failure && (
        <Alert color="red" py={6}>
          {cancel.failure}
        </Alert>
      )}
      <Title order={4} size="h6">
        {t('campaign.messages')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <MessagePreview title={t('campaign.channel.email')} message={campaign.messages.email} />
        <MessagePreview title={t('campaign.channel.in_app')} message={campaign.messages.inApp} />
      </SimpleGrid>
      {confirm.element}
    </Stack>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}
