import { Group, Kbd, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { declaredText } from '../i18n';
import { useAvailableActions } from './actions';
import { Modal } from './dialogs';

const keyName = (key: string) => ({ ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc', N: 'Shift + N' })[key] ?? key;

/** Every keyboard action the features declare, grouped, with those that answer on this screen marked. */
export function KeyboardHelp({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { actions, available } = useAvailableActions();
  const groups = new Map<string, typeof actions>();
  for (const action of actions) {
    const heading = declaredText(action.namespace, action.group);
    groups.set(heading, [...(groups.get(heading) ?? []), action]);
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('keys.title')} size="lg" data-testid="keyboard-help">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('keys.explain')}
        </Text>
        {[...groups].map(([heading, list]) => (
          <Stack key={heading} gap={4}>
            <Title order={3} size="h6">
              {heading}
            </Title>
            <Table withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                {list.map((action) => (
                  <Table.Tr key={action.id} data-testid="shortcut" data-available={available.has(action.id)}>
                    <Table.Td w={140}>
                      <Group gap={4}>
                        {action.keys.map((key) => (
                          <Kbd key={key} size="xs">
                            {keyName(key)}
                          </Kbd>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={available.has(action.id) ? undefined : 'dimmed'}>
                        {declaredText(action.namespace, action.label)}
                        {!available.has(action.id) && ` (${t('keys.inactive')})`}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </Stack>
    </Modal>
  );
}
