import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DsarOverview } from '../../shared/ipc/overview';
import { useDateFormat } from '../app/format';
import { queueLink } from '../dsar/links';
import { AsTable } from './AsTable';
import { axis, grid, tooltip } from './chart-style';

type Month = DsarOverview['onTime'][number];
const monthLink = (month: string, onTime: boolean | null) => queueLink({ statuses: [], answered: { month, onTime }, sort: 'received_asc' });

/** The share answered on time per month against 100 %; a point leads to the month's late answers (or all, when none was late). */
export function OnTimeChart({ months, locale }: { months: Month[]; locale: string }) {
  const { t } = useTranslation('overview');
  const f = useDateFormat();
  const navigate = useNavigate();
  const percent = (month: Month) => (month.answered ? Math.round((month.onTime / month.answered) * 1000) / 10 : null);
  const data = months.map((month) => ({ ...month, label: f.shortMonth(month.month), rate: percent(month) }));
  const n = (value: number) => value.toLocaleString(locale);
  return (
    <>
      <div style={{ width: '100%', height: 240 }} role="img" aria-label={t('onTime.chart')} data-testid="on-time-chart">
        <ResponsiveContainer>
          <LineChart
            data={data}
            margin={{ top: 20, right: 16, bottom: 0, left: 0 }}
            onClick={(state) => {
              const month = data[Number(state?.activeTooltipIndex ?? -1)];
              if (month?.answered) navigate(monthLink(month.month, month.onTime < month.answered ? false : null));
            }}
          >
            <CartesianGrid {...grid} vertical={false} />
            <XAxis dataKey="label" {...axis} />
            <YAxis {...axis} width={56} domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit=" %" />
            <Tooltip {...tooltip} formatter={(value) => `${Number(value).toLocaleString(locale)} %`} />
            <ReferenceLine
              y={100}
              stroke="var(--mantine-color-teal-7)"
              strokeDasharray="6 3"
              label={{ value: t('onTime.target'), position: 'insideTopRight', fontSize: 11, fill: 'var(--mantine-color-teal-7)' }}
            />
            <Line
              dataKey="rate"
              name={t('onTime.rate')}
              stroke="var(--mantine-color-blue-6)"
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
              cursor="pointer"
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <AsTable>
        <Table fz="xs" striped data-testid="on-time-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('onTime.month')}</Table.Th>
              <Table.Th ta="right">{t('onTime.answered')}</Table.Th>
              <Table.Th ta="right">{t('onTime.onTime')}</Table.Th>
              <Table.Th ta="right">{t('onTime.late')}</Table.Th>
              <Table.Th ta="right">{t('onTime.rate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((month) => {
              const cell = (value: number, onTime: boolean | null) =>
                value ? (
                  <Anchor component={Link} to={monthLink(month.month, onTime)} fz="xs">
                    {n(value)}
                  </Anchor>
                ) : (
                  '0'
                );
              return (
                <Table.Tr key={month.month}>
                  <Table.Td>{f.month(month.month)}</Table.Td>
                  <Table.Td ta="right">{cell(month.answered, null)}</Table.Td>
                  <Table.Td ta="right">{cell(month.onTime, true)}</Table.Td>
                  <Table.Td ta="right">{cell(month.answered - month.onTime, false)}</Table.Td>
                  <Table.Td ta="right">{month.rate === null ? '–' : `${month.rate.toLocaleString(locale)} %`}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </AsTable>
    </>
  );
}
