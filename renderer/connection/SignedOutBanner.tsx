import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../shared/ipc/contract';
import { connectionError } from './errors';
import { useConnectionCall } from './useConnection';

type Current = NonNullable<ConnectionState['current']>;

/** Shown above every screen while the open workspace's session has ended: the cache still works, writes wait. */
export function SignedOutBanner({ state, current }: { state: ConnectionState; current: Current }) {
  const { t, i18n } = useTranslation();
  const call = useConnectionCall();
  const language = i18n.language === 'en' ? 'en' : 'de';
  return (
    <Alert color="orange" mb="sm" data-testid="signed-out-banner">
      {state.error && (
        <Text size="sm" c="red" role="alert" mb={4}>
          {connectionError(t, state.error)}
        </Text>
      )}
      <Group justify="space-between">
        <Text size="sm">{t('connection.signedOutBanner', { platform: current.platformUrl ?? t('connection.demoPlatform') })}</Text>
        {state.signingIn ? (
          <Group gap="xs">
            <Button size="xs" component="a" href={state.signingIn.url} target="_blank" rel="noopener">
              {t('connection.openPage')}
            </Button>
            <Button size="xs" variant="default" onClick={() => void call((bridge) => bridge['connection.cancelSignIn']())}>
              {t('connection.cancel')}
            </Button>
          </Group>
        ) : (
          <Button
            size="xs"
            onClick={() => void call((bridge) => bridge['connection.signIn']({ platformUrl: current.platformUrl, language }))}
          >
            {t('connection.signInAgain')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
