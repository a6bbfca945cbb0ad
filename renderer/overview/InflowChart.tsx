import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DsarType } from '../../shared/api/dsar';
import type { DsarOverview } from '../../shared/ipc/overview';
import { useDateFormat } from '../app/format';
import { useLabels } from '../app/labels';
import { queueLink } from '../dsar/links';
import { AsTable } from './AsTable';
import { axis, grid, tooltip, typeColors } from './chart-style';

type Week = DsarOverview['inflow'][number];
const weekLink = (week: Week, type?: DsarType) =>
  queueLink({ statuses: [], types: type ? [type] : [], received: { from: week.from, to: week.to }, sort: 'received_asc' });

/** Requests received per week, stacked by type; a bar leads to its week's requests of that type. */
export function InflowChart({ inflow, locale }: { inflow: Week[]; locale: string }) {
  const { t } = useTranslation('overview');
  const names = useLabels();
  const f = useDateFormat();
  const navigate = useNavigate();
  const data = inflow.map((week) => ({ ...week, label: f.shortDay(week.from), ...week.counts }));
  const n = (value: number) => value.toLocaleString(locale);
  return (
    <>
      <div
        style={{ width: '100%', height: 240 }}
        role="img"
        aria-label={t('inflow.chart', { count: inflow.length })}
        data-testid="inflow-chart"
      >
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid {...grid} vertical={false} />
            <XAxis dataKey="label" {...axis} />
            <YAxis {...axis} width={44} tickFormatter={n} allowDecimals={false} />
            <Tooltip {...tooltip} formatter={(value) => n(Number(value))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {DsarType.options.map((type) => (
              <Bar
                key={type}
                dataKey={type}
                stackId="types"
                name={names.dsarTypeShort[type]}
                fill={typeColors[type]}
                isAnimationActive={false}
                cursor="pointer"
                onClick={(entry) => navigate(weekLink((entry as unknown as { payload: Week }).payload, type))}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <AsTable>
        <Table fz="xs" striped data-testid="inflow-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('inflow.week')}</Table.Th>
              {DsarType.options.map((type) => (
                <Table.Th key={type} ta="right">
                  {names.dsarTypeShort[type]}
                </Table.Th>
              ))}
              <Table.Th ta="right">{t('inflow.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inflow.map((week) => (
              <Table.Tr key={week.from}>
                <Table.Td>{f.day(week.from)}</Table.Td>
                {DsarType.options.map((type) => (
                  <Table.Td key={type} ta="right">
                    {week.counts[type] ? (
                      <Anchor component={Link} to={weekLink(week, type)} fz="xs">
                        {n(week.counts[type])}
                      </Anchor>
                    ) : (
                      '0'
                    )}
                  </Table.Td>
                ))}
                <Table.Td ta="right">
                  <Anchor component={Link} to={weekLink(week)} fz="xs">
                    {n(Object.values(week.counts).reduce((sum, count) => sum + count, 0))}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </AsTable>
    </>
  );
}
