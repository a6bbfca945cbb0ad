import { AppShell, Badge, Group, NavLink, SegmentedControl, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { HashRouter, Navigate, Route, NavLink as RouterLink, Routes } from 'react-router';
import { useBridge } from '../bridge/context';
import { RequestQueue } from '../dsar/RequestQueue';
import { type Language, languages } from '../i18n';
import { ProcessorRegistry } from '../processors/ProcessorRegistry';
import { RecordsOfProcessing } from '../processors/RecordsOfProcessing';
import { DeadlineSettings } from '../settings/DeadlineSettings';
import { SyncIndicator } from '../sync/SyncIndicator';
import { useBridgeEvents } from '../sync/useBridgeEvents';

export function App() {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  useBridgeEvents();
  const workspace = useQuery({ queryKey: ['workspace'], queryFn: () => bridge['workspace.info']() });

  return (
    <HashRouter>
      <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm' }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Title order={1} size="h4">
                {t('app.title')}
              </Title>
              {workspace.data && (
                <Text size="sm" c="dimmed" truncate>
                  {workspace.data.name}
                </Text>
              )}
              {workspace.data?.demo && (
                <Badge variant="light" color="grape">
                  {t('app.demo')}
                </Badge>
              )}
            </Group>
            <Group gap="md" wrap="nowrap">
              <SyncIndicator />
              {workspace.data?.me && (
                <Text size="sm" visibleFrom="md">
                  {t('app.signedInAs', { name: workspace.data.me.staff.name })}
                </Text>
              )}
              <SegmentedControl
                size="xs"
                aria-label={t('app.language')}
                value={i18n.language}
                onChange={(value) => void i18n.changeLanguage(value as Language)}
                data={languages.map((language) => ({ value: language, label: language.toUpperCase() }))}
              />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label={t('app.navigation')}>
          <NavLink component={RouterLink} to="/requests" label={t('app.requests')} />
          <NavLink component={RouterLink} to="/processors" label={t('app.processors')} />
          <NavLink component={RouterLink} to="/records" label={t('app.records')} />
          <NavLink component={RouterLink} to="/settings" label={t('app.settings')} />
        </AppShell.Navbar>
        <AppShell.Main style={{ display: 'flex', flexDirection: 'column', height: '100dvh' }}>
          <Routes>
            <Route path="/requests" element={<RequestQueue />} />
            <Route path="/processors" element={<ProcessorRegistry />} />
            <Route path="/records" element={<RecordsOfProcessing />} />
            <Route path="/settings" element={<DeadlineSettings />} />
            <Route path="*" element={<Navigate to="/requests" replace />} />
          </Routes>
        </AppShell.Main>
      </AppShell>
    </HashRouter>
  );
}
