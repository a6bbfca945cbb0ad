import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { type ReactNode, useEffect } from 'react';
import { MemoryRouter } from 'react-router';
import type { PrivacyConsole } from '../../electron/console';
import { shellActions } from '../../renderer/app/App';
import { ActionsProvider, type RegisteredAction } from '../../renderer/app/actions';
import { type SubjectPanel, SubjectPanelsContext } from '../../renderer/app/subject-panels';
import { cssVariables, theme } from '../../renderer/app/theme';
import { BridgeProvider, useBridge } from '../../renderer/bridge/context';
import { features } from '../../renderer/features';
import { initI18n } from '../../renderer/i18n';
import { followCache } from '../../renderer/sync/follow-cache';
import { buildBridge, type PrivacyConsoleBridge, unwrap } from '../../shared/ipc/bridge';
import { bridgeNames } from '../../shared/ipc/contract';

/** What jsdom lacks and Mantine needs. */
export function domForMantine(): void {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  Element.prototype.scrollIntoView ??= () => undefined;
  // Autosizing text areas listen for web fonts loading.
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', {
      value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() },
    });
  }
}

/** The renderer's bridge over a real console in this process: what the preload and the WebSocket also carry. */
export function bridgeTo(console_: PrivacyConsole): PrivacyConsoleBridge {
  return buildBridge(
    {
      invoke: async (channel, input) => unwrap(await console_.dispatch(channel, input)),
      subscribe: (event, listener) => console_.subscribe(event, listener),
    },
    bridgeNames,
  );
}

const actions: RegisteredAction[] = [
  ...shellActions,
  ...features.flatMap((feature) => feature.actions.map((action) => ({ ...action, namespace: feature.namespace }))),
];

const subjectPanels = features.flatMap((feature): readonly SubjectPanel[] =>
  'subjectPanels' in feature ? (feature.subjectPanels ?? []) : [],
);

/** What main tells the renderer (cache changes, sync state) reaches the queries, as in the shell. */
function BridgeEvents() {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  useEffect(() => followCache(bridge, queryClient), [bridge, queryClient]);
  return null;
}

/** Renders a screen as the shell does: theme, texts, queries, the bridge and the keyboard registry. */
export async function renderScreen(element: ReactNode, bridge: PrivacyConsoleBridge, language: 'de' | 'en' = 'en') {
  domForMantine();
  await initI18n(language);
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } } });
  return render(
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
      <BridgeProvider bridge={bridge}>
        <QueryClientProvider client={queryClient}>
          <ActionsProvider actions={actions}>
            <SubjectPanelsContext.Provider value={subjectPanels}>
              <BridgeEvents />
              <MemoryRouter>{element}</MemoryRouter>
            </SubjectPanelsContext.Provider>
          </ActionsProvider>
        </QueryClientProvider>
      </BridgeProvider>
    </MantineProvider>,
  );
}
