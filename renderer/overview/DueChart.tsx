import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DueBucket } from '../../shared/ipc/overview';
import { useDateFormat } from '../app/format';
import { queueLink } from '../dsar/links';
import { AsTable } from './AsTable';
import { axis, grid, tooltip } from './chart-style';

/** Overdue is the queue's own view; the other buckets are ranges of due dates. */
export const bucketLink = (bucket: DueBucket) =>
  bucket.bucket === 'overdue' ? queueLink({ due: 'overdue' }) : queueLink({ dueBetween: { from: bucket.from, to: bucket.to } });

const colors: Record<DueBucket['bucket'], string> = {
  overdue: 'var(--mantine-color-red-7)',
  week: 'var(--mantine-color-orange-6)',
  fortnight: 'var(--mantine-color-yellow-6)',
  month: 'var(--mantine-color-blue-5)',
  later: 'var(--mantine-color-gray-5)',
};

/** Open requests by days left until their due date; a bar leads to its requests. */
export function DueChart({ buckets, locale }: { buckets: DueBucket[]; locale: string }) {
  const { t } = useTranslation('overview');
  const f = useDateFormat();
  const navigate = useNavigate();
  const n = (value: number) => value.toLocaleString(locale);
  const data = buckets.map((bucket) => ({ ...bucket, label: t(`due.bucket.${bucket.bucket}`) }));
  const range = (bucket: DueBucket) =>
    bucket.from && bucket.to
      ? `${f.day(bucket.from)} – ${f.day(bucket.to)}`
      : bucket.from
        ? `≥ ${f.day(bucket.from)}`
        : `≤ ${f.day(bucket.to ?? '')}`;
  return (
    <>
      <div style={{ width: '100%', height: 220 }} role="img" aria-label={t('due.chart')} data-testid="due-chart">
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid {...grid} vertical={false} />
            <XAxis dataKey="label" {...axis} />
            <YAxis {...axis} width={44} tickFormatter={n} allowDecimals={false} />
            <Tooltip {...tooltip} formatter={(value) => n(Number(value))} />
            <Bar
              dataKey="count"
              name={t('due.count')}
              isAnimationActive={false}
              cursor="pointer"
              maxBarSize={64}
              onClick={(entry) => navigate(bucketLink((entry as unknown as { payload: DueBucket }).payload))}
            >
              {data.map((bucket) => (
                <Cell key={bucket.bucket} fill={colors[bucket.bucket]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <AsTable>
        <Table fz="xs" striped data-testid="due-table">
          <Table.Tbody>
            {buckets.map((bucket) => (
              <Table.Tr key={bucket.bucket}>
                <Table.Td>{t(`due.bucket.${bucket.bucket}`)}</Table.Td>
                <Table.Td c="dimmed">{range(bucket)}</Table.Td>
                <Table.Td ta="right">
                  <Anchor component={Link} to={bucketLink(bucket)} fz="xs">
                    {n(bucket.count)}
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
