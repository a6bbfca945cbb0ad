import { Group, Radio } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const values = { yes: true, no: false, unchecked: null } as const;
type Answer = keyof typeof values;
const answerOf = (value: boolean | null): Answer => (value === true ? 'yes' : value === false ? 'no' : 'unchecked');

/**
 * For a US recipient under "adequacy": is it certified under the EU-US Data Privacy Framework? The adequacy
 * decision covers certified organisations only; "no" refuses the mechanism, "not checked" stays a reminder.
 */
export function DpfQuestion({
  value,
  onChange,
  error,
  recipient,
}: {
  value: boolean | null;
  onChange(value: boolean | null): void;
  error?: string;
  recipient: string;
}) {
  const { t } = useTranslation('processors');
  return (
    <Radio.Group
      label={t('processors.dpf.question', { name: recipient || '…' })}
      description={t('processors.dpf.explain')}
      value={answerOf(value)}
      onChange={(answer) => onChange(values[answer as Answer])}
      error={error}
      data-testid="dpf-question"
    >
      <Group gap="md" mt={4}>
        <Radio value="yes" label={t('processors.dpf.yes')} />
        <Radio value="no" label={t('processors.dpf.no')} />
        <Radio value="unchecked" label={t('processors.dpf.unchecked')} />
      </Group>
    </Radio.Group>
  );
}
