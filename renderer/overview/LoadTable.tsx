import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DsarOverview } from '../../shared/ipc/overview';
import { useStaffNames } from '../app/staff';
import { queueLink } from '../dsar/links';

/** Open requests per assignee, most first; each count leads to that person's open (or overdue) requests. */
export function LoadTable({ load, locale }: { load: DsarOverview['load']; locale: string }) {
  const { t } = useTranslation('overview');
  const staffName = useStaffNames();
  const n = (value: number) => value.toLocaleString(locale);
  if (!load.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('load.none')}
      </Text>
    );
  }
  return (
    <Table fz="sm" striped data-testid="load-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('load.person')}</Table.Th>
          <Table.Th ta="right">{t('load.open')}</Table.Th>
          <Table.Th ta="right">{t('load.overdue')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {load.map((entry) => {
          const assignee = entry.assigneeId ?? 'unassigned';
          return (
            <Table.Tr key={assignee}>
              <Table.Td>{entry.assigneeId ? staffName(entry.assigneeId) : t('load.unassigned')}</Table.Td>
              <Table.Td ta="right">
                <Anchor component={Link} to={queueLink({ assignee })} fz="sm">
                  {n(entry.open)}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">
                {entry.overdue ? (
                  <Anchor component={Link} to={queueLink({ assignee, due: 'overdue' })} fz="sm" c="red.8">
                    {n(entry.overdue)}
                  </Anchor>
                ) : (
                  '0'
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
