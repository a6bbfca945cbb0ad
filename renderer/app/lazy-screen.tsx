import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { type ComponentType, lazy } from 'react';
import { useTranslation } from 'react-i18next';

// biome-ignore lint/suspicious/noExplicitAny: React.lazy's own bound; the module's export keeps its props type.
type AnyComponent = ComponentType<any>;

/**
 * A component loaded the first time it is shown: every screen but the start screen is a chunk of its own, so
 * a start parses only the shell and the overview (the queue, the policy editor with its Markdown and diff,
 * the registers and the deadline calendars come when they are opened).
 */
export function lazyComponent<M extends Record<K, AnyComponent>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return lazy<M[K]>(async () => ({ default: (await load())[name] }));
}

/** A screen's element, loaded on first navigation (the shell's Suspense shows `ScreenLoading` meanwhile). */
export function lazyScreen<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  const Screen = lazy<ComponentType>(async () => ({ default: (await load())[name] }));
  return <Screen />;
}

/** What stands in a screen's place while its chunk arrives (milliseconds from the local files). */
export function ScreenLoading() {
  const { t } = useTranslation();
  return (
    <Center style={{ flex: 1 }} role="status">
      <Loader size="sm" type="dots" />
      <VisuallyHidden>{t('app.loading')}</VisuallyHidden>
    </Center>
  );
}
