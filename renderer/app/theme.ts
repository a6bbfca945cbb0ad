import { Badge, type CSSVariablesResolver, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    // Status words are read, not shouted: sentence case keeps badges short enough for dense tables.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none', overflow: 'visible' }, label: { overflow: 'visible' } } }),
  },
});

/** Mantine's default dimmed grey is 3.3:1 on white; secondary text must still meet WCAG AA (4.5:1). */
export const cssVariables: CSSVariablesResolver = (current) => ({
  variables: {},
  light: { '--mantine-color-dimmed': current.colors.gray[7] },
  dark: { '--mantine-color-dimmed': current.colors.gray[4] },
});
