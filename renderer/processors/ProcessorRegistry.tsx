import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Processor } from '../../shared/api/processors';
import { isEea } from '../../shared/domain/transfers';
import { FilterChip } from '../app/FilterChip';
import { useDateFormat } from '../app/format';
import { useLabels } from '../app/labels';
import { useFilterParam, useTakeParams } from '../app/link-params';
import { useProblemText } from '../app/problems';
import { useMayWrite, useWorkspace } from '../app/workspace';
import { countryName } from './countries';
import { NeedsAttention, useRegistryReminders } from './NeedsAttention';
import { ProcessorEditor } from './ProcessorEditor';
import { useProcessors } from './useProcessors';

const riskColor = { low: 'teal', medium: 'yellow', high: 'red' } as const;

export function ProcessorRegistry() {
  const { t, i18n } = useTranslation('processors');
  const problems = useProblemText();
  const names = useLabels();
  const processors = useProcessors();
  const workspace = useWorkspace();
  const mayWrite = useMayWrite('processor:write');
  // `key` remounts the editor per processor, so its form starts from that processor's state.
  const [editing, setEditing] = useState<{ key: number; processor: Processor | null } | null>(null);
  const formatDay = useDateFormat().day;
  // From the palette: one processor opened (once the registry is loaded).
  const [opening, setOpening] = useState<string | null>(null);
  useTakeParams({ open: setOpening });
  useEffect(() => {
    const processor = opening ? processors.data?.find((p) => p.id === opening) : undefined;
    if (!processor) return;
    setEditing({ key: Date.now(), processor });
    setOpening(null);
  }, [opening, processors.data]);
  // From the overview: only the processors behind one kind of reminder.
  const [attention, clearAttention] = useFilterParam('attention');
  const reminders = useRegistryReminders();
  const behind = new Set((reminders.data ?? []).filter((reminder) => reminder.kind === attention).map((reminder) => reminder.processorId));
  const rows = (processors.data ?? []).filter((processor) => !attention || behind.has(processor.id));

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('processors.title')}
        </Title>
        <Group>
          <Text size="sm" c="dimmed" data-testid="processor-count">
            {t('processors.count', { count: processors.data?.length ?? 0 })}
          </Text>
          {mayWrite && <Button onClick={() => setEditing({ key: Date.now(), processor: null })}>{t('processors.add')}</Button>}
        </Group>
      </Group>
      {workspace.data?.me && !mayWrite && <Alert color="gray">{t('processors.readOnly')}</Alert>}
      {attention && (
        <FilterChip
          label={t('processors.attentionOnly', {
            kind: t(`processors.attentionKind.${attention}`, { defaultValue: attention }),
            count: rows.length,
          })}
          removeLabel={t('processors.attentionOnlyRemove')}
          onRemove={clearAttention}
          testId="attention-only"
        />
      )}
      <NeedsAttention kind={attention} />
      {processors.error && <Alert color="red">{problems.failure(processors.error)}</Alert>}
      <Table highlightOnHover aria-label={t('processors.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('processors.legalName')}</Table.Th>
            <Table.Th>{t('processors.category')}</Table.Th>
            <Table.Th>{t('processors.countries')}</Table.Th>
            <Table.Th>{t('processors.transfer')}</Table.Th>
            <Table.Th>{t('processors.section.dpa')}</Table.Th>
            <Table.Th>{t('processors.risk')}</Table.Th>
            <Table.Th>{t('processors.status')}</Table.Th>
            <Table.Th>{t('processors.nextReview')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((processor) => {
            const met = Object.values(processor.dpa.clauses).filter((c) => c.met).length;
            const third = processor.countries.filter((c) => !isEea(c));
            return (
              <Table.Tr key={processor.id} data-testid="processor-row" data-id={processor.id} data-pending={processor.pending}>
                <Table.Td>
                  {mayWrite ? (
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => setEditing({ key: Date.now(), processor })}
                      aria-label={`${t('processors.edit')}: ${processor.legalName}`}
                    >
                      {processor.legalName}
                    </Button>
                  ) : (
                    <Text size="sm" fw={500}>
                      {processor.legalName}
                    </Text>
                  )}
                  {processor.pending && (
                    <Badge size="xs" color="orange" variant="outline" ml={6} data-testid="processor-pending">
                      {t('processors.pending')}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {names.processorRole[processor.role]}
                  </Text>
                </Table.Td>
                <Table.Td>{names.serviceCategory[processor.serviceCategory]}</Table.Td>
                <Table.Td title={processor.countries.map((c) => countryName(c, i18n.language)).join(', ')}>
                  {processor.countries.join(', ')}
                </Table.Td>
                <Table.Td>
                  {third.length ? (
                    <Text size="sm">
                      {names.transferMechanism[processor.transfer.mechanism]}
                      {processor.transfer.sccModule ? ` · ${processor.transfer.sccModule}` : ''}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('processors.eeaOnly')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td data-testid="dpa-summary">
                  <Text size="sm">{processor.dpa.signedAt ? t('processors.clausesMet', { met }) : t('processors.noDpa')}</Text>
                  {processor.dpa.expiresAt && (
                    <Text size="xs" c="dimmed">
                      {t('processors.expires', { date: formatDay(processor.dpa.expiresAt) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge
                    color={riskColor[processor.riskRating]}
                    variant="light"
                    style={{ '--badge-color': 'var(--mantine-color-dark-7)' } as React.CSSProperties}
                  >
                    {names.riskRating[processor.riskRating]}
                  </Badge>
                </Table.Td>
                <Table.Td>{names.processorStatus[processor.status]}</Table.Td>
                <Table.Td>{formatDay(processor.nextReviewAt)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {processors.data?.length === 0 && (
        <Text c="dimmed" ta="center" p="lg">
          {t('processors.empty')}
        </Text>
      )}
      {editing && <ProcessorEditor key={editing.key} processor={editing.processor} opened onClose={() => setEditing(null)} />}
    </Stack>
  );
}
