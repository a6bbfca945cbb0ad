import { Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A chart's figures as a table, folded under "As a table": the text alternative and the keyboard's way in.
 * The table is made when it is unfolded (folded it is hidden from everyone, screen readers too), so the start
 * screen draws its charts without building every table behind them.
 */
export function AsTable({ children }: { children: ReactNode }) {
  const { t } = useTranslation('overview');
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <Text span size="xs">
          {t('asTable')}
        </Text>
      </summary>
      {open && children}
    </details>
  );
}
