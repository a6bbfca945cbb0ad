import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DeadlineSettings } from './DeadlineSettings';
import { RetentionSettings } from './RetentionSettings';
import { TemplateSettings } from './TemplateSettings';

/**
 * The console's own settings and records: how deadlines are counted, the team's letter templates, how long it
 * keeps closed requests, what it exported.
 */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2} size="h3">
        {t('settings.title')}
      </Title>
      <DeadlineSettings />
      <TemplateSettings />
      <RetentionSettings />
    </Stack>
  );
}
