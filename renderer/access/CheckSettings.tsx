import { ActionIcon, Alert, Button, Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccessScope, accessScopes } from '../../shared/api/access';
import type { AccessCheckSettings } from '../../shared/ipc/contract';
import { useStep } from '../app/useStep';
import { useBridge } from '../bridge/context';
import { useScopeLabel } from './labels';

const scopes = Object.keys(accessScopes) as AccessScope[];

/** The continuous checks' thresholds: days until an account counts as dormant, scopes nobody holds together. */
export function CheckSettings() {
  const { t } = useTranslation('access');
  const bridge = useBridge();
  const scopeLabel = useScopeLabel();
  const current = useQuery({ queryKey: ['access', 'settings'], queryFn: () => bridge['access.settings.get']() });
  const [draft, setDraft] = useState<AccessCheckSettings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data && !draft) setDraft(current.data);
  }, [current.data, draft]);
  const save = useStep((settings: AccessCheckSettings) => bridge['access.settings.update'](settings), ['access']);
  if (!draft) return null;
  const options = scopes.map((value) => ({ value, label: scopeLabel(value) }));
  const setPair = (index: number, side: 0 | 1, value: AccessScope) => {
    setSaved(false);
    setDraft({
      ...draft,
      sodPairs: draft.sodPairs.map((pair, i) => (i === index ? (side === 0 ? [value, pair[1]] : [pair[0], value]) : pair)),
    });
  };
  return (
    <Paper withBorder p="sm" maw={900} data-testid="check-settings">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('settings.explain')}
        </Text>
        <NumberInput
          label={t('settings.dormantDays')}
          value={draft.dormantDays}
          min={14}
          max={730}
          w={460}
          onChange={(value) => {
            setSaved(false);
            setDraft({ ...draft, dormantDays: typeof value === 'number' ? value : Number(value) || 0 });
          }}
          error={save.errors.dormantDays}
          data-testid="dormant-days"
        />
        <Text size="sm" fw={500}>
          {t('settings.sodPairs')}
        </Text>
        {draft.sodPairs.map((pair, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a pair is its position in the list while it is edited
          <Group key={index} gap="xs" wrap="nowrap" data-testid="sod-pair">
            <Select
              aria-label={t('settings.first')}
              data={options}
              value={pair[0]}
              onChange={(value) => value && setPair(index, 0, value as AccessScope)}
              w={320}
              allowDeselect={false}
            />
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {t('settings.second')}
            </Text>
            <Select
              aria-label={t('settings.second')}
              data={options}
              value={pair[1]}
              onChange={(value) => value && setPair(index, 1, value as AccessScope)}
              w={320}
              allowDeselect={false}
              error={save.errors[`sodPairs.${index}`]}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('settings.remove')}
              title={t('settings.remove')}
              onClick={() => {
                setSaved(false);
                setDraft({ ...draft, sodPairs: draft.sodPairs.filter((_, i) => i !== index) });
              }}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            size="xs"
            variant="default"
            onClick={() => setDraft({ ...draft, sodPairs: [...draft.sodPairs, ['finance:refunds', 'it:delete_audit_logs']] })}
            data-testid="sod-add"
          >
            {t('settings.add')}
          </Button>
        </Group>
        {save.failure && (
          <Alert color="red" py={6}>
            {save.failure}
          </Alert>
        )}
        <Group>
          <Button
            onClick={() => save.mutation.mutate(draft, { onSuccess: () => setSaved(true) })}
            loading={save.mutation.isPending}
            data-testid="check-settings-save"
          >
            {t('settings.save')}
          </Button>
          {saved && (
            <Text size="sm" c="green" role="status">
              {t('settings.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
