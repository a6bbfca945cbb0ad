import { Alert, Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function StartupError({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Center h="100%" p="xl">
      <Alert color="red" title={t('app.startFailed')} maw={560} role="alert">
        {message}
      </Alert>
    </Center>
  );
}
