import { AppShell, Badge, Group, NavLink, Text, Title } from '@mantine/core';
import { Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, Navigate, Route, NavLink as RouterLink, Routes, useLocation } from 'react-router';
import type { ConnectionState } from '../../shared/ipc/contract';
import { ConnectionScreen } from '../connection/ConnectionScreen';
import { SignedOutBanner } from '../connection/SignedOutBanner';
import { useConnection } from '../connection/useConnection';
import { WorkspaceMenu } from '../connection/WorkspaceMenu';
import { features } from '../features';
import { declaredText } from '../i18n';
import { CommandPalette } from '../palette/CommandPalette';
import { SyncIndicator } from '../sync/SyncIndicator';
import { AppCommands } from './AppCommands';
import { ActionsProvider, type RegisteredAction, useAction } from './actions';
import { ColorSchemeSwitch } from './ColorSchemeSwitch';
import { KeyboardHelp } from './KeyboardHelp';
import { LanguageSwitch } from './LanguageSwitch';
import { ScreenLoading } from './lazy-screen';
import { PartBoundary } from './PartBoundary';
import { type SubjectPanel, SubjectPanelsContext } from './subject-panels';
import { useWorkspace } from './workspace';

/** The shell's own keys beside those the features declare. */
export const shellActions: RegisteredAction[] = [
  { id: 'app.help', keys: ['?'], label: 'keys.help', group: 'keys.app', namespace: 'common' },
  { id: 'app.undo', keys: ['z'], label: 'keys.undo', group: 'keys.app', namespace: 'common' },
];
const actions: RegisteredAction[] = [
  ...shellActions,
  ...features.flatMap((feature) => feature.actions.map((action) => ({ ...action, namespace: feature.namespace }))),
];
const navigation = features
  .flatMap((feature) => feature.nav.map((entry) => ({ ...entry, namespace: feature.namespace })))
  .sort((a, b) => a.order - b.order);
const routes = features.flatMap((feature) => feature.routes);
const subjectPanels = features.flatMap((feature): readonly SubjectPanel[] =>
  'subjectPanels' in feature ? (feature.subjectPanels ?? []) : [],
);

export function App() {
  return (
    <ActionsProvider actions={actions}>
      <SubjectPanelsContext.Provider value={subjectPanels}>
        <Shell />
      </SubjectPanelsContext.Provider>
    </ActionsProvider>
  );
}

function Shell() {
  const connection = useConnection();
  if (!connection.data) return null;
  const current = connection.data.current;
  // No workspace open: nothing else can be shown (every other channel answers "not connected").
  if (!current) return <ConnectionScreen state={connection.data} />;
  return <Workbench key={current.id} state={connection.data} current={current} />;
}

function Workbench({ state, current }: { state: ConnectionState; current: NonNullable<ConnectionState['current']> }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [help, setHelp] = useState(false);
  const screens = navigation.map((entry) => ({ path: entry.path, label: declaredText(entry.namespace, entry.label) }));
  const openHelp = useCallback(() => setHelp(true), []);
  useAction('app.help', openHelp);

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
              <CommandPalette screens={screens} />
              <SyncIndicator />
              <WorkspaceMenu state={state} current={current} />
              <ColorSchemeSwitch />
              <LanguageSwitch />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label={t('app.navigation')}>
          {navigation.map((entry) => (
            <NavLink key={entry.path} component={RouterLink} to={entry.path} label={declaredText(entry.namespace, entry.label)} />
          ))}
        </AppShell.Navbar>
        <AppShell.Main style={{ display: 'flex', flexDirection: 'column', height: '100dvh' }}>
          {!current.signedIn && <SignedOutBanner state={state} current={current} />}
          <Screens />
        </AppShell.Main>
      </AppShell>
      <KeyboardHelp opened={help} onClose={() => setHelp(false)} />
      <AppCommands onHelp={openHelp} />
    </HashRouter>
  );
}

/** The screens: each loaded on first navigation; one that fails says so in its place and the next route tries anew. */
function Screens() {
  const location = useLocation();
  return (
    <PartBoundary resetKey={location.pathname}>
      <Suspense fallback={<ScreenLoading />}>
        <Routes>
          {routes.map((route) => (
            <Route key={route.path} path={route.path} element={route.element} />
          ))}
          <Route path="*" element={<Navigate to={navigation[0].path} replace />} />
        </Routes>
      </Suspense>
    </PartBoundary>
  );
}
