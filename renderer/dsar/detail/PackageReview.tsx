import { Accordion, Alert, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../shared/api/jobs';
import { deliveredJob, excludedItems } from '../../../shared/domain/dsar-package';
import type { DsarDetail } from '../../../shared/ipc/contract';
import { useConfirm } from '../../app/dialogs';
import { download } from '../../app/download';
import { useLabels } from '../../app/labels';
import { useProblemText } from '../../app/problems';
import { useBridge } from '../../bridge/context';
import { useAct } from '../useRequest';

/**
 * The data package before it leaves: every category with its records, items the officer withholds (with a
 * reason, e.g. data of other people, Art. 15(4)), the Art. 15(1) information, and the approval to deliver.
 */
export function PackageReview({ detail, job }: { detail: DsarDetail; job: Job }) {
  const { t } = useTranslation('dsar');
  const names = useLabels();
  const problems = useProblemText();
  const confirm = useConfirm();
  const bridge = useBridge();
  const act = useAct(detail.dsar.id);
  const [excluding, setExcluding] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const information = useQuery({
    queryKey: ['dsar', 'art15', detail.dsar.id],
    queryFn: () => bridge['dsar.article15']({ id: detail.dsar.id }),
  });
  if (job.result?.kind !== 'package') return null;
  const excluded = excludedItems(detail.dsar, job.id);
  const delivered = deliveredJob(detail.dsar);
  const run = (action: Parameters<typeof act.mutateAsync>[0]) =>
    act.mutateAsync(action).then(
      () => setError(null),
      (e: unknown) => setError(problems.failure(e)),
    );
  const total = job.result.categories.reduce((n, c) => n + c.count, 0);

  return (
    <Stack gap="xs" data-testid="package-review">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {t('package.summary', { count: total, categories: job.result.categories.filter((c) => c.count).length, excluded: excluded.size })}
        </Text>
        {delivered && (
          <Badge color="teal" variant="light" data-testid="delivered">
            {t('package.delivered', { sha: delivered.sha256.slice(0, 12) })}
          </Badge>
        )}
      </Group>
      <Accordion variant="contained" multiple chevronPosition="left">
        {job.result.categories.map((category) => (
          <Accordion.Item key={category.category} value={category.category} data-testid={`category-${category.category}`}>
            <Accordion.Control disabled={category.count === 0}>
              <Group justify="space-between" wrap="nowrap" pr="sm">
                <Text size="sm">{names.dataCategory[category.category]}</Text>
                <Badge variant="light" color="gray">
                  {category.count}
                </Badge>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Table fz="sm" verticalSpacing={4}>
                <Table.Tbody>
                  {category.items.map((item) => {
                    const withheld = excluded.get(item.id);
                    return (
                      <Table.Tr key={item.id} data-testid="package-item" data-excluded={withheld ? 'true' : 'false'}>
                        <Table.Td style={{ textDecoration: withheld ? 'line-through' : undefined }}>
                          <Text size="sm">{item.label}</Text>
                          <Text size="xs" c="dimmed">
                            {item.detail}
                          </Text>
                          {/* What a person wrote is what may name others (Art. 15(4)): the officer reads it here. */}
                          {typeof item.fields.text === 'string' && (
                            <Text size="xs" pl="xs" style={{ borderLeft: '2px solid var(--mantine-color-gray-4)' }} data-testid="item-text">
                              {item.fields.text}
                            </Text>
                          )}
                          {withheld && (
                            <Text size="xs" c="red.9">
                              {t('package.withheld', { reason: withheld.reason })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td w={1} style={{ whiteSpace: 'nowrap' }}>
                          {!delivered &&
                            (withheld ? (
                              <Button
                                size="compact-xs"
                                variant="default"
                                onClick={() =>
                                  void run({ type: 'include_item', jobId: job.id, category: category.category, itemId: item.id })
                                }
                              >
                                {t('package.include')}
                              </Button>
                            ) : excluding === item.id ? (
                              <Group gap={4} wrap="nowrap">
                                <TextInput
                                  size="xs"
                                  aria-label={t('package.reason')}
                                  placeholder={t('package.reason')}
                                  value={reason}
                                  onChange={(e) => setReason(e.currentTarget.value)}
                                  data-autofocus
                                  w={200}
                                />
                                <Button
                                  size="compact-xs"
                                  color="red"
                                  onClick={() =>
                                    void run({
                                      type: 'exclude_item',
                                      jobId: job.id,
                                      category: category.category,
                                      itemId: item.id,
                                      reason: reason.trim(),
                                    }).then(() => {
                                      setExcluding(null);
                                      setReason('');
                                    })
                                  }
                                >
                                  {t('package.confirmExclude')}
                                </Button>
                              </Group>
                            ) : (
                              <Button size="compact-xs" variant="light" color="red" onClick={() => setExcluding(item.id)}>
                                {t('package.exclude')}
                              </Button>
                            ))}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <details>
        <summary>
          <Text span size="sm" fw={500}>
            {t('package.information')}
          </Text>
        </summary>
        <Text size="xs" component="pre" style={{ whiteSpace: 'pre-wrap' }} data-testid="art15-information">
          {information.data?.text ?? '…'}
        </Text>
      </details>
      {error && (
        <Alert color="red" py={6}>
          {error}
        </Alert>
      )}
      {delivered && (
        <Button
          variant="default"
          w="fit-content"
          data-testid="download-package"
          onClick={() =>
            bridge['dsar.package']({ id: detail.dsar.id, jobId: job.id }).then(
              (file) => {
                download(file);
                setError(null);
              },
              (e: unknown) => setError(problems.failure(e)),
            )
          }
        >
          {t('package.download')}
        </Button>
      )}
      {confirm.element}
      {!delivered && (
        <Button
          onClick={() => {
            const text = information.data?.text;
            if (!text || job.result?.kind !== 'package') return;
            confirm.ask({
              title: t('irreversible.deliver.title', { name: detail.dsar.subject.name }),
              consequence: t('irreversible.deliver.body', {
                name: detail.dsar.subject.name,
                count: total - excluded.size,
                categories: job.result.categories.filter((c) => c.count).length,
                excluded: excluded.size,
              }),
              note: t('irreversible.undoHint'),
              confirmLabel: t('irreversible.deliver.confirm'),
              danger: true,
              onConfirm: () => void run({ type: 'deliver', jobId: job.id, information: text }),
            });
          }}
          disabled={!information.data}
          loading={act.isPending}
        >
          {t('package.approve')}
        </Button>
      )}
    </Stack>
  );
}
