import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type SubProcessor, TransferMechanism } from '../../shared/api/processors';
import { needsDpfAnswer } from '../../shared/domain/transfers';
import { useLabels } from '../app/labels';
import { countryOptions } from './countries';
import { DpfQuestion } from './DpfQuestion';

/** The processor's sub-processors, each with its own country and transfer mechanism. */
export function SubProcessors({
  value,
  onChange,
  errors,
}: {
  value: SubProcessor[];
  onChange: (next: SubProcessor[]) => void;
  errors: Record<string, string>;
}) {
  const { t, i18n } = useTranslation('processors');
  const names = useLabels();
  const countries = countryOptions(i18n.language);
  const set = (index: number, patch: Partial<SubProcessor>) => onChange(value.map((sub, i) => (i === index ? { ...sub, ...patch } : sub)));
  return (
    <Stack gap="xs">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('processors.noSubProcessors')}
        </Text>
      )}
      {value.map((sub, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id of their own
        <Stack key={index} gap={4}>
          <Group align="flex-end" gap="xs" wrap="nowrap" data-testid="sub-processor">
            <TextInput
              label={t('processors.subName')}
              value={sub.name}
              onChange={(e) => set(index, { name: e.currentTarget.value })}
              style={{ flex: 2 }}
            />
            <TextInput
              label={t('processors.subService')}
              value={sub.service}
              onChange={(e) => set(index, { service: e.currentTarget.value })}
              style={{ flex: 2 }}
            />
            <Select
              label={t('processors.subCountry')}
              data={countries}
              searchable
              value={sub.country}
              allowDeselect={false}
              onChange={(v) => v && set(index, { country: v })}
              style={{ flex: 2 }}
            />
            <Select
              label={t('processors.mechanism')}
              data={TransferMechanism.options.map((m) => ({ value: m, label: names.transferMechanism[m] }))}
              value={sub.transfer.mechanism}
              allowDeselect={false}
              error={errors[`subProcessors.${index}.transfer.mechanism`]}
              onChange={(v) =>
                v &&
                set(index, {
                  transfer: {
                    ...sub.transfer,
                    mechanism: v as SubProcessor['transfer']['mechanism'],
                    sccModule: v === 'scc' ? (sub.transfer.sccModule ?? '3') : null,
                  },
                })
              }
              style={{ flex: 3 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('processors.removeSub', { name: sub.name || '…' })}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
              mb={4}
            >
              ✕
            </ActionIcon>
          </Group>
          {needsDpfAnswer([sub.country], sub.transfer.mechanism) && (
            <DpfQuestion
              recipient={sub.name}
              value={sub.transfer.dpfCertified}
              error={errors[`subProcessors.${index}.transfer.dpfCertified`]}
              onChange={(dpfCertified) => set(index, { transfer: { ...sub.transfer, dpfCertified } })}
            />
          )}
        </Stack>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() =>
            onChange([
              ...value,
              { name: '', service: '', country: 'DE', transfer: { mechanism: 'none', sccModule: null, tiaDate: null, dpfCertified: null } },
            ])
          }
        >
          {t('processors.addSub')}
        </Button>
      </Group>
    </Stack>
  );
}
