import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A chart's figures as a table, folded under "As a table": the text alternative and the keyboard's way in. */
export function AsTable({ children }: { children: ReactNode }) {
  const { t } = useTranslation('overview');
  return (
    <details>
      <summary>
        <Text span size="xs">
          {t('asTable')}
        </Text>
      </summary>
      {children}
    </details>
  );
}
