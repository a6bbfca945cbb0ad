import { ActionIcon, Badge, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ChangeNotice, SccModule, TransferMechanism } from '../../shared/api/processors';
import { objectionDaysLeft, objectionDeadline } from '../../shared/domain/objections';
import { isEea, needsDpfAnswer } from '../../shared/domain/transfers';
import { useToday } from '../app/format';
import { optionsOf, useLabels } from '../app/labels';
import { countryOptions } from './countries';
import { DpfQuestion } from './DpfQuestion';

type TransferMechanismValue = (typeof TransferMechanism.options)[number];
type SccModuleValue = (typeof SccModule.options)[number];
const noTransfer: NonNullable<ChangeNotice['transfer']> = { mechanism: 'none', sccModule: null, tiaDate: null, dpfCertified: null };

/** Announced sub-processor changes: the objection window counts down until the officer decides (Art. 28(2)). */
export function ChangeNotices({
  value,
  onChange,
  errors,
}: {
  value: ChangeNotice[];
  onChange: (next: ChangeNotice[]) => void;
  errors: Record<string, string>;
}) {
  const { t, i18n } = useTranslation('processors');
  const names = useLabels();
  const countries = countryOptions(i18n.language);
  const today = useToday();
  const set = (index: number, patch: Partial<ChangeNotice>) => onChange(value.map((n, i) => (i === index ? { ...n, ...patch } : n)));
  return (
    <Stack gap="xs">
      {value.map((notice, index) => {
        const left = objectionDaysLeft(notice, today);
        return (
          <Stack key={notice.id} gap={4} data-testid="change-notice">
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput
                label={t('processors.subName')}
                value={notice.subProcessorName}
                onChange={(e) => set(index, { subProcessorName: e.currentTarget.value })}
                style={{ flex: 2 }}
              />
              <Select
                label={t('processors.subCountry')}
                data={countries}
                searchable
                value={notice.country}
                allowDeselect={false}
                onChange={(v) => v && set(index, { country: v })}
                style={{ flex: 2 }}
              />
              <TextInput
                type="date"
                label={t('processors.noticeAt')}
                value={notice.noticeAt}
                onChange={(e) => set(index, { noticeAt: e.currentTarget.value })}
                style={{ flex: 2 }}
              />
              <NumberInput
                label={t('processors.objectionDays')}
                min={1}
                max={180}
                value={notice.objectionDays}
                onChange={(v) => set(index, { objectionDays: Number(v) || 1 })}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('processors.removeNotice', { name: notice.subProcessorName || '…' })}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
                mb={4}
              >
                ✕
              </ActionIcon>
            </Group>
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <Select
                label={t('processors.decision')}
                data={(['pending', 'accepted', 'objected'] as const).map((d) => ({ value: d, label: names.noticeDecision[d] }))}
                value={notice.decision}
                allowDeselect={false}
                onChange={(v) =>
                  v &&
                  set(index, { decision: v as ChangeNotice['decision'], decidedAt: v === 'pending' ? null : (notice.decidedAt ?? today) })
                }
                style={{ flex: 2 }}
              />
              <TextInput
                type="date"
                label={t('processors.decidedAt')}
                value={notice.decidedAt ?? ''}
                disabled={notice.decision === 'pending'}
                error={errors[`changeNotices.${index}.decidedAt`]}
                onChange={(e) => set(index, { decidedAt: e.currentTarget.value || null })}
                style={{ flex: 2 }}
              />
              <Text size="sm" style={{ flex: 3 }} pb={6} data-testid="objection-window">
                {t('processors.objectionUntil', { date: objectionDeadline(notice) })}{' '}
                {notice.decision === 'pending' && (
                  <Badge
                    color={left < 0 ? 'red' : left <= 7 ? 'orange' : 'gray'}
                    variant="light"
                    style={{ '--badge-color': 'var(--mantine-color-dark-7)' } as React.CSSProperties}
                  >
                    {left < 0 ? t('processors.objectionClosed') : t('processors.daysToObject', { count: left })}
                  </Badge>
                )}
              </Text>
            </Group>
            {/* A sub-processor outside the EEA is a transfer: the notice asks for its safeguard before it is accepted. */}
            {!isEea(notice.country) && (
              <Group align="flex-end" gap="xs" wrap="nowrap" data-testid="notice-safeguard">
                <Select
                  label={t('processors.noticeSafeguard', { country: notice.country })}
                  data={optionsOf(TransferMechanism.options, names.transferMechanism)}
                  value={(notice.transfer ?? noTransfer).mechanism}
                  allowDeselect={false}
                  error={errors[`changeNotices.${index}.transfer.mechanism`]}
                  onChange={(v) => {
                    const mechanism = (v ?? 'none') as TransferMechanismValue;
                    const current = notice.transfer ?? noTransfer;
                    set(index, { transfer: { ...current, mechanism, sccModule: mechanism === 'scc' ? (current.sccModule ?? '3') : null } });
                  }}
                  style={{ flex: 3 }}
                />
                {notice.transfer?.mechanism === 'scc' && (
                  <Select
                    label={t('processors.sccModule')}
                    data={SccModule.options.map((module) => ({ value: module, label: t('processors.module', { module }) }))}
                    value={notice.transfer.sccModule}
                    error={errors[`changeNotices.${index}.transfer.sccModule`]}
                    onChange={(v) =>
                      notice.transfer && set(index, { transfer: { ...notice.transfer, sccModule: (v as SccModuleValue) ?? null } })
                    }
                    style={{ flex: 2 }}
                  />
                )}
              </Group>
            )}
            {notice.transfer && needsDpfAnswer([notice.country], notice.transfer.mechanism) && (
              <DpfQuestion
                recipient={notice.subProcessorName}
                value={notice.transfer.dpfCertified}
                error={errors[`changeNotices.${index}.transfer.dpfCertified`]}
                onChange={(dpfCertified) => notice.transfer && set(index, { transfer: { ...notice.transfer, dpfCertified } })}
              />
            )}
          </Stack>
        );
      })}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() =>
            onChange([
              ...value,
              {
                id: `cn-${Date.now().toString(36)}`,
                subProcessorName: '',
                country: 'DE',
                noticeAt: today,
                objectionDays: 30,
                decision: 'pending',
                decidedAt: null,
                transfer: null,
              },
            ])
          }
        >
          {t('processors.addNotice')}
        </Button>
      </Group>
    </Stack>
  );
}
