import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type NotificationPolicy, SeverityBand } from '../../shared/api/breaches';
import { optionsOf, useLabels } from '../app/labels';
import { useStep } from '../app/useStep';
import { useMayWrite } from '../app/workspace';
import { useBridge } from '../bridge/context';

/**
 * The notification policy: from which severity band the assessment recommends notifying the authority and
 * telling the people. ENISA sets no threshold; the default is the one BREACH-SEVERITY.md states.
 */
export function PolicySettings() {
  const { t } = useTranslation('breaches');
  const names = useLabels();
  const bridge = useBridge();
  const mayDecide = useMayWrite('breach:decide');
  const policy = useQuery({ queryKey: ['breachPolicy'], queryFn: () => bridge['breachPolicy.get']() });
  const [draft, setDraft] = useState<NotificationPolicy | null>(null);
  const {
    mutation: save,
    errors: error,
    failure,
  } = useStep((next: NotificationPolicy) => bridge['breachPolicy.update'](next), ['breachPolicy']);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (policy.data) setDraft(policy.data);
  }, [policy.data]);
  if (!draft) return null;
  const bands = optionsOf(SeverityBand.options, names.severityBand);
  return (
    <Paper withBorder p="sm" data-testid="policy-settings">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('policy.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('policy.explain')}
        </Text>
        <Group align="flex-end">
          <Select
            label={t('policy.authorityFrom')}
            data={bands}
            value={draft.authorityFrom}
            onChange={(value) =>
              setDraft({ ...draft, authorityFrom: (value as NotificationPolicy['authorityFrom']) ?? draft.authorityFrom })
            }
            allowDeselect={false}
            readOnly={!mayDecide}
          />
          <Select
            label={t('policy.subjectsFrom')}
            data={bands}
            value={draft.subjectsFrom}
            onChange={(value) => setDraft({ ...draft, subjectsFrom: (value as NotificationPolicy['subjectsFrom']) ?? draft.subjectsFrom })}
            allowDeselect={false}
            readOnly={!mayDecide}
            error={error.subjectsFrom}
          />
          {mayDecide && (
            <Button
              variant="default"
              onClick={() => {
                setSaved(false);
                save.mutate(draft, { onSuccess: () => setSaved(true) });
              }}
              loading={save.isPending}
              data-testid="save-policy"
            >
              {t('policy.save')}
            </Button>
          )}
        </Group>
        {failure && !error.subjectsFrom && (
          <Alert color="red" py={6}>
            {failure}
          </Alert>
        )}
        {saved && (
          <Alert color="teal" py={6}>
            {t('policy.saved')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
