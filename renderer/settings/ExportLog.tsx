import { Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../app/format';
import { useLabels } from '../app/labels';
import { useStaffNames } from '../app/staff';
import { useBridge } from '../bridge/context';

/** Every file with personal data this console wrote (Art. 5(2)): when, what, the file, its SHA-256, who. */
export function ExportLog() {
  const { t } = useTranslation('settings');
  const names = useLabels();
  const bridge = useBridge();
  const format = useDateFormat();
  const staffName = useStaffNames();
  // Refreshed whenever the page opens: exports are made on other screens.
  const log = useQuery({ queryKey: ['exports-log'], queryFn: () => bridge['exports.log'](), staleTime: 0 });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('exports.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('exports.explain')}
        </Text>
        {log.data?.length === 0 && <Text size="sm">{t('exports.none')}</Text>}
        {!!log.data?.length && (
          <Table aria-label={t('exports.title')} data-testid="export-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('exports.at')}</Table.Th>
                <Table.Th>{t('exports.kind')}</Table.Th>
                <Table.Th>{t('exports.file')}</Table.Th>
                <Table.Th>{t('exports.by')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.map((entry) => (
                <Table.Tr key={`${entry.at}-${entry.sha256}`}>
                  <Table.Td>{format.instant(entry.at)}</Table.Td>
                  <Table.Td>{names.exportKind[entry.kind]}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.fileName}</Text>
                    <Code fz="xs" title="SHA-256">
                      {entry.sha256.slice(0, 16)}…
                    </Code>
                  </Table.Td>
                  <Table.Td>{staffName(entry.actor)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
