import { Alert, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { DsarOverview, Overview } from '../../shared/ipc/overview';
import { useDateFormat } from '../app/format';
import { lazyComponent } from '../app/lazy-screen';
import { PartBoundary } from '../app/PartBoundary';
import { useProblemText } from '../app/problems';
import { useMayRead } from '../app/workspace';
import { queueLink } from '../dsar/links';
import { Figure } from './Figure';
import { LoadTable } from './LoadTable';
import { links } from './links';
import { AccessFigures, CampaignFigures, IncidentClocks, RegistryFigures, useClockText } from './ModulePanels';
import { MonthlyReport } from './MonthlyReport';
import { useOverview } from './useOverview';

// The charts (recharts, a third of the page's script) are a chunk of their own: the figures and tables are on
// screen first, the charts follow as soon as their chunk is parsed, each in a space of its own height.
const charts = {
  inflow: () => import('./InflowChart'),
  onTime: () => import('./OnTimeChart'),
  due: () => import('./DueChart'),
};
const InflowChart = lazyComponent(charts.inflow, 'InflowChart');
const OnTimeChart = lazyComponent(charts.onTime, 'OnTimeChart');
const DueChart = lazyComponent(charts.due, 'DueChart');

/** Starts loading the charts' chunk at once (the start does, while it waits for its first answers). */
export function preloadCharts(): void {
  // A chunk that cannot be loaded is said where its chart stands (PartBoundary), not here.
  for (const load of Object.values(charts)) load().catch(() => undefined);
}

/** A chart's place: empty at its height until its chunk is there (the figures do not wait for it). */
function ChartSpace({ height, children }: { height: number; children: ReactNode }) {
  return (
    <PartBoundary>
      <Suspense fallback={<div style={{ height }} />}>{children}</Suspense>
    </PartBoundary>
  );
}

function Panel({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={title} data-testid={testId}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The start screen: the legal clocks of every module side by side, each figure leading to the rows behind it. */
export function OverviewPage() {
  const { t, i18n } = useTranslation('overview');
  const problems = useProblemText();
  const f = useDateFormat();
  const overview = useOverview();
  const locale = i18n.language === 'en' ? 'en-GB' : 'de-DE';
  const data = overview.data;
  // Each module's figures for those whose role reads it (a security lead sees no requests).
  const may = useMayRead();
  const requests = may('dsar:read');
  return (
    <Stack gap="md" pb="md" style={{ overflowY: 'auto' }} data-testid="overview">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            {t('title')}
          </Title>
          {data?.dsar && (
            <Text size="sm" c="dimmed">
              {t('asOf', { date: f.longDay(data.dsar.today) })}
            </Text>
          )}
        </div>
        {requests && data?.dsar && <MonthlyReport />}
      </Group>
      {overview.error && (
        <Alert color="red" title={t('error')}>
          {problems.failure(overview.error)}
        </Alert>
      )}
      {!data && !overview.error && <Loader size="sm" />}
      {data && (
        <>
          {requests && !data.dsar && <Alert color="blue">{t('loadingRequests')}</Alert>}
          {requests && data.dsar && <Headline dsar={data.dsar} incidents={data.incidents} locale={locale} />}
          {requests && data.dsar && <RequestPanels dsar={data.dsar} locale={locale} />}
          <SimpleGrid cols={{ base: 1, md: 2, xl: 4 }} spacing="md">
            {may('breach:read') && (
              <Panel title={t('incidents.title')} testId="panel-incidents">
                <IncidentClocks incidents={data.incidents} />
              </Panel>
            )}
            {may('processor:read') && (
              <Panel title={t('registry.title')} testId="panel-registry">
                <RegistryFigures registry={data.registry} locale={locale} />
              </Panel>
            )}
            {may('policy:read') && (
              <Panel title={t('campaigns.title')} testId="panel-campaigns">
                <CampaignFigures campaigns={data.campaigns} locale={locale} />
              </Panel>
            )}
            {may('access:read') && (
              <Panel title={t('access.title')} testId="panel-access">
                <AccessFigures reviews={data.reviews} leavers={data.leavers} locale={locale} />
              </Panel>
            )}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

function Headline({ dsar, incidents, locale }: { dsar: DsarOverview; incidents: Overview['incidents']; locale: string }) {
  const { t } = useTranslation('overview');
  const f = useDateFormat();
  const n = (value: number) => value.toLocaleString(locale);
  const month = dsar.onTime[dsar.onTime.length - 1];
  const rate = month?.answered ? Math.round((month.onTime / month.answered) * 1000) / 10 : null;
  const next = incidents.clocks[0];
  const left = useClockText();
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
      <Figure
        label={t('kpi.open')}
        value={n(dsar.open)}
        to={queueLink({})}
        detail={dsar.paused ? t('kpi.paused', { count: dsar.paused }) : undefined}
        testId="figure-open"
      />
      <Figure
        label={t('kpi.overdue')}
        value={n(dsar.overdue)}
        to={queueLink({ due: 'overdue' })}
        tone={dsar.overdue ? 'alert' : 'good'}
        testId="figure-overdue"
      />
      <Figure
        label={t('kpi.clocks')}
        value={n(incidents.clocks.length)}
        to={links.runningClocks()}
        tone={next && next.minutesLeft < 24 * 60 ? 'alert' : undefined}
        detail={next ? t('kpi.nextClock', { left: left(next.minutesLeft) }) : t('kpi.noClock')}
        testId="figure-clocks"
      />
      {month && (
        <Figure
          label={t('kpi.onTime', { month: f.month(month.month) })}
          value={rate === null ? '–' : `${rate.toLocaleString(locale)} %`}
          to={queueLink({ statuses: [], answered: { month: month.month, onTime: month.onTime < month.answered ? false : null } })}
          tone={rate === null ? undefined : rate < 100 ? 'alert' : 'good'}
          detail={month.answered ? t('kpi.onTimeOf', { onTime: n(month.onTime), answered: n(month.answered) }) : t('kpi.noAnswers')}
          testId="figure-on-time"
        />
      )}
    </SimpleGrid>
  );
}

function RequestPanels({ dsar, locale }: { dsar: DsarOverview; locale: string }) {
  const { t } = useTranslation('overview');
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Panel title={t('inflow.title')} testId="panel-inflow">
        <ChartSpace height={264}>
          <InflowChart inflow={dsar.inflow} locale={locale} />
        </ChartSpace>
      </Panel>
      <Panel title={t('onTime.title')} testId="panel-on-time">
        <Text size="xs" c="dimmed" mb={4}>
          {t('onTime.explain')}
        </Text>
        <ChartSpace height={264}>
          <OnTimeChart months={dsar.onTime} locale={locale} />
        </ChartSpace>
      </Panel>
      <Panel title={t('due.title')} testId="panel-due">
        <ChartSpace height={244}>
          <DueChart buckets={dsar.due} locale={locale} />
        </ChartSpace>
      </Panel>
      <Panel title={t('load.title')} testId="panel-load">
        <LoadTable load={dsar.load} locale={locale} />
      </Panel>
    </SimpleGrid>
  );
}
