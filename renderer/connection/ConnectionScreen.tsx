import { Alert, Badge, Button, Card, Container, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../shared/ipc/contract';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { connectionError } from './errors';
import { useConnectionCall } from './useConnection';

/**
 * What a console with no open workspace shows: the demo, a platform's address to sign in to, the workspaces
 * used before; while the browser sign-in runs, the page to open and a way to cancel.
 */
export function ConnectionScreen({ state }: { state: ConnectionState }) {
  const { t, i18n } = useTranslation();
  const call = useConnectionCall();
  const [address, setAddress] = useState(state.suggestedUrl ?? 'https://');
  const [busy, setBusy] = useState(false);
  const language = i18n.language === 'en' ? 'en' : 'de';
  // No workspace is open, so no controller's time zone: the machine's.
  const when = (iso: string) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  const signIn = async (platformUrl: string | null) => {
    setBusy(true);
    try {
      await call((bridge) => bridge['connection.signIn']({ platformUrl, language }));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void signIn(address);
  };

  return (
    <Container size="sm" py="xl" component="main">
      <Stack gap="lg">
        <Group justify="flex-end">
          <LanguageSwitch />
        </Group>
        <div>
          <Title order={1}>{t('connection.title')}</Title>
          <Text c="dimmed" mt="xs">
            {t('connection.lead')}
          </Text>
        </div>
        {state.error && (
          <Alert color="red" role="alert" title={t('connection.errorTitle')} data-testid="connection-error">
            {connectionError(t, state.error)}
          </Alert>
        )}
        {state.signingIn ? (
          <Card withBorder padding="lg" data-testid="signing-in">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <Loader size="sm" />
              <Stack gap="sm">
                <Text>{t('connection.waiting')}</Text>
                <Group>
                  <Button component="a" href={state.signingIn.url} target="_blank" rel="noopener">
                    {t('connection.openPage')}
                  </Button>
                  <Button variant="default" onClick={() => void call((bridge) => bridge['connection.cancelSignIn']())}>
                    {t('connection.cancel')}
                  </Button>
                </Group>
              </Stack>
            </Group>
          </Card>
        ) : (
          <>
            <Card withBorder padding="lg">
              <Title order={2} size="h4">
                {t('connection.demoTitle')}
              </Title>
              <Text size="sm" c="dimmed" my="xs">
                {t('connection.demoText')}
              </Text>
              <Button onClick={() => void signIn(null)} loading={busy} variant="light" color="grape">
                {t('connection.openDemo')}
              </Button>
            </Card>
            <Card withBorder padding="lg" component="form" onSubmit={submit}>
              <Title order={2} size="h4" mb="xs">
                {t('connection.platformTitle')}
              </Title>
              <Group align="flex-end" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('connection.address')}
                  description={t('connection.addressHint')}
                  value={address}
                  onChange={(event) => setAddress(event.currentTarget.value)}
                  type="url"
                  required
                />
                <Button type="submit" loading={busy}>
                  {t('connection.signIn')}
                </Button>
              </Group>
            </Card>
          </>
        )}
        {state.workspaces.length > 0 && (
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="xs">
              {t('connection.known')}
            </Title>
            <Stack gap="xs">
              {state.workspaces.map((workspace) => (
                <Group key={workspace.id} justify="space-between" wrap="nowrap" data-testid="known-workspace">
                  <div>
                    <Text fw={600}>
                      {workspace.staffName} · {workspace.workspaceName}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {workspace.platformUrl ?? t('connection.demoPlatform')} · {when(workspace.lastUsedAt)}
                    </Text>
                  </div>
                  <Group gap="xs" wrap="nowrap">
                    {workspace.platformUrl === null && <Badge color="grape">{t('app.demo')}</Badge>}
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`${t('connection.open')}: ${workspace.staffName} · ${workspace.workspaceName}`}
                      onClick={() => void call((bridge) => bridge['connection.switch']({ id: workspace.id }))}
                    >
                      {t('connection.open')}
                    </Button>
                  </Group>
                </Group>
              ))}
            </Stack>
          </Card>
        )}
      </Stack>
    </Container>
  );
}
