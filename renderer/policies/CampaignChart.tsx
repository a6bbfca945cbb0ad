import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PolicyCampaign } from '../../shared/api/policy-campaigns';
import { useDateFormat } from '../app/format';

const DAY = 86_400_000;

/** The campaign's days with the quiet ones between filled in, so the axis runs evenly through time. */
function everyDay(days: PolicyCampaign['days']): PolicyCampaign['days'] {
  if (!days.length) return [];
  const known = new Map(days.map((day) => [day.day, day]));
  const out: PolicyCampaign['days'] = [];
  const last = Date.parse(days[days.length - 1].day);
  for (let at = Date.parse(days[0].day); at <= last; at += DAY) {
    const day = new Date(at).toISOString().slice(0, 10);
    out.push(known.get(day) ?? { day, sent: 0, delivered: 0, bounced: 0, acknowledged: 0 });
  }
  return out;
}

/**
 * A campaign over time: per day the mails sent and the people who acknowledged, and the share of everyone
 * reached who has acknowledged so far (right axis). The same figures as a table for readers without the chart.
 */
export function CampaignChart({ campaign }: { campaign: PolicyCampaign }) {
  const { t, i18n } = useTranslation('policies');
  const f = useDateFormat();
  const locale = i18n.language === 'en' ? 'en-GB' : 'de-DE';
  const n = (value: number) => value.toLocaleString(locale);
  let acknowledged = 0;
  const reached = Math.max(1, campaign.recipients);
  const data = everyDay(campaign.days).map((day) => {
    acknowledged += day.acknowledged;
    return { ...day, label: f.day(day.day), share: Math.round((acknowledged / reached) * 1000) / 10 };
  });
  if (!data.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('campaign.noDays')}
      </Text>
    );
  }
  return (
    <>
      <div style={{ width: '100%', height: 260 }} data-testid="campaign-chart" role="img" aria-label={t('campaign.chartLabel')}>
        <ResponsiveContainer>
          <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-3)" />
            <XAxis dataKey="label" fontSize={11} />
            <YAxis yAxisId="count" fontSize={11} tickFormatter={n} width={56} />
            <YAxis yAxisId="share" orientation="right" fontSize={11} unit=" %" domain={[0, 100]} width={48} />
            <Tooltip formatter={(value, name) => (name === t('campaign.share') ? `${value} %` : n(Number(value)))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar
              yAxisId="count"
              dataKey="sent"
              name={t('campaign.sent')}
              fill="var(--mantine-color-blue-4)"
              maxBarSize={40}
              isAnimationActive={false}
            />
            <Bar
              yAxisId="count"
              dataKey="acknowledged"
              name={t('campaign.acknowledged')}
              fill="var(--mantine-color-teal-6)"
              maxBarSize={40}
              isAnimationActive={false}
            />
            <Line
              yAxisId="share"
              dataKey="share"
              name={t('campaign.share')}
              stroke="var(--mantine-color-orange-7)"
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>
          <Text span size="xs">
            {t('campaign.perDay')}
          </Text>
        </summary>
        <Table fz="xs" striped data-testid="campaign-days">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('campaign.day')}</Table.Th>
              <Table.Th ta="right">{t('campaign.sent')}</Table.Th>
              <Table.Th ta="right">{t('campaign.delivered')}</Table.Th>
              <Table.Th ta="right">{t('campaign.bounced')}</Table.Th>
              <Table.Th ta="right">{t('campaign.acknowledged')}</Table.Th>
              <Table.Th ta="right">{t('campaign.share')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((day) => (
              <Table.Tr key={day.day}>
                <Table.Td>{day.label}</Table.Td>
                <Table.Td ta="right">{n(day.sent)}</Table.Td>
                <Table.Td ta="right">{n(day.delivered)}</Table.Td>
                <Table.Td ta="right">{n(day.bounced)}</Table.Td>
                <Table.Td ta="right">{n(day.acknowledged)}</Table.Td>
                <Table.Td ta="right">{day.share.toLocaleString(locale)} %</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </>
  );
}
