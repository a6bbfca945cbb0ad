import { Anchor, Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Overview, registryFigures } from '../../shared/ipc/overview';
import { useDateFormat } from '../app/format';
import { links } from './links';

const count = (value: number, locale: string) => value.toLocaleString(locale);

/** Time left on a 72-hour clock ("noch 5 h 20 min"), or since when it has passed (in days after two of them). */
export function useClockText() {
  const { t } = useTranslation('overview');
  return (minutes: number) => {
    const abs = Math.abs(minutes);
    if (minutes < 0 && abs >= 48 * 60) return t('incidents.passedDays', { count: Math.floor(abs / (24 * 60)) });
    const parts = { hours: Math.floor(abs / 60), minutes: abs % 60 };
    return minutes < 0 ? t('incidents.passed', parts) : t('incidents.left', parts);
  };
}

/** Incidents whose Art. 33 clock runs, least time left first: each leads to its incident. */
export function IncidentClocks({ incidents }: { incidents: Overview['incidents'] }) {
  const { t } = useTranslation('overview');
  const left = useClockText();
  return (
    <Stack gap={6} data-testid="incident-clocks">
      <Text size="xs" c="dimmed">
        {t('incidents.open', { count: incidents.open })}
      </Text>
      {incidents.clocks.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('incidents.none')}
        </Text>
      )}
      {incidents.clocks.slice(0, 6).map((clock) => (
        <Group key={clock.id} justify="space-between" wrap="nowrap" gap="xs">
          <Anchor component={Link} to={links.incident(clock.id)} size="sm" truncate>
            {clock.title}
          </Anchor>
          <Badge
            color={clock.minutesLeft < 0 ? 'red' : clock.minutesLeft < 24 * 60 ? 'orange' : 'blue'}
            variant="light"
            style={{ flexShrink: 0 }}
          >
            {left(clock.minutesLeft)}
          </Badge>
        </Group>
      ))}
      <Anchor component={Link} to={links.runningClocks()} size="xs">
        {t('incidents.all', { count: incidents.clocks.length })}
      </Anchor>
    </Stack>
  );
}

/** The registry's reminders the officer must act on, by kind; each leads to those processors. */
export function RegistryFigures({ registry, locale }: { registry: Overview['registry']; locale: string }) {
  const { t } = useTranslation('overview');
  return (
    <Stack gap={6} data-testid="registry-figures">
      {registryFigures.map((kind) => (
        <Group key={kind} justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm">{t(`registry.${kind}`)}</Text>
          <Anchor
            component={Link}
            to={links.processors(kind)}
            fw={700}
            c={registry[kind] && (kind === 'dpa_expired' || kind === 'review_overdue') ? 'red.8' : undefined}
            data-figure={kind}
          >
            {count(registry[kind], locale)}
          </Anchor>
        </Group>
      ))}
    </Stack>
  );
}

/** The policy notifications under way (and the last one sent): how many of the recipients it reached and who acknowledged. */
export function CampaignFigures({ campaigns, locale }: { campaigns: Overview['campaigns']; locale: string }) {
  const { t } = useTranslation('overview');
  const share = (value: number, total: number) => (total ? (value / total) * 100 : 0);
  if (!campaigns.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('campaigns.none')}
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="campaign-figures">
      {campaigns.map((campaign) => (
        <Stack key={campaign.id} gap={4}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Anchor component={Link} to={links.campaign(campaign.versionId)} size="sm" truncate>
              {t('campaigns.version', {
                document: t(`campaigns.document.${campaign.document as 'privacy' | 'cookies'}`, { defaultValue: campaign.document }),
                number: campaign.number,
                language: campaign.language.toUpperCase(),
              })}
            </Anchor>
            <Badge variant="light" color={campaign.state === 'sending' ? 'blue' : 'gray'} style={{ flexShrink: 0 }}>
              {t(`campaigns.state.${campaign.state}`)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t('campaigns.reached')}:{' '}
            {t('campaigns.of', { value: count(campaign.reached, locale), total: count(campaign.recipients, locale) })}
            {campaign.bounced ? ` · ${t('campaigns.bounced', { count: campaign.bounced })}` : ''}
          </Text>
          <Progress value={share(campaign.reached, campaign.recipients)} size="sm" aria-label={t('campaigns.reached')} />
          <Text size="xs" c="dimmed">
            {t('campaigns.acknowledged')}:{' '}
            {t('campaigns.of', { value: count(campaign.acknowledged, locale), total: count(campaign.recipients, locale) })}
          </Text>
          <Progress
            value={share(campaign.acknowledged, campaign.recipients)}
            size="sm"
            color="teal"
            aria-label={t('campaigns.acknowledged')}
          />
        </Stack>
      ))}
    </Stack>
  );
}

/** Open access reviews with their progress, and leavers still holding access (past the deadline in red). */
export function AccessFigures({
  reviews,
  leavers,
  locale,
}: {
  reviews: Overview['reviews'];
  leavers: Overview['leavers'];
  locale: string;
}) {
  const { t } = useTranslation('overview');
  const f = useDateFormat();
  return (
    <Stack gap="sm" data-testid="access-figures">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm">{t('access.leavers')}</Text>
        <Anchor component={Link} to={links.leavers(false)} fw={700} data-figure="leavers">
          {count(leavers.open, locale)}
        </Anchor>
      </Group>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm">{t('access.leaversOverdue')}</Text>
        <Anchor component={Link} to={links.leavers(true)} fw={700} c={leavers.overdue ? 'red.8' : undefined} data-figure="leavers-overdue">
          {count(leavers.overdue, locale)}
        </Anchor>
      </Group>
      <Text size="sm" fw={600}>
        {t('access.reviews')}
      </Text>
      {reviews.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('access.none')}
        </Text>
      )}
      {reviews.map((review) => (
        <Stack key={review.id} gap={4}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Anchor component={Link} to={links.review(review.id)} size="sm" truncate>
              {review.title}
            </Anchor>
            <Text size="xs" c={review.overdue ? 'red.8' : 'dimmed'} style={{ flexShrink: 0 }}>
              {review.overdue ? t('access.overdue') : t('access.due', { date: f.day(review.dueDate) })}
            </Text>
          </Group>
          <Progress
            value={review.items ? (review.decided / review.items) * 100 : 0}
            size="sm"
            color={review.overdue ? 'red' : 'blue'}
            aria-label={t('access.progress', { decided: count(review.decided, locale), items: count(review.items, locale) })}
          />
          <Text size="xs" c="dimmed">
            {t('access.progress', { decided: count(review.decided, locale), items: count(review.items, locale) })}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}
