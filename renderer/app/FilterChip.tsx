import { Badge, CloseButton } from '@mantine/core';

/**
 * A filter a link brought (a figure of the overview), named as the figure was, with a button to drop it that
 * keyboards and screen readers reach (Mantine's Pill hides its remove button from both).
 */
export function FilterChip({
  label,
  removeLabel,
  onRemove,
  testId,
}: {
  label: string;
  removeLabel: string;
  onRemove(): void;
  testId?: string;
}) {
  return (
    <Badge
      size="lg"
      variant="light"
      radius="xl"
      tt="none"
      fw={500}
      w="fit-content"
      data-testid={testId}
      rightSection={<CloseButton size="xs" variant="transparent" aria-label={removeLabel} onClick={onRemove} />}
    >
      {label}
    </Badge>
  );
}
