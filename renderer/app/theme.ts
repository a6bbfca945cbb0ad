import { Badge, type CSSVariablesResolver, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 6 gives white button text and tinted nav labels ~4:1; shade 8 meets WCAG AA.
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    // Status words are read, not shouted: sentence case keeps badges short enough for dense tables.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none', overflow: 'visible' }, label: { overflow: 'visible' } } }),
  },
});

/** Mantine's default dimmed grey and error red are ~3.3:1 on white; text must meet WCAG AA (4.5:1). */
export const cssVariables: CSSVariablesResolver = (current) => ({
  variables: {},
  light: { '--mantine-color-dimmed': current.colors.gray[7], '--mantine-color-error': current.colors.red[9] },
  dark: { '--mantine-color-dimmed': current.colors.gray[4] },
});
