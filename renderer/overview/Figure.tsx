import { Paper, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** One figure of the overview: a number with its name, leading to the rows behind it. */
export function Figure({
  label,
  value,
  to,
  detail,
  tone,
  testId,
}: {
  label: string;
  value: string;
  to: string;
  detail?: ReactNode;
  tone?: 'alert' | 'good';
  testId?: string;
}) {
  const color = tone === 'alert' ? 'red.8' : tone === 'good' ? 'teal.8' : undefined;
  return (
    <UnstyledButton component={Link} to={to} className="overview-figure" data-testid={testId}>
      <Paper withBorder p="sm" h="100%">
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Text fz={28} fw={700} c={color} lh={1.2}>
          {value}
        </Text>
        {detail && (
          <Text size="xs" c="dimmed">
            {detail}
          </Text>
        )}
      </Paper>
    </UnstyledButton>
  );
}
