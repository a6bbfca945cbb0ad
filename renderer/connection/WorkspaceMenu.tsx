import { Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../shared/ipc/contract';
import { nameOr, useLabels } from '../app/labels';
import { useConnectionCall } from './useConnection';

type Current = NonNullable<ConnectionState['current']>;

/** The header's account menu: who is signed in, with which roles and permissions; switch workspace, sign out. */
export function WorkspaceMenu({ state, current }: { state: ConnectionState; current: Current }) {
  const { t } = useTranslation();
  const call = useConnectionCall();
  const others = state.workspaces.filter((w) => w.id !== current.id);
  const labels = useLabels();
  return (
    <Menu position="bottom-end" width={340} withinPortal>
      <Menu.Target>
        <UnstyledButton title={t('connection.menu')} data-testid="workspace-menu">
          <Text size="sm" truncate maw={220}>
            {current.service && !current.staffName ? t('connection.service') : current.staffName}
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('connection.who')}</Menu.Label>
        <div style={{ padding: '0 12px 8px' }} data-testid="who-am-i">
          <Text fw={600}>{current.staffName || t('connection.service')}</Text>
          <Text size="sm" c="dimmed">
            {current.staffEmail} · {current.platformUrl ?? t('connection.demoPlatform')}
          </Text>
          <Text size="xs" mt={6}>
            {t('connection.roles')}: {current.roles.map((role) => nameOr(labels.role, role)).join(', ')}
          </Text>
          <Text size="xs" mt={6}>
            {t('connection.scopes')}:
          </Text>
          <Group gap={4} mt={2} data-testid="scopes">
            {current.scopes.map((scope) => (
              <Badge key={scope} size="xs" variant="light" tt="none">
                {scope}
              </Badge>
            ))}
          </Group>
        </div>
        {!current.service && (
          <>
            {others.length > 0 && <Menu.Label>{t('connection.switch')}</Menu.Label>}
            {others.map((workspace) => (
              <Menu.Item key={workspace.id} onClick={() => void call((bridge) => bridge['connection.switch']({ id: workspace.id }))}>
                {workspace.staffName} · {workspace.platformUrl ?? t('connection.demoPlatform')}
              </Menu.Item>
            ))}
            <Menu.Divider />
            <Menu.Item onClick={() => void call((bridge) => bridge['connection.signOut']())} color="red">
              {t('connection.signOut')}
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
