import { ActionIcon, type MantineColorScheme, Menu, useMantineColorScheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const schemes: MantineColorScheme[] = ['light', 'dark', 'auto'];
const icons: Record<MantineColorScheme, string> = { light: '☀', dark: '☾', auto: '◐' };

/** Light, dark or as the system; Mantine keeps the choice for the next start. */
export function ColorSchemeSwitch() {
  const { t } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`${t('app.scheme.label')}: ${t(`app.scheme.${colorScheme}`)}`}
          data-testid="color-scheme"
        >
          <span aria-hidden>{icons[colorScheme]}</span>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {schemes.map((scheme) => (
          <Menu.Item
            key={scheme}
            leftSection={<span aria-hidden>{icons[scheme]}</span>}
            onClick={() => setColorScheme(scheme)}
            aria-current={scheme === colorScheme ? 'true' : undefined}
            fw={scheme === colorScheme ? 700 : undefined}
          >
            {t(`app.scheme.${scheme}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
